import type { TokenProvider } from '@microsoft/teams.api';
import { App, ExpressAdapter } from '@microsoft/teams.apps';
import type { AdapterContext, PlatformAdapter } from '../adapter-contract.ts';
import { createDeliveryRecords } from './delivery-records.ts';
import { handleCardAction } from './listeners/card-actions.ts';
import { answerChurnChat } from './listeners/churn-chat.ts';
import { answerHomeChat, isHomeChat } from './listeners/home-chat.ts';
import { mapTeamsRequestToAccount } from './listeners/map-to-account.ts';
import { createTeamsPacer } from './pace-teams-calls.ts';
import { sendRequestExplanation } from './send-request-explanation.ts';
import { createTeamsChannelGuard } from './teams-channel-guard.ts';
import { createTeamsConnector } from './teams-connector.ts';
import { createTeamsDigestPublisher } from './teams-digest-publisher.ts';
import { createTeamsHealthAlerts } from './teams-health-alerts.ts';
import {
  activityTenantId,
  type TeamsInboundActivity,
  TeamsInboundActivitySchema,
} from './teams-inbound-activity.ts';
import { createTeamsInboxIngest } from './teams-inbox-ingest.ts';
import { createDirectTeamsIngest, type TeamsIngest, type TeamsIngestDeps } from './teams-ingest.ts';
import { createTeamsMemberDirectory } from './teams-member-directory.ts';
import { createTeamsNotifier } from './teams-notifier.ts';
import { toTeamsLogger } from './to-teams-logger.ts';

/** The public Bot Framework connector for Teams, when TEAMS_SERVICE_URL is not set. */
export const DEFAULT_TEAMS_SERVICE_URL = 'https://smba.trafficmanager.net/teams/';
/** Where Teams posts activities (the bot registration's messaging endpoint). */
export const TEAMS_MESSAGING_ENDPOINT = '/api/messages';

export interface TeamsAdapterOptions {
  /** Replaces the SDK's token acquisition (tests: no Entra needed). */
  token?: TokenProvider;
  /** Longest wait for one connector call through 429s before the job retries (ms). */
  maxRateLimitWaitMs?: number;
  /** First backoff without Retry-After (ms). */
  baseRetryDelayMs?: number;
  /**
   * Replaces the durable inbox ingest (the default). Given the direct ingest, which handles an
   * activity at once in the request, for tests that need exactly that.
   */
  ingest?: (direct: TeamsIngest) => TeamsIngest;
}

/**
 * The Teams adapter: a Teams SDK v2 app mounted on the shared HTTP server at POST /api/messages
 * (Bot Framework JWTs validated by the SDK), its listeners, the Notifier that posts routed
 * posts as Adaptive Cards, and the weekly digest's publisher. Null when TEAMS_CLIENT_ID is empty (the adapter is off).
 */
export async function createTeamsAdapter(
  context: AdapterContext,
  options: TeamsAdapterOptions = {},
): Promise<PlatformAdapter | null> {
  const { env } = context.config;
  if (!env.TEAMS_CLIENT_ID || !env.TEAMS_TENANT_ID) return null;
  if (env.TEAMS_ALLOW_UNAUTHENTICATED && env.NODE_ENV === 'production') {
    throw new Error(
      'TEAMS_ALLOW_UNAUTHENTICATED=true is refused in production: anyone could forge Teams activities. Unset it.',
    );
  }
  const logger = context.logger.child({ adapter: 'teams' });
  const ourTenantId = env.TEAMS_TENANT_ID;
  const app = new App({
    clientId: env.TEAMS_CLIENT_ID,
    tenantId: env.TEAMS_TENANT_ID,
    ...(options.token ? { token: options.token } : { clientSecret: env.TEAMS_CLIENT_SECRET }),
    serviceUrl: env.TEAMS_SERVICE_URL ?? DEFAULT_TEAMS_SERVICE_URL,
    // Mounts POST /api/messages on the shared HTTP server (health, metrics, Slack, email).
    httpServerAdapter: new ExpressAdapter(context.http, { logger: toTeamsLogger(logger, 'teams-http') }),
    messagingEndpoint: TEAMS_MESSAGING_ENDPOINT,
    dangerouslyAllowUnauthenticatedRequests: env.TEAMS_ALLOW_UNAUTHENTICATED,
    logger: toTeamsLogger(logger),
    // Verbatim reads every word; the SDK must not strip mentions from the text.
    activity: { mentions: { stripText: false } },
  });
  if (env.TEAMS_ALLOW_UNAUTHENTICATED) {
    logger.warn(
      'TEAMS_ALLOW_UNAUTHENTICATED=true: Teams requests are accepted without a Bot Framework JWT (tests only)',
    );
  }

  const pacer = createTeamsPacer({
    logger,
    maxWaitMs: options.maxRateLimitWaitMs,
    baseDelayMs: options.baseRetryDelayMs,
  });
  const connector = createTeamsConnector(app, pacer);
  const members = createTeamsMemberDirectory({ connector, keyv: context.cache, logger });
  const guard = createTeamsChannelGuard({ connector, keyv: context.cache, ourTenantId: env.TEAMS_TENANT_ID });
  const notifier = createTeamsNotifier({
    connector,
    guard,
    records: createDeliveryRecords(context.cache),
    keyv: context.cache,
    logger,
    accounts: () => context.directory.accounts.map(({ id, name }) => ({ id, name })),
  });
  const { allowedUsers } = context.config.file.churn;
  // Account health is internal: our tenant only and, when `churn.allowedUsers` lists people, only
  // them (Entra object ids on Teams). A channel mention is also checked against the member list below.
  const mayReadHealth = (activity: TeamsInboundActivity) => {
    const tenant = activityTenantId(activity);
    if (tenant !== ourTenantId) return false;
    if (allowedUsers.length === 0) return true;
    return [activity.from.aadObjectId, activity.from.id].some(
      (id) => id !== undefined && allowedUsers.includes(id),
    );
  };
  const ingestDeps: TeamsIngestDeps = { context, members, logger, ourTenantId: env.TEAMS_TENANT_ID };
  // Stored first, answered second: look-ups, mapping and ingest run from the durable inbox.
  const ingest = options.ingest
    ? options.ingest(createDirectTeamsIngest(ingestDeps))
    : createTeamsInboxIngest({ ...ingestDeps, inbox: context.inbox });

  // Card buttons answer at once (the invoke response); every other activity is relayed to the
  // ingest before Teams is answered: the 200 follows the inbox commit, a failure gets a 500 and
  // Teams delivers it again.
  app.on('card.action', async ({ activity }) => {
    const parsed = TeamsInboundActivitySchema.parse(activity);
    return handleCardAction(context, {
      value: parsed.value,
      actor: {
        id: parsed.from.aadObjectId ?? parsed.from.id,
        ...(parsed.from.name ? { name: parsed.from.name } : {}),
      },
      map: (input) => mapTeamsRequestToAccount(context, input),
      explain: (requestId) =>
        sendRequestExplanation({
          connector,
          explainRequest: context.explainRequest,
          logger,
          ourTenantId,
          requestId,
          userId: parsed.from.id,
        }),
    });
  });
  app.on('activity', async ({ activity, send }) => {
    const parsed = TeamsInboundActivitySchema.safeParse(activity);
    if (!parsed.success) {
      logger.warn(
        { type: (activity as { type?: string }).type },
        'ignored a Teams activity of an unexpected shape',
      );
      return;
    }
    if (isHomeChat(parsed.data)) {
      const tenant = activityTenantId(parsed.data);
      // Only our own people see requests and account health; anyone else gets nothing back.
      if (tenant === ourTenantId)
        await send(
          (await answerHomeChat(context, members, parsed.data)) as unknown as Parameters<typeof send>[0],
        );
      logger.info(
        { conversation: parsed.data.conversation.id, ours: tenant === ourTenantId },
        'teams home asked',
      );
      return;
    }
    const churn = await answerChurnChat(parsed.data, { health: context.health, allowed: mayReadHealth });
    if (churn) {
      const log = {
        outcome: churn.outcome,
        conversation: parsed.data.conversation.id,
        activity: parsed.data.id,
      };
      if (churn.error) logger.error({ ...log, err: churn.error }, 'teams churn chat failed');
      else logger.info(log, 'teams churn chat answered');
    }
    if (churn?.where === 'here') {
      await send(churn.activity as unknown as Parameters<typeof send>[0]);
      return;
    }
    if (churn?.where === 'private') {
      // Only our own people get an answer, and only in a 1:1 chat; anyone else's words are just words.
      const author = await members.lookup(
        parsed.data.conversation.id,
        parsed.data.from.aadObjectId ?? parsed.data.from.id,
      );
      if (author?.tenantId === ourTenantId) {
        const chatId = await connector.openPersonalChat(parsed.data.from.id, ourTenantId);
        await connector.post(chatId, churn.activity);
        return;
      }
    }
    await ingest.receive(parsed.data);
  });
  await app.initialize();
  logger.info(
    { endpoint: TEAMS_MESSAGING_ENDPOINT, authenticated: !env.TEAMS_ALLOW_UNAUTHENTICATED },
    'teams adapter ready',
  );

  return {
    name: 'teams',
    notifier,
    healthAlerts: createTeamsHealthAlerts({ connector, guard, ourTenantId, logger }),
    digestPublisher: createTeamsDigestPublisher({ connector, guard, logger }),
    async start() {},
    async stop() {},
  };
}

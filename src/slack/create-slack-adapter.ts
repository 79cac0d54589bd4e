import { App, ExpressReceiver, type Receiver } from '@slack/bolt';
import type { AdapterContext, PlatformAdapter } from '../adapter-contract.ts';
import { createSlackWebClient, slackClientOptions } from './create-slack-web-client.ts';
import { DeferredAckSocketModeReceiver } from './deferred-ack-socket-mode-receiver.ts';
import { registerSlackListeners } from './listeners/register-slack-listeners.ts';
import { retrySlackDeadLetter } from './listeners/retry-slack-dead-letter.ts';
import type { SlackListenerDeps } from './listeners/slack-listener-deps.ts';
import { createSlackPacer } from './pace-slack-calls.ts';
import { readSlackIdentity } from './read-slack-identity.ts';
import { createSharedChannelGuard } from './shared-channel-guard.ts';
import { createSlackDigestPublisher } from './slack-digest-publisher.ts';
import { createSlackHealthAlerts } from './slack-health-alerts.ts';
import { createSlackNotifier } from './slack-notifier.ts';
import { createSlackPoster } from './slack-poster.ts';
import { createSlackUserDirectory } from './slack-user-directory.ts';
import { processSlackInboxEntry, slackOrderKey, storeThenAck } from './store-then-ack.ts';
import { toSlackLogger } from './to-slack-logger.ts';

/** Tunables for tests and benchmarks; production uses the defaults. */
export interface SlackAdapterOptions {
  /** Spacing of posts per channel (ms); Slack allows about one per second. */
  postIntervalMs?: number;
  /** Longest a delivery waits out rate limits before its job retries (ms). */
  maxRateLimitWaitMs?: number;
}

/**
 * The Slack adapter: a Bolt app in Socket Mode (SLACK_APP_TOKEN set: no public URL needed) or
 * HTTP mode (POST /slack/events on the shared HTTP server, signatures verified with
 * SLACK_SIGNING_SECRET), its listeners, and the Notifier that posts routed posts. Null when
 * SLACK_BOT_TOKEN is empty (the adapter is off).
 */
export async function createSlackAdapter(
  context: AdapterContext,
  options: SlackAdapterOptions = {},
): Promise<PlatformAdapter | null> {
  const { env } = context.config;
  const token = env.SLACK_BOT_TOKEN;
  if (!token) return null;
  if (!env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
    throw new Error(
      'Slack is configured (SLACK_BOT_TOKEN) but has no way to receive events: set SLACK_APP_TOKEN (xapp-…, ' +
        'Socket Mode, no public URL needed) or SLACK_SIGNING_SECRET (HTTP mode at POST /slack/events)',
    );
  }
  const logger = context.logger.child({ adapter: 'slack' });
  const apiUrl = env.SLACK_API_URL;
  const listenerClient = createSlackWebClient({ token, apiUrl, purpose: 'listener', logger });
  const deliveryClient = createSlackWebClient({ token, apiUrl, purpose: 'delivery', logger });
  const postClient = createSlackWebClient({ token, apiUrl, purpose: 'post', logger });
  const identity = await readSlackIdentity(deliveryClient);
  logger.info(
    { team: identity.teamId, bot: identity.botUserId, mode: env.SLACK_APP_TOKEN ? 'socket' : 'http' },
    'slack identity confirmed',
  );

  const pacer = createSlackPacer({
    logger,
    minIntervalMs: options.postIntervalMs,
    maxRateLimitWaitMs: options.maxRateLimitWaitMs,
  });
  const { reactions } = context.config.file;
  const notifier = createSlackNotifier({
    poster: createSlackPoster({ client: deliveryClient, postClient, pacer }),
    client: deliveryClient,
    pacer,
    guard: createSharedChannelGuard({ client: deliveryClient, pacer }),
    keyv: context.cache,
    logger,
    accounts: () => context.directory.accounts.map(({ id, name }) => ({ id, name })),
    mirror: reactions.mirrorOnCustomerMessage
      ? { claimed: reactions.claim[0] ?? 'eyes', resolved: reactions.resolve[0] ?? 'white_check_mark' }
      : null,
  });

  const slackLogger = toSlackLogger(logger);
  const socketMode = env.SLACK_APP_TOKEN !== undefined;
  const receiver: Receiver = env.SLACK_APP_TOKEN
    ? new DeferredAckSocketModeReceiver({ appToken: env.SLACK_APP_TOKEN, apiUrl, logger: slackLogger })
    : new ExpressReceiver({
        signingSecret: env.SLACK_SIGNING_SECRET ?? '',
        // Mounts POST /slack/events on the shared HTTP server (health, metrics, webhooks).
        app: context.http,
        endpoints: '/slack/events',
        // Answer Slack after the event is in the inbox, so a failure gets a 500 and a redelivery.
        processBeforeResponse: true,
        logger: slackLogger,
      });
  const app = new App({
    token,
    receiver,
    logger: slackLogger,
    clientOptions: slackClientOptions({ apiUrl, purpose: 'listener', logger }),
    // auth.test already ran above; these feed Bolt's ignoreSelf (our own posts are not customer messages).
    tokenVerificationEnabled: false,
    botUserId: identity.botUserId,
    ...(identity.botId ? { botId: identity.botId } : {}),
  });
  // The one error boundary of listeners: log with ids, then rethrow so the receiver does not
  // acknowledge the event (HTTP 500 / Socket Mode no ack) and Slack delivers it again.
  app.error(async (error) => {
    logger.error({ err: error }, 'slack listener failed');
    throw error;
  });

  // Stored first, acknowledged second; the listeners run from the durable inbox.
  app.use(storeThenAck(context.inbox));
  context.inbox.process('slack', (entry) => processSlackInboxEntry(app, entry), { orderKey: slackOrderKey });
  const afterwards = new Set<Promise<void>>();
  const deps: SlackListenerDeps = {
    context,
    client: listenerClient,
    identity,
    users: createSlackUserDirectory({ client: listenerClient, keyv: context.cache, logger }),
    logger,
    deadLetters: context.deadLetters,
    later(what, work) {
      const running: Promise<void> = work()
        .catch((error: unknown) => logger.warn({ err: error }, `${what} failed`))
        .finally(() => afterwards.delete(running));
      afterwards.add(running);
    },
  };
  registerSlackListeners(app, deps);

  const digestPublisher = createSlackDigestPublisher({
    client: deliveryClient,
    postClient,
    pacer,
    guard: createSharedChannelGuard({ client: deliveryClient, pacer }),
    logger,
  });
  return {
    name: 'slack',
    notifier,
    healthAlerts: createSlackHealthAlerts({
      client: deliveryClient,
      pacer,
      guard: createSharedChannelGuard({ client: deliveryClient, pacer }),
      logger,
    }),
    digestPublisher,
    async start() {
      if (socketMode) await app.start();
    },
    retryDeadLetter: (letter) => retrySlackDeadLetter(app, context, letter),
    async stop() {
      if (socketMode) await app.stop();
      await Promise.race([
        Promise.allSettled([...afterwards]),
        new Promise((resolve) => setTimeout(resolve, 5000).unref()),
      ]);
    },
  };
}

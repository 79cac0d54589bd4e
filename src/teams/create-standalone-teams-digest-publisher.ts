import type { TokenProvider } from '@microsoft/teams.api';
import { App } from '@microsoft/teams.apps';
import Keyv from 'keyv';
import type { Logger } from 'pino';
import type { DigestPublisher } from '../core/digest/digest-publisher.ts';
import { DEFAULT_TEAMS_SERVICE_URL } from './create-teams-adapter.ts';
import { createTeamsPacer } from './pace-teams-calls.ts';
import { createTeamsChannelGuard } from './teams-channel-guard.ts';
import { createTeamsConnector } from './teams-connector.ts';
import { createTeamsDigestPublisher } from './teams-digest-publisher.ts';
import { toTeamsLogger } from './to-teams-logger.ts';

/**
 * A Teams digest publisher with its own Teams SDK app, for `verbatim digest --post` outside the
 * running service: it only sends (app.send and the members API), so no HTTP endpoint is mounted.
 * The channel guard's verdicts live in memory for this one run.
 */
export function createStandaloneTeamsDigestPublisher(input: {
  clientId: string;
  clientSecret?: string;
  tenantId: string;
  serviceUrl?: string;
  logger: Logger;
  /** Replaces the SDK's token acquisition (tests: no Entra needed). */
  token?: TokenProvider;
}): DigestPublisher {
  const logger = input.logger.child({ adapter: 'teams' });
  const app = new App({
    clientId: input.clientId,
    tenantId: input.tenantId,
    ...(input.token ? { token: input.token } : { clientSecret: input.clientSecret }),
    serviceUrl: input.serviceUrl ?? DEFAULT_TEAMS_SERVICE_URL,
    logger: toTeamsLogger(logger),
  });
  const connector = createTeamsConnector(app, createTeamsPacer({ logger }));
  return createTeamsDigestPublisher({
    connector,
    guard: createTeamsChannelGuard({ connector, keyv: new Keyv(), ourTenantId: input.tenantId }),
    logger,
  });
}

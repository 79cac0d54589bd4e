import { App } from '@microsoft/teams.apps';
import type { Logger } from 'pino';
import type { Env } from '../config/env-schema.ts';
import { acquireBotToken, DEFAULT_LOGIN_URL } from './acquire-bot-token.ts';
import { DEFAULT_TEAMS_SERVICE_URL } from './create-teams-adapter.ts';
import { createTeamsPacer } from './pace-teams-calls.ts';
import { createTeamsConnector, type TeamsConnector } from './teams-connector.ts';
import { toTeamsLogger } from './to-teams-logger.ts';

/**
 * The Teams connector for a one-off command (`verbatim forget`), without the bot's HTTP endpoint:
 * a Teams SDK app that only calls out, with a bot token from Entra (TEAMS_LOGIN_URL) and the same
 * pacer as the running bot. Null when the Teams credentials are not all set.
 */
export function createTeamsCommandConnector(
  env: Env,
  logger: Logger,
  options: { maxRateLimitWaitMs?: number } = {},
): TeamsConnector | null {
  const { TEAMS_CLIENT_ID: clientId, TEAMS_CLIENT_SECRET: secret, TEAMS_TENANT_ID: tenantId } = env;
  if (!clientId || !secret || !tenantId) return null;
  let token: Promise<string> | null = null;
  const botToken = () => {
    token ??= acquireBotToken(
      fetch,
      env.TEAMS_LOGIN_URL ?? DEFAULT_LOGIN_URL,
      tenantId,
      clientId,
      secret,
    ).then((answer) => {
      if (answer.ok) return answer.accessToken;
      token = null;
      throw new Error(`no Teams bot token from Entra: ${answer.reason}`);
    });
    return token;
  };
  const app = new App({
    clientId,
    tenantId,
    // Our own token source instead of the SDK's client-secret flow: it honours TEAMS_LOGIN_URL.
    token: botToken,
    serviceUrl: env.TEAMS_SERVICE_URL ?? DEFAULT_TEAMS_SERVICE_URL,
    logger: toTeamsLogger(logger),
  });
  return createTeamsConnector(app, createTeamsPacer({ logger, maxWaitMs: options.maxRateLimitWaitMs }));
}

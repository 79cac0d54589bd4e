import type Keyv from 'keyv';
import type { AppConfig } from '../config/load-config.ts';
import type { PostRetractor } from '../core/ports.ts';
import { createLogger } from '../logging/create-logger.ts';
import { createSlackWebClient } from '../slack/create-slack-web-client.ts';
import { createSlackPostRetractor } from '../slack/retract-slack-posts.ts';
import { createTeamsCommandConnector } from '../teams/create-teams-command-connector.ts';
import { createTeamsPostRetractor } from '../teams/retract-teams-posts.ts';

/**
 * The PostRetractor of every platform whose credentials are set, for `verbatim forget`. A platform
 * left out here makes its posts fail with a reason that names the missing credentials.
 */
export function createPostRetractors(config: AppConfig, keyv: Keyv): PostRetractor[] {
  const { env } = config;
  const logger = createLogger({
    level: 'warn',
    pretty: false,
    secrets: [env.SLACK_BOT_TOKEN, env.TEAMS_CLIENT_SECRET].filter((secret): secret is string => !!secret),
  });
  const retractors: PostRetractor[] = [];
  if (env.SLACK_BOT_TOKEN) {
    const client = createSlackWebClient({
      token: env.SLACK_BOT_TOKEN,
      apiUrl: env.SLACK_API_URL,
      purpose: 'delivery',
      logger,
    });
    retractors.push(createSlackPostRetractor(client));
  }
  const teams = createTeamsCommandConnector(env, logger);
  if (teams) retractors.push(createTeamsPostRetractor({ connector: teams, keyv }));
  return retractors;
}

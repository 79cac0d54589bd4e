import { ErrorCode, WebClient } from '@slack/web-api';
import type { ConfigFile } from '../config/config-file-schema.ts';
import type { DoctorCheck, DoctorFinding } from '../config/doctor-finding.ts';
import type { Env } from '../config/env-schema.ts';
import type { Destination } from '../core/directory.ts';
import { describeSlackError } from './describe-slack-error.ts';
import { readSlackIdentity } from './read-slack-identity.ts';
import { type ChannelSharing, describeExternalSharing } from './shared-channel-guard.ts';
import { SLACK_BOT_SCOPES } from './slack-app-requirements.ts';
import { parseSlackConversationRef } from './slack-refs.ts';

const CHECK = 'slack';
const INVITE = 'in Slack, open the channel and run /invite @Verbatim (or the bot’s name)';

/**
 * `verbatim doctor` for Slack, against the real API: the token (auth.test), granted scopes vs
 * the manifest, the Socket Mode token or signing secret, and every channel the config names —
 * the bot must be a member of team channels (to post) and customer channels (to hear them), and
 * no team destination may be shared with another organisation.
 */
export function createSlackDoctorChecks(env: Env, file: ConfigFile): DoctorCheck[] {
  const token = env.SLACK_BOT_TOKEN;
  if (!token)
    return [
      async () => [
        { check: CHECK, status: 'off', message: 'SLACK_BOT_TOKEN is empty: the Slack adapter is off' },
      ],
    ];
  return [
    async () => {
      const client = new WebClient(token, {
        ...(env.SLACK_API_URL ? { slackApiUrl: env.SLACK_API_URL } : {}),
        timeout: 10_000,
        retryConfig: { retries: 1 },
      });
      let identity: Awaited<ReturnType<typeof readSlackIdentity>>;
      try {
        identity = await readSlackIdentity(client);
      } catch (error) {
        if (isUnreachable(error)) {
          return [
            {
              check: CHECK,
              status: 'error',
              message: `${(error as Error).message} (the token was not checked: Slack did not answer)`,
              fix: `check this machine's network access to ${env.SLACK_API_URL ?? 'https://slack.com/api/'} (DNS, proxy, firewall), then run doctor again; the token may well be right`,
            },
          ];
        }
        return [
          {
            check: CHECK,
            status: 'error',
            message: (error as Error).message,
            fix: 'copy the Bot User OAuth Token (xoxb-…) from the app’s OAuth & Permissions page into SLACK_BOT_TOKEN',
          },
        ];
      }
      const findings: DoctorFinding[] = [
        {
          check: CHECK,
          status: 'ok',
          message: `token valid for team ${identity.teamId} as bot user ${identity.botUserId}`,
        },
        checkScopes(identity.scopes),
        await checkConnection(env),
      ];
      for (const [channel, roles] of channelsToCheck(file))
        findings.push(await checkChannel(client, channel, roles));
      return findings;
    },
  ];
}

function checkScopes(granted: string[] | null): DoctorFinding {
  if (granted === null)
    return { check: 'slack scopes', status: 'warn', message: 'Slack did not report the granted scopes' };
  const missing = SLACK_BOT_SCOPES.filter((scope) => !granted.includes(scope));
  if (missing.length === 0)
    return { check: 'slack scopes', status: 'ok', message: `all ${SLACK_BOT_SCOPES.length} scopes granted` };
  return {
    check: 'slack scopes',
    status: 'error',
    message: `missing scopes: ${missing.join(', ')}`,
    fix: 'update the app from manifests/slack/manifest.yaml (App Manifest page), then reinstall it to the workspace',
  };
}

async function checkConnection(env: Env): Promise<DoctorFinding> {
  if (env.SLACK_APP_TOKEN) {
    const client = new WebClient(env.SLACK_APP_TOKEN, {
      ...(env.SLACK_API_URL ? { slackApiUrl: env.SLACK_API_URL } : {}),
      timeout: 10_000,
      retryConfig: { retries: 0 },
    });
    try {
      await client.apps.connections.open();
      return {
        check: 'slack connection',
        status: 'ok',
        message: 'Socket Mode: the app-level token can open a connection',
      };
    } catch (error) {
      if (isUnreachable(error)) {
        return {
          check: 'slack connection',
          status: 'error',
          message: `Socket Mode token not checked: ${describeSlackError(error)}`,
          fix: "check this machine's network access to Slack (DNS, proxy, firewall); the token may well be right",
        };
      }
      return {
        check: 'slack connection',
        status: 'error',
        message: `Socket Mode token rejected: ${describeSlackError(error)}`,
        fix: 'create an app-level token with the connections:write scope (Basic Information → App-Level Tokens) and set SLACK_APP_TOKEN; enable Socket Mode',
      };
    }
  }
  if (env.SLACK_SIGNING_SECRET) {
    return {
      check: 'slack connection',
      status: 'ok',
      message:
        'HTTP mode: Slack must reach https://<your host>/slack/events (events, interactivity and /churn)',
    };
  }
  return {
    check: 'slack connection',
    status: 'error',
    message: 'neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET (HTTP mode) is set',
    fix: 'set SLACK_APP_TOKEN for Socket Mode (simplest: no public URL), or SLACK_SIGNING_SECRET and expose /slack/events',
  };
}

type Role = 'team' | 'customer' | 'feedback';

function channelsToCheck(file: ConfigFile): Map<string, Set<Role>> {
  const channels = new Map<string, Set<Role>>();
  const add = (channel: string | null, role: Role) => {
    if (!channel) return;
    const roles = channels.get(channel) ?? new Set<Role>();
    roles.add(role);
    channels.set(channel, roles);
  };
  const slackChannel = (destination: Destination | undefined) =>
    destination?.platform === 'slack' ? destination.channel : null;
  for (const team of file.teams) {
    add(slackChannel(team.destination), 'team');
    add(slackChannel(team.escalation), 'team');
  }
  add(slackChannel(file.routing.unmapped), 'team');
  add(slackChannel(file.digest.destination), 'team');
  for (const account of file.accounts)
    for (const ref of account.channels) add(parseSlackConversationRef(ref), 'customer');
  for (const ref of file.feedbackChannels) add(parseSlackConversationRef(ref), 'feedback');
  return channels;
}

async function checkChannel(client: WebClient, channel: string, roles: Set<Role>): Promise<DoctorFinding> {
  const what = roles.has('team')
    ? 'team channel'
    : roles.has('feedback')
      ? 'feedback channel'
      : 'customer channel';
  let info: ChannelSharing & { is_member?: boolean; is_archived?: boolean };
  try {
    info = ((await client.conversations.info({ channel })).channel ?? {}) as typeof info;
  } catch (error) {
    return {
      check: `slack ${what} ${channel}`,
      status: 'error',
      message: describeSlackError(error),
      fix: `check the channel id in the config file; for a private channel, ${INVITE}`,
    };
  }
  const label = `slack ${what} #${info.name ?? channel} (${channel})`;
  if (roles.has('team')) {
    const sharing = describeExternalSharing(info);
    if (sharing) {
      return {
        check: label,
        status: 'error',
        message: `Verbatim posts internal triage here, but ${sharing}; it refuses to post`,
        fix: 'point this destination at an internal channel in the config file (teams[].destination, escalation, routing.unmapped or digest.destination)',
      };
    }
  }
  if (info.is_archived)
    return {
      check: label,
      status: 'error',
      message: 'the channel is archived',
      fix: 'unarchive it or use another channel',
    };
  if (info.is_member === false) {
    return {
      check: label,
      status: 'error',
      message: roles.has('team')
        ? 'the bot is not a member, so it cannot post here'
        : 'the bot is not a member, so it does not see these messages',
      fix: INVITE,
    };
  }
  return { check: label, status: 'ok', message: 'the bot is a member' };
}

/** True when Slack never answered (network, DNS, timeout, a 5xx), as opposed to rejecting the call. */
function isUnreachable(error: unknown): boolean {
  for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
    const code = (current as { code?: unknown }).code;
    if (code === ErrorCode.RequestError || code === ErrorCode.HTTPError) return true;
    if (code === ErrorCode.PlatformError) return false;
  }
  return false;
}

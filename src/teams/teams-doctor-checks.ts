import type { ConfigFile } from '../config/config-file-schema.ts';
import type { DoctorCheck, DoctorFinding } from '../config/doctor-finding.ts';
import type { Env } from '../config/env-schema.ts';
import type { Destination } from '../core/directory.ts';
import { acquireBotToken, DEFAULT_LOGIN_URL } from './acquire-bot-token.ts';
import { DEFAULT_TEAMS_SERVICE_URL } from './create-teams-adapter.ts';
import { TeamsMemberSchema } from './teams-connector.ts';

const CHECK = 'teams';
const INSTALL =
  'add the Verbatim app to the team that owns the channel (Teams → Apps → Manage your apps → Upload an app, then Add to a team) and have a team owner accept its permissions';

type Role = 'team' | 'customer';

/**
 * `verbatim doctor` for Teams: a bot token from Entra with the client id and secret (the
 * credentials work), then every Teams conversation the config names through the connector's
 * members API — readable means the app is installed there with its resource-specific consent
 * (ChannelMember.Read.Group); a team destination with members of another tenant is an error.
 */
export function createTeamsDoctorChecks(
  env: Env,
  file: ConfigFile,
  fetchImpl: typeof fetch = fetch,
): DoctorCheck[] {
  if (!env.TEAMS_CLIENT_ID || !env.TEAMS_CLIENT_SECRET || !env.TEAMS_TENANT_ID) {
    return [
      async () => [
        { check: CHECK, status: 'off', message: 'TEAMS_CLIENT_ID is empty: the Teams adapter is off' },
      ],
    ];
  }
  const clientId = env.TEAMS_CLIENT_ID;
  const secret = env.TEAMS_CLIENT_SECRET;
  const tenantId = env.TEAMS_TENANT_ID;
  return [
    async () => {
      const token = await acquireBotToken(
        fetchImpl,
        env.TEAMS_LOGIN_URL ?? DEFAULT_LOGIN_URL,
        tenantId,
        clientId,
        secret,
      );
      if (!token.ok) {
        return [
          {
            check: CHECK,
            status: 'error',
            message: `no bot token from Entra: ${token.reason}`,
            fix: 'check TEAMS_CLIENT_ID (Application (client) ID), TEAMS_TENANT_ID (Directory (tenant) ID) and TEAMS_CLIENT_SECRET (a current secret Value, not its ID) in the Entra app registration',
          },
        ];
      }
      const findings: DoctorFinding[] = [
        {
          check: CHECK,
          status: 'ok',
          message: `credentials valid: bot token issued for ${clientId} in tenant ${tenantId}`,
        },
      ];
      if (env.TEAMS_ALLOW_UNAUTHENTICATED) {
        findings.push({
          check: CHECK,
          status: 'warn',
          message: 'TEAMS_ALLOW_UNAUTHENTICATED=true: forged Teams requests would be accepted',
          fix: 'unset TEAMS_ALLOW_UNAUTHENTICATED outside tests',
        });
      }
      const serviceUrl = (env.TEAMS_SERVICE_URL ?? DEFAULT_TEAMS_SERVICE_URL).replace(/\/$/, '');
      for (const [conversationId, role] of conversationsToCheck(file)) {
        findings.push(
          await checkConversation(fetchImpl, serviceUrl, token.accessToken, tenantId, conversationId, role),
        );
      }
      return findings;
    },
  ];
}

function conversationsToCheck(file: ConfigFile): Map<string, Role> {
  const found = new Map<string, Role>();
  const teams = (destination: Destination | undefined) =>
    destination?.platform === 'teams' ? destination.conversationId : null;
  for (const team of file.teams) {
    for (const id of [teams(team.destination), teams(team.escalation)]) if (id) found.set(id, 'team');
  }
  const unmapped = teams(file.routing.unmapped);
  if (unmapped) found.set(unmapped, 'team');
  for (const account of file.accounts) {
    for (const ref of account.channels)
      if (ref.startsWith('teams:') && !found.has(ref.slice(6))) found.set(ref.slice(6), 'customer');
  }
  return found;
}

async function checkConversation(
  fetchImpl: typeof fetch,
  serviceUrl: string,
  token: string,
  tenantId: string,
  conversationId: string,
  role: Role,
): Promise<DoctorFinding> {
  const what = role === 'team' ? 'team channel' : 'customer channel';
  try {
    const response = await fetchImpl(
      `${serviceUrl}/v3/conversations/${conversationId}/pagedmembers?pageSize=500`,
      {
        headers: { authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(10_000),
      },
    );
    if (!response.ok) {
      return {
        check: CHECK,
        status: 'error',
        message: `${what} ${conversationId}: members not readable (${response.status}); the app is not installed there or lacks consent`,
        fix: INSTALL,
      };
    }
    const page = (await response.json()) as { members?: unknown[] };
    const members = (page.members ?? []).flatMap((member) => {
      const parsed = TeamsMemberSchema.safeParse(member);
      return parsed.success ? [parsed.data] : [];
    });
    const external = members.filter((member) => member.tenantId && member.tenantId !== tenantId).length;
    if (role === 'team' && external > 0) {
      return {
        check: CHECK,
        status: 'error',
        message: `${what} ${conversationId} has ${external} member(s) from another tenant: Verbatim refuses to post internal content there`,
        fix: 'route the team to a channel only your organisation can read (teams[].destination)',
      };
    }
    return {
      check: CHECK,
      status: 'ok',
      message: `${what} ${conversationId}: app installed, ${members.length} members readable${role === 'customer' ? `, ${external} external` : ''}`,
    };
  } catch (error) {
    return {
      check: CHECK,
      status: 'error',
      message: `${what} ${conversationId}: ${(error as Error).message}`,
      fix: INSTALL,
    };
  }
}

import type { AdapterContext, PlatformAdapter } from '../adapter-contract.ts';
import type { ConfigFile } from '../config/config-file-schema.ts';
import type { DoctorCheck } from '../config/doctor-finding.ts';
import type { Env } from '../config/env-schema.ts';
import type { AppConfig } from '../config/load-config.ts';
import { createSlackAdapter } from '../slack/create-slack-adapter.ts';
import { createSlackDoctorChecks } from '../slack/slack-doctor-checks.ts';

export type AdapterFactory = (context: AdapterContext) => Promise<PlatformAdapter | null>;

/**
 * The platform adapters whose environment group is filled in; an empty group leaves one off. Teams
 * and email are imported only when configured: the Teams SDK and the IMAP and MIME libraries are
 * ~20 MB of heap each that a Slack-only bot would otherwise carry (docs/performance.md, "Memory").
 */
export function createPlatformAdapters(config: AppConfig): AdapterFactory[] {
  const factories: AdapterFactory[] = [];
  const { env } = config;
  if (env.SLACK_BOT_TOKEN) factories.push((context) => createSlackAdapter(context));
  if (env.TEAMS_CLIENT_ID) {
    factories.push(async (context) =>
      (await import('../teams/create-teams-adapter.ts')).createTeamsAdapter(context),
    );
  }
  if (env.EMAIL_WEBHOOK_SECRET || env.MAILGUN_WEBHOOK_SIGNING_KEY || env.EMAIL_BASIC_AUTH || env.IMAP_URL) {
    factories.push(async (context) =>
      (await import('../email/create-email-adapter.ts')).createEmailAdapter(context),
    );
  }
  return factories;
}

/** `doctor` checks of the platforms whose environment group is filled in. */
export async function createPlatformDoctorChecks(env: Env, file: ConfigFile): Promise<DoctorCheck[]> {
  return [
    ...(env.SLACK_BOT_TOKEN ? createSlackDoctorChecks(env, file) : []),
    ...(env.TEAMS_CLIENT_ID
      ? (await import('../teams/teams-doctor-checks.ts')).createTeamsDoctorChecks(env, file)
      : []),
  ];
}

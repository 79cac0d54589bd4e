import type { AdapterContext, PlatformAdapter } from '../adapter-contract.ts';
import type { ConfigFile } from '../config/config-file-schema.ts';
import type { DoctorCheck } from '../config/doctor-finding.ts';
import type { Env } from '../config/env-schema.ts';
import type { AppConfig } from '../config/load-config.ts';
import { createEmailAdapter } from '../email/create-email-adapter.ts';
import { createSlackAdapter } from '../slack/create-slack-adapter.ts';
import { createSlackDoctorChecks } from '../slack/slack-doctor-checks.ts';
import { createTeamsAdapter } from '../teams/create-teams-adapter.ts';
import { createTeamsDoctorChecks } from '../teams/teams-doctor-checks.ts';

export type AdapterFactory = (context: AdapterContext) => Promise<PlatformAdapter | null>;

/** The platform adapters whose environment group is filled in; an empty group leaves one off. */
export function createPlatformAdapters(config: AppConfig): AdapterFactory[] {
  const factories: AdapterFactory[] = [];
  const { env } = config;
  if (env.SLACK_BOT_TOKEN) factories.push((context) => createSlackAdapter(context));
  if (env.TEAMS_CLIENT_ID) factories.push((context) => createTeamsAdapter(context));
  if (env.EMAIL_WEBHOOK_SECRET || env.MAILGUN_WEBHOOK_SIGNING_KEY || env.EMAIL_BASIC_AUTH || env.IMAP_URL) {
    factories.push((context) => createEmailAdapter(context));
  }
  return factories;
}

/** `doctor` checks of the platforms whose environment group is filled in. */
export function createPlatformDoctorChecks(env: Env, file: ConfigFile): DoctorCheck[] {
  return [
    ...(env.SLACK_BOT_TOKEN ? createSlackDoctorChecks(env, file) : []),
    ...(env.TEAMS_CLIENT_ID ? createTeamsDoctorChecks(env, file) : []),
  ];
}

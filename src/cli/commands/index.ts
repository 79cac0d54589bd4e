import type { CliCommand } from '../cli-command.ts';
import { auditCommand } from './audit.ts';
import { churnCommand } from './churn.ts';
import { deadLettersCommand } from './dead-letters.ts';
import { demoCommand } from './demo.ts';
import { digestCommand } from './digest.ts';
import { doctorCommand } from './doctor.ts';
import { evaluateCommand } from './evaluate.ts';
import { explainCommand } from './explain.ts';
import { forgetCommand } from './forget.ts';
import { importCommand } from './import-accounts.ts';
import { migrateCommand } from './migrate.ts';
import { packageTeamsCommand } from './package-teams.ts';
import { replayCommand } from './replay.ts';
import { slaCommand } from './sla.ts';
import { startCommand } from './start.ts';
import { teamsReleaseCommand } from './teams-release.ts';
import { trainTriageCommand } from './train-triage.ts';

/** Every `verbatim` subcommand, in the order `verbatim help` lists them. */
export const commands: CliCommand[] = [
  startCommand,
  demoCommand,
  explainCommand,
  replayCommand,
  doctorCommand,
  migrateCommand,
  importCommand,
  evaluateCommand,
  trainTriageCommand,
  slaCommand,
  deadLettersCommand,
  churnCommand,
  digestCommand,
  auditCommand,
  teamsReleaseCommand,
  forgetCommand,
  packageTeamsCommand,
];

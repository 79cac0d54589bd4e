import type { CliCommand } from '../cli-command.ts';
import { doctorCommand } from './doctor.ts';
import { importCommand } from './import-accounts.ts';
import { migrateCommand } from './migrate.ts';
import { startCommand } from './start.ts';

/** Every `verbatim` subcommand, in the order `verbatim help` lists them. */
export const commands: CliCommand[] = [startCommand, doctorCommand, migrateCommand, importCommand];

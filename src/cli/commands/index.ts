import type { CliCommand } from '../cli-command.ts';

/** Every `verbatim` subcommand, in the order `verbatim help` lists them. */
export const commands: CliCommand[] = [];

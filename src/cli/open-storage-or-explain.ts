import { resolve } from 'node:path';
import type { AppConfig } from '../config/load-config.ts';
import { DataDirInUseError, openStorage, type Storage } from '../storage/open-storage.ts';
import type { CliIo } from './cli-command.ts';

/** What to do when the embedded database is in use by another process (`verbatim start`). */
export const STOP_START_FIRST =
  'the embedded database serves one process: stop `verbatim start` first, or use DATABASE_URL';

/** The in-use hint of a command that reads while the bot runs, which a server database allows. */
export function runsBesideStart(command: string): string {
  return `the embedded database serves one process; with DATABASE_URL, \`verbatim ${command}\` can run beside \`verbatim start\``;
}

/**
 * Opens the configured database for a command, or explains why it cannot (embedded one in use):
 * the error, then `hint` in parentheses.
 */
export async function openStorageOrExplain(
  config: AppConfig,
  io: CliIo,
  hint: string = STOP_START_FIRST,
): Promise<Storage | null> {
  try {
    return await openStorage({
      databaseUrl: config.env.DATABASE_URL,
      dataDir: resolve(io.cwd, config.env.VERBATIM_DATA_DIR),
    });
  } catch (error) {
    if (!(error instanceof DataDirInUseError)) throw error;
    io.stderr.write(`✗ ${error.message}\n  (${hint})\n`);
    return null;
  }
}

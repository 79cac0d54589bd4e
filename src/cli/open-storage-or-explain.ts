import { resolve } from 'node:path';
import type { AppConfig } from '../config/load-config.ts';
import { DataDirInUseError, openStorage, type Storage } from '../storage/open-storage.ts';
import type { CliIo } from './cli-command.ts';

/** Opens the configured database for a command, or explains why it cannot (embedded one in use). */
export async function openStorageOrExplain(config: AppConfig, io: CliIo): Promise<Storage | null> {
  try {
    return await openStorage({
      databaseUrl: config.env.DATABASE_URL,
      dataDir: resolve(io.cwd, config.env.VERBATIM_DATA_DIR),
    });
  } catch (error) {
    if (!(error instanceof DataDirInUseError)) throw error;
    io.stderr.write(
      `✗ ${error.message}\n  (the embedded database serves one process: stop \`verbatim start\` first, or use DATABASE_URL)\n`,
    );
    return null;
  }
}

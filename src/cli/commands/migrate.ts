import { resolve } from 'node:path';
import { loadEnv } from '../../config/load-config.ts';
import { migrate, migrations } from '../../storage/migrations.ts';
import { openStorage } from '../../storage/open-storage.ts';
import type { CliCommand } from '../cli-command.ts';

export const migrateCommand: CliCommand = {
  name: 'migrate',
  summary: 'apply pending database migrations (also done at start)',
  usage: 'verbatim migrate',
  async run(_args, io) {
    const env = loadEnv(io.env, io.cwd);
    if (!env.ok) {
      for (const problem of env.problems) io.stderr.write(`✗ ${problem.path}: ${problem.message}\n`);
      return 1;
    }
    const storage = await openStorage({
      databaseUrl: env.value.DATABASE_URL,
      dataDir: resolve(io.cwd, env.value.VERBATIM_DATA_DIR),
      migrate: false,
    });
    try {
      const report = await migrate(storage.db);
      for (const migration of report.applied) io.stdout.write(`applied ${migration.id}: ${migration.name}\n`);
      io.stdout.write(
        `${storage.describe}: schema at version ${report.current} of ${migrations.length} (${report.applied.length} applied now)\n`,
      );
      return 0;
    } finally {
      await storage.close();
    }
  },
};

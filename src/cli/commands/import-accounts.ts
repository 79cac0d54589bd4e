import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadEnv } from '../../config/load-config.ts';
import { readAccountsCsv } from '../../import/read-accounts-csv.ts';
import { upsertAccount } from '../../storage/account-store.ts';
import { openStorage } from '../../storage/open-storage.ts';
import { type CliCommand, UsageError } from '../cli-command.ts';
import { parseCommandArgs } from '../parse-command-args.ts';

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'import accounts from a CRM export: verbatim import accounts FILE.csv',
  usage: 'verbatim import accounts <file.csv>',
  async run(args, io) {
    const [what, file] = parseCommandArgs(args, {}, 2).positionals;
    if (what !== 'accounts' || !file) throw new UsageError('expected: import accounts <file.csv>');
    const env = loadEnv(io.env, io.cwd);
    if (!env.ok) {
      for (const problem of env.problems) io.stderr.write(`✗ ${problem.path}: ${problem.message}\n`);
      return 1;
    }
    let parsed: ReturnType<typeof readAccountsCsv>;
    try {
      parsed = readAccountsCsv(readFileSync(resolve(io.cwd, file), 'utf8'));
    } catch (error) {
      io.stderr.write(`✗ ${file}: ${(error as Error).message}\n`);
      return 1;
    }
    const storage = await openStorage({
      databaseUrl: env.value.DATABASE_URL,
      dataDir: env.value.VERBATIM_DATA_DIR,
    });
    const counts = { inserted: 0, updated: 0, unchanged: 0 };
    try {
      for (const { account } of parsed.accounts) {
        counts[await upsertAccount(storage.db, account, `csv:${file}`)] += 1;
      }
    } finally {
      await storage.close();
    }
    io.stdout.write(
      `${file}: ${counts.inserted} added, ${counts.updated} updated, ${counts.unchanged} unchanged, ${parsed.rejected.length} rejected\n`,
    );
    if (parsed.ignoredColumns.length > 0)
      io.stdout.write(`ignored columns: ${parsed.ignoredColumns.join(', ')}\n`);
    for (const row of parsed.rejected) io.stdout.write(`  line ${row.line}: ${row.reasons.join('; ')}\n`);
    return parsed.rejected.length > 0 ? 1 : 0;
  },
};

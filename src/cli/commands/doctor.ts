import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatProblem } from '../../config/config-problem.ts';
import type { DoctorFinding } from '../../config/doctor-finding.ts';
import { findConfigWarnings, loadConfigFile, loadEnv } from '../../config/load-config.ts';
import { migrations, pendingMigrations } from '../../storage/migrations.ts';
import { openStorage, redactUrl } from '../../storage/open-storage.ts';
import type { CliCommand, CliIo } from '../cli-command.ts';
import { createPlatformDoctorChecks } from '../create-platform-adapters.ts';
import { parseCommandArgs } from '../parse-command-args.ts';

const SYMBOL: Record<DoctorFinding['status'], string> = { ok: '✓', warn: '!', error: '✗', off: '-' };

export const doctorCommand: CliCommand = {
  name: 'doctor',
  summary: 'check environment, config, database and platform access; explain each fix',
  usage: 'verbatim doctor [--json]',
  help: '--json  the findings as JSON ({ findings: [{ check, status, message, fix }] })',
  async run(args, io) {
    const { values } = parseCommandArgs(args, { json: { type: 'boolean' } });
    const findings = await runDoctor(io);
    if (values.json === true) {
      io.stdout.write(`${JSON.stringify({ findings }, null, 2)}\n`);
    } else {
      io.stdout.write('Verbatim doctor\n');
      for (const finding of findings) {
        io.stdout.write(`  ${SYMBOL[finding.status]} ${finding.check}: ${finding.message}\n`);
        if (finding.fix) io.stdout.write(`      fix: ${finding.fix}\n`);
      }
      const errors = findings.filter((finding) => finding.status === 'error').length;
      io.stdout.write(errors === 0 ? 'No problems found.\n' : `${errors} problem(s) found.\n`);
    }
    return findings.some((finding) => finding.status === 'error') ? 1 : 0;
  },
};

export async function runDoctor(io: CliIo): Promise<DoctorFinding[]> {
  const findings: DoctorFinding[] = [];
  const env = loadEnv(io.env, io.cwd);
  if (!env.ok) {
    for (const problem of env.problems) {
      findings.push({
        check: 'environment',
        status: 'error',
        message: `${problem.path}: ${problem.message}`,
        fix: `set ${problem.path} correctly in the environment or .env (see .env.example)`,
      });
    }
    return findings;
  }
  findings.push({ check: 'environment', status: 'ok', message: 'all variables valid' });

  const configPath = env.value.VERBATIM_CONFIG;
  const file = loadConfigFile(resolve(io.cwd, configPath));
  if (file.ok) {
    findings.push({
      check: 'config',
      status: 'ok',
      message: `${configPath}: ${file.value.teams.length} teams, ${file.value.accounts.length} accounts, ${file.value.topics.length} topics`,
    });
    const absolute = resolve(io.cwd, configPath);
    for (const warning of findConfigWarnings(readFileSync(absolute, 'utf8'), absolute)) {
      findings.push({
        check: 'config',
        status: 'warn',
        message: formatProblem(warning),
        fix: 'add the coming dates at that line, or replace the list with holidays: { country: <code> }',
      });
    }
  } else {
    for (const problem of file.problems) {
      findings.push({
        check: 'config',
        status: 'error',
        message: formatProblem(problem),
        fix: 'edit the file at that line; docs/configuration.md describes every field',
      });
    }
  }

  findings.push(
    ...(await checkDatabase(env.value.DATABASE_URL, resolve(io.cwd, env.value.VERBATIM_DATA_DIR))),
  );
  if (file.ok) {
    for (const check of await createPlatformDoctorChecks(env.value, file.value)) {
      try {
        findings.push(...(await check()));
      } catch (error) {
        findings.push({ check: 'platform', status: 'error', message: (error as Error).message });
      }
    }
  }
  findings.push(
    env.value.ANTHROPIC_API_KEY
      ? {
          check: 'anthropic',
          status: 'ok',
          message: `Claude triage with ${env.value.ANTHROPIC_MODEL}; heuristic fallback`,
        }
      : {
          check: 'anthropic',
          status: 'off',
          message: 'ANTHROPIC_API_KEY is empty: the offline heuristic analyzer triages every request',
        },
  );
  return findings;
}

async function checkDatabase(databaseUrl: string | undefined, dataDir: string): Promise<DoctorFinding[]> {
  const where = databaseUrl ? `PostgreSQL ${redactUrl(databaseUrl)}` : `embedded database in ${dataDir}`;
  let storage: Awaited<ReturnType<typeof openStorage>> | null = null;
  try {
    storage = await openStorage({ databaseUrl, dataDir: resolve(dataDir), migrate: false });
    const pending = await pendingMigrations(storage.db);
    await storage.keyv.set('doctor:probe', Date.now());
    return [
      { check: 'database', status: 'ok', message: `${where} reachable` },
      pending.length === 0
        ? { check: 'migrations', status: 'ok', message: `schema up to date (version ${migrations.length})` }
        : {
            check: 'migrations',
            status: 'warn',
            message: `${pending.length} migration(s) pending: ${pending.map((migration) => migration.name).join('; ')}`,
            fix: 'run `verbatim migrate` (start applies them too)',
          },
    ];
  } catch (error) {
    return [
      {
        check: 'database',
        status: 'error',
        message: `${where} not reachable: ${(error as Error).message}`,
        fix: databaseUrl
          ? 'check DATABASE_URL (host, port, user, database) and that the server accepts connections'
          : 'check that VERBATIM_DATA_DIR is writable and no other Verbatim process uses it',
      },
    ];
  } finally {
    await storage?.close();
  }
}

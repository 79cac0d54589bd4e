import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { backfillSnapshots } from '../../core/health/backfill-snapshots.ts';
import { runBacktest } from '../../core/health/backtest.ts';
import { explainAccount, type HealthDeps } from '../../core/health/explain-account.ts';
import { listRisks } from '../../core/health/list-risks.ts';
import { takeDailySnapshots } from '../../core/health/take-daily-snapshots.ts';
import { type Clock, systemClock } from '../../core/ports.ts';
import { createHealthDeps } from '../../create-health-deps.ts';
import { readOutcomesCsv } from '../../import/read-outcomes-csv.ts';
import { listStoredAccounts, mergeAccounts } from '../../storage/account-store.ts';
import { type CliCommand, type CliIo, UsageError } from '../cli-command.ts';
import { loadConfigOrExplain } from '../load-config-or-explain.ts';
import { openStorageOrExplain, runsBesideStart } from '../open-storage-or-explain.ts';
import { parseCommandArgs } from '../parse-command-args.ts';
import { renderHealthText, renderRiskListText } from '../render-health-text.ts';
import { printBacktest } from './churn-backtest-output.ts';

const USAGE = `verbatim churn [ACCOUNT] [--json] [--limit N]
       verbatim churn snapshot
       verbatim churn snapshot --from YYYY-MM-DD [--to YYYY-MM-DD] [--every DAYS]
       verbatim churn backtest OUTCOMES.csv [--horizon DAYS] [--json]`;

/** `verbatim churn`: explained account health, the risk list, snapshots and the backtest. */
export function createChurnCommand(options: { clock?: Clock } = {}): CliCommand {
  const clock = options.clock ?? systemClock;
  return {
    name: 'churn',
    summary: 'account health: the risk list, one account explained, snapshots, backtest against outcomes',
    usage: USAGE,
    help: [
      'ACCOUNT            one account explained: its id, name or email domain; none lists the risks',
      '--json             the account, the risk list or the backtest report as JSON',
      '--limit N          the risk list: at most N accounts',
      "snapshot           take today's snapshots now (no alerts)",
      '--from YYYY-MM-DD  snapshot: back-fill the days from this one, as they stood then',
      '--to YYYY-MM-DD    snapshot: the last day to back-fill (default: yesterday)',
      '--every DAYS       snapshot: back-fill every DAYS days (default: 1)',
      'backtest FILE      how early the score warned, against a CRM export of outcomes (docs/health.md)',
      '--horizon DAYS     backtest: the days before each outcome whose snapshots count (default: 90)',
    ].join('\n'),
    async run(args, io) {
      const parsed = parseArgs(args);
      const config = loadConfigOrExplain(io);
      if (!config) return 1;
      const storage = await openStorageOrExplain(config, io, runsBesideStart('churn'));
      if (!storage) return 1;
      try {
        const accounts = mergeAccounts(config.directory.accounts, await listStoredAccounts(storage.db));
        const deps = createHealthDeps({ db: storage.db, accounts: () => accounts, file: config.file, clock });
        if (parsed.kind === 'backfill') {
          const toDay =
            parsed.toDay ?? new Date(clock.now().getTime() - 86_400_000).toISOString().slice(0, 10);
          if (toDay < parsed.fromDay)
            throw new UsageError(`--to ${toDay} is before --from ${parsed.fromDay}`);
          const outcome = await backfillSnapshots(deps, {
            fromDay: parsed.fromDay,
            toDay,
            everyDays: parsed.everyDays,
          });
          io.stdout.write(
            `Back-filled snapshots ${outcome.fromDay} … ${outcome.toDay} (every ${parsed.everyDays} day(s)): ${outcome.written} written, ${outcome.kept} kept as they were.\n`,
          );
          return 0;
        }
        if (parsed.kind === 'snapshot') {
          const outcome = await takeDailySnapshots({
            ...deps,
            alerts: null,
            alertSettings: { channel: null, cooldownHours: 0, announceImprovements: false },
          });
          io.stdout.write(
            `Snapshots for ${outcome.day}: ${outcome.snapshots} accounts, ${outcome.transitions.length} band changes.\n`,
          );
          return 0;
        }
        if (parsed.kind === 'backtest') return await backtest(deps, parsed, io);
        if (parsed.kind === 'list') {
          const items = await listRisks(deps, parsed.limit);
          if (parsed.json) io.stdout.write(`${JSON.stringify({ accounts: items }, null, 2)}\n`);
          else io.stdout.write(renderRiskListText(items));
          return 0;
        }
        return await explain(deps, parsed.account, parsed.json, io);
      } finally {
        await storage.close();
      }
    },
  };
}

export const churnCommand = createChurnCommand();

async function explain(deps: HealthDeps, query: string, json: boolean, io: CliIo): Promise<number> {
  const outcome = await explainAccount(deps, query);
  switch (outcome.status) {
    case 'explained':
      io.stdout.write(json ? `${JSON.stringify(outcome.view, null, 2)}\n` : renderHealthText(outcome.view));
      return 0;
    case 'not-enough-data':
      if (json)
        io.stdout.write(
          `${JSON.stringify({ account: { id: outcome.account.id, name: outcome.account.name }, score: null, band: null, status: 'not-enough-data', missing: outcome.missing }, null, 2)}\n`,
        );
      else {
        io.stdout.write(`${outcome.account.name}: not enough data yet. What is missing:\n`);
        for (const missing of outcome.missing) io.stdout.write(`  · ${missing}\n`);
      }
      return 0;
    case 'ambiguous':
      io.stderr.write(
        `✗ "${query}" matches several accounts: ${outcome.candidates.map((account) => `${account.name} (${account.id})`).join(', ')}; give the id.\n`,
      );
      return 1;
    case 'unknown':
      io.stderr.write(
        `✗ no account matches "${query}".${outcome.suggestions.length > 0 ? ` Closest: ${outcome.suggestions.map((account) => `${account.name} (${account.id})`).join(', ')}.` : ''} \`verbatim churn\` lists every account with health.\n`,
      );
      return 1;
  }
}

async function backtest(
  deps: HealthDeps,
  parsed: { file: string; horizonDays: number; json: boolean },
  io: CliIo,
): Promise<number> {
  const path = resolve(io.cwd, parsed.file);
  const text = await readFile(path, 'utf8').catch(() => null);
  if (text === null) {
    io.stderr.write(`✗ cannot read ${path}\n`);
    return 1;
  }
  const csv = readOutcomesCsv(text);
  if (csv.errors.length > 0) {
    io.stderr.write(`✗ ${parsed.file}: ${csv.errors.length} problem(s); nothing was evaluated\n`);
    for (const error of csv.errors) io.stderr.write(`  line ${error.line}: ${error.message}\n`);
    return 1;
  }
  const snapshots = new Map<string, Awaited<ReturnType<HealthDeps['store']['listSnapshots']>>>();
  for (const outcome of csv.outcomes)
    if (!snapshots.has(outcome.accountId))
      snapshots.set(outcome.accountId, await deps.store.listSnapshots(outcome.accountId, '1970-01-01'));
  const report = runBacktest({ outcomes: csv.outcomes, snapshots, horizonDays: parsed.horizonDays });
  if (parsed.json) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else printBacktest(io.stdout, report);
  return 0;
}

type ChurnArgs =
  | { kind: 'list'; json: boolean; limit: number | undefined }
  | { kind: 'explain'; account: string; json: boolean }
  | { kind: 'snapshot' }
  | { kind: 'backfill'; fromDay: string; toDay: string | null; everyDays: number }
  | { kind: 'backtest'; file: string; horizonDays: number; json: boolean };

function parseArgs(args: string[]): ChurnArgs {
  const { values, positionals: words } = parseCommandArgs(
    args,
    {
      json: { type: 'boolean' },
      limit: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      every: { type: 'string' },
      horizon: { type: 'string' },
    },
    // An account may be named in several words: `verbatim churn Acme Logistics`.
    Number.POSITIVE_INFINITY,
  );
  const json = values.json === true;
  const limit = positiveWholeNumber('--limit', values.limit);
  const fromDay = day('--from', values.from);
  const toDay = day('--to', values.to);
  const everyDays = positiveWholeNumber('--every', values.every) ?? 1;
  const horizonDays = positiveWholeNumber('--horizon', values.horizon) ?? 90;
  if (words[0] === 'snapshot' && words.length === 1) {
    if (fromDay) return { kind: 'backfill', fromDay, toDay, everyDays };
    if (toDay) throw new UsageError('--to needs --from');
    return { kind: 'snapshot' };
  }
  if (words[0] === 'backtest') {
    if (words.length !== 2) throw new UsageError('backtest needs one OUTCOMES.csv file');
    return { kind: 'backtest', file: words[1]!, horizonDays, json };
  }
  if (words.length === 0) return { kind: 'list', json, limit };
  return { kind: 'explain', account: words.join(' '), json };
}

function positiveWholeNumber(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (value.trim() === '' || !Number.isInteger(number) || number <= 0)
    throw new UsageError(`${flag} needs a positive whole number`);
  return number;
}

function day(flag: string, value: string | undefined): string | null {
  if (value === undefined) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
    throw new UsageError(`${flag} needs a date as YYYY-MM-DD, not "${value}"`);
  return value;
}

import { createAccountMatcher } from '../src/accounts/create-account-matcher.ts';
import { explainAccount, type HealthDeps } from '../src/core/health/explain-account.ts';
import { DEFAULT_HEALTH_MODEL } from '../src/core/health/health-model.ts';
import { listRisks } from '../src/core/health/list-risks.ts';
import { takeDailySnapshots } from '../src/core/health/take-daily-snapshots.ts';
import { renderHealthBlocks } from '../src/slack/views/health-blocks.ts';
import { listStoredAccounts } from '../src/storage/account-store.ts';
import type { Database } from '../src/storage/database.ts';
import { createHealthStore } from '../src/storage/health-store.ts';
import { openStorage } from '../src/storage/open-storage.ts';
import { benchBackends } from './bench-storage.ts';

/** Sizes of the bar; BENCH_HEALTH_REQUESTS / BENCH_HEALTH_ACCOUNTS shrink them for a quick run. */
const TOTAL_REQUESTS = Number(process.env.BENCH_HEALTH_REQUESTS ?? 1_000_000);
const ACCOUNTS = Number(process.env.BENCH_HEALTH_ACCOUNTS ?? 10_000);
const TARGET_REQUESTS = Math.min(10_000, TOTAL_REQUESTS);
const NOW = new Date('2026-11-23T08:00:00Z');
const TARGET = 'acct-00000';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function time(runs: number, work: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  await work(); // warm caches and plans
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

/** Requests `from`…`to` (1-based) with one customer message each, spread over the past year. */
export async function seedRequests(
  db: Database,
  from: number,
  to: number,
  account: string | null,
): Promise<void> {
  const accountExpr = account
    ? `'${account}'`
    : `'acct-' || lpad((1 + (g % ${Math.max(1, ACCOUNTS - 1)}))::text, 5, '0')`;
  const span = account ? 120 : 365;
  for (let start = from; start <= to; start += 100_000) {
    const end = Math.min(to, start + 99_999);
    await db.query(
      `INSERT INTO requests (id, account_id, conversation, state, priority, topics, analysis, opened_at, last_message_at,
         routed_at, first_response_at, team_id)
       SELECT 'r-' || g, ${accountExpr}, 'slack:C' || (g % 1000), CASE WHEN g % 50 = 0 THEN 'open' ELSE 'resolved' END,
         'P3', ARRAY['topic-' || (g % 12)],
         jsonb_build_object('sentiment', ((g % 7) - 3) / 5.0, 'churnSignals',
           CASE WHEN g % 97 = 0 THEN '[{"driver":"competitor","phrase":"cheaper elsewhere"}]'::jsonb ELSE '[]'::jsonb END,
           'summary', 'seeded', 'topics', jsonb_build_array('topic-' || (g % 12))),
         $1::timestamptz - make_interval(secs => (g % (${span} * 86400))),
         $1::timestamptz - make_interval(secs => (g % (${span} * 86400))),
         $1::timestamptz - make_interval(secs => (g % (${span} * 86400))),
         CASE WHEN g % 50 = 0 THEN NULL ELSE $1::timestamptz - make_interval(secs => (g % (${span} * 86400)) - 1800) END,
         'support'
       FROM generate_series($2::int, $3::int) g`,
      [NOW, start, end],
    );
    await db.query(
      `INSERT INTO customer_messages (id, platform, conversation, account_id, author, external, text, sent_at, permalink,
         kind, request_id)
       SELECT 'm-' || r.id, 'slack', r.conversation, r.account_id,
         jsonb_build_object('id', 'U' || (hashtext(r.id) % 40), 'name', 'Contact', 'external', true), true,
         'Seeded customer message number ' || r.id || ' about the export and the invoices', r.opened_at,
         'https://example.slack.com/archives/C1/p' || r.id, 'customer', r.id
       FROM generate_series($1::int, $2::int) g JOIN requests r ON r.id = 'r-' || g`,
      [start, end],
    );
    await db.query(
      `INSERT INTO sla_times (request_id, target_minutes, first_response_at, first_response_business_minutes)
       SELECT 'r-' || g, 60, $1::timestamptz, 30 + (g % 5) * 15 FROM generate_series($2::int, $3::int) g WHERE g % 50 <> 0`,
      [NOW, start, end],
    );
  }
}

export async function benchChurnHealth(): Promise<Array<Record<string, string | number>>> {
  const rows: Array<Record<string, string | number>> = [];
  // BENCH_HEALTH_BACKENDS=postgres skips PGlite (seeding a million rows in WASM takes very long).
  const wanted = process.env.BENCH_HEALTH_BACKENDS?.split(',');
  for (const backend of benchBackends().filter((candidate) => !wanted || wanted.includes(candidate.name))) {
    await backend.prepare();
    const storage = await openStorage({
      databaseUrl: backend.env.DATABASE_URL,
      dataDir: backend.env.VERBATIM_DATA_DIR ?? null,
    });
    try {
      const { db } = storage;
      await db.query(
        `INSERT INTO accounts (id, name, domains, channels, tier, arr, renewal_date, source)
         SELECT 'acct-' || lpad(g::text, 5, '0'), 'Account ' || g, ARRAY['acct' || g || '.example'],
           ARRAY['slack:C' || g], 'growth', 1000 * (g % 500), DATE '2027-01-01' + (g % 365), 'bench'
         FROM generate_series(0, $1::int - 1) g`,
        [ACCOUNTS],
      );
      const accounts = await listStoredAccounts(db);
      const deps: HealthDeps = {
        store: createHealthStore(db),
        accounts: () => accounts,
        match: createAccountMatcher(() => accounts),
        model: DEFAULT_HEALTH_MODEL,
        clock: { now: () => NOW },
      };
      const churn = async () => {
        const outcome = await explainAccount(deps, TARGET);
        if (outcome.status !== 'explained') throw new Error(`expected an explanation, got ${outcome.status}`);
        renderHealthBlocks(outcome.view, { shareable: true });
      };
      let seeded = performance.now();
      await seedRequests(db, 1, TARGET_REQUESTS, TARGET);
      await db.query('ANALYZE');
      const small = await time(30, churn);
      rows.push({
        backend: backend.name,
        measure: `/churn ${TARGET} (${TARGET_REQUESTS} requests), store of ${TARGET_REQUESTS}`,
        p50: small.p50.toFixed(1),
        p95: small.p95.toFixed(1),
        note: `seeded in ${((performance.now() - seeded) / 1000).toFixed(1)} s`,
      });
      seeded = performance.now();
      await seedRequests(db, TARGET_REQUESTS + 1, TOTAL_REQUESTS, null);
      await db.query('ANALYZE');
      const seedSeconds = (performance.now() - seeded) / 1000;
      const large = await time(30, churn);
      rows.push({
        backend: backend.name,
        measure: `/churn ${TARGET}, store of ${TOTAL_REQUESTS} requests / ${ACCOUNTS} accounts`,
        p50: large.p50.toFixed(1),
        p95: large.p95.toFixed(1),
        note: `p95 ratio ${(large.p95 / small.p95).toFixed(2)} (bar ≤ 2); seeded in ${seedSeconds.toFixed(0)} s`,
      });
      const snapshotStarted = performance.now();
      const run = await takeDailySnapshots({
        ...deps,
        alerts: null,
        alertSettings: { channel: null, cooldownHours: 72, announceImprovements: false },
        concurrency: backend.name === 'postgres' ? 8 : 1,
      });
      rows.push({
        backend: backend.name,
        measure: `nightly snapshot of ${run.snapshots} accounts`,
        p50: '',
        p95: '',
        note: `${((performance.now() - snapshotStarted) / 1000).toFixed(1)} s (bar ≤ 60 s)`,
      });
      const risks = await time(20, () => listRisks(deps, 10));
      rows.push({
        backend: backend.name,
        measure: `risk list over ${ACCOUNTS} accounts`,
        p50: risks.p50.toFixed(1),
        p95: risks.p95.toFixed(1),
        note: 'bar p95 ≤ 500 ms',
      });
    } finally {
      await storage.close();
      await backend.cleanup();
    }
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(await benchChurnHealth());

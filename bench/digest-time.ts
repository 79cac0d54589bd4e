import { createThemeClusterer } from '../src/analyzers/cluster-themes.ts';
import { computeDigest } from '../src/core/digest/build-digest.ts';
import { shiftWeek, weekStart } from '../src/core/digest/iso-week.ts';
import type { Database } from '../src/storage/database.ts';
import { createDigestArchive } from '../src/storage/digest-archive.ts';
import { createDigestQueries } from '../src/storage/digest-queries.ts';
import { openStorage } from '../src/storage/open-storage.ts';
import { benchBackends } from './bench-storage.ts';

const WEEK = { year: 2026, week: 47 };
const BASELINE_WEEKS = 8;
const TIMEZONE = 'Europe/Helsinki';
const TOPICS = [
  'bug',
  'outage',
  'billing',
  'onboarding',
  'security',
  'performance',
  'integrations',
  'feature-request',
];

/**
 * The digest of a week of `weekRequests` requests with an eight-week baseline of
 * `baselineRequests`, against the plain `GROUP BY topic, week` count over the same rows (the
 * floor any digest pays) in the same run and database. LLM time is excluded: none is used.
 */
export async function benchDigest(
  input: { weekRequests?: number; baselineRequests?: number; runs?: number } = {},
): Promise<Array<Record<string, string | number>>> {
  const weekRequests = input.weekRequests ?? 100_000;
  const baselineRequests = input.baselineRequests ?? 900_000;
  const runs = input.runs ?? 3;
  const rows: Array<Record<string, string | number>> = [];
  for (const backend of benchBackends()) {
    await backend.prepare();
    const storage = await openStorage({
      databaseUrl: backend.env['DATABASE_URL'],
      dataDir: backend.env['VERBATIM_DATA_DIR'] ?? null,
    });
    try {
      const bounds = Array.from({ length: BASELINE_WEEKS + 2 }, (_, index) =>
        weekStart(shiftWeek(WEEK, index - BASELINE_WEEKS), TIMEZONE),
      );
      const loadStarted = performance.now();
      await seed(storage.db, bounds, weekRequests, baselineRequests);
      const loadSeconds = (performance.now() - loadStarted) / 1000;
      const groupBy = await median(runs, () =>
        storage.db.query(
          `SELECT topic, width_bucket(r.opened_at, $1::timestamptz[]) AS week, count(*)
             FROM requests r CROSS JOIN LATERAL unnest(r.topics) AS topic
            WHERE r.opened_at >= $2 AND r.opened_at < $3 GROUP BY topic, week`,
          [
            bounds.map((bound) => bound.toISOString()),
            bounds[0]!.toISOString(),
            bounds.at(-1)!.toISOString(),
          ],
        ),
      );
      const deps = {
        source: createDigestQueries(storage.db),
        archive: createDigestArchive(storage.db),
        themes: createThemeClusterer(),
        topics: TOPICS.map((id) => ({ id, label: id, keywords: [] })),
        teams: [
          {
            id: 'support',
            name: 'Support',
            destination: { platform: 'console' as const, name: 'x' },
            topics: [],
            language: 'en',
          },
        ],
        accounts: [],
        timezone: TIMEZONE,
      };
      let rising = 0;
      const digest = await median(runs, async () => {
        const result = await computeDigest(deps, { week: WEEK, teamId: null, now: new Date() });
        rising = result.rising.length;
      });
      rows.push({
        backend: backend.name,
        rows: weekRequests + baselineRequests,
        'load (s)': Number(loadSeconds.toFixed(1)),
        'GROUP BY topic, week (ms)': Math.round(groupBy),
        'digest (ms)': Math.round(digest),
        '× GROUP BY': Number((digest / groupBy).toFixed(2)),
        'rising topics': rising,
      });
    } finally {
      await storage.close();
      await backend.cleanup();
    }
  }
  return rows;
}

async function median(runs: number, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

// Requests spread evenly over their weeks, 200 accounts, one topic each (outage surges this
// week), 2 % without a topic for the emerging themes; the digest week's requests get their
// first customer message (quotes read it). Generated in SQL: a million rows in seconds.
async function seed(
  db: Database,
  bounds: Date[],
  weekRequests: number,
  baselineRequests: number,
): Promise<void> {
  const from = bounds[0]!.getTime() / 1000;
  const baselineSpan = (bounds[BASELINE_WEEKS]!.getTime() - bounds[0]!.getTime()) / 1000;
  const weekFrom = bounds[BASELINE_WEEKS]!.getTime() / 1000;
  const weekSpan = (bounds[BASELINE_WEEKS + 1]!.getTime() - bounds[BASELINE_WEEKS]!.getTime()) / 1000;
  const insert = (count: number, start: number, span: number, current: boolean) =>
    db.query(
      `INSERT INTO requests (id, account_id, conversation, state, team_id, priority, topics, analysis, opened_at, last_message_at, routed_at)
       SELECT $4::text || g, 'acct-' || (g % 200), 'slack:C' || (g % 200), 'open', 'support',
              (ARRAY['P1','P2','P3','P4'])[1 + g % 4],
              CASE WHEN g % 50 = 0 THEN '{}'::text[]
                   WHEN $5::boolean AND g % 5 = 0 THEN ARRAY['outage']
                   ELSE ARRAY[($6::text[])[1 + g % 8]] END,
              jsonb_build_object('sentiment', ((g % 21) - 10) / 10.0, 'confidence', 0.9, 'topics', '[]'::jsonb),
              to_timestamp($2 + (g::float8 / $1) * $3), to_timestamp($2 + (g::float8 / $1) * $3),
              to_timestamp($2 + (g::float8 / $1) * $3)
         FROM generate_series(0, $1 - 1) AS g`,
      [count, start, span, current ? 'w-' : 'b-', current, TOPICS],
    );
  await insert(baselineRequests, from, baselineSpan, false);
  await insert(weekRequests, weekFrom, weekSpan, true);
  await db.query(
    `INSERT INTO customer_messages (id, platform, conversation, account_id, author, external, text, sent_at, kind, request_id)
     SELECT 'm-' || r.id, 'slack', r.conversation, r.account_id, '{"id":"U1","name":"Customer","external":true}'::jsonb, true,
            (ARRAY['The export to CSV fails with a timeout', 'Mobile app crashes when uploading photos',
                   'SSO login loops back to the start page', 'Invoice shows the wrong VAT rate'])[1 + length(r.id) % 4]
              || ' (request ' || r.id || ')',
            r.opened_at, 'request', r.id
       FROM requests r WHERE r.id LIKE 'w-%'`,
  );
  await db.query('ANALYZE requests');
  await db.query('ANALYZE customer_messages');
}

/** Seeds the bench's rows (exported for profiling single queries). */
export async function seedForProfile(
  db: Database,
  bounds: Date[],
  week: number,
  baseline: number,
): Promise<void> {
  await seed(db, bounds, week, baseline);
}

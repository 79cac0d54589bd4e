import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBusinessClock } from '../../src/core/business-clock.ts';
import { simulateSla } from '../../src/core/pipeline/simulate-sla.ts';
import type { Priority } from '../../src/core/priority.ts';
import { openStorage, type Storage } from '../../src/storage/open-storage.ts';
import { createSlaWorld, hel, slaConfig } from '../core/pipeline/check-sla-kit.ts';
import { createScratchDatabase, TEST_DATABASE_URL } from '../support/scratch-database.ts';

const src = (path: string) => JSON.stringify(join(process.cwd(), path));

// A worker process: checkSla on the shared database at every minute of [from, to] on a fake clock,
// posting through a notifier that writes each note into test_notes (no unique key, so a double
// post would show as two rows). The two fake clocks move in step (test_ticks is a barrier): real
// replicas share one wall clock, and a delivery lease is measured on it, so a worker whose fake
// clock ran minutes ahead would see the other's fresh lease as long expired — a race of the test's
// making, not of production's.
const worker = (name: string, url: string, from: Date, to: Date, startAt: number) => `
import { checkSla } from ${src('src/core/pipeline/check-sla.ts')};
import { createTeamClocks } from ${src('src/core/pipeline/create-team-clocks.ts')};
import { openStorage } from ${src('src/storage/open-storage.ts')};
import { createRequestStore } from ${src('src/storage/request-store.ts')};
import { createSlaStore } from ${src('src/storage/sla-store.ts')};
import { slaConfig } from ${src('test/core/pipeline/check-sla-kit.ts')};
const storage = await openStorage({ databaseUrl: ${JSON.stringify(url)}, dataDir: null });
const config = slaConfig();
let now = new Date(${from.getTime()});
const destinationOf = (target) => ('destination' in target ? target.destination : target);
const notifier = {
  platform: 'slack',
  async postRoutedPost() { throw new Error('workers only post notes'); },
  async updateRoutedPost() {},
  async postNote(target, note, key) {
    await storage.db.query('INSERT INTO test_notes (key, worker, kind, text) VALUES ($1, $2, $3, $4)',
      [key, ${JSON.stringify(name)}, note.kind, note.text]);
    return { destination: destinationOf(target), id: key };
  },
  async findDelivery(target, key) {
    const found = await storage.db.query('SELECT key FROM test_notes WHERE key = $1', [key]);
    return found.rows[0] ? { destination: destinationOf(target), id: key } : null;
  },
};
const deps = {
  requests: createRequestStore(storage.db, async () => {}),
  sla: createSlaStore(storage.db),
  directory: config.directory,
  clock: { now: () => now },
  notifiers: [notifier],
  settings: config.file,
  clocks: createTeamClocks(config.file),
};
let failures = 0;
const sent = [];
// Both processes start ticking at the same wall-clock moment, so their ticks really overlap.
await new Promise((resolve) => setTimeout(resolve, Math.max(0, ${startAt} - Date.now())));
const other = ${JSON.stringify(name)} === 'a' ? 'b' : 'a';
const reach = (at) => storage.db.query(
  'INSERT INTO test_ticks (worker, at) VALUES ($1, $2) ON CONFLICT (worker) DO UPDATE SET at = EXCLUDED.at',
  [${JSON.stringify(name)}, at]);
for (let at = ${from.getTime()}; at <= ${to.getTime()}; at += 60_000) {
  await reach(at);
  for (;;) {
    const found = await storage.db.query('SELECT at FROM test_ticks WHERE worker = $1', [other]);
    if (found.rows[0] && Number(found.rows[0].at) >= at) break;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  now = new Date(at);
  const outcome = await checkSla(deps);
  for (const failure of outcome.failed) { failures += 1; process.stderr.write(failure.error.stack + '\\n'); }
  for (const nudge of outcome.sent) sent.push(nudge.key + ' ' + nudge.outcome + (nudge.retry ? ' retry' : ''));
}
await reach(Number.MAX_SAFE_INTEGER);
await storage.close();
process.stdout.write(JSON.stringify({ failures, sent }) + '\\n');
`;

interface WorkerReport {
  failures: number;
  /** `key outcome [retry]` of every nudge this process sent. */
  sent: string[];
}

async function runWorkers(url: string, from: Date, to: Date): Promise<WorkerReport[]> {
  const setup = await openStorage({ databaseUrl: url, dataDir: null });
  await setup.db.query('CREATE TABLE IF NOT EXISTS test_ticks (worker text PRIMARY KEY, at bigint)');
  await setup.db.query('DELETE FROM test_ticks');
  await setup.close();
  const startAt = Date.now() + 4000;
  const children = ['a', 'b'].map((name) =>
    spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', worker(name, url, from, to, startAt)],
      {
        cwd: process.cwd(),
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    ),
  );
  return Promise.all(
    children.map(
      (child) =>
        new Promise<WorkerReport>((resolve, reject) => {
          let out = '';
          child.stdout?.on('data', (chunk) => {
            out += String(chunk);
          });
          child.on('exit', (code) =>
            code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`worker exited ${code}`)),
          );
        }),
    ),
  );
}

/**
 * No failures, and no nudge claimed by both processes. (A process that ticks ahead of the other on
 * its fake clock may finish the other's claim as a retry; postOnce then finds it already posted.)
 */
function expectEachClaimedOnce(results: WorkerReport[]): void {
  expect(results.map((result) => result.failures)).toEqual([0, 0]);
  const claimed = results.flatMap((result) => result.sent).filter((entry) => !entry.endsWith(' retry'));
  expect(claimed.every((entry) => entry.endsWith(' posted'))).toBe(true);
  expect(new Set(claimed).size).toBe(claimed.length);
}

describe.skipIf(!TEST_DATABASE_URL)('SLA checks in two worker processes on one PostgreSQL', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let storage: Storage;
  const routed: Array<{ requestId: string; priority: Priority; at: Date }> = [];

  beforeAll(async () => {
    scratch = await createScratchDatabase(TEST_DATABASE_URL!);
    storage = await openStorage({ databaseUrl: scratch.url, dataDir: null });
    await storage.db.query(
      'CREATE TABLE test_notes (key text, worker text, kind text, text text, at timestamptz DEFAULT now())',
    );
    const world = createSlaWorld(storage.db);
    const plan: Array<[Priority, string]> = [
      ['P2', '2026-11-23 08:00'],
      ['P3', '2026-11-23 08:00'],
      ['P4', '2026-11-23 08:00'],
      ['P2', '2026-11-23 13:00'],
      ['P1', '2026-11-23 15:30'],
    ];
    for (const [priority, wall] of plan) {
      const { requestId } = await world.route(hel(wall), priority);
      routed.push({ requestId, priority, at: hel(wall) });
    }
  });
  afterAll(async () => {
    await storage?.close();
    await scratch?.drop();
  });

  const notes = async () =>
    (
      await storage.db.query<{ key: string; worker: string; kind: string; text: string }>(
        'SELECT key, worker, kind, text FROM test_notes ORDER BY at, key',
      )
    ).rows;

  it('sends each nudge exactly once while both tick every minute of a working day', async () => {
    const results = await runWorkers(scratch.url, hel('2026-11-23 08:00'), hel('2026-11-23 16:00'));
    expectEachClaimedOnce(results);
    const rows = await notes();
    const keys = rows.map((row) => row.key.replace(/^sla:/, ''));
    expect(new Set(keys).size).toBe(keys.length);

    // Exactly what one uninterrupted checker would have sent.
    const config = slaConfig();
    const expected = routed.flatMap(({ requestId, priority, at }) =>
      simulateSla({
        requestId,
        routedAt: at,
        priority,
        tier: 'enterprise',
        firstResponseAt: null,
        resolvedAt: null,
        calendar: config.file.calendar,
        policy: config.file.sla,
        until: hel('2026-11-23 16:00'),
      }).map((item) => `${requestId}:${item.kind}:${item.seq}`),
    );
    expect([...keys].sort()).toEqual([...expected].sort());
    expect(keys.length).toBe(10);
    expect(rows.every((row) => !row.text.includes('Sent late'))).toBe(true);
  }, 120_000);

  it('after both were down overnight and all morning, a restart sends what fell due once, saying it is late', async () => {
    const before = new Set((await notes()).map((row) => row.key));
    const results = await runWorkers(scratch.url, hel('2026-11-24 12:00'), hel('2026-11-24 12:05'));
    expectEachClaimedOnce(results);
    const rows = await notes();
    const keys = rows.map((row) => row.key);
    expect(new Set(keys).size).toBe(keys.length);
    const caughtUp = rows.filter((row) => !before.has(row.key));
    const [p2Morning, p3, , p2Afternoon, p1] = routed.map((request) => request.requestId);
    expect(caughtUp.map((row) => row.key.replace(/^sla:/, '')).sort()).toEqual(
      [
        `${p3}:breach:1`,
        `${p2Afternoon}:repeat:2`,
        `${p2Afternoon}:escalation:1`,
        `${p1}:repeat:2`,
        `${p1}:escalation:1`,
      ].sort(),
    );
    expect(caughtUp.every((row) => row.text.includes('Sent late'))).toBe(true);
    expect(keys.some((key) => key.startsWith(`sla:${p2Morning}:`))).toBe(true);
    // The P3 breach fell due at Monday's close and could first go out at Tuesday's opening.
    const breach = caughtUp.find((row) => row.key.endsWith(`${p3}:breach:1`));
    expect(breach?.text).toContain('fell due Mon 23 Nov 16:00');
    expect(createBusinessClock(slaConfig().file.calendar).isOpen(hel('2026-11-23 16:00'))).toBe(false);
  }, 120_000);
});

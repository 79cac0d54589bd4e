import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createChurnCommand } from '../../../src/cli/commands/churn.ts';
import { runCli } from '../../../src/cli/run-cli.ts';
import { DEFAULT_HEALTH_MODEL, modelVersion } from '../../../src/core/health/health-model.ts';
import { createHealthStore } from '../../../src/storage/health-store.ts';
import { openStorage } from '../../../src/storage/open-storage.ts';
import { captureCliIo } from '../../support/capture-cli-io.ts';
import { seedDecliningAccount, seedRequest } from '../../support/seed-health-data.ts';
import { TEST_CONFIG_YAML } from '../../support/test-config.ts';

const NOW = new Date('2026-11-20T12:00:00Z');
const DAY = 86_400_000;
const dayAgo = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString().slice(0, 10);

const captureIo = (cwd: string) => captureCliIo(cwd, { VERBATIM_DATA_DIR: './data', LOG_LEVEL: 'silent' });

describe('verbatim churn', () => {
  let cwd: string;
  const command = createChurnCommand({ clock: { now: () => NOW } });
  const run = async (...args: string[]) => {
    const capture = captureIo(cwd);
    const code = await command.run(args, capture.io);
    return { code, out: capture.out(), err: capture.err() };
  };

  beforeAll(async () => {
    cwd = await mkdtemp(join(tmpdir(), 'verbatim-churn-cli-'));
    await writeFile(join(cwd, 'verbatim.config.yaml'), TEST_CONFIG_YAML);
    const storage = await openStorage({ dataDir: join(cwd, 'data') });
    try {
      await seedDecliningAccount(storage.db, 'acme', NOW);
      for (let ago = 100; ago >= 2; ago -= 4)
        await seedRequest(storage.db, {
          accountId: 'pohjola',
          openedAt: new Date(NOW.getTime() - ago * DAY),
          text: `Kiitos, kysymys ${ago}`,
          sentiment: 0.4,
          topics: [`t${ago}`],
          firstResponseMinutes: 15,
        });
      const store = createHealthStore(storage.db);
      const version = modelVersion(DEFAULT_HEALTH_MODEL);
      // Twelve weeks of healthy history for acme, so the trend and "since last week" have something to read.
      for (let week = 12; week >= 1; week--)
        await store.saveSnapshot({
          accountId: 'acme',
          day: dayAgo(week * 7),
          score: 88,
          band: 'healthy',
          factors: {
            sentiment: { points: 20, maxPoints: 20, reason: 'steady' },
            stakeholders: { points: 10, maxPoints: 10, reason: 'nobody left' },
          },
          topReason: null,
          modelVersion: version,
        });
    } finally {
      await storage.close();
    }
  });

  it('explains one account as JSON with the documented field names', async () => {
    const { code, out } = await run('acme', '--json');
    expect(code).toBe(0);
    const view = JSON.parse(out);
    expect(view.account).toMatchObject({
      id: 'acme',
      name: 'Acme Logistics',
      arr: 120000,
      renewalDate: '2026-12-31',
    });
    expect(view.score).toBeLessThan(70);
    expect(['watch', 'at-risk', 'critical']).toContain(view.band);
    expect(view.trend).toHaveLength(12);
    expect(view.trend[0]).toEqual({ date: dayAgo(77), score: 88 });
    expect(view.trend.at(-1)).toEqual({ date: NOW.toISOString().slice(0, 10), score: view.score });
    const driver = view.drivers.find((item: { signal: string }) => item.signal === 'churn-drivers');
    expect(Object.keys(driver)).toEqual(
      expect.arrayContaining(['signal', 'points', 'maxPoints', 'direction', 'reason', 'evidence']),
    );
    expect(driver.evidence[0]).toEqual(
      expect.objectContaining({
        quote: expect.stringMatching(/Zendesk offered us/),
        link: expect.stringMatching(/^https:/),
        author: 'Casey Customer',
        at: expect.any(String),
      }),
    );
    expect(view.changes.since).toBe(dayAgo(7));
    expect(
      view.changes.factors.find((change: { signal: string }) => change.signal === 'stakeholders'),
    ).toMatchObject({
      fromPoints: 10,
      reason: expect.stringMatching(/Pat Power/),
    });
    expect(view.modelVersion).toBe(modelVersion(DEFAULT_HEALTH_MODEL));
  });

  it('explains in words, finding the account despite a typo', async () => {
    const { code, out } = await run('acme', 'logstics');
    expect(code).toBe(0);
    expect(out).toMatch(/^Acme Logistics \(acme\) — health \d+\/100/);
    expect(out).toMatch(/What changed since/);
    expect(out).toMatch(/“Honestly, Zendesk offered us the same for half the price/);
    expect(out).toMatch(/Next step: /);
  });

  it('answers an unknown account with the closest matches', async () => {
    const { code, err } = await run('pohjolax foodz inc');
    expect(code).toBe(1);
    expect(err).toMatch(/no account matches "pohjolax foodz inc"\. Closest: Pohjola Foods \(pohjola\)/);
  });

  it('says what is missing for an account without history', async () => {
    const { code, out } = await run('nimbus');
    expect(code).toBe(0);
    expect(out).toMatch(/Nimbus Health: not enough data yet/);
    expect(out).toMatch(/sentiment: no triaged requests in the last 14 days/);
    expect(out).toMatch(/stakeholders: /);
  });

  it('lists accounts by urgency after a snapshot, as JSON', async () => {
    expect((await run('snapshot')).out).toMatch(/Snapshots for 2026-11-20: 4 accounts/);
    const { code, out } = await run('--json');
    expect(code).toBe(0);
    const { accounts } = JSON.parse(out);
    expect(accounts[0]).toEqual({
      id: 'acme',
      name: 'Acme Logistics',
      owner: null,
      score: expect.any(Number),
      band: expect.any(String),
      urgency: expect.any(Number),
      trend: 'down',
      topReason: expect.any(String),
    });
    expect(accounts.map((account: { urgency: number }) => account.urgency)).toEqual(
      [...accounts.map((account: { urgency: number }) => account.urgency)].sort((a, b) => b - a),
    );
    expect((await run()).out).toMatch(
      /^ACCOUNT\s+BAND\s+SCORE\s+TREND\s+URGENCY\s+TOP REASON\nAcme Logistics/,
    );
  });

  it('parses its options strictly through the dispatcher: unknown, missing and bad values exit 2', async () => {
    const verbatim = async (...args: string[]) => {
      const capture = captureIo(cwd);
      const code = await runCli(['churn', ...args], capture.io, [command]);
      return { code, out: capture.out(), err: capture.err() };
    };
    expect(await verbatim('--lmit', '3')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^verbatim churn: unknown option "--lmit"\nusage: verbatim churn /),
    });
    expect(await verbatim('--limit')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^verbatim churn: --limit needs a value\n/),
    });
    expect(await verbatim('snapshot', '--from', '--every', '2')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^verbatim churn: --from needs a value/),
    });
    expect(await verbatim('--limit', '0')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^verbatim churn: --limit needs a positive whole number\n/),
    });
    expect((await verbatim('backtest', 'outcomes.csv', '--horizon=1.5')).err).toMatch(
      /--horizon needs a positive whole number/,
    );
    expect((await verbatim('snapshot', '--to=2026-11-01')).err).toMatch(/--to needs --from/);

    const listed = await verbatim('--limit=1', '--json');
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.out).accounts).toHaveLength(1);
    const explained = await verbatim('Acme', 'Logistics', '--json');
    expect(explained.code).toBe(0);
    expect(JSON.parse(explained.out).account.id).toBe('acme');
  });

  it('backtests snapshots against an outcomes file', async () => {
    await writeFile(
      join(cwd, 'outcomes.csv'),
      `Account ID,Churn Date,Renewal Date\nacme,2026-11-30,\npohjola,,2026-11-28\nnimbus,,2026-12-01\n`,
    );
    const { code, out } = await run('backtest', 'outcomes.csv', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.outcomes).toBe(2);
    expect(report.withoutHistory).toEqual(['nimbus']);
    const watch = report.rows.find((row: { threshold: string }) => row.threshold === 'watch');
    expect(watch).toMatchObject({
      flagged: 1,
      truePositives: 1,
      precision: 1,
      recall: 1,
      medianLeadDays: 10,
    });
    expect((await run('backtest', 'outcomes.csv')).out).toMatch(
      /watch or worse\s+1\s+1\s+100%\s+100%\s+10 days/,
    );
  });

  it('rejects a malformed outcomes file with line numbers', async () => {
    await writeFile(
      join(cwd, 'bad.csv'),
      `account,outcome,date\nacme,churned,2026-13-01\n,renewed,2026-01-01\npohjola,paused,2026-01-01\n`,
    );
    const { code, err } = await run('backtest', 'bad.csv');
    expect(code).toBe(1);
    expect(err).toMatch(/bad\.csv: 3 problem\(s\)/);
    expect(err).toMatch(/line 2: date "2026-13-01" is not an ISO date/);
    expect(err).toMatch(/line 3: the account id is empty/);
    expect(err).toMatch(/line 4: outcome "paused" is neither churned nor renewed/);
  });
});

describe('verbatim churn snapshot --from: history before the first nightly snapshot', () => {
  let cwd: string;
  const command = createChurnCommand({ clock: { now: () => NOW } });
  const run = async (...args: string[]) => {
    const capture = captureIo(cwd);
    const code = await command.run(args, capture.io);
    return { code, out: capture.out(), err: capture.err() };
  };

  beforeAll(async () => {
    cwd = await mkdtemp(join(tmpdir(), 'verbatim-churn-backfill-'));
    await writeFile(join(cwd, 'verbatim.config.yaml'), TEST_CONFIG_YAML);
    await writeFile(
      join(cwd, 'outcomes.csv'),
      `Account ID,Churn Date,Renewal Date\nacme,2026-11-30,\npohjola,,2026-11-28\n`,
    );
    const storage = await openStorage({ dataDir: join(cwd, 'data') });
    try {
      // A replayed history and no snapshot at all: the backtest has nothing to read yet.
      await seedDecliningAccount(storage.db, 'acme', NOW);
      for (let ago = 100; ago >= 2; ago -= 4)
        await seedRequest(storage.db, {
          accountId: 'pohjola',
          openedAt: new Date(NOW.getTime() - ago * DAY),
          text: `Kiitos, kysymys ${ago}`,
          sentiment: 0.4,
          topics: [`t${ago}`],
          firstResponseMinutes: 15,
        });
    } finally {
      await storage.close();
    }
  });

  it('scores past days as they stood, never overwrites, and gives the backtest its history', async () => {
    const before = JSON.parse((await run('backtest', 'outcomes.csv', '--json')).out);
    expect(before.withoutHistory.sort()).toEqual(['acme', 'pohjola']);

    const filled = await run('snapshot', '--from', dayAgo(60), '--every', '2');
    expect(filled.code).toBe(0);
    // 30 days of 2 (from 60 days ago to yesterday) for each of the config's accounts.
    expect(filled.out).toMatch(/Back-filled snapshots .*: \d+ written, 0 kept as they were\./);
    const again = await run('snapshot', '--from', dayAgo(60), '--every', '2');
    expect(again.out).toMatch(/: 0 written, \d+ kept as they were\./);

    const report = JSON.parse((await run('backtest', 'outcomes.csv', '--json')).out);
    expect(report.withoutHistory).toEqual([]);
    const watch = report.rows.find((row: { threshold: string }) => row.threshold === 'watch');
    // The declining account was flagged before it churned; the steady one was not.
    expect(watch).toMatchObject({ flagged: 1, truePositives: 1, precision: 1, recall: 1 });
    expect(watch.medianLeadDays).toBeGreaterThanOrEqual(10);
  });

  it('explains bad dates', async () => {
    await expect(run('snapshot', '--from', '2026-13-01')).rejects.toThrow(
      '--from needs a date as YYYY-MM-DD',
    );
    await expect(run('snapshot', '--to', dayAgo(3))).rejects.toThrow('--to needs --from');
    await expect(run('snapshot', '--from', dayAgo(1), '--to', dayAgo(5))).rejects.toThrow('is before --from');
  });
});

import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StoredInboxEntry, UnreadableInboxEntryError } from '../../src/core/inbox.ts';
import { createInboxWorker } from '../../src/jobs/inbox-worker.ts';
import { createDeadLetterStore } from '../../src/storage/dead-letter-store.ts';
import { createInboxStore } from '../../src/storage/inbox-store.ts';
import type { Storage } from '../../src/storage/open-storage.ts';
import { backends } from '../support/scratch-database.ts';
import { openTestStorage } from '../support/test-storage.ts';

const silent = pino({ level: 'silent' });

describe.each(backends)('the durable inbox (%s)', (backend) => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await openTestStorage(backend);
  });
  afterAll(() => storage?.close());

  it('stores concurrent appends with one multi-row INSERT each burst, once per platform id', async () => {
    const statements: string[] = [];
    const counting = {
      query: <Row>(sql: string, params?: unknown[]) => {
        if (sql.startsWith('INSERT INTO inbox')) statements.push(sql);
        return storage.db.query<Row>(sql, params);
      },
    };
    const store = createInboxStore(counting, { maxInFlight: 1 });
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        store.append({
          source: 'slack',
          platformId: `event:Ev${i % 150}`,
          payload: { n: i, text: 'é "quoted"' },
        }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.stored)).toHaveLength(150);
    expect(statements.length).toBeLessThanOrEqual(3);
    const again = await store.append({ source: 'slack', platformId: 'event:Ev7', payload: {} });
    expect(again.stored).toBe(false);
    // The same id from another platform is another event.
    expect((await store.append({ source: 'teams', platformId: 'event:Ev7', payload: {} })).stored).toBe(true);
    const rows = await storage.db.query<{ payload: { n: number; text: string } }>(
      `SELECT payload FROM inbox WHERE source = 'slack' AND platform_id = 'event:Ev7'`,
    );
    expect(rows.rows[0]?.payload).toEqual({ n: 7, text: 'é "quoted"' });
  });

  it('leases claimed entries: a dead worker’s entry comes back after its lease, a live one’s renewal keeps it', async () => {
    const store = createInboxStore(storage.db);
    await storage.db.query('DELETE FROM inbox');
    await store.append({ source: 'email', platformId: 'lease-1', payload: {} });
    await store.append({ source: 'email', platformId: 'lease-2', payload: {} });
    const [first, second] = await store.claim(2, 1, ['email']);
    expect(first?.attempts).toBe(1);
    expect(await store.claim(5, 1, ['email'])).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 600));
    await store.renew([second!.id], 5);
    await new Promise((resolve) => setTimeout(resolve, 700));
    const reclaimed = await store.claim(5, 1, ['email']);
    expect(reclaimed.map((entry) => entry.platformId)).toEqual(['lease-1']);
    expect(reclaimed[0]?.attempts).toBe(2);
    await store.complete(reclaimed[0]!.id);
    await store.complete(second!.id);
    expect(await store.countPending()).toBe(0);
    expect(await store.isPending('email', 'lease-1')).toBe(false);
    await store.append({ source: 'email', platformId: 'lease-3', payload: {} });
    expect(await store.isPending('email', 'lease-3')).toBe(true);
    expect(await store.isPending('slack', 'lease-3')).toBe(false);
    expect(await store.isPending('email', 'never-stored')).toBe(false);
    await store.complete((await store.claim(5, 1, ['email']))[0]!.id);
    expect(await store.isPending('email', 'lease-3')).toBe(false);
    // Processed entries are pruned after the retention; recent ones stay (and still deduplicate).
    await storage.db.query(
      `UPDATE inbox SET processed_at = now() - interval '8 days' WHERE platform_id = 'lease-1'`,
    );
    expect(await store.prune(7)).toBe(1);
    expect((await store.append({ source: 'email', platformId: 'lease-2', payload: {} })).stored).toBe(false);
  });

  it('worker retries a failing entry, keeps it as an inbox:<source> dead letter after its last attempt, and a slow entry does not hold up others', async () => {
    const store = createInboxStore(storage.db);
    await storage.db.query('DELETE FROM inbox');
    const dead: string[] = [];
    const worker = createInboxWorker({
      store,
      deadLetters: createDeadLetterStore(storage.db),
      logger: silent,
      onDeadLetter: (source) => dead.push(source),
      concurrency: 2,
      pollMs: 20,
      maxAttempts: 3,
      retryDelaySeconds: 0.05,
    });
    const seen: string[] = [];
    let releaseSlow: () => void = () => {};
    const slow = new Promise<void>((resolve) => {
      releaseSlow = resolve;
    });
    worker.process('email', async (entry: StoredInboxEntry) => {
      seen.push(`${entry.platformId}#${entry.attempts}`);
      if (entry.platformId === 'slow') await slow;
      if (entry.platformId === 'bad') throw new Error('cannot parse');
    });
    await store.append({ source: 'email', platformId: 'slow', payload: {} });
    await store.append({ source: 'email', platformId: 'bad', payload: { raw: 'x' } });
    for (let i = 0; i < 5; i++) await store.append({ source: 'email', platformId: `ok-${i}`, payload: {} });
    worker.start();
    const deadline = Date.now() + 15_000;
    while (dead.length === 0 || !seen.includes('ok-4#1')) {
      if (Date.now() > deadline) throw new Error(`timed out; seen ${seen.join(' ')}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    releaseSlow();
    await worker.stop();
    expect(seen.filter((s) => s.startsWith('bad'))).toEqual(['bad#1', 'bad#2', 'bad#3']);
    expect(dead).toEqual(['inbox:email']);
    const letters = await createDeadLetterStore(storage.db).list();
    const letter = letters.find((candidate) => candidate.source === 'inbox:email');
    expect(letter?.reason).toContain('cannot parse');
    expect(await store.countPending()).toBe(0);
    // Re-driven from its dead letter: a fresh set of attempts.
    expect(await store.revive(String(letter?.meta?.['inboxId']))).toBe(true);
    expect(await store.revive(String(letter?.meta?.['inboxId']))).toBe(false);
    const [again] = await store.claim(5, 5, ['email']);
    expect(again).toMatchObject({ platformId: 'bad', attempts: 1 });
  });

  it('worker runs entries with the same order key one after another, oldest first, others alongside', async () => {
    const store = createInboxStore(storage.db);
    await storage.db.query('DELETE FROM inbox');
    const worker = createInboxWorker({
      store,
      deadLetters: createDeadLetterStore(storage.db),
      logger: silent,
      pollMs: 20,
    });
    const log: string[] = [];
    worker.process(
      'slack',
      async (entry: StoredInboxEntry) => {
        log.push(`start ${entry.platformId}`);
        // The first of a key takes longest: without ordering, the later ones would finish first.
        await new Promise((resolve) => setTimeout(resolve, entry.platformId.endsWith('1') ? 300 : 10));
        log.push(`end ${entry.platformId}`);
      },
      { orderKey: (entry) => (entry.payload as { key: string | null }).key },
    );
    for (const [id, key] of [
      ['a1', 'A'],
      ['a2', 'A'],
      ['b1', 'B'],
      ['a3', 'A'],
      ['free', null],
    ] as const)
      await store.append({ source: 'slack', platformId: id, payload: { key } });
    worker.start();
    const deadline = Date.now() + 15_000;
    while ((await store.countPending()) > 0) {
      if (Date.now() > deadline) throw new Error(`timed out; ${log.join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await worker.stop();
    const ofKeyA = log.filter((line) => / a\d$/.test(line));
    expect(ofKeyA).toEqual(['start a1', 'end a1', 'start a2', 'end a2', 'start a3', 'end a3']);
    // Another key and an entry without one did not wait for key A.
    expect(log.indexOf('end free')).toBeLessThan(log.indexOf('end a1'));
    expect(log.indexOf('start b1')).toBeLessThan(log.indexOf('end a1'));
  });

  it('keeps an entry its processor declares unreadable as a dead letter at once, without retries', async () => {
    const store = createInboxStore(storage.db);
    await storage.db.query('DELETE FROM inbox');
    await storage.db.query('DELETE FROM dead_letters');
    const worker = createInboxWorker({
      store,
      deadLetters: createDeadLetterStore(storage.db),
      logger: silent,
      pollMs: 20,
      maxAttempts: 5,
      retryDelaySeconds: 0.05,
    });
    let attempts = 0;
    worker.process('teams', async () => {
      attempts += 1;
      throw new UnreadableInboxEntryError('not a Teams activity: type missing');
    });
    await store.append({ source: 'teams', platformId: 'garbled', payload: { nope: true } });
    worker.start();
    const letters = createDeadLetterStore(storage.db);
    const deadline = Date.now() + 10_000;
    while ((await letters.list()).length === 0) {
      if (Date.now() > deadline) throw new Error('timed out waiting for the dead letter');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    await worker.stop();
    expect(attempts).toBe(1);
    const [letter] = await letters.list();
    expect(letter).toMatchObject({
      source: 'inbox:teams',
      reason: 'unreadable: not a Teams activity: type missing',
      meta: { platformId: 'garbled' },
    });
    expect(await store.countPending()).toBe(0);
  });
});

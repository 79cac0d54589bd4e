import { describe, expect, it } from 'vitest';
import { createConnectionTurns, turnAge } from '../../src/storage/connection-turns.ts';
import { createPgliteDatabase } from '../../src/storage/pglite-database.ts';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('turns on a single connection', () => {
  it('runs an append queued behind background work as the next turn', async () => {
    const turns = createConnectionTurns();
    const order: string[] = [];
    const background = Array.from({ length: 5 }, (_, i) =>
      turns.later(async () => {
        order.push(`background ${i}`);
        await tick();
      }),
    );
    // Queued after all five, while the first holds the connection.
    await tick();
    const append = turns.first(async () => {
      order.push('append');
    });
    await Promise.all([...background, append]);
    expect(order.indexOf('append')).toBeLessThanOrEqual(1);
    expect(order).toHaveLength(6);
  });

  it('lets the event loop run between background turns', async () => {
    const turns = createConnectionTurns();
    let loopTurns = 0;
    let counting = true;
    const count = () => {
      if (!counting) return;
      loopTurns += 1;
      setImmediate(count);
    };
    setImmediate(count);
    // Work that resolves only in microtasks would otherwise never let `count` run.
    await Promise.all(Array.from({ length: 20 }, () => turns.later(async () => {})));
    counting = false;
    expect(loopTurns).toBeGreaterThanOrEqual(15);
  });

  it('runs the background turns of older work first, the rest in arrival order', async () => {
    const turns = createConnectionTurns();
    const order: string[] = [];
    const holder = turns.later(async () => {
      order.push('holder');
      await tick();
    });
    // The holder has the connection; everything below waits for it.
    await tick();
    const queued = [
      turns.later(async () => order.push('no age, first')),
      turnAge.run({ since: performance.now() + 60_000 }, () =>
        turns.later(async () => order.push('younger than now: as old as its queueing')),
      ),
      turnAge.run({ since: performance.now() - 2_000 }, () => turns.later(async () => order.push('2 s old'))),
      turns.later(async () => order.push('no age, second')),
      turnAge.run({ since: performance.now() - 5_000 }, () => turns.later(async () => order.push('5 s old'))),
    ];
    await Promise.all([holder, ...queued]);
    expect(order).toEqual([
      'holder',
      '5 s old',
      '2 s old',
      'no age, first',
      'younger than now: as old as its queueing',
      'no age, second',
    ]);
  });

  it('never runs two turns at once', async () => {
    const turns = createConnectionTurns();
    let holding = 0;
    let most = 0;
    const hold = async () => {
      holding += 1;
      most = Math.max(most, holding);
      await tick();
      holding -= 1;
    };
    await Promise.all(
      Array.from({ length: 30 }, (_, i) => (i % 3 === 0 ? turns.first(() => hold()) : turns.later(hold))),
    );
    expect(most).toBe(1);
  });

  it('spaces background turns while appends keep arriving, and not once they stop', async () => {
    // Real time, plus what the test skips ahead.
    let skipped = 0;
    const now = () => performance.now() + skipped;
    const turns = createConnectionTurns({ quietMs: 100, busyShare: 0.25, now });
    // A background turn holding the connection for 10 ms.
    await turns.later(async () => {
      skipped += 10;
    });
    await turns.first(async () => {});
    const started = performance.now();
    await turns.later(async () => {});
    // 10 ms held at a 25 % share: 30 ms left to requests first (real timers).
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
    skipped += 200; // no append for longer than quietMs
    const quiet = performance.now();
    await turns.later(async () => {});
    expect(performance.now() - quiet).toBeLessThan(25);
  });

  it('passes errors to the caller and frees the connection', async () => {
    const turns = createConnectionTurns();
    await expect(
      turns.later(async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await expect(turns.first(async () => 'ok')).resolves.toBe('ok');
  });
});

describe('the PGlite database on connection turns', () => {
  it('commits an append queued behind a long transaction right after it, ahead of queued work', async () => {
    const db = await createPgliteDatabase(null);
    try {
      await db.exec('CREATE TABLE t (n int)');
      const order: string[] = [];
      const long = db.transaction(async (tx) => {
        for (let i = 0; i < 5; i++) await tx.query('INSERT INTO t VALUES ($1)', [i]);
        order.push('transaction');
      });
      const queued = Array.from({ length: 5 }, (_, i) =>
        db.query('SELECT $1::int AS n', [i]).then(() => order.push(`query ${i}`)),
      );
      await tick();
      const append = db.queryFirst('INSERT INTO t VALUES (100)').then(() => order.push('append'));
      await Promise.all([long, append, ...queued]);
      expect(order.slice(0, 2)).toEqual(['transaction', 'append']);
      // The append did not land inside the open transaction: both committed separately.
      expect((await db.query<{ count: number }>('SELECT count(*)::int AS count FROM t')).rows[0]?.count).toBe(
        6,
      );
    } finally {
      await db.close();
    }
  }, 120_000);

  it('rolls back a failed pg-boss block in the same turn, so the next statement is not in it', async () => {
    const db = await createPgliteDatabase(null);
    try {
      await db.exec('CREATE TABLE t (n int PRIMARY KEY)');
      const failing = db.jobsConnection.exec(
        'BEGIN; INSERT INTO t VALUES (1); INSERT INTO t VALUES (1); COMMIT;',
      );
      const append = db.queryFirst('INSERT INTO t VALUES (2)');
      await expect(failing).rejects.toThrow();
      await append;
      expect(db.pglite.isInTransaction()).toBe(false);
      expect((await db.query<{ n: number }>('SELECT n FROM t')).rows).toEqual([{ n: 2 }]);
    } finally {
      await db.close();
    }
  }, 120_000);
});

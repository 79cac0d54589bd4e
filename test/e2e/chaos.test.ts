import { describe, expect, it } from 'vitest';
import { runChaos } from '../../bench/chaos-run.ts';
import { TEST_DATABASE_URL } from '../support/scratch-database.ts';

// The short chaos run (`npm run chaos` is the long one): 100 customer messages, 10 % delivered
// twice, the bot killed with SIGKILL twice mid-stream. One backend: PostgreSQL when configured
// (the replicated production setup), else PGlite.
const backend = TEST_DATABASE_URL ? 'postgres' : 'pglite';

describe(`chaos: the bot killed mid-stream (${backend})`, () => {
  it('routes every accepted message exactly once, within 60 s of the last restart', async () => {
    const result = await runChaos({
      backend,
      messages: 100,
      kills: 2,
      ...(TEST_DATABASE_URL ? { databaseUrl: TEST_DATABASE_URL } : {}),
    });
    expect(result.accepted).toBe(100);
    expect({ lost: result.lost, doubled: result.doubled }).toEqual({ lost: 0, doubled: 0 });
    expect(result.routedOnce).toBe(100);
    expect(result.routedAfterRestartMs).not.toBeNull();
    expect(result.routedAfterRestartMs!).toBeLessThanOrEqual(60_000);
  }, 240_000);
});

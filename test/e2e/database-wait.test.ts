import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { startVerbatim, type Verbatim } from '../../src/compose-verbatim.ts';
import { createScratchDatabase, TEST_DATABASE_URL } from '../support/scratch-database.ts';
import { createTcpProxy } from '../support/tcp-proxy.ts';
import { testConfig } from '../support/test-config.ts';
import { waitFor } from '../support/wait-for.ts';

const readyz = async (port: number) => {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/readyz`);
    return {
      status: response.status,
      body: (await response.json()) as { checks: Array<{ error?: string }> },
    };
  } catch {
    return { status: 0, body: { checks: [] } };
  }
};

/** "Start waits for its database" (issue 13): ECONNREFUSED at start used to exit at once. */
describe.runIf(TEST_DATABASE_URL)('Verbatim and a PostgreSQL server that comes and goes', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  });

  it('waits at start (503 on /readyz, one log line), carries on when the server answers, and again after an outage', async () => {
    const scratch = await createScratchDatabase(TEST_DATABASE_URL!);
    cleanups.push(() => scratch.drop());
    const real = new URL(scratch.url);
    const proxy = createTcpProxy({ host: real.hostname, port: Number(real.port || 5432) });
    cleanups.push(() => proxy.stop());
    const port = await proxy.freePort();
    const viaProxy = new URL(scratch.url);
    viaProxy.port = String(port);

    const logs: Array<Record<string, unknown>> = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n')) if (line.trim()) logs.push(JSON.parse(line));
        done();
      },
    });
    const config = testConfig({ env: { DATABASE_URL: viaProxy.toString(), LOG_LEVEL: 'debug', PORT: '0' } });
    const starting = startVerbatim({
      config,
      logDestination: destination,
      databaseRetry: { initialMs: 100, maxMs: 400 },
      pollingIntervalSeconds: 0.5,
    });
    let verbatim: Verbatim | null = null;
    cleanups.push(async () => {
      await (verbatim ?? (await starting.catch(() => null)))?.stop();
    });

    const waiting = await waitFor('the not-ready server', () =>
      logs.find((line) => line.msg === 'http server answering not-ready while the database is away'),
    );
    const waitingPort = waiting.port as number;
    const notReady = await readyz(waitingPort);
    expect(notReady.status).toBe(503);
    expect(notReady.body.checks[0]?.error).toMatch(/waiting for the database: .*ECONNREFUSED/);
    await new Promise((resolve) => setTimeout(resolve, 1000)); // several retries
    expect(logs.filter((line) => String(line.msg).startsWith('database unreachable'))).toHaveLength(1);

    await proxy.start(port);
    verbatim = await starting;
    expect(logs.some((line) => line.msg === 'database reachable; starting')).toBe(true);
    expect((await readyz(verbatim.port!)).status).toBe(200);

    // Later: the server goes away and comes back; Verbatim stays up and carries on by itself.
    await proxy.stop();
    await waitFor('not ready during the outage', async () => (await readyz(verbatim!.port!)).status === 503);
    await waitFor('the outage logged', () =>
      logs.some((line) => String(line.msg).startsWith('database unreachable; jobs and requests wait')),
    );
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(logs.filter((line) => String(line.msg).startsWith('database unreachable; jobs'))).toHaveLength(1);
    const queueErrors = logs.filter((line) => line.level === 50 && line.msg === 'job queue error');
    expect(queueErrors).toHaveLength(0);

    await proxy.start(port);
    await waitFor('ready again', async () => (await readyz(verbatim!.port!)).status === 200, 20_000);
    await waitFor('the recovery logged', () =>
      logs.some((line) => line.msg === 'database reachable again; carrying on'),
    );
    const outcome = await verbatim.ingest({
      id: 'slack:C1ACME:1767000000.000100',
      platform: 'slack',
      conversation: 'slack:C1ACME',
      thread: 'slack:C1ACME:1767000000.000100',
      isReply: false,
      accountId: 'acme',
      author: { id: 'UCUST', name: 'Ann Customer', external: true },
      text: 'After the outage: the export still fails.',
      sentAt: new Date(),
    });
    expect(outcome.status).toBe('accepted');
  }, 120_000);
});

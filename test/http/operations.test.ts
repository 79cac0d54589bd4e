import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVerbatim, type Verbatim } from '../../src/compose-verbatim.ts';
import { createRecordingNotifier } from '../support/recording-notifier.ts';
import { createScriptedAnalyzer } from '../support/scripted-analyzer.ts';
import { testConfig } from '../support/test-config.ts';

describe('operations endpoints', () => {
  let verbatim: Verbatim;
  let base: string;
  const notifier = createRecordingNotifier();
  beforeAll(async () => {
    verbatim = await startVerbatim({
      config: testConfig(),
      analyzer: createScriptedAnalyzer(),
      fallbackNotifiers: [notifier],
      pollingIntervalSeconds: 0.5,
    });
    base = `http://127.0.0.1:${verbatim.port}`;
  });
  afterAll(async () => {
    await verbatim.stop();
  });

  it('answers liveness and readiness with the state of the database and job queue', async () => {
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ready',
      checks: [
        { name: 'database', ok: true },
        { name: 'jobs', ok: true },
      ],
    });
  });

  it('exports Prometheus metrics, counting ingested messages and queue depth', async () => {
    await verbatim.ingest({
      id: 'slack:C1ACME:1.1',
      platform: 'slack',
      conversation: 'slack:C1ACME',
      thread: null,
      accountId: null,
      author: { id: 'U1', name: 'Ann', external: true },
      text: 'Export broken',
      sentAt: new Date(),
    });
    const response = await fetch(`${base}/metrics`);
    expect(response.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/verbatim_messages_ingested_total\{platform="slack",outcome="accepted"\} 1/);
    expect(text).toMatch(/verbatim_job_queue_depth\{queue="triage",state="queued"\}/);
    expect(text).toMatch(/verbatim_process_resident_memory_bytes/);
  });

  it('answers unknown paths with a JSON 404', async () => {
    const response = await fetch(`${base}/nope`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'not_found' });
  });

  it('routes an ingested message end to end through the job queue', async () => {
    const deadline = Date.now() + 15_000;
    while (!notifier.posts.some((post) => post.kind === 'routed-post') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(notifier.posts.find((post) => post.kind === 'routed-post')?.view?.messages[0]?.text).toBe(
      'Export broken',
    );
  });

  it('reports not ready once the job queue has stopped taking work', async () => {
    await verbatim.jobs.stop(1000);
    const response = await fetch(`${base}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      checks: [
        { name: 'database', ok: true },
        { name: 'jobs', ok: false },
      ],
    });
  });
});

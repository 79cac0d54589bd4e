import pino from 'pino';
import { startVerbatim } from '../src/compose-verbatim.ts';
import { createRecordingNotifier } from '../test/support/recording-notifier.ts';
import { createScriptedAnalyzer } from '../test/support/scripted-analyzer.ts';
import { testConfig } from '../test/support/test-config.ts';
import { benchBackends } from './bench-storage.ts';

/**
 * Messages in → routed posts out, through the real store and job queue, with an analyzer of fixed
 * latency. The theoretical best is requests × latency ÷ concurrency; the ratio shows what the
 * pipeline adds around the analyzer.
 */
export async function benchEndToEnd(
  options: { requests?: number; latencyMs?: number; concurrency?: number } = {},
) {
  const requests = options.requests ?? Number(process.env.BENCH_REQUESTS ?? 96);
  const latencyMs = options.latencyMs ?? Number(process.env.BENCH_LATENCY_MS ?? 1000);
  const concurrency = options.concurrency ?? Number(process.env.BENCH_CONCURRENCY ?? 16);
  const results: Array<Record<string, string | number>> = [];
  for (const backend of benchBackends()) {
    await backend.prepare();
    const notifier = createRecordingNotifier();
    const verbatim = await startVerbatim({
      config: testConfig({ env: backend.env }),
      logger: pino({ level: 'silent' }),
      listen: false,
      workers: false,
      analyzer: createScriptedAnalyzer({}, { latencyMs }),
      fallbackNotifiers: [notifier],
      pollingIntervalSeconds: 0.5,
      settings: { triageDelaySeconds: 0 },
      concurrency: { triage: concurrency, deliver: concurrency },
    });
    try {
      for (let index = 0; index < requests; index++) {
        const channel = `C1E2E${index}`;
        await verbatim.ingest({
          id: `slack:${channel}:1.${index}`,
          platform: 'slack',
          conversation: `slack:${channel}`,
          thread: null,
          accountId: 'acme',
          author: { id: 'UCUST', name: 'Ann', external: true },
          text: `Export broken ${index}`,
          sentAt: new Date(),
        });
      }
      const start = performance.now();
      await verbatim.startWorkers();
      while (notifier.posts.filter((post) => post.kind === 'routed-post').length < requests) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const elapsedMs = performance.now() - start;
      const theoreticalMs = (requests * latencyMs) / concurrency;
      results.push({
        backend: backend.name,
        requests,
        'analyzer latency ms': latencyMs,
        concurrency,
        'elapsed s': (elapsedMs / 1000).toFixed(2),
        'theoretical s': (theoreticalMs / 1000).toFixed(2),
        'elapsed / theoretical': (elapsedMs / theoreticalMs).toFixed(2),
        'overhead ms per request': ((elapsedMs - theoreticalMs) / requests).toFixed(1),
      });
    } finally {
      await verbatim.stop();
      await backend.cleanup();
    }
  }
  return results;
}

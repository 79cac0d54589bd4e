import pino from 'pino';
import { startVerbatim } from '../src/compose-verbatim.ts';
import { createRecordingNotifier } from '../test/support/recording-notifier.ts';
import { createScriptedAnalyzer } from '../test/support/scripted-analyzer.ts';
import { testConfig } from '../test/support/test-config.ts';
import { benchBackends } from './bench-storage.ts';
import { breakDown, type RequestTimeline, readJobTimes } from './end-to-end-breakdown.ts';

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
  const breakdowns: Array<Record<string, string | number>> = [];
  for (const backend of benchBackends()) {
    await backend.prepare();
    const notifier = createRecordingNotifier();
    // Timelines by request id (and by text, which the analyzer sees), in ms since the workers started.
    const timelines = new Map<string, RequestTimeline>();
    const byText = new Map<string, RequestTimeline>();
    let start = Number.POSITIVE_INFINITY;
    const analyzer = createScriptedAnalyzer({}, { latencyMs });
    const timedAnalyzer = {
      ...analyzer,
      async analyze(input: Parameters<typeof analyzer.analyze>[0]) {
        const timeline = byText.get(input.text);
        if (timeline) timeline.analyzeStarted = performance.now() - start;
        try {
          return await analyzer.analyze(input);
        } finally {
          if (timeline) timeline.analyzeEnded = performance.now() - start;
        }
      },
    };
    const postRoutedPost = notifier.postRoutedPost;
    notifier.postRoutedPost = async (destination, view, deliveryKey) => {
      const timeline = timelines.get(view.requestId);
      if (timeline) timeline.posted = performance.now() - start;
      return postRoutedPost(destination, view, deliveryKey);
    };
    const verbatim = await startVerbatim({
      config: testConfig({ env: backend.env }),
      logger: pino({ level: 'silent' }),
      listen: false,
      workers: false,
      analyzer: timedAnalyzer,
      fallbackNotifiers: [notifier],
      pollingIntervalSeconds: 0.5,
      settings: { triageDelaySeconds: 0 },
      concurrency: { triage: concurrency, deliver: concurrency },
    });
    try {
      for (let index = 0; index < requests; index++) {
        const channel = `C1E2E${index}`;
        const text = `Export broken ${index}`;
        const outcome = await verbatim.ingest({
          id: `slack:${channel}:1.${index}`,
          platform: 'slack',
          conversation: `slack:${channel}`,
          thread: null,
          accountId: 'acme',
          author: { id: 'UCUST', name: 'Ann', external: true },
          text,
          sentAt: new Date(),
        });
        const timeline: RequestTimeline = {};
        if ('requestId' in outcome && outcome.requestId) timelines.set(outcome.requestId, timeline);
        byText.set(text, timeline);
      }
      start = performance.now();
      const startedAtEpochMs = Date.now();
      // PGlite runs every statement on this thread: its busy share shows how much the one
      // connection (and everything else in the process) had to do.
      const loopBefore = performance.eventLoopUtilization();
      await verbatim.startWorkers();
      while (notifier.posts.filter((post) => post.kind === 'routed-post').length < requests) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const elapsedMs = performance.now() - start;
      const loopBusy = performance.eventLoopUtilization(loopBefore).utilization;
      // Let the last deliver jobs be marked completed before reading their rows.
      await new Promise((resolve) => setTimeout(resolve, 200));
      await readJobTimes(verbatim.storage.db, timelines, startedAtEpochMs);
      breakdowns.push({
        backend: backend.name,
        ...breakDown([...timelines.values()], concurrency, elapsedMs),
        'event loop busy': loopBusy.toFixed(2),
      });
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
  return { results, breakdowns };
}

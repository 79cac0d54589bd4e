import pino from 'pino';
import { startVerbatim, type Verbatim } from '../src/compose-verbatim.ts';
import type { CustomerMessageInput } from '../src/core/customer-message.ts';
import type { StoredInboxEntry } from '../src/core/inbox.ts';
import { ingestMessage } from '../src/core/pipeline/ingest-message.ts';
import type { IngestMessage } from '../src/core/ports.ts';
import { createInboxWorker } from '../src/jobs/inbox-worker.ts';
import { createDeadLetterStore } from '../src/storage/dead-letter-store.ts';
import { createInboxStore } from '../src/storage/inbox-store.ts';
import { createScriptedAnalyzer } from '../test/support/scripted-analyzer.ts';
import { testConfig } from '../test/support/test-config.ts';
import { benchBackends, formatRate } from './bench-storage.ts';

/**
 * Full ingest processing as production runs it: a backlog of `count` inbox entries (Slack
 * messages already written to the inbox) drained by the real inbox worker with `concurrency`
 * entries at once — claim with a lease, the handler turning the entry into a customer message and
 * ingesting it (persist, group into a request, enqueue triage, in one transaction), mark the entry
 * done. Against raw single-row INSERTs of the same message into a plain table of the same
 * database, from the same number of concurrent callers and one after another, in the same run.
 * The same backlog drained with one transaction per message (the unbatched `ingestMessage`) is
 * shown too, as the before.
 */
export async function benchIngestThroughput(
  count = Number(process.env.BENCH_MESSAGES ?? 2000),
  concurrency = Number(process.env.BENCH_INBOX_CONCURRENCY ?? 64),
  rounds = Number(process.env.BENCH_ROUNDS ?? 3),
) {
  const results: Array<Record<string, string | number>> = [];
  for (const backend of benchBackends()) {
    await backend.prepare();
    const verbatim = await startVerbatim({
      config: testConfig({ env: backend.env }),
      logger: pino({ level: 'silent' }),
      listen: false,
      workers: false,
      analyzer: createScriptedAnalyzer(),
    });
    try {
      const db = verbatim.storage.db;
      await db.exec(
        'CREATE TABLE bench_raw (id text PRIMARY KEY, conversation text, author jsonb, text text, sent_at timestamptz)',
      );
      const raw = (m: CustomerMessageInput) =>
        db.query('INSERT INTO bench_raw (id, conversation, author, text, sent_at) VALUES ($1,$2,$3,$4,$5)', [
          m.id,
          m.conversation,
          JSON.stringify(m.author),
          m.text,
          m.sentAt,
        ]);
      // Warm every path so none pays first-query costs.
      for (let i = 0; i < 20; i++) await raw(message(i, 'warm'));
      await drain(verbatim, verbatim.ingest, messages(40, 'warmbatch'), concurrency);

      const rawSequential = async (run: string) => {
        const started = performance.now();
        for (const m of messages(count, run)) await raw(m);
        return performance.now() - started;
      };
      const rawConcurrent = async (run: string) => {
        const batch = messages(count, run);
        let next = 0;
        const started = performance.now();
        await Promise.all(
          Array.from({ length: concurrency }, async () => {
            for (let i = next++; i < count; i = next++) await raw(batch[i] as CustomerMessageInput);
          }),
        );
        return performance.now() - started;
      };
      const pipeline = {
        store: verbatim.store,
        directory: verbatim.directory,
        clock: { now: () => new Date() },
        settings: {
          groupingWindowMinutes: verbatim.config.file.grouping.windowMinutes,
          triageDelaySeconds: verbatim.config.file.grouping.triageDelaySeconds,
          noisePatterns: verbatim.config.file.noise.patterns,
          renewalWindowDays: verbatim.config.file.analysis.renewalWindowDays,
        },
      };
      // The shared machine's load moves between seconds: each round measures the baselines and
      // the batched drain back to back, and the medians over the rounds are reported.
      const sequentialMs: number[] = [];
      const concurrentMs: number[] = [];
      const batchedMs: number[] = [];
      for (let round = 0; round < rounds; round++) {
        sequentialMs.push(await rawSequential(`seq${round}x`));
        concurrentMs.push(await rawConcurrent(`conc${round}x`));
        batchedMs.push(
          await drain(verbatim, verbatim.ingest, messages(count, `batch${round}x`), concurrency),
        );
      }
      const unbatchedMs = await drain(
        verbatim,
        (m) => ingestMessage(pipeline, m),
        messages(count, 'single'),
        concurrency,
      );
      const ratios = (baseline: number[]) =>
        median(baseline.map((ms, round) => ms / (batchedMs[round] as number))).toFixed(2);

      results.push({
        backend: backend.name,
        messages: count,
        callers: concurrency,
        rounds,
        'raw INSERT, sequential': formatRate(count, median(sequentialMs)),
        [`raw INSERT, ${concurrency} callers`]: formatRate(count, median(concurrentMs)),
        'inbox → ingest, one tx per message': formatRate(count, unbatchedMs),
        'inbox → ingest, batched': formatRate(count, median(batchedMs)),
        'batched / raw concurrent': ratios(concurrentMs),
        'batched / raw sequential': ratios(sequentialMs),
        'one tx per message / raw concurrent': (median(concurrentMs) / unbatchedMs).toFixed(2),
      });
    } finally {
      await verbatim.stop();
      await backend.cleanup();
    }
  }
  return results;
}

/**
 * Writes `backlog` to the inbox first (not timed), then times the real inbox worker draining it
 * with `ingest` as the handler's last step, until every entry is marked done.
 */
async function drain(
  verbatim: Verbatim,
  ingest: IngestMessage,
  backlog: CustomerMessageInput[],
  concurrency: number,
): Promise<number> {
  const store = createInboxStore(verbatim.storage.db);
  await Promise.all(
    backlog.map((m) =>
      store.append({ source: 'slack', platformId: m.id, payload: { ...m, sentAt: m.sentAt } }),
    ),
  );
  let done = 0;
  let finished: () => void = () => {};
  const allDone = new Promise<void>((resolve) => {
    finished = resolve;
  });
  const worker = createInboxWorker({
    store: {
      ...store,
      async complete(id) {
        await store.complete(id);
        if (++done === backlog.length) finished();
      },
    },
    deadLetters: createDeadLetterStore(verbatim.storage.db),
    logger: pino({ level: 'silent' }),
    concurrency,
    pollMs: 50,
  });
  worker.process('slack', async (entry: StoredInboxEntry) => {
    const payload = entry.payload as CustomerMessageInput & { sentAt: string };
    const outcome = await ingest({ ...payload, sentAt: new Date(payload.sentAt) });
    if (outcome.status !== 'accepted') throw new Error(`bench message ${payload.id}: ${outcome.status}`);
  });
  const started = performance.now();
  worker.start();
  await allDone;
  const elapsed = performance.now() - started;
  await worker.stop();
  return elapsed;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function messages(count: number, run: string): CustomerMessageInput[] {
  return Array.from({ length: count }, (_, index) => message(index, run));
}

function message(index: number, run: string): CustomerMessageInput {
  const channel = `C1${run.toUpperCase()}${index % 50}`;
  return {
    id: `slack:${channel}:${1_790_000_000 + index}.000100`,
    platform: 'slack',
    conversation: `slack:${channel}`,
    thread: `slack:${channel}:${1_790_000_000 + index}.000100`,
    accountId: 'acme',
    author: { id: 'UCUST', name: 'Ann Customer', external: true },
    text: `The CSV export fails again (${index}); we need it for the monthly close.`,
    // Messages an hour apart, so each forms its own request rather than joining the previous one.
    sentAt: new Date(Date.UTC(2026, 10, 2) + index * 3_600_000),
  };
}

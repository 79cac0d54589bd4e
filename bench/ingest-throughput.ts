import pino from 'pino';
import { startVerbatim } from '../src/compose-verbatim.ts';
import type { CustomerMessageInput } from '../src/core/customer-message.ts';
import { createScriptedAnalyzer } from '../test/support/scripted-analyzer.ts';
import { testConfig } from '../test/support/test-config.ts';
import { benchBackends, formatRate } from './bench-storage.ts';

/**
 * Durable ingest (persist the message, group it, enqueue triage in the same transaction) against
 * raw single-row INSERTs of the same payload into the same database, in the same run.
 */
export async function benchIngestThroughput(count = Number(process.env.BENCH_MESSAGES ?? 2000)) {
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
      const messages = Array.from({ length: count }, (_, index) => message(index));
      await verbatim.storage.db.exec(
        'CREATE TABLE bench_raw (id text PRIMARY KEY, conversation text, author jsonb, text text, sent_at timestamptz)',
      );
      // Warm both paths so neither pays first-query costs.
      for (const warm of messages.slice(0, 20)) await verbatim.ingest({ ...warm, id: `${warm.id}:warm` });
      const rawStart = performance.now();
      for (const m of messages) {
        await verbatim.storage.db.query(
          'INSERT INTO bench_raw (id, conversation, author, text, sent_at) VALUES ($1,$2,$3,$4,$5)',
          [m.id, m.conversation, JSON.stringify(m.author), m.text, m.sentAt],
        );
      }
      const rawMs = performance.now() - rawStart;
      const ingestStart = performance.now();
      for (const m of messages) await verbatim.ingest(m);
      const ingestMs = performance.now() - ingestStart;
      results.push({
        backend: backend.name,
        messages: count,
        'raw INSERT': formatRate(count, rawMs),
        'durable ingest': formatRate(count, ingestMs),
        'ingest / raw time': (ingestMs / rawMs).toFixed(2),
        'ms per message (ingest)': (ingestMs / count).toFixed(2),
      });
    } finally {
      await verbatim.stop();
      await backend.cleanup();
    }
  }
  return results;
}

function message(index: number): CustomerMessageInput {
  const channel = `C1BENCH${index % 50}`;
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

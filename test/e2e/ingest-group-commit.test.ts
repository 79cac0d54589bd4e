import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { startVerbatim } from '../../src/compose-verbatim.ts';
import type { CustomerMessageInput } from '../../src/core/customer-message.ts';
import { backends, createScratchDatabase, TEST_DATABASE_URL } from '../support/scratch-database.ts';
import { createScriptedAnalyzer } from '../support/scripted-analyzer.ts';
import { testConfig } from '../support/test-config.ts';

/**
 * `verbatim.ingest` group-commits: ingests called at once share one batch, which groups in sent
 * order. Ten messages of one thread called newest first therefore form one request opened by the
 * oldest (one at a time, the newest would have opened it), and each caller gets its own outcome.
 */
describe.each(backends)('ingest group commit on %s', (backend) => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('ingests concurrent calls as one batch, grouped in sent order, with one outcome per caller', async () => {
    let env: Record<string, string> = {};
    if (backend === 'postgres') {
      const scratch = await createScratchDatabase(TEST_DATABASE_URL as string);
      cleanups.push(scratch.drop);
      env = { DATABASE_URL: scratch.url };
    }
    const verbatim = await startVerbatim({
      config: testConfig({ env }),
      logger: pino({ level: 'silent' }),
      listen: false,
      workers: false,
      analyzer: createScriptedAnalyzer(),
    });
    cleanups.push(() => verbatim.stop());

    const root = message(0);
    const replies = Array.from({ length: 9 }, (_, n) => message(n + 1, root.thread as string));
    const all = [root, ...replies];
    const outcomes = await Promise.all([...all].reverse().map((m) => verbatim.ingest(m)));
    expect(new Set(outcomes.map((outcome) => outcome.status))).toEqual(new Set(['accepted']));
    expect(new Set(outcomes.map((outcome) => 'requestId' in outcome && outcome.requestId))).toEqual(
      new Set([`req_${root.id}`]),
    );
    expect(outcomes.map((outcome) => outcome.messageId)).toEqual([...all].reverse().map((m) => m.id));
    const stored = await verbatim.store.requestMessages(`req_${root.id}`);
    expect(stored.map((m) => m.id)).toEqual(all.map((m) => m.id));

    // The same messages again, at once: all duplicates, nothing stored twice.
    const again = await Promise.all(all.map((m) => verbatim.ingest(m)));
    expect(new Set(again.map((outcome) => outcome.status))).toEqual(new Set(['duplicate']));
    expect(await verbatim.store.requestMessages(`req_${root.id}`)).toHaveLength(all.length);
  }, 60_000);
});

function message(n: number, thread?: string): CustomerMessageInput {
  const ts = `${1_790_000_000 + n}.000100`;
  return {
    id: `slack:C1GROUP:${ts}`,
    platform: 'slack',
    conversation: 'slack:C1GROUP',
    thread: thread ?? `slack:C1GROUP:${ts}`,
    isReply: thread !== undefined,
    accountId: 'acme',
    author: { id: 'UCUST', name: 'Ann Customer', external: true },
    text: n === 0 ? 'The CSV export fails.' : `More about the export (${n}).`,
    sentAt: new Date(Date.UTC(2026, 10, 2, 9, 0, n)),
  };
}

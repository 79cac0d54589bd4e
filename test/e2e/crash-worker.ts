// A Verbatim worker process for the crash test. Its notifier posts to the loopback post recorder
// and, when CRASH_AFTER_POST (a message text) is set, kills its own process right after that
// message's post succeeded and before Verbatim could record it.

import { startVerbatim } from '../../src/compose-verbatim.ts';
import type { Notifier } from '../../src/core/ports.ts';
import { createScriptedAnalyzer } from '../support/scripted-analyzer.ts';
import { testConfig } from '../support/test-config.ts';

const recorder = process.env.RECORDER_URL!;
const notifier: Notifier = {
  platform: 'slack',
  async postRoutedPost(destination, view, deliveryKey) {
    // The killed worker is slow with every post but the one after which it dies, so it dies
    // holding messages it accepted and had not routed.
    if (process.env.CRASH_AFTER_POST && view.messages[0]?.text !== process.env.CRASH_AFTER_POST)
      await new Promise((resolve) => setTimeout(resolve, 10_000));
    const response = await fetch(recorder, {
      method: 'POST',
      body: JSON.stringify({
        generation: process.env.GENERATION ?? '1',
        key: deliveryKey,
        requestId: view.requestId,
        text: view.messages.map((m) => m.text),
      }),
    });
    const post = (await response.json()) as { id: string };
    if (process.env.CRASH_AFTER_POST) process.kill(process.pid, 'SIGKILL');
    return { destination, id: post.id };
  },
  async updateRoutedPost() {},
  async postNote(target, _note, deliveryKey) {
    const response = await fetch(recorder, { method: 'POST', body: JSON.stringify({ key: deliveryKey }) });
    const post = (await response.json()) as { id: string };
    return { destination: 'destination' in target ? target.destination : target, id: post.id };
  },
  async findDelivery(target, deliveryKey) {
    const found = (await (await fetch(`${recorder}?key=${encodeURIComponent(deliveryKey)}`)).json()) as {
      id: string;
    } | null;
    return found
      ? { destination: 'destination' in target ? target.destination : target, id: found.id }
      : null;
  },
};

const config = testConfig({
  env: {
    VERBATIM_DATA_DIR: process.env.DATA_DIR!,
    ...(process.env.DB_URL ? { DATABASE_URL: process.env.DB_URL } : {}),
  },
});
const verbatim = await startVerbatim({
  config,
  listen: false,
  analyzer: createScriptedAnalyzer(),
  fallbackNotifiers: [notifier],
  pollingIntervalSeconds: 0.5,
  // Production heartbeat (10 s) and delivery lease (20 s): a dead process's work must come back
  // by those alone, not by a shortened expiry.
  jobOptions: { retryDelaySeconds: 1 },
  settings: { triageDelaySeconds: 0 },
});
if (process.env.INGEST) {
  const texts = JSON.parse(process.env.INGEST) as string[];
  for (const [index, text] of texts.entries()) {
    // One conversation each: separate requests, separate posts.
    await verbatim.ingest({
      id: `slack:C1CRASH${index}:1700000000.00010${index}`,
      platform: 'slack',
      conversation: `slack:C1CRASH${index}`,
      thread: null,
      accountId: null,
      author: { id: 'UCUST', name: 'Ann', external: true },
      text,
      sentAt: new Date(),
    });
  }
}
process.stdout.write('ready\n');
process.on('SIGTERM', () => {
  verbatim.stop().then(() => process.exit(0));
});

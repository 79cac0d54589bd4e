import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVerbatim, type Verbatim } from '../../src/compose-verbatim.ts';
import type { AppConfig } from '../../src/config/load-config.ts';
import { createEmailAdapter } from '../../src/email/create-email-adapter.ts';
import { createDeadLetterStore } from '../../src/storage/dead-letter-store.ts';
import { type DovecotServer, RUN_DOVECOT_TESTS, startDovecot } from '../support/dovecot.ts';
import { createRecordingNotifier, type RecordedPost } from '../support/recording-notifier.ts';
import { backends, createScratchDatabase, TEST_DATABASE_URL } from '../support/scratch-database.ts';
import { createScriptedAnalyzer } from '../support/scripted-analyzer.ts';
import { testConfig } from '../support/test-config.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/email');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

if (!RUN_DOVECOT_TESTS) {
  console.warn('SKIPPED: the IMAP end-to-end test needs Dovecot (`apt-get install -y dovecot-imapd`).');
}

async function waitFor<T>(find: () => T | undefined, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const routedPostOf = (posts: RecordedPost[], messageId: string) => () =>
  posts.find(
    (post) => post.kind === 'routed-post' && post.view?.messages.some((message) => message.id === messageId),
  );

describe.skipIf(!RUN_DOVECOT_TESTS).each(backends)(
  'a shared IMAP mailbox through the whole pipeline (%s)',
  (backend) => {
    let dovecot: DovecotServer;
    let config: AppConfig;
    const cleanups: Array<() => Promise<void>> = [];

    beforeAll(async () => {
      dovecot = await startDovecot();
      cleanups.push(() => dovecot.close());
      const env: Record<string, string> = { IMAP_URL: dovecot.url, IMAP_MAILBOX: 'Support' };
      if (backend === 'postgres') {
        const scratch = await createScratchDatabase(TEST_DATABASE_URL!);
        cleanups.push(scratch.drop);
        env.DATABASE_URL = scratch.url;
      }
      config = testConfig({ env });
    });
    afterAll(async () => {
      for (const cleanup of cleanups.reverse()) await cleanup();
    });

    function start(notifier: ReturnType<typeof createRecordingNotifier>): Promise<Verbatim> {
      return startVerbatim({
        config,
        analyzer: createScriptedAnalyzer(),
        fallbackNotifiers: [notifier],
        adapters: [
          (context) =>
            createEmailAdapter(context, {
              reconnectDelayMs: { initial: 100, max: 500 },
              recheckIntervalMs: 1000,
              idleDelayMs: 200,
            }),
        ],
        pollingIntervalSeconds: 0.5,
      });
    }

    it('routes new mail once, keeps malformed mail, and after a restart reads only what is new', async () => {
      await dovecot.deliver(fixture('gmail-forward-fi.eml'), { mailbox: 'Support' });
      const firstRun = createRecordingNotifier();
      const first = await start(firstRun);
      let second: Verbatim | null = null;
      try {
        const forwarded = await waitFor(
          routedPostOf(firstRun.posts, `email:${messageIdOf('gmail-forward-fi.eml')}`),
          'the forwarded mail',
        );
        expect(forwarded.view?.account?.id).toBe('pohjola');
        expect(forwarded.view?.messages[0]).toMatchObject({
          conversation: 'email:imap:Support',
          author: { email: 'liisa.korhonen@pohjola-foods.example' },
          forwardedBy: { email: 'anna.virtanen@verbatim-demo.example' },
        });

        const malformed = fixture('missing-from.eml');
        await dovecot.deliver(malformed, { mailbox: 'Support' });
        const deadLetters = createDeadLetterStore(first.storage.db);
        const letter = await pollAsync(async () =>
          (await deadLetters.list()).find((row) => row.source === 'email:imap'),
        );
        expect(letter.reason).toMatch(/no sender/);
        expect(Buffer.from(letter.raw).toString('utf8').replace(/\r\n/g, '\n')).toBe(
          malformed.toString('utf8').replace(/\r\n/g, '\n'),
        );
        await first.stop();

        // While Verbatim is down a new mail arrives and someone marks the processed ones unread
        // again; the restarted process resumes from its cursor and reads only the new one.
        const imap = await dovecot.client();
        await imap.mailboxOpen('Support');
        await imap.messageFlagsRemove('1:*', ['\\Seen'], { uid: true });
        await imap.logout();
        await dovecot.deliver(fixture('thunderbird-forward-en.eml'), { mailbox: 'Support' });
        const secondRun = createRecordingNotifier();
        second = await start(secondRun);
        const later = await waitFor(
          routedPostOf(secondRun.posts, `email:${messageIdOf('thunderbird-forward-en.eml')}`),
          'the mail that arrived while down',
        );
        expect(later.view?.messages[0]?.author.email).toBe('priya.shah@acme-logistics.example');
        await new Promise((resolve) => setTimeout(resolve, 2000));
        const metrics = await (await fetch(`http://127.0.0.1:${second.port}/metrics`)).text();
        expect(metrics).toMatch(
          /verbatim_messages_ingested_total\{platform="email",outcome="accepted"\} 1\b/,
        );
        expect(metrics).not.toMatch(
          /verbatim_messages_ingested_total\{platform="email",outcome="duplicate"\}/,
        );
        expect(secondRun.posts.filter((post) => post.kind === 'routed-post')).toHaveLength(1);
        expect((await createDeadLetterStore(second.storage.db).list()).length).toBe(1);
      } finally {
        await first.stop();
        await second?.stop();
      }
    });
  },
);

function messageIdOf(name: string): string {
  const match = /^Message-ID:\s*<([^>]+)>/im.exec(fixture(name).toString('utf8'));
  if (!match) throw new Error(`${name} has no Message-ID`);
  return match[1]!;
}

async function pollAsync<T>(find: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

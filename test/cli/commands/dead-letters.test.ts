import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDeadLettersCommand } from '../../../src/cli/commands/dead-letters.ts';
import { commands } from '../../../src/cli/commands/index.ts';
import { runCli } from '../../../src/cli/run-cli.ts';
import { storedMailEntry } from '../../../src/email/stored-mail.ts';
import { createInboxWorker } from '../../../src/jobs/inbox-worker.ts';
import { createDeadLetterStore } from '../../../src/storage/dead-letter-store.ts';
import { createInboxStore } from '../../../src/storage/inbox-store.ts';
import { openStorage } from '../../../src/storage/open-storage.ts';
import { TEST_CONFIG_YAML } from '../../support/test-config.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/email');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));
const NOW = new Date('2025-06-03T10:00:00.000Z');
const deadLetters = createDeadLettersCommand({ clock: { now: () => NOW } });

/** `verbatim …` through the real dispatcher, with this command available, in `cwd`. */
async function verbatim(args: string[], cwd: string) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => {
    out += String(chunk);
  });
  stderr.on('data', (chunk) => {
    err += String(chunk);
  });
  const io = {
    stdout,
    stderr,
    stdin: new PassThrough(),
    env: { VERBATIM_DATA_DIR: './data', LOG_LEVEL: 'silent' },
    cwd,
  };
  const code = await runCli(args, io, [
    ...commands.filter((command) => command.name !== deadLetters.name),
    deadLetters,
  ]);
  return { code, stdout: out, stderr: err };
}

describe('verbatim dead-letters', () => {
  let cwd: string;
  const ids: Record<string, string | undefined> = {};

  beforeAll(async () => {
    cwd = await mkdtemp(join(tmpdir(), 'verbatim-dead-letters-'));
    await writeFile(join(cwd, 'verbatim.config.yaml'), TEST_CONFIG_YAML);
    const storage = await openStorage({ dataDir: join(cwd, 'data') });
    try {
      const store = createDeadLetterStore(storage.db);
      ids.noSender = await store.keep({
        source: 'email:webhook',
        reason: 'no sender: the message has no From address and no forwarded sender',
        raw: fixture('missing-from.eml'),
        contentType: 'message/rfc822',
        meta: { route: 'inbound' },
      });
      // A mail kept by mistake (say, by an older parser): a retry reads it now.
      ids.readable = await store.keep({
        source: 'email:imap',
        reason: 'malformed MIME: parser bug',
        raw: fixture('outlook-forward-fi.eml'),
        contentType: 'message/rfc822',
        meta: { mailbox: 'INBOX', uid: 12, uidValidity: '1' },
      });
      ids.hostile = await store.keep({
        source: 'email:webhook',
        reason: 'malformed MIME',
        raw: Buffer.from('Subject: \u001b[31mred\u001b[0m\r\n\r\nbody\r\n'),
        contentType: 'message/rfc822',
        meta: { route: 'inbound' },
      });
      // A stored mail whose processing kept failing (the database was down, say): the inbox worker
      // keeps it as an `inbox:email` dead letter after its last attempt.
      const inbox = createInboxStore(storage.db);
      await inbox.append(
        storedMailEntry({
          route: 'inbound',
          contentType: 'message/rfc822',
          raw: fixture('reply-gmail-en.eml'),
          receivedAt: NOW,
        }),
      );
      const worker = createInboxWorker({
        store: inbox,
        deadLetters: store,
        logger: pino({ level: 'silent' }),
        pollMs: 20,
        maxAttempts: 1,
      });
      worker.process('email', async () => {
        throw new Error('database unavailable');
      });
      worker.start();
      const deadline = Date.now() + 10_000;
      while (!ids.inboxMail && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        ids.inboxMail = (await store.list()).find((letter) => letter.source === 'inbox:email')?.id;
      }
      await worker.stop();
    } finally {
      await storage.close();
    }
  });

  it('lists the dead letters with id, source, size, creation, retry state and reason', async () => {
    const result = await verbatim(['dead-letters'], cwd);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^ID\s+SOURCE\s+SIZE\s+CREATED\s+RETRIED\s+REASON$/);
    expect(result.stdout).toMatch(
      new RegExp(
        `^${ids.noSender}\\s+email:webhook\\s+\\d+ B\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\dZ\\s+-\\s+no sender`,
        'm',
      ),
    );
    expect(result.stdout).toMatch(new RegExp(`^${ids.readable}\\s+email:imap\\s+\\d+ B`, 'm'));
    expect(result.stdout).toMatch(
      new RegExp(
        `^${ids.inboxMail}\\s+inbox:email\\s+.*processing failed 1 times: database unavailable`,
        'm',
      ),
    );
    expect(result.stdout).toContain('4 dead letter(s).');
  });

  it('lists them as JSON with --json', async () => {
    const result = await verbatim(['dead-letters', 'list', '--json'], cwd);
    const letters = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(letters.map((letter) => letter.id).sort()).toEqual(Object.values(ids).sort());
    expect(letters.find((letter) => letter.id === ids.readable)).toMatchObject({
      source: 'email:imap',
      sizeBytes: fixture('outlook-forward-fi.eml').length,
      contentType: 'message/rfc822',
      meta: { mailbox: 'INBOX', uid: 12 },
      retriedAt: null,
      retryOutcome: null,
    });
  });

  it('shows one letter with its metadata and the first lines of its raw bytes, escaping control characters', async () => {
    const shown = await verbatim(['dead-letters', 'show', ids.noSender!], cwd);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(`Dead letter ${ids.noSender}`);
    expect(shown.stdout).toContain('meta.route: "inbound"');
    expect(shown.stdout).toContain('  | To: Verbatim Inbox <inbox@verbatim-demo.example>');
    const hostile = await verbatim(['dead-letters', 'show', ids.hostile!], cwd);
    expect(hostile.stdout).toContain('  | Subject: \\x1b[31mred\\x1b[0m');
    expect(hostile.stdout).not.toContain('\u001b');
    const json = JSON.parse((await verbatim(['dead-letters', 'show', ids.noSender!, '--json'], cwd)).stdout);
    expect(Buffer.from(json.rawBase64, 'base64').equals(fixture('missing-from.eml'))).toBe(true);
  });

  it('shows an inbox:email letter as the mail it holds', async () => {
    const shown = await verbatim(['dead-letters', 'show', ids.inboxMail!], cwd);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('  source:       inbox:email');
    expect(shown.stdout).toMatch(
      / {2}stored mail: {2}inbound, message\/rfc822, \d+ bytes, received 2025-06-03 10:00Z/,
    );
    expect(shown.stdout).toContain('  | From: Mark Ellison <mark.ellison@acme-logistics.example>');
  });

  it('retries an inbox:email letter by reading its stored mail into the pipeline', async () => {
    const result = await verbatim(['dead-letters', 'retry', ids.inboxMail!], cwd);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      `dead letter ${ids.inboxMail}: accepted as email:CAGmail-reply-0001@mail.acme-logistics.example`,
    );
  });

  it('retries a letter that can be read now through the pipeline, once, and records the outcome', async () => {
    const first = await verbatim(['dead-letters', 'retry', ids.readable!], cwd);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^dead letter \d+: accepted as email:\S+/);
    const again = await verbatim(['dead-letters', 'retry', ids.readable!], cwd);
    expect(again.stdout).toMatch(/: duplicate as email:/);
    const letters = JSON.parse((await verbatim(['dead-letters', '--json'], cwd)).stdout) as Array<
      Record<string, unknown>
    >;
    expect(letters.find((letter) => letter.id === ids.readable)).toMatchObject({
      retriedAt: NOW.toISOString(),
      retryOutcome: expect.stringMatching(/^duplicate email:/),
    });
  });

  it('records a retry that still fails, with the reason, and exits 1', async () => {
    const result = await verbatim(['dead-letters', 'retry', ids.noSender!], cwd);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/still cannot be read: no sender/);
    const listed = await verbatim(['dead-letters'], cwd);
    expect(listed.stdout).toMatch(
      new RegExp(`^${ids.noSender}\\s.*2025-06-03 10:00Z failed: no sender`, 'm'),
    );
  });

  it('explains unknown letters and wrong arguments', async () => {
    expect(await verbatim(['dead-letters', 'show', '999'], cwd)).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/no dead letter 999/),
    });
    expect((await verbatim(['dead-letters', 'retry'], cwd)).code).toBe(2);
    expect((await verbatim(['dead-letters', 'show', 'abc'], cwd)).stderr).toMatch(/needs a dead letter id/);
    expect((await verbatim(['dead-letters', 'purge'], cwd)).stderr).toMatch(/unknown action "purge"/);
    expect((await verbatim(['dead-letters', '--limit', '0'], cwd)).code).toBe(2);
    expect(await verbatim(['dead-letters', 'show', '1', '2'], cwd)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^verbatim dead-letters: unexpected argument "2"\n/),
    });
  });

  it('parses its options strictly: unknown option and missing value exit 2, --limit=N works', async () => {
    expect(await verbatim(['dead-letters', 'list', '--jsno'], cwd)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(
        /^verbatim dead-letters: unknown option "--jsno"\nusage: verbatim dead-letters /,
      ),
    });
    expect(await verbatim(['dead-letters', '--limit'], cwd)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^verbatim dead-letters: --limit needs a value\n/),
    });
    expect(await verbatim(['dead-letters', '--limit', '--json'], cwd)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^verbatim dead-letters: --limit needs a value/),
    });
    const limited = await verbatim(['dead-letters', 'list', '--limit=1', '--json'], cwd);
    expect(limited.code).toBe(0);
    const entries = JSON.parse(limited.stdout) as Array<{ kind: string }>;
    expect(entries.filter((entry) => entry.kind === 'input')).toHaveLength(1);
  });
});

describe('verbatim dead-letters retry of an inbox entry that ran out of attempts', () => {
  it('gives a kept inbox:teams entry fresh attempts for the running inbox worker, once, and records it', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'verbatim-dead-letters-inbox-'));
    await writeFile(join(cwd, 'verbatim.config.yaml'), TEST_CONFIG_YAML);
    let letterId = '';
    let inboxId = '';
    const storage = await openStorage({ dataDir: join(cwd, 'data') });
    try {
      // What the inbox worker leaves behind: a dead entry and its dead letter.
      const inbox = createInboxStore(storage.db);
      await inbox.append({
        source: 'teams',
        platformId: 'message:19:x@thread.tacv2:1',
        payload: { type: 'message' },
      });
      const [entry] = await inbox.claim(1, 30, ['teams']);
      inboxId = entry!.id;
      await inbox.fail(inboxId, 'connector down', null);
      letterId = await createDeadLetterStore(storage.db).keep({
        source: 'inbox:teams',
        reason: 'processing failed 8 times: connector down',
        raw: Buffer.from(JSON.stringify({ type: 'message' })),
        contentType: 'application/json',
        meta: { inboxId, platformId: 'message:19:x@thread.tacv2:1' },
      });
    } finally {
      await storage.close();
    }

    const listed = await verbatim(['dead-letters'], cwd);
    expect(listed.stdout).toMatch(
      new RegExp(`^${letterId}\\s+inbox:teams\\s+.*processing failed 8 times`, 'm'),
    );
    const retried = await verbatim(['dead-letters', 'retry', letterId], cwd);
    expect(retried).toMatchObject({ code: 0, stderr: '' });
    expect(retried.stdout).toContain(
      `dead letter ${letterId}: inbox entry ${inboxId} (inbox:teams) has fresh attempts`,
    );
    const again = await verbatim(['dead-letters', 'retry', letterId], cwd);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/is no longer dead/);

    const after = await openStorage({ dataDir: join(cwd, 'data') });
    try {
      const row = await after.db.query<{ dead: boolean; attempts: number }>(
        'SELECT dead_at IS NOT NULL AS dead, attempts FROM inbox WHERE id = $1',
        [inboxId],
      );
      expect(row.rows[0]).toMatchObject({ dead: false, attempts: 0 });
      expect(await createDeadLetterStore(after.db).get(letterId)).toMatchObject({
        retriedAt: NOW,
        retryOutcome: `revived inbox entry ${inboxId}`,
      });
    } finally {
      await after.close();
    }
  });
});

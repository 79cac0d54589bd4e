import { afterEach, describe, expect, it } from 'vitest';
import { backends, createScratchDatabase, TEST_DATABASE_URL } from '../support/scratch-database.ts';
import {
  CUSTOMER,
  channelMessage,
  SHARED_CHANNEL,
  SUPPORT_CHANNEL,
  startTeamsHarness,
  type TeamsHarness,
} from './teams-harness.ts';

interface InboxRow {
  platform_id: string;
  attempts: number;
  processed: boolean;
  dead: boolean;
  last_error: string | null;
}

describe.each(backends)('Teams through the durable inbox (%s)', (backend) => {
  let harness: TeamsHarness | null = null;
  let dropDatabase: (() => Promise<void>) | null = null;
  afterEach(async () => {
    await harness?.close();
    harness = null;
    await dropDatabase?.();
    dropDatabase = null;
  });

  async function start(inbox: { retryDelaySeconds?: number; maxAttempts?: number } = {}) {
    let env: Record<string, string> = {};
    if (backend === 'postgres') {
      const scratch = await createScratchDatabase(TEST_DATABASE_URL!);
      dropDatabase = scratch.drop;
      env = { DATABASE_URL: scratch.url };
    }
    harness = await startTeamsHarness({ env, inbox });
    return harness;
  }

  async function inboxRows(h: TeamsHarness): Promise<InboxRow[]> {
    const result = await h.verbatim.storage.db.query<InboxRow>(
      `SELECT platform_id, attempts, processed_at IS NOT NULL AS processed, dead_at IS NOT NULL AS dead, last_error
       FROM inbox WHERE source = 'teams' ORDER BY id`,
    );
    return result.rows.map((row) => ({ ...row, attempts: Number(row.attempts) }));
  }

  const routedCards = (h: TeamsHarness, text: string) =>
    h.connector.calls.filter(
      (call) =>
        call.kind === 'send' &&
        call.conversationId === SUPPORT_CHANNEL &&
        JSON.stringify(call.activity).includes(text),
    );

  it('answers 200 only once the raw activity is committed to the inbox (500 while it cannot be), then routes it once', async () => {
    const h = await start();
    const message = channelMessage({ text: 'Inbox: the export is broken' });
    const platformId = `message:${SHARED_CHANNEL}:${message.id}`;

    // The inbox cannot be written: Teams gets a 500 (and will deliver again); nothing happened.
    await h.verbatim.storage.db.query('ALTER TABLE inbox RENAME TO inbox_away');
    let refused: { status: number };
    try {
      refused = await h.send(message);
    } finally {
      await h.verbatim.storage.db.query('ALTER TABLE inbox_away RENAME TO inbox');
    }
    expect(refused.status).toBe(500);
    expect(await inboxRows(h)).toEqual([]);

    // Teams' redelivery: answered after the commit, so the raw activity is there when the 200 is.
    const accepted = await h.send(message);
    expect(accepted.status).toBe(200);
    const [row] = await inboxRows(h);
    expect(row?.platform_id).toBe(platformId);
    const stored = await h.verbatim.storage.db.query<{ payload: { text: string; serviceUrl: string } }>(
      `SELECT payload FROM inbox WHERE platform_id = $1`,
      [platformId],
    );
    expect(stored.rows[0]?.payload).toMatchObject({ text: 'Inbox: the export is broken' });

    await h.waitFor('routed card', () => routedCards(h, 'Inbox: the export is broken').length > 0);
    await h.waitFor('entry processed', async () => (await inboxRows(h))[0]?.processed);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(routedCards(h, 'Inbox: the export is broken')).toHaveLength(1);
    expect(await inboxRows(h)).toEqual([
      { platform_id: platformId, attempts: 1, processed: true, dead: false, last_error: null },
    ]);
  }, 60_000);

  it('stores and routes an activity Teams delivers twice (even at once) a single time', async () => {
    const h = await start();
    const message = channelMessage({ text: 'Twice: the importer is broken' });
    const answers = await Promise.all([h.send(message), h.send(message)]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    expect((await h.send(message)).status).toBe(200);
    await h.waitFor('routed card', () => routedCards(h, 'Twice: the importer').length > 0);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(routedCards(h, 'Twice: the importer')).toHaveLength(1);
    expect((await inboxRows(h)).map((row) => row.platform_id)).toEqual([
      `message:${SHARED_CHANNEL}:${message.id}`,
    ]);
    // Stopped at the inbox: the pipeline saw it once (not even as a duplicate).
    expect(h.logs.filter((line) => line.msg === 'teams message ingested')).toHaveLength(1);
    expect(
      h.logs.filter((line) => line.msg === 'Teams delivered an activity again; already in the inbox'),
    ).toHaveLength(2);
  }, 60_000);

  it('retries an activity whose processing failed (the member look-up refused once) and routes it', async () => {
    const h = await start({ retryDelaySeconds: 0.2 });
    // Who wrote it is asked of Teams while processing, not in the request; the first ask fails.
    h.connector.failMembersNext(1, 403);
    const message = channelMessage({ text: 'Retried: the sync is broken' });
    expect((await h.send(message)).status).toBe(200);
    await h.waitFor('routed card', () => routedCards(h, 'Retried: the sync is broken').length > 0, 20_000);
    const [row] = await h.waitFor('entry processed', async () => {
      const rows = await inboxRows(h);
      return rows[0]?.processed && rows;
    });
    expect(row).toMatchObject({ attempts: 2, processed: true, dead: false });
    expect(row?.last_error).toBeTruthy();
    expect(h.logs.some((line) => line.msg === 'inbox entry failed; it will be retried')).toBe(true);
    expect(
      h.connector.requests.filter((request) => request.includes(`/members/${CUSTOMER.aadObjectId}`)),
    ).toHaveLength(2);
    expect(routedCards(h, 'Retried: the sync is broken')).toHaveLength(1);
  }, 60_000);

  it('keeps a stored payload that is not a Teams activity as an inbox:teams dead letter, with the reason', async () => {
    const h = await start();
    // Only a bug or an older version could store this (the listener checks the shape first).
    await h.verbatim.storage.db.query(
      `INSERT INTO inbox (source, platform_id, payload) VALUES ('teams', 'message:garbled:1', $1)`,
      [JSON.stringify({ type: 'message', text: 'Garbled: no sender, no conversation' })],
    );
    const letter = await h.waitFor('dead letter', async () => {
      const letters = await h.verbatim.storage.db.query<{
        source: string;
        reason: string;
        raw: Uint8Array;
        meta: Record<string, unknown>;
      }>('SELECT source, reason, raw, meta FROM dead_letters');
      return letters.rows[0];
    });
    expect(letter.source).toBe('inbox:teams');
    expect(letter.reason).toMatch(/^unreadable: not a Teams activity: .*from.*conversation/);
    expect(Buffer.from(letter.raw).toString('utf8')).toContain('Garbled: no sender, no conversation');
    expect(letter.meta).toMatchObject({ platformId: 'message:garbled:1' });
    // Not retried: there is nothing a second reading could do better.
    expect(await inboxRows(h)).toEqual([
      {
        platform_id: 'message:garbled:1',
        attempts: 1,
        processed: false,
        dead: true,
        last_error: expect.stringContaining('not a Teams activity'),
      },
    ]);
  }, 60_000);

  it('holds back an edit that comes up while its message still waits in the inbox, and applies it after', async () => {
    const h = await start({ retryDelaySeconds: 2 });
    // The message's first attempt fails (member look-up refused): it stays in the inbox for 2 s,
    // long enough for the edit to arrive and come up first even on a busy machine.
    h.connector.failMembersNext(1, 403);
    const root = channelMessage({ text: 'Waiting: the upload is broken' });
    expect((await h.send(root)).status).toBe(200);
    const edit = {
      ...root,
      type: 'messageUpdate',
      timestamp: new Date(Date.now() + 1000).toISOString(),
      channelData: { ...(root.channelData as object), eventType: 'editMessage' },
      text: 'Waiting: the upload is broken for PDFs',
    };
    expect((await h.send(edit)).status).toBe(200);
    const id = `teams:${SHARED_CHANNEL}:${root.id}`;
    await h.waitFor(
      'edit applied',
      async () => {
        const message = await h.verbatim.store.getMessage(id);
        return message?.text === 'Waiting: the upload is broken for PDFs';
      },
      40_000,
    );
    await h.waitFor(
      'card shows the edit',
      () =>
        h.connector.calls.some(
          (call) =>
            call.conversationId === SUPPORT_CHANNEL && JSON.stringify(call.activity).includes('for PDFs'),
        ),
      40_000,
    );
    const rows = await h.waitFor(
      'both processed',
      async () => {
        const found = await inboxRows(h);
        return found.length === 2 && found.every((row) => row.processed) && found;
      },
      40_000,
    );
    expect(rows[0]).toMatchObject({ attempts: 2 });
    expect(rows[1]?.attempts).toBeGreaterThanOrEqual(2);
    expect(rows[1]?.last_error).toMatch(/waits for the message/);
  }, 120_000);

  it('stores two edits and a deletion of one message as distinct events, and applies each to the routed card', async () => {
    const h = await start();
    const root = channelMessage({ text: 'Edited: the report is broken' });
    await h.send(root);
    const routed = await h.waitFor('routed card', () => routedCards(h, 'Edited: the report is broken')[0]);
    await h.waitFor('post linked', () =>
      h.verbatim.store.findRequestByPost({
        destination: { platform: 'teams', conversationId: SUPPORT_CHANNEL },
        id: routed.activityId,
      }),
    );
    const edit = (text: string, at: string) => ({
      ...root,
      type: 'messageUpdate',
      timestamp: at,
      channelData: { ...(root.channelData as object), eventType: 'editMessage' },
      text,
    });
    const cardShows = (text: string) =>
      h.waitFor(`card shows "${text}"`, () =>
        h.connector.calls.find(
          (call) =>
            call.kind === 'update' &&
            call.activityId === routed.activityId &&
            JSON.stringify(call.activity).includes(text),
        ),
      );

    const first = edit('Edited: the report is broken since 9:00', new Date(Date.now() + 1000).toISOString());
    expect((await h.send(first)).status).toBe(200);
    await cardShows('since 9:00');
    // A second edit of the same message is another event, not a redelivery of the first.
    await h.send(edit('Edited: the report is broken since 8:30', new Date(Date.now() + 2000).toISOString()));
    await cardShows('since 8:30');
    // The first edit delivered again is one.
    await h.send(first);
    await h.send({
      ...root,
      type: 'messageDelete',
      timestamp: new Date(Date.now() + 3000).toISOString(),
      channelData: { ...(root.channelData as object), eventType: 'softDeleteMessage' },
    });
    await cardShows('deleted by the author');

    const rows = await h.waitFor('all processed', async () => {
      const found = await inboxRows(h);
      return found.length === 4 && found.every((row) => row.processed) && found;
    });
    const ids = rows.map((row) => row.platform_id);
    expect(new Set(ids).size).toBe(4);
    expect(ids[0]).toBe(`message:${SHARED_CHANNEL}:${root.id}`);
    expect(ids[1]).toMatch(
      new RegExp(`^messageUpdate:editMessage:${SHARED_CHANNEL}:${root.id}:[0-9a-f]{32}$`),
    );
    expect(ids[2]).toMatch(new RegExp(`^messageUpdate:editMessage:${SHARED_CHANNEL}:${root.id}:`));
    expect(ids[3]).toMatch(new RegExp(`^messageDelete:softDeleteMessage:${SHARED_CHANNEL}:${root.id}:`));
    const message = await h.verbatim.store.getMessage(`teams:${SHARED_CHANNEL}:${root.id}`);
    expect(message?.text).toBe('Edited: the report is broken since 8:30');
    expect(message?.deletedAt).toBeInstanceOf(Date);
  }, 60_000);
});

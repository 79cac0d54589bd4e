import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eraseSubject } from '../../src/storage/erase-subject.ts';
import type { Storage } from '../../src/storage/open-storage.ts';
import { createRecordingNotifier } from '../support/recording-notifier.ts';
import { backends } from '../support/scratch-database.ts';
import { seedRequestHistory } from '../support/seed-request-history.ts';
import { openTestStorage } from '../support/test-storage.ts';

async function dumpAll(storage: Storage): Promise<string> {
  const tables = await storage.db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
  );
  let dump = '';
  for (const { table_name } of tables.rows) {
    dump += `${table_name}: ${JSON.stringify((await storage.db.query(`SELECT * FROM "${table_name}"`)).rows)}\n`;
  }
  return dump;
}

describe.each(backends)('eraseSubject on %s', (backend) => {
  let storage: Storage;
  let carlRequest: string;
  let nimbusRequest: string;
  let eveRequest: string;

  beforeAll(async () => {
    storage = await openTestStorage(backend);
    const notifier = createRecordingNotifier();
    carlRequest = (
      await seedRequestHistory(storage, {
        notifier,
        channel: 'C1ACME',
        author: { id: 'UCARL', name: 'Carl Contact', external: true },
        texts: ['Carl here: the webhook retries flood our endpoint.', 'And the retry header is missing too.'],
      })
    ).requestId;
    nimbusRequest = (
      await seedRequestHistory(storage, {
        notifier,
        channel: 'C1ACME2',
        author: { id: 'UDORA', name: 'Dora Doe', external: true },
        texts: [
          'Dora: our SSO certificate expires next week, please rotate.',
          'Dora again: the new metadata file is attached to our ticket.',
        ],
        at: new Date('2026-11-25T08:00:00Z'),
      })
    ).requestId;
    // Someone else's request whose summary quotes Carl word for word (a colleague forwarded it).
    eveRequest = (
      await seedRequestHistory(storage, {
        notifier,
        channel: 'C1ACME3',
        author: { id: 'UEVE2', name: 'Eve Example', external: true },
        texts: ['Eve: we see the same problem as our colleague.', 'Eve again: any news on this?'],
        at: new Date('2026-11-26T08:00:00Z'),
      })
    ).requestId;
    await storage.db.query(
      `UPDATE requests SET analysis = jsonb_set(analysis, '{summary}', to_jsonb($2::text)) WHERE id = $1`,
      [eveRequest, 'Same as Carl Contact: Carl here: the webhook retries flood our endpoint.'],
    );
    await storage.db.query(`UPDATE customer_messages SET account_id = 'nimbus' WHERE request_id = $1`, [
      nimbusRequest,
    ]);
    await storage.db.query(`UPDATE requests SET account_id = 'nimbus' WHERE id = $1`, [nimbusRequest]);
    await storage.db.query(
      `INSERT INTO account_events (account_id, conversation, kind, actor, at) VALUES ('nimbus', 'slack:C1ACME2', 'member-left', '{"id":"UEVE"}', now())`,
    );
  });
  afterAll(() => storage.close());

  it('forgets a Slack user and leaves the other person alone', async () => {
    const report = await eraseSubject(
      storage.db,
      { kind: 'slack-user', value: 'UCARL' },
      {
        actor: 'test',
        at: new Date(),
        dryRun: false,
      },
    );
    expect(report).toMatchObject({ requests: 1, messages: 2 });
    expect(report.posts.length).toBeGreaterThanOrEqual(1);
    const dump = await dumpAll(storage);
    for (const trace of ['UCARL', 'Carl Contact', 'webhook retries flood', carlRequest])
      expect(dump).not.toContain(trace);
    expect(dump).toContain('Dora Doe');
    // The other person's request stays, with their own words, and without Carl's.
    const eve = await storage.db.query<{ summary: string }>(
      `SELECT analysis->>'summary' AS summary FROM requests WHERE id = $1`,
      [eveRequest],
    );
    expect(eve.rows[0]?.summary).toBe(
      'Same as [removed at a person’s request]: [removed at a person’s request]',
    );
    expect(dump).toContain('Eve: we see the same problem as our colleague.');
    expect(report.rows['requests (words removed)']).toBe(1);
  });

  it('forgets an account: its requests, messages and events; the erasure keeps only counts', async () => {
    const dry = await eraseSubject(
      storage.db,
      { kind: 'account', value: 'nimbus' },
      { actor: 'test', at: new Date(), dryRun: true },
    );
    expect(dry).toMatchObject({ requests: 1, messages: 2, dryRun: true });
    expect(await dumpAll(storage)).toContain('SSO certificate');
    await eraseSubject(
      storage.db,
      { kind: 'account', value: 'nimbus' },
      { actor: 'dpo', at: new Date(), dryRun: false },
    );
    const dump = await dumpAll(storage);
    for (const trace of ['SSO certificate', 'Dora Doe', nimbusRequest, 'member-left'])
      expect(dump).not.toContain(trace);
    const erasures = await storage.db.query<{ actor: string; subject_kind: string; counts: unknown }>(
      'SELECT actor, subject_kind, counts FROM erasures ORDER BY id',
    );
    expect(erasures.rows.map((row) => [row.actor, row.subject_kind])).toEqual([
      ['test', 'slack-user'],
      ['dpo', 'account'],
    ]);
    expect(JSON.stringify(erasures.rows)).not.toContain('nimbus');
  });
});

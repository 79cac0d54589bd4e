import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RetentionSchema } from '../../src/config/retention-schema.ts';
import { createTeamClocks } from '../../src/core/pipeline/create-team-clocks.ts';
import { ingestMessage } from '../../src/core/pipeline/ingest-message.ts';
import { measureSlaTimes } from '../../src/core/pipeline/measure-sla-times.ts';
import { applyRetention } from '../../src/storage/apply-retention.ts';
import type { Storage } from '../../src/storage/open-storage.ts';
import { createSlaStore } from '../../src/storage/sla-store.ts';
import { createRecordingNotifier } from '../support/recording-notifier.ts';
import { backends } from '../support/scratch-database.ts';
import { seedRequestHistory } from '../support/seed-request-history.ts';
import { testConfig } from '../support/test-config.ts';
import { openTestStorage } from '../support/test-storage.ts';

const OLD_WEEK = new Date('2024-11-18T08:00:00Z');
const NOW = new Date('2026-12-05T03:17:00Z');

/** What SLA reports, health and digests of a week are computed from: times, counts, scores, topics. */
async function weekFigures(storage: Storage) {
  const result = await storage.db.query(
    `SELECT r.id, r.priority, r.topics, r.state, r.opened_at, r.routed_at, r.first_response_at,
       (r.analysis ->> 'sentiment')::float AS sentiment, r.analysis ->> 'confidence' AS confidence,
       r.analysis -> 'churnSignals' -> 0 ->> 'driver' AS churn_driver,
       t.first_response_business_minutes, t.target_minutes,
       (SELECT count(*) FROM customer_messages m WHERE m.request_id = r.id) AS messages,
       (SELECT array_agg(m.sent_at ORDER BY m.sent_at) FROM customer_messages m WHERE m.request_id = r.id) AS sent,
       (SELECT sum(input_tokens) FROM triage_records x WHERE x.request_id = r.id) AS tokens
     FROM requests r LEFT JOIN sla_times t ON t.request_id = r.id
     WHERE r.opened_at >= $1 AND r.opened_at < $1::timestamptz + interval '7 days' ORDER BY r.id`,
    [OLD_WEEK],
  );
  return result.rows;
}

describe.each(backends)('retention on %s', (backend) => {
  let storage: Storage;
  let oldRequest: string;
  let recentRequest: string;

  beforeAll(async () => {
    storage = await openTestStorage(backend);
    const config = testConfig();
    const old = await seedRequestHistory(storage, { notifier: createRecordingNotifier(), at: OLD_WEEK });
    oldRequest = old.requestId;
    // A staff reply answers the request; the SLA measurement stores its business minutes.
    await ingestMessage(old.deps, {
      id: 'slack:C1ACME:staff-reply',
      platform: 'slack',
      conversation: 'slack:C1ACME',
      thread: `slack:C1ACME:${Math.floor(OLD_WEEK.getTime() / 1000)}.000100`,
      isReply: true,
      accountId: 'acme',
      author: { id: 'USTAFF', name: 'Sam Staff', external: false },
      text: 'Looking into it now.',
      sentAt: new Date(OLD_WEEK.getTime() + 3 * 3_600_000),
    });
    await measureSlaTimes({
      sla: createSlaStore(storage.db),
      directory: config.directory,
      settings: config.file,
      clocks: createTeamClocks(config.file),
    });
    recentRequest = (
      await seedRequestHistory(storage, {
        notifier: createRecordingNotifier(),
        channel: 'C1RECENT',
        at: new Date('2026-11-30T08:00:00Z'),
      })
    ).requestId;
    await storage.db.query(
      `INSERT INTO dead_letters (source, reason, raw, created_at) VALUES
         ('email:webhook', 'old', '\\x00', $1), ('email:webhook', 'new', '\\x00', $2)`,
      [OLD_WEEK, NOW],
    );
    await storage.db.query(`INSERT INTO once_claims (key, claimed_at) VALUES ('old', $1), ('new', $2)`, [
      OLD_WEEK,
      NOW,
    ]);
    // A table another part of Verbatim adds later declares its own retention in its migration.
    await storage.db.exec(`
      CREATE TABLE raw_events (id serial PRIMARY KEY, payload text, processed_at timestamptz);
      COMMENT ON TABLE raw_events IS 'verbatim-retention: {"keep": "rawPayloadDays", "after": "processed_at"}';
    `);
    await storage.db.query(
      `INSERT INTO raw_events (payload, processed_at) VALUES ('old', $1), ('unprocessed', NULL), ('new', $2)`,
      [OLD_WEEK, NOW],
    );
  });
  afterAll(() => storage.close());

  it('blanks expired words but keeps every figure of the old week, and prunes what only grows', async () => {
    const before = await weekFigures(storage);
    expect(before).toHaveLength(1);
    expect(before[0]).toMatchObject({ priority: 'P1', churn_driver: 'unheard-voice' });
    expect(Number(before[0]!['first_response_business_minutes'])).toBeGreaterThan(0);

    const report = await applyRetention(storage.db, RetentionSchema.parse({ batchSize: 1 }), NOW);
    expect(report).toMatchObject({
      'message bodies': 3,
      'analysis words': 1,
      'audit words': 2,
      dead_letters: 1,
      once_claims: 1,
      raw_events: 1,
      deliveries: 2,
    });
    expect(await weekFigures(storage)).toEqual(before);

    const words = await storage.db.query<{ text: string; author: { name: string; email?: string } }>(
      'SELECT text, author FROM customer_messages WHERE request_id = $1 OR id = $2',
      [oldRequest, 'slack:C1ACME:staff-reply'],
    );
    expect(words.rows.every((row) => row.text === '' && row.author.name === '' && !row.author.email)).toBe(
      true,
    );
    const analyses = await storage.db.query<{
      output: { summary: string; churnSignals: Array<{ phrase: string }> };
    }>(
      `SELECT analysis AS output FROM requests WHERE id = $1
       UNION ALL SELECT output FROM triage_records WHERE request_id = $1`,
      [oldRequest],
    );
    for (const { output } of analyses.rows) {
      expect(output.summary).toBe('');
      expect(output.churnSignals.map((signal) => signal.phrase)).toEqual(['']);
    }
    const left = await storage.db.query<{ payload: string }>('SELECT payload FROM raw_events ORDER BY id');
    expect(left.rows.map((row) => row.payload)).toEqual(['unprocessed', 'new']);

    // The recent request is untouched, and a second run finds nothing left to do.
    const recent = await storage.db.query<{ text: string }>(
      'SELECT text FROM customer_messages WHERE request_id = $1',
      [recentRequest],
    );
    expect(recent.rows.every((row) => row.text.length > 0)).toBe(true);
    const again = await applyRetention(storage.db, RetentionSchema.parse({}), NOW);
    expect(Object.values(again).every((count) => count === 0)).toBe(true);
  });
});

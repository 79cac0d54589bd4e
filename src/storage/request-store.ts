import type { CustomerMessage } from '../core/customer-message.ts';
import { type Destination, describeDestination } from '../core/directory.ts';
import {
  type JobRequest,
  type MessageKind,
  type RequestStore,
  type RunningJob,
  StaleRequestError,
} from '../core/pipeline/request-store.ts';
import type { PostRef } from '../core/ports.ts';
import type { Request } from '../core/request.ts';
import type { Database, Queryable } from './database.ts';
import { type EnqueueManyWithin, openIngestBatchTx } from './ingest-batch-tx.ts';
import { insertTransition } from './insert-transition.ts';
import { insertTriageRecord } from './insert-triage-record.ts';
import { REQUEST_COLUMNS, toDelivery, toRequest, toStoredMessage, toTransition } from './row-mappers.ts';

/** Schedules a job through the given transaction (see JobRunner.enqueueWithin). */
export type EnqueueWithin = (tx: Queryable, job: JobRequest) => Promise<void>;
/** Completes a running job through the given transaction (see JobRunner.completeWithin). */
export type CompleteWithin = (tx: Queryable, job: RunningJob) => Promise<void>;

const MESSAGE_COLUMNS = `id, platform, conversation, thread, is_reply, account_id, author, text, sent_at, permalink,
  attachments, language, subject, forwarded_by, quoted_text, kind, request_id, edited_at, deleted_at, body_removed_at`;

/** How often `atomically` re-runs work whose saveRequest met a newer copy before giving up. */
const STALE_RETRIES = 20;

/** The pipeline's RequestStore over Postgres (PGlite or a server). */
export function createRequestStore(
  db: Database,
  enqueueWithin: EnqueueWithin,
  enqueueManyWithin: EnqueueManyWithin = async (tx, jobs) => {
    for (const job of jobs) await enqueueWithin(tx, job);
  },
  // Without a job queue there is nothing to complete: whoever ran the job settles it.
  completeWithin: CompleteWithin = async () => {},
): RequestStore {
  return bind(db, null, db, { one: enqueueWithin, many: enqueueManyWithin, complete: completeWithin });
}

interface Enqueuers {
  one: EnqueueWithin;
  many: EnqueueManyWithin;
  complete: CompleteWithin;
}

function bind(db: Database, tx: Queryable | null, q: Queryable, enqueue: Enqueuers): RequestStore {
  /** Runs `attempt` in a transaction, again on fresh reads while it meets a stale request. */
  async function retryingStale<T>(attempt: (inner: Queryable) => Promise<T>): Promise<T> {
    for (let round = 1; ; round++) {
      try {
        return await db.transaction(attempt);
      } catch (error) {
        // Another writer committed the request first: everything this attempt did is rolled
        // back, so running the work again on fresh reads is safe.
        if (!(error instanceof StaleRequestError) || round >= STALE_RETRIES) throw error;
      }
    }
  }

  const store: RequestStore = {
    async atomically(lockKey, work) {
      if (tx) return work(store);
      return retryingStale(async (inner) => {
        await inner.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [lockKey]);
        return work(bind(db, inner, inner, enqueue));
      });
    },

    async atomicallyBatch(scope, work) {
      if (tx) throw new Error('a batch ingest opens its own transaction');
      return retryingStale(async (inner) => {
        // In ascending order of the lock ids: two batches sharing conversations wait for one
        // another instead of deadlocking (single-message ingest holds one lock only).
        await inner.query(
          `SELECT pg_advisory_xact_lock(lock_id) FROM (
             SELECT DISTINCT hashtextextended(key, 0) AS lock_id FROM unnest($1::text[]) AS key
             ORDER BY lock_id) ordered`,
          [scope.lockKeys],
        );
        const batch = await openIngestBatchTx(inner, scope.messages, enqueue.many);
        const result = await work(batch);
        await batch.flush();
        return result;
      });
    },

    async insertMessage(message: CustomerMessage, kind: MessageKind) {
      const result = await q.query(
        `INSERT INTO customer_messages (id, platform, conversation, thread, is_reply, account_id, author, external,
           text, sent_at, permalink, attachments, language, subject, forwarded_by, quoted_text, kind)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17)
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        [
          message.id,
          message.platform,
          message.conversation,
          message.thread,
          message.isReply,
          message.accountId,
          JSON.stringify(message.author),
          message.author.external,
          message.text,
          message.sentAt,
          message.permalink,
          JSON.stringify(message.attachments),
          message.language,
          message.subject,
          message.forwardedBy ? JSON.stringify(message.forwardedBy) : null,
          message.quotedText,
          kind,
        ],
      );
      return result.rows.length === 1;
    },

    async getMessage(id) {
      const result = await q.query(`SELECT ${MESSAGE_COLUMNS} FROM customer_messages WHERE id = $1`, [id]);
      return result.rows[0] ? toStoredMessage(result.rows[0]) : null;
    },

    async requestMessages(requestId) {
      const result = await q.query(
        `SELECT ${MESSAGE_COLUMNS} FROM customer_messages WHERE request_id = $1 ORDER BY sent_at, seq`,
        [requestId],
      );
      return result.rows.map(toStoredMessage);
    },

    async loadRequest(requestId) {
      // One statement instead of four (getRequest, requestMessages, latestTransition,
      // findRoutedPost): the rows around the request as JSON, whose dates come back as ISO strings
      // that the row mappers coerce as they do the driver's.
      const result = await q.query<
        Record<string, unknown> & {
          messages: unknown;
          last_transition: unknown;
          routed_post: { destination: Destination; post_id: string } | string | null;
        }
      >(
        `SELECT ${REQUEST_COLUMNS},
           COALESCE((SELECT json_agg(m ORDER BY m.sent_at, m.seq) FROM (
             SELECT ${MESSAGE_COLUMNS}, seq FROM customer_messages WHERE request_id = $1) m), '[]') AS messages,
           (SELECT row_to_json(t) FROM (
             SELECT request_id, kind, from_state, to_state, actor, at, detail FROM request_transitions
             WHERE request_id = $1 ORDER BY at DESC, id DESC LIMIT 1) t) AS last_transition,
           (SELECT json_build_object('destination', destination, 'post_id', post_id)
             FROM routed_posts WHERE request_id = $1) AS routed_post
         FROM requests WHERE id = $1`,
        [requestId],
      );
      const row = result.rows[0];
      if (!row) return null;
      const messages = fromJson(row.messages) as unknown[];
      const transition = fromJson(row.last_transition);
      const post = fromJson(row.routed_post) as { destination: Destination; post_id: string } | null;
      return {
        request: toRequest(row),
        messages: messages.map(toStoredMessage),
        lastTransition: transition === null ? null : toTransition(transition),
        routedPost: post === null ? null : { destination: post.destination, id: post.post_id },
      };
    },

    async editMessage(id, text, editedAt) {
      const result = await q.query(
        `UPDATE customer_messages SET text = $2, edited_at = $3 WHERE id = $1 RETURNING ${MESSAGE_COLUMNS}`,
        [id, text, editedAt],
      );
      return result.rows[0] ? toStoredMessage(result.rows[0]) : null;
    },

    async markMessageDeleted(id, deletedAt) {
      const result = await q.query(
        `UPDATE customer_messages SET deleted_at = $2 WHERE id = $1 RETURNING ${MESSAGE_COLUMNS}`,
        [id, deletedAt],
      );
      return result.rows[0] ? toStoredMessage(result.rows[0]) : null;
    },

    async attachMessage(messageId, requestId) {
      await q.query('UPDATE customer_messages SET request_id = $2 WHERE id = $1', [messageId, requestId]);
    },

    async findRequestByThread(thread) {
      const result = await q.query(
        `SELECT ${REQUEST_COLUMNS} FROM requests WHERE id = (
           SELECT request_id FROM customer_messages
           WHERE thread = $1 AND request_id IS NOT NULL ORDER BY seq LIMIT 1)`,
        [thread],
      );
      return result.rows[0] ? toRequest(result.rows[0]) : null;
    },

    async findLatestRequest(conversation, accountId) {
      const result = await q.query(
        `SELECT ${REQUEST_COLUMNS} FROM requests
         WHERE conversation = $1 AND account_id IS NOT DISTINCT FROM $2
         ORDER BY last_message_at DESC LIMIT 1`,
        [conversation, accountId],
      );
      return result.rows[0] ? toRequest(result.rows[0]) : null;
    },

    async createRequest(request: Request) {
      await q.query(
        `INSERT INTO requests (id, account_id, conversation, thread, state, opened_at, last_message_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7)`,
        [
          request.id,
          request.accountId,
          request.conversation,
          request.thread,
          request.state,
          request.openedAt,
          request.lastMessageAt,
        ],
      );
    },

    async getRequest(id) {
      const result = await q.query(`SELECT ${REQUEST_COLUMNS} FROM requests WHERE id = $1`, [id]);
      return result.rows[0] ? toRequest(result.rows[0]) : null;
    },

    async saveRequest(request) {
      const result = await q.query<{ version: number }>(
        `UPDATE requests SET state = $2, claimed_by = $3, snoozed_until = $4, team_id = $5, last_message_at = $6,
           routed_at = $7, first_response_at = $8, resolved_at = $9, account_id = $10, updated_at = now(),
           version = version + 1
         WHERE id = $1 AND version = $11
         RETURNING version`,
        [
          request.id,
          request.state,
          request.claimedBy ? JSON.stringify(request.claimedBy) : null,
          request.snoozedUntil,
          request.teamId,
          request.lastMessageAt,
          request.routedAt,
          request.firstResponseAt,
          request.resolvedAt,
          request.accountId,
          request.version,
        ],
      );
      const row = result.rows[0];
      if (!row) throw new StaleRequestError(request.id);
      return { ...request, version: Number(row.version) };
    },

    async saveTriage(requestId, triage) {
      await q.query(
        `UPDATE requests SET analysis = $2, floor = $3, priority = $4, topics = $5, team_id = $6, triaged_at = $7,
           updated_at = now(), version = version + 1
         WHERE id = $1`,
        [
          requestId,
          JSON.stringify(triage.analysis),
          JSON.stringify(triage.floor),
          triage.priority,
          triage.analysis.topics,
          triage.teamId,
          triage.triagedAt,
        ],
      );
    },

    async appendTriageRecord(record) {
      await insertTriageRecord(q, record);
    },

    async recordTransition(transition) {
      await insertTransition(q, transition);
    },

    async latestTransition(requestId) {
      const result = await q.query(
        `SELECT request_id, kind, from_state, to_state, actor, at, detail FROM request_transitions
         WHERE request_id = $1 ORDER BY at DESC, id DESC LIMIT 1`,
        [requestId],
      );
      return result.rows[0] ? toTransition(result.rows[0]) : null;
    },

    async enqueue(job) {
      await enqueue.one(q, job);
    },

    async completeJob(job) {
      await enqueue.complete(q, job);
    },

    async getDelivery(key) {
      const result = await q.query(
        'SELECT key, status, post_id, destination, attempt_started_at FROM deliveries WHERE key = $1',
        [key],
      );
      return result.rows[0] ? toDelivery(result.rows[0]) : null;
    },

    async claimDelivery(key, destination: Destination, now, leaseUntil) {
      // One statement decides the claim: a new key inserts; an unfinished attempt whose lease
      // ran out is taken over (keeping its start time, so a lookup covers its post).
      const result = await q.query<{ earlier: Date | null }>(
        `INSERT INTO deliveries AS d (key, destination, status, attempt_started_at, lease_until)
         VALUES ($1, $2, 'posting', $3, $4)
         ON CONFLICT (key) DO UPDATE SET lease_until = EXCLUDED.lease_until
           WHERE d.status = 'posting' AND d.lease_until < $3
         RETURNING (CASE WHEN d.attempt_started_at < $3 THEN d.attempt_started_at END) AS earlier`,
        [key, JSON.stringify(destination), now, leaseUntil],
      );
      const row = result.rows[0];
      if (row) return { claimed: true, earlierAttemptAt: row.earlier ? new Date(row.earlier) : null };
      const delivery = await store.getDelivery(key);
      if (!delivery) throw new Error(`delivery ${key} vanished while being claimed`);
      return { claimed: false, delivery };
    },

    async finishDelivery(key, ref: PostRef, at) {
      await q.query(`UPDATE deliveries SET status = 'posted', post_id = $2, posted_at = $3 WHERE key = $1`, [
        key,
        ref.id,
        at,
      ]);
    },

    async renewDelivery(key, leaseUntil) {
      await q.query(`UPDATE deliveries SET lease_until = $2 WHERE key = $1 AND status = 'posting'`, [
        key,
        leaseUntil,
      ]);
    },

    async linkRoutedPost(requestId, ref) {
      await q.query(
        `INSERT INTO routed_posts (request_id, destination, post_id, post_key) VALUES ($1,$2,$3,$4)
         ON CONFLICT (request_id) DO UPDATE SET destination = EXCLUDED.destination, post_id = EXCLUDED.post_id,
           post_key = EXCLUDED.post_key, linked_at = now()`,
        [requestId, JSON.stringify(ref.destination), ref.id, postKey(ref)],
      );
    },

    async findRoutedPost(requestId) {
      const result = await q.query<{ destination: Destination; post_id: string }>(
        'SELECT destination, post_id FROM routed_posts WHERE request_id = $1',
        [requestId],
      );
      const row = result.rows[0];
      return row ? { destination: row.destination, id: row.post_id } : null;
    },

    async findRequestByPost(ref) {
      const result = await q.query(
        `SELECT ${REQUEST_COLUMNS} FROM requests WHERE id = (
           SELECT request_id FROM routed_posts WHERE post_key = $1 LIMIT 1)`,
        [postKey(ref)],
      );
      return result.rows[0] ? toRequest(result.rows[0]) : null;
    },
  };
  return store;
}

/** A json column as the driver hands it over: parsed already, or (some drivers) still text. */
function fromJson(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : (value ?? null);
}

function postKey(ref: PostRef): string {
  return `${describeDestination(ref.destination)}#${ref.id}`;
}

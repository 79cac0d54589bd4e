import type { CustomerMessage } from '../core/customer-message.ts';
import {
  type IngestTx,
  type JobRequest,
  type MessageKind,
  StaleRequestError,
} from '../core/pipeline/request-store.ts';
import type { Request } from '../core/request.ts';
import type { Queryable } from './database.ts';
import { REQUEST_COLUMNS, toRequest } from './row-mappers.ts';

/** Schedules several jobs through the given transaction (see JobRunner.enqueueManyWithin). */
export type EnqueueManyWithin = (tx: Queryable, jobs: JobRequest[]) => Promise<void>;

export interface IngestBatchTx extends IngestTx {
  /** Writes everything `work` did, set-based; throws StaleRequestError when a request moved on. */
  flush(): Promise<void>;
}

/**
 * The transaction of a batch ingest (RequestStore.atomicallyBatch), inside the locks of every
 * conversation of the batch. It loads in three statements what ingesting these messages reads —
 * which ids exist, each thread's request, each conversation's and account's latest request — and
 * answers the same questions the single-message store answers, with the batch's own writes
 * applied in memory. `flush` then writes them in a few statements: requests that moved on
 * (compare-and-set on the version read here, as saveRequest does), new requests, the messages
 * with their requests, and the jobs (one pg-boss insert per queue).
 */
export async function openIngestBatchTx(
  q: Queryable,
  messages: CustomerMessage[],
  enqueueMany: EnqueueManyWithin,
): Promise<IngestBatchTx> {
  const ids = [...new Set(messages.map((message) => message.id))];
  const threads = [...new Set(messages.flatMap((message) => (message.thread ? [message.thread] : [])))];
  const pairs = new Map(
    messages.map((message) => [pairKey(message.conversation, message.accountId), message] as const),
  );

  const loaded = await loadBatchState(q, ids, threads, [...pairs.values()]);
  const existing = new Set(loaded.existing);
  /** Every request read or written, as this transaction sees it now. */
  const requests = new Map<string, Request>();
  /** The version each loaded request had when read: the compare-and-set at flush expects it. */
  const readVersion = new Map<string, number>();
  const remember = (row: unknown): Request => {
    const request = toRequest(row);
    if (!requests.has(request.id)) {
      requests.set(request.id, request);
      readVersion.set(request.id, request.version);
    }
    return requests.get(request.id) as Request;
  };
  // The request of a thread is the one holding the thread's first message that has a request.
  const threadRequest = new Map<string, string | null>(threads.map((thread) => [thread, null]));
  for (const row of loaded.threads) {
    threadRequest.set(row.thread, row.request === null ? null : remember(row.request).id);
  }
  for (const row of loaded.latest) remember(row);

  const inserted: Array<{ message: CustomerMessage; kind: MessageKind }> = [];
  const insertedById = new Map<string, CustomerMessage>();
  const attached = new Map<string, string>();
  const created = new Set<string>();
  const jobs: JobRequest[] = [];

  const copy = (id: string | null | undefined): Request | null => {
    const request = id ? requests.get(id) : undefined;
    return request ? { ...request } : null;
  };

  return {
    async insertMessage(message, kind) {
      if (existing.has(message.id) || insertedById.has(message.id)) return false;
      inserted.push({ message, kind });
      insertedById.set(message.id, message);
      return true;
    },

    async findRequestByThread(thread) {
      if (!threadRequest.has(thread)) throw new Error(`thread ${thread} was not loaded for this batch`);
      return copy(threadRequest.get(thread));
    },

    async findLatestRequest(conversation, accountId) {
      if (!pairs.has(pairKey(conversation, accountId))) {
        throw new Error(`conversation ${conversation} was not loaded for this batch`);
      }
      // The loaded latest one, or a request of this batch that has a later message now.
      let latest: Request | null = null;
      for (const request of requests.values()) {
        if (request.conversation !== conversation || request.accountId !== accountId) continue;
        if (!latest || request.lastMessageAt.getTime() > latest.lastMessageAt.getTime()) latest = request;
      }
      return latest && { ...latest };
    },

    async createRequest(request) {
      requests.set(request.id, { ...request });
      created.add(request.id);
    },

    async attachMessage(messageId, requestId) {
      const message = insertedById.get(messageId);
      if (!message) throw new Error(`message ${messageId} is not one of this batch`);
      attached.set(messageId, requestId);
      // Messages are stored in the order they were inserted here, after every stored one.
      if (message.thread && threadRequest.get(message.thread) === null)
        threadRequest.set(message.thread, requestId);
    },

    async saveRequest(request) {
      const current = requests.get(request.id);
      if (!current || current.version !== request.version) throw new StaleRequestError(request.id);
      const saved = { ...request, version: request.version + 1 };
      requests.set(request.id, saved);
      return { ...saved };
    },

    async enqueue(job) {
      jobs.push(job);
    },

    async flush() {
      await updateLoadedRequests(
        q,
        [...readVersion.entries()].flatMap(([id, version]) => {
          const request = requests.get(id) as Request;
          return request.version === version ? [] : [{ request, readVersion: version }];
        }),
      );
      await insertRequestsAndMessages(
        q,
        [...created].map((id) => requests.get(id) as Request),
        inserted,
        attached,
      );
      if (jobs.length > 0) await enqueueMany(q, jobs);
    },
  };
}

/**
 * One statement: which ids are stored already; for each thread, the request of its first message
 * that has one (as `findRequestByThread`); for each conversation and account, its latest request
 * (as `findLatestRequest`). Requests come back as JSON rows, read by the same mapper.
 */
async function loadBatchState(
  q: Queryable,
  ids: string[],
  threads: string[],
  conversations: CustomerMessage[],
): Promise<{ existing: string[]; threads: Array<{ thread: string; request: unknown }>; latest: unknown[] }> {
  const result = await q.query<{
    existing: string[];
    threads: Array<{ thread: string; request: unknown }>;
    latest: unknown[];
  }>(
    `SELECT
       (SELECT coalesce(jsonb_agg(id), '[]') FROM customer_messages WHERE id = ANY($1::text[])) AS existing,
       (SELECT coalesce(jsonb_agg(jsonb_build_object('thread', head.first_thread, 'request', to_jsonb(r))), '[]')
        FROM (
          SELECT DISTINCT ON (thread) thread AS first_thread, request_id AS first_request
          FROM customer_messages WHERE thread = ANY($2::text[]) AND request_id IS NOT NULL
          ORDER BY thread, seq) head
        LEFT JOIN LATERAL (SELECT ${REQUEST_COLUMNS} FROM requests WHERE id = head.first_request) r ON true
       ) AS threads,
       (SELECT coalesce(jsonb_agg(to_jsonb(latest)), '[]')
        FROM unnest($3::text[], $4::text[]) AS pair (conversation, account_id)
        CROSS JOIN LATERAL (
          SELECT ${REQUEST_COLUMNS} FROM requests
          WHERE conversation = pair.conversation AND account_id IS NOT DISTINCT FROM pair.account_id
          ORDER BY last_message_at DESC LIMIT 1) latest
       ) AS latest`,
    [
      ids,
      threads,
      conversations.map((message) => message.conversation),
      conversations.map((message) => message.accountId),
    ],
  );
  const row = result.rows[0];
  if (!row) throw new Error('batch state query returned no row');
  return row;
}

function pairKey(conversation: string, accountId: string | null): string {
  return JSON.stringify([conversation, accountId]);
}

/** The fields saveRequest writes, for every loaded request this batch saved, compare-and-set. */
async function updateLoadedRequests(
  q: Queryable,
  saved: Array<{ request: Request; readVersion: number }>,
): Promise<void> {
  if (saved.length === 0) return;
  const rows = saved.map(({ request, readVersion }) => ({
    id: request.id,
    state: request.state,
    claimed_by: request.claimedBy,
    snoozed_until: request.snoozedUntil,
    team_id: request.teamId,
    last_message_at: request.lastMessageAt,
    routed_at: request.routedAt,
    first_response_at: request.firstResponseAt,
    resolved_at: request.resolvedAt,
    account_id: request.accountId,
    read_version: readVersion,
    version: request.version,
  }));
  const result = await q.query<{ id: string }>(
    `UPDATE requests SET state = u.state, claimed_by = u.claimed_by, snoozed_until = u.snoozed_until,
       team_id = u.team_id, last_message_at = u.last_message_at, routed_at = u.routed_at,
       first_response_at = u.first_response_at, resolved_at = u.resolved_at, account_id = u.account_id,
       updated_at = now(), version = u.version
     FROM jsonb_to_recordset($1::jsonb) AS u (id text, state text, claimed_by jsonb, snoozed_until timestamptz,
       team_id text, last_message_at timestamptz, routed_at timestamptz, first_response_at timestamptz,
       resolved_at timestamptz, account_id text, read_version integer, version integer)
     WHERE requests.id = u.id AND requests.version = u.read_version
     RETURNING requests.id`,
    [JSON.stringify(rows)],
  );
  if (result.rows.length !== rows.length) {
    const updated = new Set(result.rows.map((row) => row.id));
    throw new StaleRequestError(rows.find((row) => !updated.has(row.id))?.id ?? 'unknown');
  }
}

const MESSAGE_PARAMS = 18;

/**
 * One statement: the new requests (as they stand at the end of the batch), then the messages in
 * the order the batch inserted them (their `seq` order) with their requests. The locks held mean
 * nobody else stores these ids meanwhile; should one appear anyway, the batch fails and every
 * message is ingested again on its own.
 */
async function insertRequestsAndMessages(
  q: Queryable,
  created: Request[],
  inserted: Array<{ message: CustomerMessage; kind: MessageKind }>,
  attached: Map<string, string>,
): Promise<void> {
  if (inserted.length === 0 && created.length === 0) return;
  const requestRows = created.map((request) => ({
    id: request.id,
    account_id: request.accountId,
    conversation: request.conversation,
    thread: request.thread,
    state: request.state,
    opened_at: request.openedAt,
    last_message_at: request.lastMessageAt,
    version: request.version,
  }));
  const params: unknown[] = [JSON.stringify(requestRows)];
  const rows = inserted.map(({ message, kind }, row) => {
    params.push(
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
      attached.get(message.id) ?? null,
    );
    const first = 1 + row * MESSAGE_PARAMS;
    return `(${Array.from({ length: MESSAGE_PARAMS }, (_, column) => `$${first + column + 1}`).join(',')})`;
  });
  // Foreign keys are checked at the end of the statement, when the new requests are in.
  const newRequests = `INSERT INTO requests (id, account_id, conversation, thread, state, opened_at, last_message_at, version)
     SELECT id, account_id, conversation, thread, state, opened_at, last_message_at, version
     FROM jsonb_to_recordset($1::jsonb) AS r (id text, account_id text, conversation text, thread text, state text,
       opened_at timestamptz, last_message_at timestamptz, version integer)`;
  if (inserted.length === 0) {
    await q.query(newRequests, params);
    return;
  }
  const result = await q.query(
    `WITH new_requests AS (${newRequests})
     INSERT INTO customer_messages (id, platform, conversation, thread, is_reply, account_id, author, external,
       text, sent_at, permalink, attachments, language, subject, forwarded_by, quoted_text, kind, request_id)
     VALUES ${rows.join(', ')}
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    params,
  );
  if (result.rows.length !== inserted.length) {
    throw new Error('a message of the batch was stored by another writer meanwhile; ingesting one by one');
  }
}

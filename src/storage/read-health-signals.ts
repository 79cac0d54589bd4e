import { z } from 'zod';
import { ShownChurnSignalSchema } from '../core/analysis.ts';
import type { Account } from '../core/directory.ts';
import type {
  AccountSignals,
  Quote,
  RequestSignal,
  StakeholderEvent,
} from '../core/health/account-signals.ts';
import type { HealthModel } from '../core/health/health-model.ts';
import { PrioritySchema } from '../core/priority.ts';
import { RequestStateSchema } from '../core/request-state.ts';
import type { Queryable } from './database.ts';

/** Evidence quotes are excerpts of at most this many characters, marked with … when cut. */
const QUOTE_CHARS = 280;
const DAY_MS = 86_400_000;
/**
 * Requests read one by one per account: the most recent this many in the look-back, plus every
 * request still waiting on us and every one with a churn signal, whatever its age. A very busy
 * account's older quiet requests only thin its sentiment baseline; engagement and silence read
 * daily aggregates of every message. Keeps /churn's cost flat as history grows (docs/health.md).
 */
export const RECENT_REQUESTS = 1500;

/**
 * One request as a JSON array, positional (`REQUEST_JSON` below): PGlite formats, and JS parses,
 * a fraction of the text of an object with its keys; times are epoch milliseconds, which `Date`
 * takes without parsing a string.
 */
const RequestTupleSchema = z.tuple([
  z.string(), // id
  RequestStateSchema,
  PrioritySchema.nullable(),
  z.number(), // opened_at
  z.number().nullable(), // sentiment
  z.array(ShownChurnSignalSchema).nullable(),
  z.array(z.string()), // topics
  z.number().nullable(), // first_response_at
  z.number().nullable(), // first response, business minutes
  z.number().nullable(), // SLA target minutes
  z.boolean(), // breached
]);

const QuoteRowSchema = z.object({
  request_id: z.string(),
  quote: z.string(),
  quote_length: z.coerce.number(),
  permalink: z.string().nullable(),
  author_name: z.string().nullable(),
  sent_at: z.coerce.date(),
});

export const ActivityRowSchema = z.object({
  day: z.coerce.date(),
  messages: z.coerce.number(),
  authors: z.array(z.string()),
});

export const EventRowSchema = z.object({
  kind: z.enum(['member-joined', 'member-left']),
  name: z.string().nullable(),
  id: z.string().nullable(),
  title: z.string().nullable(),
  at: z.coerce.date(),
});

/** Milliseconds since the epoch, exact (numeric, truncated as `Date` truncates microseconds). */
function epochMs(column: string): string {
  return `floor(extract(epoch FROM ${column}) * 1000)`;
}

/**
 * What a picked request carries out of `requests`: only the triage fields health reads, not the
 * whole analysis, so the rows sorted and de-duplicated on the way are narrow.
 */
export const PICKED_COLUMNS = `id, state, priority, opened_at, (analysis->>'sentiment')::float8 AS sentiment,
  analysis->'churnSignals' AS churn_signals, topics, first_response_at`;

/**
 * A request's health figures as one JSON array (`RequestTupleSchema`) over `r` (PICKED_COLUMNS of
 * a request) and `st` (its SLA times): state, triage, response figures, and whether a breach nudge
 * went out.
 */
export const REQUEST_JSON = `json_build_array(r.id, r.state, r.priority, ${epochMs('r.opened_at')},
  r.sentiment, r.churn_signals, r.topics, ${epochMs('r.first_response_at')},
  st.first_response_business_minutes, st.target_minutes,
  COALESCE(st.first_response_business_minutes > st.target_minutes, false)
    OR EXISTS (SELECT 1 FROM sla_nudges n WHERE n.request_id = r.id AND n.kind = 'breach' AND n.sent_at IS NOT NULL))`;

/**
 * Each picked request's SLA times, probed one by one. LIMIT 1 keeps the planner from hashing all
 * of sla_times: it overestimates the picked requests (it cannot estimate the churn-signal test),
 * and at 200,000 requests a hash of 196,000 SLA rows had made one /churn cost 500 ms instead of 50.
 */
export const SLA_TIMES_OF_R = `LEFT JOIN LATERAL (
    SELECT first_response_business_minutes, target_minutes FROM sla_times WHERE request_id = r.id LIMIT 1
  ) st ON true`;

/**
 * Requests still waiting on us or carrying a churn signal: read whatever their age. Word for word
 * the predicate of the partial index `requests_account_flagged` (migration 13), so the planner
 * reads them through it instead of filtering every request of the account.
 */
export const FLAGGED_REQUEST = `(state IN ('open', 'claimed', 'snoozed')
        OR jsonb_array_length(COALESCE(analysis->'churnSignals', '[]')) > 0)`;

/**
 * Rows of `alias` as one JSON array in one row. Embedded PGlite spends ~30 µs per row returned
 * (WASM to JS, a value at a time); a busy account's 1,700 requests, or a snapshot batch's 25,000,
 * cost several times their query as rows and a fraction of it as one JSON value.
 */
export function jsonRows(alias: string, orderBy: string): string {
  return `COALESCE(json_agg(${alias} ORDER BY ${orderBy}), '[]') AS rows`;
}

export function jsonRowsOf(result: { rows: unknown[] }): unknown[] {
  return z.object({ rows: z.array(z.unknown()) }).parse(result.rows[0]).rows;
}

/**
 * One account's requests ($1 the account, $2…$3 the look-back, $4 RECENT_REQUESTS): its most recent
 * requests, read in order from requests_account_recent, and its flagged ones, from
 * requests_account_flagged, each taken straight from the index's rows: no second lookup of each
 * picked request, no filter over the account's whole history.
 */
export const ACCOUNT_REQUESTS = `SELECT COALESCE(json_agg(${REQUEST_JSON} ORDER BY r.opened_at DESC, r.id DESC), '[]') AS rows
  FROM (
    (SELECT ${PICKED_COLUMNS} FROM requests
     WHERE account_id = $1 AND opened_at >= $2 AND opened_at <= $3 ORDER BY opened_at DESC, id DESC LIMIT $4)
    UNION
    (SELECT ${PICKED_COLUMNS} FROM requests
     WHERE account_id = $1 AND opened_at >= $2 AND opened_at <= $3 AND ${FLAGGED_REQUEST})
  ) r
  ${SLA_TIMES_OF_R}`;

/** How far back any factor (with its baseline) looks, in days. */
export function lookbackDays(model: HealthModel): number {
  return Math.max(...Object.values(model.factors).map((factor) => factor.windowDays)) + model.baselineDays;
}

/**
 * An account's health signals at `now`: its requests in the look-back with triage, SLA figures and
 * their first customer message (for quotes), daily customer activity, and channel membership
 * changes. Reads go through the (account_id, time) indexes, so cost follows the account's own
 * history, not the size of the store.
 */
export async function readHealthSignals(
  db: Queryable,
  account: Account,
  now: Date,
  model: HealthModel,
): Promise<AccountSignals> {
  const from = new Date(now.getTime() - lookbackDays(model) * DAY_MS);
  const [requests, activity, last, events] = await Promise.all([
    db.query(ACCOUNT_REQUESTS, [account.id, from, now, RECENT_REQUESTS]),
    db.query(
      `SELECT ${jsonRows('daily', 'daily.day')} FROM (
         SELECT date_trunc('day', sent_at, 'UTC') AS day, count(*) AS messages,
           array_agg(DISTINCT author->>'id') AS authors
         FROM customer_messages
         WHERE account_id = $1 AND sent_at >= $2 AND sent_at <= $3 AND external AND kind <> 'staff'
         GROUP BY 1
       ) daily`,
      [account.id, from, now],
    ),
    db.query<{ last: Date | string | null }>(
      `SELECT max(sent_at) AS last FROM customer_messages
       WHERE account_id = $1 AND sent_at <= $2 AND external AND kind <> 'staff'`,
      [account.id, now],
    ),
    db.query(
      `SELECT kind, actor->>'name' AS name, actor->>'id' AS id, detail->>'title' AS title, at
       FROM account_events WHERE account_id = $1 AND at >= $2 AND at <= $3 ORDER BY at, account_events.id`,
      [account.id, from, now],
    ),
  ]);
  const lastAt = last.rows[0]?.last;
  return {
    requests: jsonRowsOf(requests).map(toRequestSignal),
    activity: jsonRowsOf(activity).map((row) => ActivityRowSchema.parse(row)),
    lastCustomerMessageAt: lastAt ? new Date(lastAt) : null,
    stakeholders: events.rows.map(toStakeholderEvent),
    stakeholdersObserved: account.channels.length > 0,
    previousBand: null,
  };
}

export function toStakeholderEvent(row: unknown): StakeholderEvent {
  const event = EventRowSchema.parse(row);
  return { kind: event.kind, name: event.name ?? event.id ?? 'a contact', title: event.title, at: event.at };
}

/** A request read as `REQUEST_JSON`. */
export function toRequestSignal(row: unknown): RequestSignal {
  const [
    id,
    state,
    priority,
    openedAt,
    sentiment,
    churnSignals,
    topics,
    firstResponseAt,
    minutes,
    target,
    breached,
  ] = RequestTupleSchema.parse(row);
  return {
    id,
    state,
    priority,
    openedAt: new Date(openedAt),
    sentiment,
    churnSignals: churnSignals ?? [],
    topics,
    firstResponseAt: firstResponseAt === null ? null : new Date(firstResponseAt),
    firstResponseMinutes: minutes,
    targetMinutes: target,
    breached,
    firstMessage: null,
  };
}

/** The first (not deleted) customer message of each request, as an excerpt with link and author. */
export async function readRequestQuotes(db: Queryable, requestIds: string[]): Promise<Map<string, Quote>> {
  if (requestIds.length === 0) return new Map();
  const result = await db.query(
    `SELECT DISTINCT ON (request_id) request_id, left(text, ${QUOTE_CHARS}) AS quote, length(text) AS quote_length,
       permalink, author->>'name' AS author_name, sent_at
     FROM customer_messages WHERE request_id = ANY($1::text[]) AND deleted_at IS NULL
     ORDER BY request_id, sent_at, seq`,
    [requestIds],
  );
  const quotes = new Map<string, Quote>();
  for (const row of result.rows) {
    const r = QuoteRowSchema.parse(row);
    quotes.set(r.request_id, {
      quote: r.quote_length > QUOTE_CHARS ? `${r.quote}…` : r.quote,
      link: r.permalink,
      author: r.author_name ?? 'customer',
      at: r.sent_at,
    });
  }
  return quotes;
}

import { z } from 'zod';
import type { Account } from '../core/directory.ts';
import type { AccountSignals } from '../core/health/account-signals.ts';
import type { HealthModel } from '../core/health/health-model.ts';
import type { Queryable } from './database.ts';
import {
  ActivityRowSchema,
  FLAGGED_REQUEST,
  jsonRows,
  jsonRowsOf,
  lookbackDays,
  PICKED_COLUMNS,
  RECENT_REQUESTS,
  REQUEST_JSON,
  SLA_TIMES_OF_R,
  toRequestSignal,
  toStakeholderEvent,
} from './read-health-signals.ts';

const DAY_MS = 86_400_000;

const AccountIdSchema = z.object({ account_id: z.string() });
const AccountRequestSchema = z.tuple([z.string(), z.unknown()]);
const LastRowSchema = z.object({ account_id: z.string(), last: z.coerce.date().nullable() });

/**
 * The health signals of many accounts at `now`, four statements for the whole set instead of four
 * per account: what the nightly snapshot reads (on embedded PGlite every statement waits its turn
 * on one connection, so 10,000 accounts × 4 round trips cost minutes). Each account's signals are
 * exactly what `readHealthSignals` returns for it, in the same order (the contract test compares
 * them): the same look-back, the same bound on requests read one by one, the same daily activity.
 */
export async function readManyHealthSignals(
  db: Queryable,
  accounts: readonly Account[],
  now: Date,
  model: HealthModel,
): Promise<Map<string, AccountSignals>> {
  const signals = new Map<string, AccountSignals>();
  if (accounts.length === 0) return signals;
  const ids = accounts.map((account) => account.id);
  const from = new Date(now.getTime() - lookbackDays(model) * DAY_MS);
  const [requests, activity, last, events] = await Promise.all([
    // Each account's most recent requests in the look-back (ranked per account, as readHealthSignals'
    // ORDER BY … LIMIT), plus every flagged one (waiting on us or with a churn signal), with their SLA
    // times. Each row is [account id, REQUEST_JSON].
    db.query(
      `SELECT COALESCE(json_agg(json_build_array(r.account_id, ${REQUEST_JSON})
         ORDER BY r.account_id, r.opened_at DESC, r.id DESC), '[]') AS rows
       FROM (
         SELECT account_id, ${PICKED_COLUMNS}, ${FLAGGED_REQUEST} AS flagged,
           row_number() OVER (PARTITION BY account_id ORDER BY opened_at DESC, id DESC) AS recency
         FROM requests WHERE account_id = ANY($1::text[]) AND opened_at >= $2 AND opened_at <= $3
       ) r
       ${SLA_TIMES_OF_R}
       WHERE r.recency <= $4 OR r.flagged`,
      [ids, from, now, RECENT_REQUESTS],
    ),
    db.query(
      `SELECT ${jsonRows('daily', 'daily.account_id, daily.day')} FROM (
         SELECT account_id, date_trunc('day', sent_at, 'UTC') AS day, count(*) AS messages,
           array_agg(DISTINCT author->>'id') AS authors
         FROM customer_messages
         WHERE account_id = ANY($1::text[]) AND sent_at >= $2 AND sent_at <= $3 AND external AND kind <> 'staff'
         GROUP BY 1, 2
       ) daily`,
      [ids, from, now],
    ),
    // One backward index probe per account: the latest message may be older than the look-back.
    db.query(
      `SELECT a.account_id,
         (SELECT max(sent_at) FROM customer_messages m
          WHERE m.account_id = a.account_id AND m.sent_at <= $2 AND m.external AND m.kind <> 'staff') AS last
       FROM unnest($1::text[]) AS a(account_id)`,
      [ids, now],
    ),
    db.query(
      `SELECT account_id, kind, actor->>'name' AS name, actor->>'id' AS id, detail->>'title' AS title, at
       FROM account_events WHERE account_id = ANY($1::text[]) AND at >= $2 AND at <= $3
       ORDER BY account_id, at, account_events.id`,
      [ids, from, now],
    ),
  ]);
  for (const account of accounts)
    signals.set(account.id, {
      requests: [],
      activity: [],
      lastCustomerMessageAt: null,
      stakeholders: [],
      stakeholdersObserved: account.channels.length > 0,
      previousBand: null,
    });
  const of = (row: unknown) => signals.get(AccountIdSchema.parse(row).account_id);
  for (const row of jsonRowsOf(requests)) {
    const [accountId, request] = AccountRequestSchema.parse(row);
    signals.get(accountId)?.requests.push(toRequestSignal(request));
  }
  for (const row of jsonRowsOf(activity)) of(row)?.activity.push(ActivityRowSchema.parse(row));
  for (const row of events.rows) of(row)?.stakeholders.push(toStakeholderEvent(row));
  for (const row of last.rows) {
    const parsed = LastRowSchema.parse(row);
    const account = signals.get(parsed.account_id);
    if (account) account.lastCustomerMessageAt = parsed.last;
  }
  return signals;
}

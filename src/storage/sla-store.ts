import { z } from 'zod';
import { DestinationSchema } from '../core/directory.ts';
import type { SlaNudge, SlaStore, SlaTimes } from '../core/pipeline/sla-store.ts';
import type { Database } from './database.ts';
import { insertTransition } from './insert-transition.ts';
import { toRequest } from './row-mappers.ts';

const REQUEST_COLUMNS = [
  'id',
  'account_id',
  'conversation',
  'thread',
  'state',
  'claimed_by',
  'snoozed_until',
  'team_id',
  'priority',
  'analysis',
  'floor',
  'opened_at',
  'last_message_at',
  'routed_at',
  'first_response_at',
  'resolved_at',
  'version',
  'words_removed_at',
]
  .map((column) => `r.${column}`)
  .join(', ');

const NUDGE_COLUMNS = 'key, request_id, kind, seq, due_at, late, claimed_at, sent_at, post, abandoned';

/** The SLA checker's store over Postgres (PGlite or a server); see the SlaStore port. */
export function createSlaStore(db: Database): SlaStore {
  return {
    async listOpenRequests(filter = {}) {
      const params: unknown[] = [];
      const where = [
        filter.includeUnposted
          ? '(r.routed_at IS NOT NULL OR (r.team_id IS NOT NULL AND r.priority IS NOT NULL))'
          : 'r.routed_at IS NOT NULL',
        "r.state <> 'resolved'",
      ];
      if (filter.running) where.push('r.first_response_at IS NULL');
      if (filter.teamId !== undefined) {
        params.push(filter.teamId);
        where.push(`r.team_id = $${params.length}`);
      }
      params.push(filter.limit ?? 10_000);
      const result = await db.query(
        `SELECT ${REQUEST_COLUMNS} FROM requests r WHERE ${where.join(' AND ')}
         ORDER BY coalesce(r.routed_at, r.opened_at), r.id LIMIT $${params.length}`,
        params,
      );
      return result.rows.map(toRequest);
    },

    async listNudges(requestIds) {
      if (requestIds.length === 0) return [];
      const result = await db.query(
        `SELECT ${NUDGE_COLUMNS} FROM sla_nudges WHERE request_id = ANY($1::text[]) ORDER BY request_id, due_at, key`,
        [[...requestIds]],
      );
      return result.rows.map(toSlaNudge);
    },

    async listUnsentNudges() {
      const result = await db.query(
        `SELECT ${NUDGE_COLUMNS} FROM sla_nudges WHERE sent_at IS NULL AND abandoned IS NULL ORDER BY claimed_at LIMIT 1000`,
      );
      return result.rows.map(toSlaNudge);
    },

    async claimNudge(nudge, transition) {
      return db.transaction(async (tx) => {
        const claimed = await tx.query(
          `INSERT INTO sla_nudges (key, request_id, kind, seq, due_at, late, claimed_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (key) DO NOTHING RETURNING key`,
          [nudge.key, nudge.requestId, nudge.kind, nudge.seq, nudge.dueAt, nudge.late, nudge.claimedAt],
        );
        if (claimed.rows.length === 0) return false;
        if (transition) await insertTransition(tx, transition);
        return true;
      });
    },

    async markNudgeSent(key, post, at) {
      await db.query('UPDATE sla_nudges SET sent_at = $2, post = $3 WHERE key = $1', [
        key,
        at,
        JSON.stringify(post),
      ]);
    },

    async abandonNudge(key, reason) {
      await db.query('UPDATE sla_nudges SET abandoned = $2 WHERE key = $1 AND sent_at IS NULL', [
        key,
        reason,
      ]);
    },

    async listUnmeasured(lookbackDays) {
      // Bounded by the partial index on recently updated routed requests.
      const result = await db.query(
        `SELECT ${REQUEST_COLUMNS} FROM requests r LEFT JOIN sla_times t ON t.request_id = r.id
         WHERE r.routed_at IS NOT NULL AND r.updated_at > now() - make_interval(days => $1::int)
           AND ((r.first_response_at IS NOT NULL AND t.first_response_business_minutes IS NULL)
             OR (r.resolved_at IS NOT NULL AND r.resolved_at IS DISTINCT FROM t.resolved_at))
         ORDER BY r.updated_at LIMIT 1000`,
        [lookbackDays],
      );
      return result.rows.map(toRequest);
    },

    async recordFirstResponse(requestId, input) {
      // ON CONFLICT … DO UPDATE … WHERE re-checks the condition on the locked row, so of two
      // concurrent callers only the first stores (and reports) the measurement.
      const result = await db.query(
        `INSERT INTO sla_times (request_id, target_minutes, first_response_at, first_response_business_minutes)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (request_id) DO UPDATE SET target_minutes = EXCLUDED.target_minutes,
           first_response_at = EXCLUDED.first_response_at,
           first_response_business_minutes = EXCLUDED.first_response_business_minutes, updated_at = now()
         WHERE sla_times.first_response_business_minutes IS NULL
         RETURNING request_id`,
        [requestId, input.targetMinutes, input.at, input.businessMinutes],
      );
      return result.rows.length === 1;
    },

    async recordResolution(requestId, input) {
      const result = await db.query(
        `INSERT INTO sla_times (request_id, target_minutes, resolved_at, resolution_business_minutes)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (request_id) DO UPDATE SET target_minutes = EXCLUDED.target_minutes,
           resolved_at = EXCLUDED.resolved_at, resolution_business_minutes = EXCLUDED.resolution_business_minutes,
           updated_at = now()
         WHERE sla_times.resolved_at IS DISTINCT FROM EXCLUDED.resolved_at
         RETURNING request_id`,
        [requestId, input.targetMinutes, input.at, input.businessMinutes],
      );
      return result.rows.length === 1;
    },

    async getTimes(requestId) {
      const result = await db.query(
        `SELECT request_id, target_minutes, first_response_at, first_response_business_minutes, resolved_at,
           resolution_business_minutes FROM sla_times WHERE request_id = $1`,
        [requestId],
      );
      return result.rows[0] ? toSlaTimes(result.rows[0]) : null;
    },
  };
}

// Rows are validated as they are read back, like every other table (see row-mappers.ts).
const date = z.coerce.date();
const nullableNumber = z.coerce.number().nullable();

const NudgeRowSchema = z.object({
  key: z.string(),
  request_id: z.string(),
  kind: z.enum(['warning', 'breach', 'repeat', 'escalation']),
  seq: z.coerce.number().int(),
  due_at: date,
  late: z.boolean(),
  claimed_at: date,
  sent_at: date.nullable(),
  post: z.object({ destination: DestinationSchema, id: z.string() }).nullable(),
  abandoned: z.string().nullable(),
});

function toSlaNudge(row: unknown): SlaNudge {
  const r = NudgeRowSchema.parse(row);
  return {
    key: r.key,
    requestId: r.request_id,
    kind: r.kind,
    seq: r.seq,
    dueAt: r.due_at,
    late: r.late,
    claimedAt: r.claimed_at,
    sentAt: r.sent_at,
    post: r.post,
    abandoned: r.abandoned,
  };
}

const TimesRowSchema = z.object({
  request_id: z.string(),
  target_minutes: nullableNumber,
  first_response_at: date.nullable(),
  first_response_business_minutes: nullableNumber,
  resolved_at: date.nullable(),
  resolution_business_minutes: nullableNumber,
});

function toSlaTimes(row: unknown): SlaTimes {
  const r = TimesRowSchema.parse(row);
  return {
    requestId: r.request_id,
    targetMinutes: r.target_minutes,
    firstResponseAt: r.first_response_at,
    firstResponseBusinessMinutes: r.first_response_business_minutes,
    resolvedAt: r.resolved_at,
    resolutionBusinessMinutes: r.resolution_business_minutes,
  };
}

import { z } from 'zod';
import { DestinationSchema } from '../core/directory.ts';
import { PrioritySchema } from '../core/priority.ts';
import { ActorSchema, RequestStateSchema } from '../core/request-state.ts';
import type { Queryable } from './database.ts';

/** A request as lists show it (App Home): no messages, the summary and where its routed post is. */
export interface RequestListItem {
  id: string;
  accountId: string | null;
  teamId: string | null;
  priority: z.infer<typeof PrioritySchema> | null;
  state: z.infer<typeof RequestStateSchema>;
  /** When the customer's first message was sent. */
  openedAt: Date;
  summary: string | null;
  claimedBy: z.infer<typeof ActorSchema> | null;
  routedPost: { destination: z.infer<typeof DestinationSchema>; id: string } | null;
}

const RowSchema = z.object({
  id: z.string(),
  account_id: z.string().nullable(),
  team_id: z.string().nullable(),
  priority: PrioritySchema.nullable(),
  state: RequestStateSchema,
  opened_at: z.coerce.date(),
  summary: z.string().nullable(),
  claimed_by: ActorSchema.nullable(),
  destination: DestinationSchema.nullable(),
  post_id: z.string().nullable(),
});

const SELECT = `SELECT r.id, r.account_id, r.team_id, r.priority, r.state, r.opened_at,
    r.analysis->>'summary' AS summary, r.claimed_by, rp.destination, rp.post_id
  FROM requests r LEFT JOIN routed_posts rp ON rp.request_id = r.id`;

function toItem(row: unknown): RequestListItem {
  const r = RowSchema.parse(row);
  return {
    id: r.id,
    accountId: r.account_id,
    teamId: r.team_id,
    priority: r.priority,
    state: r.state,
    openedAt: r.opened_at,
    summary: r.summary,
    claimedBy: r.claimed_by,
    routedPost: r.destination && r.post_id ? { destination: r.destination, id: r.post_id } : null,
  };
}

/** Requests claimed by a user and not resolved, oldest first. */
export async function listClaimedRequests(
  db: Queryable,
  actorId: string,
  limit = 50,
): Promise<RequestListItem[]> {
  const result = await db.query(
    `${SELECT} WHERE r.state = 'claimed' AND r.claimed_by->>'id' = $1 ORDER BY r.opened_at LIMIT $2`,
    [actorId, limit],
  );
  return result.rows.map(toItem);
}

/** A team's routed requests that are not resolved, most urgent first, then oldest. */
export async function listOpenRequestsForTeam(
  db: Queryable,
  teamId: string,
  limit = 50,
): Promise<RequestListItem[]> {
  const result = await db.query(
    `${SELECT} WHERE r.team_id = $1 AND r.state <> 'resolved' AND r.routed_at IS NOT NULL
     ORDER BY r.priority NULLS LAST, r.opened_at LIMIT $2`,
    [teamId, limit],
  );
  return result.rows.map(toItem);
}

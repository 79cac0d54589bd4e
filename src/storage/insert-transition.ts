import type { Transition } from '../core/request-transitions.ts';
import type { Queryable } from './database.ts';

/** Appends one state change to the audit trail (`request_transitions`). */
export async function insertTransition(q: Queryable, transition: Transition): Promise<void> {
  await q.query(
    `INSERT INTO request_transitions (request_id, kind, from_state, to_state, actor, at, detail)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      transition.requestId,
      transition.kind,
      transition.from,
      transition.to,
      JSON.stringify(transition.actor),
      transition.at,
      JSON.stringify(transition.detail),
    ],
  );
}

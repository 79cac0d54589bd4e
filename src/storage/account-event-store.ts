import type { Actor } from '../core/request-state.ts';
import type { Queryable } from './database.ts';

/** A stakeholder signal for account health: a customer contact joined or left a shared channel. */
export interface AccountEvent {
  accountId: string | null;
  conversation: string;
  kind: 'member-joined' | 'member-left';
  actor: Actor;
  at: Date;
  detail?: Record<string, string>;
}

export async function recordAccountEvent(db: Queryable, event: AccountEvent): Promise<void> {
  await db.query(
    `INSERT INTO account_events (account_id, conversation, kind, actor, at, detail) VALUES ($1,$2,$3,$4,$5,$6)`,
    [
      event.accountId,
      event.conversation,
      event.kind,
      JSON.stringify(event.actor),
      event.at,
      JSON.stringify(event.detail ?? {}),
    ],
  );
}

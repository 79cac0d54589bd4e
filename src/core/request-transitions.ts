import type { Request } from './request.ts';
import type { Actor, RequestCommand, RequestState } from './request-state.ts';

/**
 * The request state machine (DESIGN §3): open → claimed(by) → answered → resolved, plus
 * snoozed(until), reassigned and escalated. Every accepted command yields a `Transition` for the
 * audit trail; a move that makes no sense (resolving twice, snoozing into the past) is an
 * expected outcome, returned as `{ ok: false, reason }` for the adapter to show, not thrown.
 *
 * | command  | from                                  | to       | side effects                               |
 * |----------|---------------------------------------|----------|--------------------------------------------|
 * | claim    | open, answered, snoozed               | claimed  | claimedBy = actor, snooze cleared          |
 * | unclaim  | claimed (by anyone: teams hand over)  | open     | claimedBy cleared                          |
 * | answer   | open, claimed, snoozed                | answered | firstResponseAt set once, snooze cleared   |
 * | resolve  | any but resolved                      | resolved | resolvedAt, snooze cleared                 |
 * | reopen   | resolved                              | open     | resolvedAt and claimedBy cleared           |
 * | snooze   | any but resolved; until after `at`    | snoozed  | snoozedUntil                               |
 * | reassign | any but resolved; another team        | open     | teamId, claimedBy and snooze cleared       |
 * | escalate | any but resolved                      | (same)   | recorded only                              |
 */

export interface Transition {
  requestId: string;
  kind: RequestCommand['kind'];
  from: RequestState;
  to: RequestState;
  actor: Actor;
  at: Date;
  /** Command specifics for the audit trail, e.g. `{ until: '2026-03-02T12:00:00.000Z' }`. */
  detail: Record<string, string>;
}

export type CommandResult =
  | { ok: true; request: Request; transition: Transition }
  | { ok: false; reason: string };

export function applyCommand(
  request: Request,
  command: RequestCommand,
  actor: Actor,
  at: Date,
): CommandResult {
  const from = request.state;
  const accept = (next: Request, detail: Record<string, string> = {}): CommandResult => ({
    ok: true,
    request: next,
    transition: { requestId: request.id, kind: command.kind, from, to: next.state, actor, at, detail },
  });
  const reject = (reason: string): CommandResult => ({ ok: false, reason });
  if (from === 'resolved' && command.kind !== 'reopen') {
    return reject(`the request is resolved; reopen it before you ${command.kind} it`);
  }

  switch (command.kind) {
    case 'claim':
      if (from === 'claimed') return reject(`already claimed by ${describeActor(request.claimedBy)}`);
      return accept(
        { ...request, state: 'claimed', claimedBy: actor, snoozedUntil: null },
        { claimedBy: actor.id },
      );
    case 'unclaim':
      if (from !== 'claimed') return reject('the request is not claimed');
      return accept(
        { ...request, state: 'open', claimedBy: null },
        request.claimedBy ? { previousClaimer: request.claimedBy.id } : {},
      );
    case 'answer': {
      if (from === 'answered') return reject('the request is already answered');
      const first = request.firstResponseAt === null;
      return accept(
        { ...request, state: 'answered', snoozedUntil: null, firstResponseAt: request.firstResponseAt ?? at },
        { firstResponse: String(first) },
      );
    }
    case 'resolve':
      return accept({ ...request, state: 'resolved', resolvedAt: at, snoozedUntil: null });
    case 'reopen':
      if (from !== 'resolved') return reject('only a resolved request can be reopened');
      return accept({ ...request, state: 'open', resolvedAt: null, claimedBy: null });
    case 'snooze':
      if (command.until.getTime() <= at.getTime()) return reject('snooze until a time in the future');
      return accept(
        { ...request, state: 'snoozed', snoozedUntil: command.until },
        { until: command.until.toISOString() },
      );
    case 'reassign':
      if (command.teamId.trim() === '') return reject('name the team to reassign to');
      if (command.teamId === request.teamId) return reject(`the request is already with ${command.teamId}`);
      return accept(
        { ...request, state: 'open', teamId: command.teamId, claimedBy: null, snoozedUntil: null },
        { fromTeam: request.teamId ?? '', toTeam: command.teamId },
      );
    case 'escalate':
      return accept({ ...request });
  }
}

function describeActor(actor: Actor | null): string {
  if (actor === null) return 'someone';
  return actor.name ?? actor.id;
}

import type { RoutedPostView } from '../../core/ports.ts';
import type { Actor } from '../../core/request-state.ts';
import { formatCardDate } from './format-card-date.ts';

const CHANGE_WORDS: Record<string, string> = {
  claim: 'Claimed',
  unclaim: 'Unclaimed',
  answer: 'Answered',
  resolve: 'Resolved',
  reopen: 'Reopened',
  snooze: 'Snoozed',
  reassign: 'Reassigned',
  escalate: 'Escalated',
};

export function describeCardActor(actor: Actor): string {
  if (actor.id === 'system') return 'Verbatim';
  return actor.name ?? actor.id;
}

/** "who did what, when" as plain text (goes into a TextRun), e.g. "Claimed by Ann Lee · 3 Mar 10:04 UTC". */
export function describeCardState(
  view: Pick<RoutedPostView, 'state' | 'claimedBy' | 'snoozedUntil' | 'lastChange' | 'team'>,
): string {
  const change = view.lastChange;
  const stateWord =
    view.state === 'snoozed' && view.snoozedUntil
      ? `Snoozed until ${formatCardDate(view.snoozedUntil)}`
      : { open: 'Open', claimed: 'Claimed', answered: 'Answered', resolved: 'Resolved', snoozed: 'Snoozed' }[
          view.state
        ];
  const claimer =
    view.claimedBy && view.state !== 'resolved' ? ` · owner ${describeCardActor(view.claimedBy)}` : '';
  if (!change) return `${stateWord}${claimer}`;
  const did = CHANGE_WORDS[change.kind] ?? change.kind;
  const target = change.kind === 'reassign' ? ` to ${view.team.name}` : '';
  return `${stateWord}${claimer} — ${did}${target} by ${describeCardActor(change.actor)} · ${formatCardDate(change.at)}`;
}

import type { RoutedPostView } from '../../core/ports.ts';
import type { Priority } from '../../core/priority.ts';
import type { Actor } from '../../core/request-state.ts';
import { formatSlackDate } from './format-slack-date.ts';
import { safe } from './slack-blocks.ts';

export const PRIORITY_EMOJI: Record<Priority, string> = {
  P1: ':red_circle:',
  P2: ':large_orange_circle:',
  P3: ':large_yellow_circle:',
  P4: ':white_circle:',
};

/**
 * An actor as mrkdwn: our own Slack users as a `<@U…>` mention (shown as their name; edits made
 * with chat.update do not notify), anyone else (Teams, system) by escaped name.
 */
export function describeActor(actor: Actor): string {
  if (/^[UW][A-Z0-9]{2,}$/.test(actor.id)) return `<@${actor.id}>`;
  if (actor.id === 'system') return 'Verbatim';
  return safe(actor.name ?? actor.id, 80);
}

const CHANGE_WORDS: Record<string, string> = {
  claim: 'claimed',
  unclaim: 'unclaimed',
  answer: 'answered',
  resolve: 'resolved',
  reopen: 'reopened',
  snooze: 'snoozed',
  reassign: 'reassigned',
  escalate: 'escalated',
};

/** "who did what, when" for the routed post, e.g. ":eyes: Claimed by @ann · Mar 3 10:04". */
export function describeRequestState(
  view: Pick<RoutedPostView, 'state' | 'claimedBy' | 'snoozedUntil' | 'lastChange' | 'team'>,
): string {
  const change = view.lastChange;
  const by = change ? ` by ${describeActor(change.actor)} · ${formatSlackDate(change.at)}` : '';
  switch (view.state) {
    case 'claimed':
      return `:eyes: *Claimed* by ${describeActor(view.claimedBy ?? change?.actor ?? { id: 'system' })}${change ? ` · ${formatSlackDate(change.at)}` : ''}`;
    case 'answered':
      return `:speech_balloon: *Answered*${by}`;
    case 'resolved':
      return `:white_check_mark: *Resolved*${by}`;
    case 'snoozed':
      return `:zzz: *Snoozed* until ${view.snoozedUntil ? formatSlackDate(view.snoozedUntil) : 'later'}${by}`;
    case 'open': {
      if (!change) return `:inbox_tray: *Open* · for ${safe(view.team.name, 80)}`;
      return `:inbox_tray: *Open* · ${CHANGE_WORDS[change.kind] ?? safe(change.kind)}${by}`;
    }
  }
}

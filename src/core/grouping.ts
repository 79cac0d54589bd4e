import type { RequestState } from './request-state.ts';

/**
 * Decides whether a new customer message starts a request, joins one still being gathered, or is a
 * follow-up to one already routed. The caller picks the candidate (the account's latest request in
 * the same conversation, or the request that owns the message's thread).
 *
 * Decisions:
 * - A resolved candidate never takes new messages: the customer is raising something again, and a
 *   fresh request gets fresh triage and a fresh SLA clock.
 * - Same thread: a non-null thread equal to the candidate's thread, or a reply in the thread of the
 *   candidate's first message (`candidate.root`). All messages of one thread are one request: join
 *   while the request is still being gathered, follow-up once it has been routed. No time window:
 *   a thread is a thread however slow the customer is. Thread refs are opaque and globally unique
 *   (they embed their conversation), so the conversation is not compared here; an email thread
 *   copied to two of our mailboxes stays one request.
 * - A message in a different thread is a different conversation: new.
 * - Top-level messages group by proximity: same account (both unknown counts as the same) in the
 *   same conversation, within `windowMinutes` of the candidate's last message (either side, so
 *   out-of-order delivery still groups): join when not yet routed, follow-up when routed. Beyond the window: new. The candidate's own thread does not matter
 *   here: adapters may give a top-level request the ref of its root message as `thread`, and "one
 *   more thing" posted top-level right after a thread reply belongs with it anyway.
 * - Thread-only messages (email): the conversation is a mailbox every sender shares, so proximity
 *   means nothing there. Such a message joins only the request of its own thread (the root of its
 *   `Message-ID`/`References`), and only when the account matches; a mail whose account is
 *   unknown never groups with anything but its own thread's earlier mail from an unknown account.
 */

export interface GroupingMessage {
  conversation: string;
  /** Thread ref, or null for a top-level message. */
  thread: string | null;
  accountId: string | null;
  sentAt: Date;
  /** True when only the thread relates messages (email); never grouped by proximity. */
  threadOnly?: boolean;
}

export interface GroupingCandidate {
  requestId: string;
  conversation: string;
  thread: string | null;
  accountId: string | null;
  lastMessageAt: Date;
  routed: boolean;
  state: RequestState;
  /** Thread ref that replies to the candidate's first message carry, when it was top-level. */
  root?: string | null;
}

export type GroupingDecision =
  | { kind: 'new' }
  | { kind: 'join'; requestId: string }
  | { kind: 'follow-up'; requestId: string };

export interface GroupingInput {
  message: GroupingMessage;
  candidate: GroupingCandidate | null;
  /** Minutes between consecutive top-level messages that still form one request. */
  windowMinutes: number;
}

const NEW: GroupingDecision = { kind: 'new' };
const MS_PER_MINUTE = 60_000;

export function decideGrouping(input: GroupingInput): GroupingDecision {
  const { message, candidate, windowMinutes } = input;
  if (candidate === null || candidate.state === 'resolved') return NEW;
  const attach: GroupingDecision = candidate.routed
    ? { kind: 'follow-up', requestId: candidate.requestId }
    : { kind: 'join', requestId: candidate.requestId };

  if (message.threadOnly) {
    const sameThread =
      message.thread !== null &&
      (message.thread === candidate.thread || (candidate.root != null && message.thread === candidate.root));
    return sameThread && message.accountId === candidate.accountId ? attach : NEW;
  }

  if (message.thread !== null) {
    const sameThread =
      message.thread === candidate.thread || (candidate.root != null && message.thread === candidate.root);
    return sameThread ? attach : NEW;
  }

  if (message.conversation !== candidate.conversation) return NEW;
  if (message.accountId !== candidate.accountId) return NEW;
  const gapMs = Math.abs(message.sentAt.getTime() - candidate.lastMessageAt.getTime());
  return gapMs <= windowMinutes * MS_PER_MINUTE ? attach : NEW;
}

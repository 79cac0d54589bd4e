import type { Analysis } from './analysis.ts';
import type { FloorHit } from './floor.ts';
import type { Priority } from './priority.ts';
import type { Actor, RequestState } from './request-state.ts';

/** The unit of triage: one customer message, or several grouped. */
export interface Request {
  id: string;
  accountId: string | null;
  /** Opaque conversation ref of the customer's messages. */
  conversation: string;
  /** Opaque thread ref in the customer's conversation, when the request lives in one thread. */
  thread: string | null;
  state: RequestState;
  claimedBy: Actor | null;
  snoozedUntil: Date | null;
  teamId: string | null;
  priority: Priority | null;
  analysis: Analysis | null;
  floor: FloorHit[];
  /** When the first message of the request was sent. */
  openedAt: Date;
  /** When the last message of the request was sent. */
  lastMessageAt: Date;
  routedAt: Date | null;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  /**
   * Concurrency token: the store bumps it on every write and refuses to save a copy whose
   * version is no longer the stored one (a new request starts at 0).
   */
  version: number;
  /**
   * When the retention policy blanked the analysis's words (summary, reasons, quoted phrases);
   * priority, topics and figures stay. Read-only: set by the retention job, never saved back.
   */
  wordsRemovedAt?: Date | null;
}

/**
 * The durable inbox: the one way an inbound platform event enters Verbatim. The event is written
 * raw, once per platform id, before the platform is acknowledged; everything else (look-ups,
 * account mapping, grouping, ingest) runs later from the stored copy, retried, so an
 * acknowledged event survives a crash, a kill or a deploy.
 */
export type InboxSource = 'slack' | 'email' | 'teams';

export interface InboxEntry {
  source: InboxSource;
  /** The platform's own id for the event (Slack event_id, …); a second copy is not stored. */
  platformId: string;
  /** The event as the platform sent it (JSON). */
  payload: unknown;
}

export interface StoredInboxEntry extends InboxEntry {
  id: string;
  receivedAt: Date;
  /** Attempts to process it so far, this one included. */
  attempts: number;
}

export interface Inbox {
  /**
   * Stores the entry durably; resolves once it is committed (or was already there: `stored` is
   * false for a duplicate). Only then may the platform be acknowledged.
   */
  append(entry: InboxEntry): Promise<{ stored: boolean }>;
  /**
   * Whether an entry is stored and still to be processed (neither done nor dead): an event that
   * depends on another (an edit of a message) waits for it instead of finding nothing.
   */
  isPending(source: InboxSource, platformId: string): Promise<boolean>;
  /**
   * Registers the processor of one source's entries; it throws to have the entry retried.
   * Entries with the same `orderKey` (e.g. one Slack thread or message) run one after another,
   * oldest first; entries without one run concurrently.
   */
  process(source: InboxSource, handler: InboxHandler, options?: InboxProcessOptions): void;
}

export interface InboxProcessOptions {
  orderKey?: (entry: StoredInboxEntry) => string | null;
}

export type InboxHandler = (entry: StoredInboxEntry) => Promise<void>;

/**
 * Thrown by a processor for an entry that no retry can help (its payload is not what the
 * platform sends, so it cannot be read): the worker keeps it as a dead letter at once instead of
 * retrying it. Reviving the entry after a fix (`verbatim dead-letters retry`) reads it again.
 */
export class UnreadableInboxEntryError extends Error {
  override name = 'UnreadableInboxEntryError';
}

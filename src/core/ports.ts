import type { Analysis } from './analysis.ts';
import type { CustomerMessage, CustomerMessageInput } from './customer-message.ts';
import type { Account, Destination, Team, Topic } from './directory.ts';
import type { FloorHit } from './floor.ts';
import type { Priority } from './priority.ts';
import type { Actor, RequestState } from './request-state.ts';

/** Source of the current instant. Injected everywhere so tests can fix time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * Small key-value state shared by replicas (caches, delivery records, cursors): only what adapters
 * call. keyv (storage/keyv-state.ts) satisfies it as it is; `ttlMs` makes an entry expire.
 */
export interface SharedCache {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown, ttlMs?: number): Promise<unknown>;
  delete(key: string): Promise<boolean>;
}

export interface AnalyzerInput {
  /** The customer's words, verbatim; several messages are joined with blank lines. */
  text: string;
  account: Pick<Account, 'id' | 'name' | 'tier' | 'renewalDate'> | null;
  taxonomy: Topic[];
  /** Language the summary should be written in (BCP 47). */
  summaryLanguage: string;
  /**
   * Further languages a team reads: an analyzer that can should return the summary and priority
   * reason in each of them too (`Analysis.translations`), so the owning team's language never
   * costs a second call.
   */
  otherLanguages?: string[];
  /** Floor hits found before analysis, so an analyzer can explain them; it cannot lower them. */
  floor: FloorHit[];
}

/** Produces an analysis of a request's text. Implementations: Anthropic, heuristic, fallback. */
export interface Analyzer {
  /** Engine id shown on routed posts, e.g. `heuristic` or the model id. */
  readonly name: string;
  analyze(input: AnalyzerInput): Promise<Analysis>;
}

/** A platform-neutral view of a routed post; each Notifier renders it in its own syntax. */
export interface RoutedPostView {
  requestId: string;
  priority: Priority;
  account: Pick<Account, 'id' | 'name' | 'tier'> | null;
  team: Pick<Team, 'id' | 'name'>;
  /** Verbatim messages in the order the customer sent them; edits and deletions are shown, not hidden. */
  messages: Array<
    CustomerMessage & {
      editedAt?: Date | null;
      deletedAt?: Date | null;
      /**
       * When the retention policy blanked this message (text, subject, author name, attachment
       * names): the post says the words were removed instead of showing an empty quote.
       */
      bodyRemovedAt?: Date | null;
    }
  >;
  analysis: Analysis;
  /** When the retention policy blanked the analysis's words (summary, reasons, phrases); figures stay. */
  wordsRemovedAt?: Date | null;
  floor: FloorHit[];
  state: RequestState;
  claimedBy: Actor | null;
  snoozedUntil: Date | null;
  /** Latest state change, for "who and when" on the post. */
  lastChange: { kind: string; actor: Actor; at: Date } | null;
  /** True when the account is unknown: the post offers to map the conversation to an account. */
  unmapped: boolean;
  /** Teams a user may reassign to. */
  reassignTargets: Array<Pick<Team, 'id' | 'name'>>;
}

/** Opaque handle to a post a Notifier made, stored so it can be updated and replied to. */
export interface PostRef {
  destination: Destination;
  /** Platform id of the post (Slack ts, Teams activity id, console sequence). */
  id: string;
}

/** A note posted in a routed post's thread or to an escalation destination. */
export interface ThreadNote {
  kind: 'follow-up' | 'nudge' | 'escalation' | 'notice';
  /** Plain text; the Notifier escapes it for its platform. */
  text: string;
  /** Platform user or usergroup ids to mention (our own staff, never customer-supplied). */
  mentions: string[];
  /** Verbatim customer message, for follow-ups. */
  message?: CustomerMessage;
  /** Link back to the routed post, for escalations. */
  link?: PostRef;
}

/**
 * Posts routed posts and notes to a destination. One per platform, chosen by `destination.platform`.
 * Every post carries its `deliveryKey` (Slack: message metadata) so that after a crash between
 * "posted" and "recorded" the pipeline can find the post instead of posting twice.
 */
export interface Notifier {
  readonly platform: Destination['platform'];
  postRoutedPost(destination: Destination, view: RoutedPostView, deliveryKey: string): Promise<PostRef>;
  updateRoutedPost(ref: PostRef, view: RoutedPostView): Promise<void>;
  postNote(target: PostRef | Destination, note: ThreadNote, deliveryKey: string): Promise<PostRef>;
  /** Finds a post made with `deliveryKey` at `target` since `since`, or null. */
  findDelivery(target: PostRef | Destination, deliveryKey: string, since: Date): Promise<PostRef | null>;
}

/** What happened to a message handed to the pipeline. Expected outcomes are values, not errors. */
export type IngestOutcome =
  | { status: 'accepted'; messageId: string; requestId: string }
  | { status: 'follow-up'; messageId: string; requestId: string }
  | { status: 'duplicate'; messageId: string }
  | { status: 'noise'; messageId: string }
  | { status: 'staff-reply'; messageId: string; requestId: string | null };

/** Entry point adapters call with a mapped customer (or staff) message; persists before it returns. */
export type IngestMessage = (message: CustomerMessageInput) => Promise<IngestOutcome>;

/** Input that could not be turned into a customer message, kept whole for inspection and retry. */
export interface DeadLetter {
  /** e.g. `email:webhook`, `email:imap`, `slack:event`. */
  source: string;
  reason: string;
  raw: Uint8Array;
  contentType?: string;
  meta?: Record<string, unknown>;
}

export interface DeadLetterSink {
  /** Stores the input and returns its id. */
  keep(letter: DeadLetter): Promise<string>;
}

/** A post a retractor could not edit to the removal notice, and why (shown to the operator). */
export interface RetractionFailure {
  ref: PostRef;
  reason: string;
}

export interface RetractionOutcome {
  /** Messages edited to the removal notice (posts, and Verbatim's own replies in their threads). */
  edited: number;
  failed: RetractionFailure[];
}

/**
 * Edits posts that showed words erased at a person's request — and Verbatim's own replies in their
 * threads (continuations of long texts, follow-ups, notes) — to a removal notice that holds no
 * trace of the words. One per platform. A message that cannot be edited (deleted, refused, rate
 * limited beyond the pacer) is reported in `failed`, never skipped silently, and does not stop
 * the others.
 */
export interface PostRetractor {
  readonly platform: Destination['platform'];
  retract(posts: PostRef[]): Promise<RetractionOutcome>;
}

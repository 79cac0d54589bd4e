import type { Analysis } from '../analysis.ts';
import type { CustomerMessage } from '../customer-message.ts';
import type { Destination } from '../directory.ts';
import type { FloorHit } from '../floor.ts';
import type { PostRef } from '../ports.ts';
import type { Priority } from '../priority.ts';
import type { Request } from '../request.ts';
import type { Transition } from '../request-transitions.ts';
import type { TriageRecord } from '../triage-record.ts';

export type MessageKind = 'customer' | 'staff' | 'noise';

export interface StoredMessage extends CustomerMessage {
  kind: MessageKind;
  requestId: string | null;
  editedAt: Date | null;
  deletedAt: Date | null;
  /** When the retention policy blanked the text, author name and attachments' names (null: kept). */
  bodyRemovedAt?: Date | null;
}

/** A delivery in flight or done, keyed so it happens once (see `postOnce`). */
export interface Delivery {
  key: string;
  status: 'posting' | 'posted';
  postId: string | null;
  destination: Destination;
  attemptStartedAt: Date;
}

export type DeliveryClaim =
  | {
      claimed: true /** When an earlier, unfinished attempt started; null for the first attempt. */;
      earlierAttemptAt: Date | null;
    }
  | { claimed: false; delivery: Delivery };

/**
 * Thrown by `saveRequest` when the copy being saved is older than the stored request (another
 * writer committed in between). `atomically` re-runs its work on fresh reads when it sees this.
 */
export class StaleRequestError extends Error {
  override name = 'StaleRequestError';
  constructor(readonly requestId: string) {
    super(`request ${requestId} changed since it was read; re-read and try again`);
  }
}

export type JobName = 'triage' | 'deliver';

/** Durable work to schedule with the same commit as the state change that caused it. */
export interface JobRequest {
  queue: JobName;
  data: {
    requestId: string;
    messageId?: string;
    kind?: 'post' | 'follow-up' | 'update' | 'priority-raised';
    /** For `priority-raised`: the priority before the rise. */
    from?: Priority;
  };
  /** FIFO ordering key: jobs with the same key run one at a time, in order. */
  key: string;
  /** Seconds to wait before the job may run (real time, not the domain clock). */
  delaySeconds?: number;
}

/** A request as `loadRequest` reads it, with what is shown or checked around it. */
export interface LoadedRequest {
  request: Request;
  messages: StoredMessage[];
  lastTransition: Transition | null;
  routedPost: PostRef | null;
}

/** A job being run, as the job queue handed it out: the attempt it is on fences its completion. */
export interface RunningJob {
  queue: JobName;
  id: string;
  retryCount: number;
}

/**
 * Everything the pipeline persists. Implemented in `src/storage` over Postgres; the methods of
 * the store passed to `atomically`'s callback run in that one transaction.
 */
export interface RequestStore {
  /**
   * Runs `work` in one transaction holding a lock on `lockKey`; concurrent callers with the same key
   * wait. When a `saveRequest` inside finds its copy stale, the transaction rolls back and `work`
   * runs again from the start (a few times), so work must read what it writes inside `work`.
   */
  atomically<T>(lockKey: string, work: (tx: RequestStore) => Promise<T>): Promise<T>;
  /**
   * Runs the ingest of several customer messages in one transaction holding the locks of every
   * key in `lockKeys` (taken in a fixed order, so two batches never deadlock). What `work` reads
   * about these messages' ids, threads and conversations is loaded up front in a few set-based
   * statements; what it writes is kept and written set-based before the commit. A stale request
   * (another writer committed it meanwhile) re-runs `work` on fresh reads, as `atomically` does.
   */
  atomicallyBatch<T>(
    scope: { lockKeys: string[]; messages: CustomerMessage[] },
    work: (tx: IngestTx) => Promise<T>,
  ): Promise<T>;
  /** Inserts the message unless its id exists; true when inserted. */
  insertMessage(message: CustomerMessage, kind: MessageKind): Promise<boolean>;
  getMessage(id: string): Promise<StoredMessage | null>;
  /** Customer messages of a request in the order they were sent. */
  requestMessages(requestId: string): Promise<StoredMessage[]>;
  /**
   * A request with what triage and delivery read around it — its messages (as `requestMessages`
   * orders them), its latest transition and its routed post — in one statement; null when unknown.
   */
  loadRequest(requestId: string): Promise<LoadedRequest | null>;
  /** Replaces the text of an edited message (verbatim stays verbatim: the newest text is kept, the edit time recorded). */
  editMessage(id: string, text: string, editedAt: Date): Promise<StoredMessage | null>;
  markMessageDeleted(id: string, deletedAt: Date): Promise<StoredMessage | null>;
  attachMessage(messageId: string, requestId: string): Promise<void>;
  /** The request a thread belongs to: the one holding the thread's first message. */
  findRequestByThread(thread: string): Promise<Request | null>;
  /** The newest request of the conversation from this account, for grouping top-level messages. */
  findLatestRequest(conversation: string, accountId: string | null): Promise<Request | null>;
  createRequest(request: Request): Promise<void>;
  getRequest(id: string): Promise<Request | null>;
  /**
   * Writes the request's mutable fields when `request.version` is still the stored version, and
   * returns it with the new version; throws StaleRequestError otherwise (compare-and-set).
   */
  saveRequest(request: Request): Promise<Request>;
  saveTriage(
    requestId: string,
    triage: { analysis: Analysis; floor: FloorHit[]; priority: Priority; teamId: string; triagedAt: Date },
  ): Promise<void>;
  /** Appends one entry to the audit trail of AI decisions. */
  appendTriageRecord(record: TriageRecord): Promise<void>;
  recordTransition(transition: Transition): Promise<void>;
  latestTransition(requestId: string): Promise<Transition | null>;
  enqueue(job: JobRequest): Promise<void>;
  /**
   * Marks a running job done with this store's transaction: the job is done if and only if the
   * work it did commits, and the commit settles both. A job not completed here (or a store without
   * a job queue) is completed by the job queue when its handler returns, as any other.
   */
  completeJob(job: RunningJob): Promise<void>;

  getDelivery(key: string): Promise<Delivery | null>;
  /**
   * Atomically takes the right to attempt a delivery until `leaseUntil`: granted when the key is
   * new, or when an earlier attempt's lease ran out without finishing (it may have posted and died).
   */
  claimDelivery(key: string, destination: Destination, now: Date, leaseUntil: Date): Promise<DeliveryClaim>;
  finishDelivery(key: string, ref: PostRef, at: Date): Promise<void>;
  /** Extends an unfinished delivery's lease while its attempt is still working (heartbeat). */
  renewDelivery(key: string, leaseUntil: Date): Promise<void>;
  /** Remembers which post shows a request, so reactions and buttons on it find the request. */
  linkRoutedPost(requestId: string, ref: PostRef): Promise<void>;
  findRoutedPost(requestId: string): Promise<PostRef | null>;
  findRequestByPost(ref: PostRef): Promise<Request | null>;
}

/** What ingesting one customer message reads and writes: all a batch transaction offers. */
export type IngestTx = Pick<
  RequestStore,
  | 'insertMessage'
  | 'findRequestByThread'
  | 'findLatestRequest'
  | 'createRequest'
  | 'attachMessage'
  | 'saveRequest'
  | 'enqueue'
>;

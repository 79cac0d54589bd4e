import type { Logger } from 'pino';
import {
  type InboxHandler,
  type InboxProcessOptions,
  type InboxSource,
  type StoredInboxEntry,
  UnreadableInboxEntryError,
} from '../core/inbox.ts';
import type { DeadLetterSink } from '../core/ports.ts';
import type { InboxStore } from '../storage/inbox-store.ts';

export interface InboxWorkerOptions {
  store: InboxStore;
  deadLetters: DeadLetterSink;
  logger: Logger;
  /** Counts an entry that exhausted its attempts, by dead-letter source (`inbox:slack`, …). */
  onDeadLetter?: (source: string) => void;
  /**
   * Entries processed at once in this process (default 64). Their ingests share transactions
   * (group commit), so more entries at once mean fewer, larger transactions.
   */
  concurrency?: number;
  /** How long a claimed entry stays ours without a heartbeat (default 20 s). */
  leaseSeconds?: number;
  /** How often leases of entries in progress are renewed (default 10 s). */
  heartbeatSeconds?: number;
  /** How often the inbox is polled when nothing woke the worker (default 250 ms). */
  pollMs?: number;
  /** Attempts before an entry becomes a dead letter (default 8). */
  maxAttempts?: number;
  /** First retry delay in seconds; doubles each attempt, at most 300 (default 1). */
  retryDelaySeconds?: number;
  /** Processed entries are deleted after this many days (default 7), checked hourly. */
  keepProcessedDays?: number;
}

export interface InboxWorker {
  process(source: InboxSource, handler: InboxHandler, options?: InboxProcessOptions): void;
  /** A new entry was committed in this process: look now instead of at the next poll. */
  wake(): void;
  start(): void;
  /** Stops claiming; waits (bounded) for entries in progress. */
  stop(timeoutMs?: number): Promise<void>;
}

/**
 * Processes the durable inbox: claims due entries with a lease, runs each source's handler,
 * renews the leases of entries in progress every `heartbeatSeconds`, and retries failures with
 * backoff until they become dead letters (`inbox:<source>`, listed by `verbatim dead-letters`);
 * an entry its processor declares unreadable (`UnreadableInboxEntryError`) becomes one at once.
 * Entries a killed process held come back when their lease runs out (≤ `leaseSeconds`); one slow
 * entry occupies one slot and never holds up the others.
 */
export function createInboxWorker(options: InboxWorkerOptions): InboxWorker {
  const handlers = new Map<InboxSource, InboxHandler>();
  const orderKeys = new Map<InboxSource, NonNullable<InboxProcessOptions['orderKey']>>();
  /** The last entry in progress per order key: the next one with that key starts after it. */
  const lastOfKey = new Map<string, Promise<void>>();
  const concurrency = options.concurrency ?? 64;
  const leaseSeconds = options.leaseSeconds ?? 20;
  const heartbeatMs = (options.heartbeatSeconds ?? 10) * 1000;
  const pollMs = options.pollMs ?? 250;
  const maxAttempts = options.maxAttempts ?? 8;
  const retryDelay = options.retryDelaySeconds ?? 1;
  const logger = options.logger.child({ component: 'inbox' });
  const active = new Map<string, Promise<void>>();
  let running = false;
  let loop: Promise<void> | null = null;
  let heartbeat: NodeJS.Timeout | null = null;
  let pruning: NodeJS.Timeout | null = null;
  let wakeUp: (() => void) | null = null;
  let woken = false;

  function sleep(ms: number): Promise<void> {
    if (woken) {
      woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakeUp = null;
        woken = false;
        resolve();
      }
      wakeUp = done;
    });
  }

  async function handle(entry: StoredInboxEntry): Promise<void> {
    const handler = handlers.get(entry.source);
    const log = logger.child({ inboxId: entry.id, source: entry.source, attempt: entry.attempts });
    try {
      if (!handler) throw new Error(`no processor for inbox source ${entry.source}`);
      await handler(entry);
      await options.store.complete(entry.id);
    } catch (error) {
      const reason = (error as Error).message ?? String(error);
      // An entry that cannot be read fails the same way every time: kept at once, not retried.
      const unreadable = error instanceof UnreadableInboxEntryError;
      if (unreadable || entry.attempts >= maxAttempts) {
        await options.store.fail(entry.id, reason, null);
        const source = `inbox:${entry.source}`;
        const id = await options.deadLetters.keep({
          source,
          reason: unreadable
            ? `unreadable: ${reason}`
            : `processing failed ${entry.attempts} times: ${reason}`,
          raw: new TextEncoder().encode(JSON.stringify(entry.payload)),
          contentType: 'application/json',
          meta: { inboxId: entry.id, platformId: entry.platformId },
        });
        options.onDeadLetter?.(source);
        log.error({ err: error, deadLetter: id }, 'inbox entry kept as a dead letter after its last attempt');
        return;
      }
      const delay = Math.min(300, retryDelay * 2 ** (entry.attempts - 1));
      await options.store.fail(entry.id, reason, delay);
      log.warn({ err: error, retryInSeconds: delay }, 'inbox entry failed; it will be retried');
    }
  }

  async function run(): Promise<void> {
    while (running) {
      const free = concurrency - active.size;
      const sources = [...handlers.keys()];
      let claimed: StoredInboxEntry[] = [];
      if (free > 0 && sources.length > 0) {
        try {
          claimed = await options.store.claim(free, leaseSeconds, sources);
        } catch (error) {
          logger.warn({ err: error }, 'inbox claim failed; trying again');
        }
      }
      for (const entry of claimed) {
        const key = orderKeys.get(entry.source)?.(entry) ?? null;
        const before = key === null ? undefined : lastOfKey.get(key);
        // Claimed oldest first, so chaining in claim order keeps each key's entries in order.
        const work = (before ? before.then(() => handle(entry)) : handle(entry))
          .catch((error: unknown) =>
            logger.error({ err: error, inboxId: entry.id }, 'inbox bookkeeping failed'),
          )
          .finally(() => {
            active.delete(entry.id);
            wakeUp?.();
          });
        active.set(entry.id, work);
        if (key !== null) {
          lastOfKey.set(key, work);
          void work.finally(() => {
            if (lastOfKey.get(key) === work) lastOfKey.delete(key);
          });
        }
      }
      if (claimed.length === 0 || active.size >= concurrency) await sleep(pollMs);
    }
  }

  return {
    process(source, handler, processOptions) {
      handlers.set(source, handler);
      if (processOptions?.orderKey) orderKeys.set(source, processOptions.orderKey);
    },
    wake() {
      if (wakeUp) wakeUp();
      else woken = true;
    },
    start() {
      if (running) return;
      running = true;
      heartbeat = setInterval(() => {
        options.store
          .renew([...active.keys()], leaseSeconds)
          .catch((error: unknown) => logger.warn({ err: error }, 'inbox lease renewal failed'));
      }, heartbeatMs);
      heartbeat.unref();
      pruning = setInterval(() => {
        options.store
          .prune(options.keepProcessedDays ?? 7)
          .catch((error: unknown) => logger.warn({ err: error }, 'inbox pruning failed'));
      }, 3_600_000);
      pruning.unref();
      loop = run();
    },
    async stop(timeoutMs = 10_000) {
      if (!running) return;
      running = false;
      wakeUp?.();
      await loop;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...active.values()]),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, timeoutMs);
        }),
      ]);
      clearTimeout(timer);
      if (heartbeat) clearInterval(heartbeat);
      if (pruning) clearInterval(pruning);
    },
  };
}

/**
 * Decides, per message, whether Slack hears back after the message is stored — the normal case:
 * if storing fails or the process dies first, Slack delivers the event again, so nothing is lost
 * — or right away, with storing queued. That happens only when `maxWaiting` messages are already
 * ahead: under a burst, waiting would break Slack's 3-second deadline (and Slack's retries would
 * pile on more work). At most `concurrency` messages are stored at once, so the ones Slack is
 * waiting for are not slowed down by the queue behind them. Queued work is tracked, so shutdown
 * lets it finish before the database closes.
 */
export interface IngestGate {
  /** Runs `work`; resolves when it finished, or at once when too much is ahead (the work stays queued). */
  admit(work: () => Promise<void>, onLateFailure: (error: unknown) => Promise<void>): Promise<void>;
  /** Messages being stored or queued right now. */
  readonly pending: number;
  /** Waits (at most `timeoutMs`) for queued work Slack was already answered for. */
  drain(timeoutMs: number): Promise<void>;
}

export function createIngestGate(options: { concurrency: number; maxWaiting: number }): IngestGate {
  let running = 0;
  const queue: Array<() => void> = [];
  const detached = new Set<Promise<void>>();

  /** Resolves when a slot is free, in arrival order. */
  function slot(): Promise<void> {
    if (running < options.concurrency) {
      running += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) =>
      queue.push(() => {
        running += 1;
        resolve();
      }),
    );
  }

  function release(): void {
    running -= 1;
    queue.shift()?.();
  }

  return {
    get pending() {
      return running + queue.length;
    },
    async admit(work, onLateFailure) {
      const wait = running + queue.length < options.maxWaiting;
      const task = slot().then(async () => {
        try {
          await work();
        } finally {
          release();
        }
      });
      if (wait) return task;
      const tracked: Promise<void> = task
        .catch((error: unknown) => onLateFailure(error))
        .catch(() => {})
        .finally(() => detached.delete(tracked));
      detached.add(tracked);
    },
    async drain(timeoutMs) {
      if (detached.size === 0) return;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...detached]),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, timeoutMs);
        }),
      ]);
      clearTimeout(timer);
    },
  };
}

/**
 * Group commit: items added while a write is in flight wait for it and then share the next
 * write, so a burst becomes a few multi-row statements instead of one per item. An item waits at
 * most for the write ahead of it plus one turn of the event loop, and every caller awaits its own
 * item's result: nothing is acknowledged before its write committed. Nothing is buffered across
 * a failure — a failed write rejects every caller in it.
 */
export interface GroupCommit<Item, Result> {
  add(item: Item): Promise<Result>;
}

interface Waiting<Item, Result> {
  item: Item;
  resolve(result: Result): void;
  reject(error: unknown): void;
}

export function createGroupCommit<Item, Result>(options: {
  /** Writes a batch in one statement; returns one result per item, in order. */
  write(items: Item[]): Promise<Result[]>;
  /** Most items in one write. */
  maxBatch: number;
  /** Writes running at once (default 1). */
  maxInFlight?: number;
}): GroupCommit<Item, Result> {
  const maxInFlight = options.maxInFlight ?? 1;
  let waiting: Array<Waiting<Item, Result>> = [];
  let inFlight = 0;
  let scheduled = false;

  function flush(): void {
    scheduled = false;
    while (waiting.length > 0 && inFlight < maxInFlight) {
      const batch = waiting.slice(0, options.maxBatch);
      waiting = waiting.slice(batch.length);
      inFlight += 1;
      options
        .write(batch.map((entry) => entry.item))
        .then(
          (results) => {
            batch.forEach((entry, index) => {
              entry.resolve(results[index] as Result);
            });
          },
          (error: unknown) => {
            for (const entry of batch) entry.reject(error);
          },
        )
        .finally(() => {
          inFlight -= 1;
          schedule();
        });
    }
  }

  function schedule(): void {
    if (scheduled || waiting.length === 0) return;
    scheduled = true;
    setImmediate(flush);
  }

  return {
    add(item) {
      return new Promise<Result>((resolve, reject) => {
        waiting.push({ item, resolve, reject });
        schedule();
      });
    },
  };
}

/**
 * Turns on one database connection shared by the whole process (PGlite's single WebAssembly
 * session). PGlite runs every statement synchronously on the event loop and resolves it as a
 * microtask, so back-to-back statements — the inbox worker's and pg-boss's — keep Node from
 * reading sockets: a burst of Slack requests then waits, unparsed, behind processing
 * (docs/performance.md, "Against a bare Bolt app"). Two lanes:
 *
 * - `first`: the acknowledgement path (inbox appends). Takes the next turn, ahead of every
 *   waiting `later` turn, and runs at once when the connection is free.
 * - `later`: everything else. Starts from a `setImmediate`, so incoming requests are read (and
 *   their appends queued `first`) between any two turns. While appends keep coming (one within `quietMs`), background turns
 *   are spaced so that they hold the connection about `busyShare` of the time (a rest of at most
 *   `maxRestMs`): processing slows down during a burst of requests but never stops.
 *
 * Work is never interleaved: a turn holds the connection until it settles (a transaction stays
 * one turn, BEGIN to COMMIT).
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The age of the work a statement serves, when a job slot says so (`JobRunner`): `later` turns
 * run oldest work first rather than in arrival order. Without it, job slots that finish together
 * advance one statement each per round — every triage's write, then every completion, then every
 * fetch, then every read — so each slot waits for all of the round's statements before its next
 * analysis starts, and the slots stay in lockstep; oldest first, the first slot is on its next
 * analysis after its own statements (docs/performance.md, "End to end with a slow analyzer").
 * A statement without an age is as old as the moment it was queued.
 */
export const turnAge = new AsyncLocalStorage<{ since: number }>();

export interface ConnectionTurns {
  first<T>(work: () => Promise<T>): Promise<T>;
  later<T>(work: () => Promise<T>): Promise<T>;
}

export interface ConnectionTurnsOptions {
  /** Appends this recent mean requests are arriving (default 100 ms). */
  quietMs?: number;
  /** Share of the time background turns may hold the connection while requests arrive (default 0.2). */
  busyShare?: number;
  /** Longest rest between two background turns, however long the last one ran (default 50 ms). */
  maxRestMs?: number;
  now?: () => number;
}

interface Turn {
  run(): void;
  age: number;
}

export function createConnectionTurns(options: ConnectionTurnsOptions = {}): ConnectionTurns {
  const quietMs = options.quietMs ?? 100;
  const busyShare = options.busyShare ?? 0.2;
  const maxRestMs = options.maxRestMs ?? 50;
  const now = options.now ?? (() => performance.now());
  const urgent: Turn[] = [];
  const background: Turn[] = [];
  let busy = false;
  let backgroundScheduled = false;
  let lastUrgentAt = Number.NEGATIVE_INFINITY;
  /** When the last background turn ended and how long it held the connection. */
  let lastBackground = { endedAt: Number.NEGATIVE_INFINITY, heldMs: 0 };

  function backgroundDelay(): number {
    const at = now();
    if (at - lastUrgentAt >= quietMs) return 0;
    // Held d ms: the connection is left to requests for d × (1 - share) / share before the next.
    const rest = Math.min(maxRestMs, (lastBackground.heldMs * (1 - busyShare)) / busyShare);
    return Math.max(0, lastBackground.endedAt + rest - at);
  }

  function runBackground(): void {
    backgroundScheduled = false;
    if (busy) return;
    // An append that arrived in this iteration's I/O goes before the background turn.
    const turn = urgent.shift() ?? (backgroundDelay() > 0 ? undefined : background.shift());
    if (turn) turn.run();
    else next();
  }

  function next(): void {
    if (busy) return;
    const turn = urgent.shift();
    if (turn) {
      turn.run();
      return;
    }
    if (background.length === 0 || backgroundScheduled) return;
    backgroundScheduled = true;
    const delay = backgroundDelay();
    if (delay > 0) setTimeout(runBackground, Math.ceil(delay));
    else setImmediate(runBackground);
  }

  function enqueue<T>(lane: 'first' | 'later', work: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (lane === 'first') lastUrgentAt = now();
      const age = Math.min(turnAge.getStore()?.since ?? Number.POSITIVE_INFINITY, now());
      const turn: Turn = {
        age,
        run() {
          busy = true;
          const started = now();
          let settled: Promise<T>;
          try {
            settled = work();
          } catch (error) {
            settled = Promise.reject(error);
          }
          // The connection is free before the caller goes on: its next statement queues fairly.
          settled
            .finally(() => {
              busy = false;
              const at = now();
              if (lane === 'first') lastUrgentAt = at;
              else lastBackground = { endedAt: at, heldMs: at - started };
              next();
            })
            .then(resolve, reject);
        },
      };
      if (lane === 'first') urgent.push(turn);
      else {
        // Oldest first; equal ages in arrival order.
        let at = background.length;
        while (at > 0 && (background[at - 1] as Turn).age > age) at--;
        background.splice(at, 0, turn);
      }
      next();
    });
  }

  return {
    first: (work) => enqueue('first', work),
    later: (work) => enqueue('later', work),
  };
}

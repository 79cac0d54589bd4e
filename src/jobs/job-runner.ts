import { fromPglite, PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import { turnAge } from '../storage/connection-turns.ts';
import type { Queryable } from '../storage/database.ts';
import { isConnectionError } from '../storage/is-connection-error.ts';
import type { Storage } from '../storage/open-storage.ts';
import { DEAD_LETTER_QUEUES, QUEUES, type QueueName } from './queues.ts';

export interface JobContext {
  jobId: string;
  /** How many times this job was retried before this attempt. */
  retryCount: number;
  signal: AbortSignal;
}

export type DeadLetterQueue = (typeof DEAD_LETTER_QUEUES)[number];

/** A job that exhausted its retries, as its dead-letter queue keeps it. */
export interface DeadJob {
  id: string;
  /** The dead-letter queue holding it, e.g. `deliver-dead`. */
  queue: DeadLetterQueue;
  /** The queue it failed on, e.g. `deliver`. */
  sourceQueue: string | null;
  data: object;
  /** The last error of the original job, as pg-boss recorded it. */
  error: string | null;
  retries: number | null;
  /** When the original job was created, and when it was dead-lettered. */
  createdAt: Date | null;
  deadAt: Date;
}

function toDeadJob(
  queue: DeadLetterQueue,
  job: {
    id: string;
    data: object;
    sourceName: string | null;
    sourceOutput: object | null;
    sourceRetryCount: number | null;
    sourceCreatedOn: Date | null;
    createdOn: Date;
  },
): DeadJob {
  const output = job.sourceOutput as { message?: unknown } | null;
  return {
    id: job.id,
    queue,
    sourceQueue: job.sourceName,
    data: job.data,
    error: output ? (typeof output.message === 'string' ? output.message : JSON.stringify(output)) : null,
    retries: job.sourceRetryCount,
    createdAt: job.sourceCreatedOn ? new Date(job.sourceCreatedOn) : null,
    deadAt: new Date(job.createdOn),
  };
}

function isSingleton(queue: QueueName): boolean {
  return Object.values(QUEUES).some((known) => known.name === queue && known.policy === 'singleton');
}

/**
 * How long after `wake` the woken worker fetches. 0–150 ms all measured alike on the end-to-end
 * bench (docs/performance.md); a moment lets the statements of the triage round that scheduled
 * the job go first.
 */
const WAKE_DELAY_MS = 60;

export type JobHandler<Data> = (data: Data, context: JobContext) => Promise<void>;

export interface JobRunnerOptions {
  storage: Storage;
  logger: Logger;
  /** Poll interval for workers in seconds (pg-boss minimum 0.5). */
  pollingIntervalSeconds?: number;
  /** Run cron schedules in this process (default true). */
  schedule?: boolean;
  /** How often this process checks cron schedules and sends due jobs, in seconds (pg-boss default 30 and 5). */
  cronWorkerIntervalSeconds?: number;
  /** First retry delay in seconds; doubles on each retry (default 2). */
  retryDelaySeconds?: number;
  /**
   * Seconds a job may stay active at most, even while its worker is alive (default 300). A dead
   * worker's job is found much sooner by its missing heartbeat.
   */
  jobExpireSeconds?: number;
  /**
   * Seconds without a heartbeat after which an active job is presumed lost (its process died) and
   * retried (default 10, pg-boss minimum 10); live workers beat every half of it.
   */
  heartbeatSeconds?: number;
  /** How often lost (missing heartbeat) and expired jobs are found and retried, in seconds (default 5). */
  superviseIntervalSeconds?: number;
}

/** Durable queues, workers and cron schedules on the same database (pg-boss). */
export class JobRunner {
  readonly #boss: PgBoss;
  readonly #logger: Logger;
  readonly #pollingIntervalSeconds: number;
  readonly #retryDelaySeconds: number;
  readonly #jobExpireSeconds: number;
  readonly #heartbeatSeconds: number;
  #started = false;
  /** When each worker was last woken by `wake`, so one wake-up is not spent twice on the same worker. */
  readonly #wokenAt = new Map<string, number>();

  constructor(options: JobRunnerOptions) {
    const { storage } = options;
    this.#logger = options.logger.child({ component: 'jobs' });
    this.#pollingIntervalSeconds = options.pollingIntervalSeconds ?? 1;
    this.#retryDelaySeconds = options.retryDelaySeconds ?? 2;
    this.#jobExpireSeconds = options.jobExpireSeconds ?? 300;
    this.#heartbeatSeconds = Math.max(10, options.heartbeatSeconds ?? 10);
    const common = {
      schedule: options.schedule ?? true,
      application_name: 'verbatim-jobs',
      // Supervision fails jobs whose heartbeat stopped (a killed process) and expired ones.
      superviseIntervalSeconds: options.superviseIntervalSeconds ?? 5,
      // Each queue's expiry and heartbeat check runs on this cadence (pg-boss default 60 s).
      monitorIntervalSeconds: options.superviseIntervalSeconds ?? 5,
      // The backlog count that switches workers into burst mode (see work()) is read from this
      // cache; at pg-boss's default 60 s a backlog would drain at the poll rate for a minute.
      queueCacheIntervalSeconds: options.superviseIntervalSeconds ?? 5,
      ...(options.cronWorkerIntervalSeconds
        ? {
            cronWorkerIntervalSeconds: options.cronWorkerIntervalSeconds,
            cronMonitorIntervalSeconds: options.cronWorkerIntervalSeconds,
          }
        : {}),
    };
    this.#boss =
      storage.jobs.kind === 'pglite'
        ? new PgBoss({ ...common, db: fromPglite(storage.jobs.pglite), backend: 'pglite' })
        : new PgBoss({ ...common, connectionString: storage.jobs.connectionString, max: 4 });
    // While the database is away pg-boss fails every poll; the database watch says so once.
    this.#boss.on('error', (error: Error) =>
      isConnectionError(error)
        ? this.#logger.debug({ err: error }, 'job queue cannot reach the database')
        : this.#logger.error({ err: error }, 'job queue error'),
    );
    this.#boss.on('warning', (warning: { message: string }) =>
      this.#logger.warn({ warning: warning.message }, 'job queue warning'),
    );
  }

  async start(): Promise<void> {
    await this.#boss.start();
    for (const name of DEAD_LETTER_QUEUES) await this.#ensureQueue(name, { policy: 'standard' });
    for (const queue of Object.values(QUEUES)) {
      await this.#ensureQueue(
        queue.name,
        {
          policy: queue.policy,
          retryLimit: queue.retryLimit,
          retryBackoff: true,
          retryDelay: this.#retryDelaySeconds,
          retryDelayMax: 300,
          expireInSeconds: this.#jobExpireSeconds,
          ...('deadLetter' in queue ? { deadLetter: queue.deadLetter } : {}),
        },
        // A job held by a process that died is retried within heartbeat + supervision (≈15 s)
        // instead of waiting out its expiry; also set on queues created before this existed.
        { heartbeatSeconds: this.#heartbeatSeconds },
      );
    }
    this.#started = true;
  }

  get started(): boolean {
    return this.#started;
  }

  /** Enqueues a job; `key` orders jobs (FIFO per key) and is required by the FIFO queues. */
  async enqueue(
    queue: QueueName,
    data: object,
    options: { key?: string; startAfter?: Date } = {},
  ): Promise<void> {
    await this.#boss.send(queue, data, {
      ...(options.key ? { singletonKey: options.key } : {}),
      ...(options.startAfter ? { startAfter: options.startAfter } : {}),
    });
  }

  /**
   * Enqueues through the caller's open transaction, so the job exists if and only if the state
   * change that asked for it commits (no lost or orphaned work after a crash).
   */
  async enqueueWithin(
    tx: Queryable,
    queue: QueueName,
    data: object,
    options: { key?: string; delaySeconds?: number } = {},
  ): Promise<void> {
    await this.#boss.send(queue, data, {
      db: { executeSql: (text: string, values?: unknown[]) => tx.query(text, values) },
      ...(options.key ? { singletonKey: options.key } : {}),
      // pg-boss reads a number as seconds from now, by the database's clock.
      ...(options.delaySeconds ? { startAfter: options.delaySeconds } : {}),
    });
  }

  /**
   * Completes a running job through the caller's open transaction, so the job is done if and only
   * if the work it did commits, in that one commit. Fenced to the attempt (`retryCount`) the
   * worker fetched, as pg-boss's own completion is: a job whose claim was lost meanwhile (retried
   * elsewhere) is left alone. The completion pg-boss runs when the handler returns then finds the
   * job settled and changes nothing.
   */
  async completeWithin(
    tx: Queryable,
    queue: QueueName,
    job: { id: string; retryCount: number },
  ): Promise<void> {
    await this.#boss.complete(queue, [{ id: job.id, retryCount: job.retryCount }], undefined, {
      db: { executeSql: (text: string, values?: unknown[]) => tx.query(text, values) },
    });
  }

  /**
   * Schedules several jobs through the given transaction, one multi-row insert per queue (pg-boss
   * `insert`, the same statement `send` runs for one job, queue defaults included).
   */
  async enqueueManyWithin(
    tx: Queryable,
    jobs: Array<{ queue: QueueName; data: object; key?: string; delaySeconds?: number }>,
  ): Promise<void> {
    const db = { executeSql: (text: string, values?: unknown[]) => tx.query(text, values) };
    for (const queue of new Set(jobs.map((job) => job.queue))) {
      await this.#boss.insert(
        queue,
        jobs
          .filter((job) => job.queue === queue)
          .map((job) => ({
            data: job.data,
            ...(job.key ? { singletonKey: job.key } : {}),
            ...(job.delaySeconds ? { startAfter: job.delaySeconds } : {}),
          })),
        { db },
      );
    }
  }

  /**
   * Runs `handler` for each job of `queue`, up to `batchSize` at once, each slot fetching its next
   * job as soon as its own finished: one slow or stuck job occupies one slot and never holds up
   * the others (a shared batch would wait for its slowest job). While the queue has a backlog
   * (pg-boss's cached ready count, refreshed every few seconds) slots fetch again at once, so a
   * backlog drains without waiting for the poll interval. A job that fails is failed alone
   * (retried with backoff, then dead-lettered). While a job runs, its heartbeat tells pg-boss
   * the process is alive.
   */
  async work<Data extends object>(
    queue: QueueName,
    handler: JobHandler<Data>,
    options: {
      batchSize?: number;
      /**
       * When a slot's statements count as new work on embedded PGlite (`turnAge`): at each job's
       * start (default), or only when the handler calls `markTurnAge` (triage: when its analysis
       * ended, so the slot's write, completion, next fetch and next read all go before younger work).
       */
      turnAge?: 'job' | 'marked';
    } = {},
  ): Promise<void> {
    const slots = isSingleton(queue) ? 1 : (options.batchSize ?? 8);
    const byJob = (options.turnAge ?? 'job') === 'job';
    // One pg-boss worker per slot, each in a context of its own, so every statement of a slot —
    // pg-boss's fetch and completion included — carries that slot's age.
    for (let slot = 0; slot < slots; slot++) {
      const age = { since: performance.now() };
      await turnAge.run(age, () =>
        this.#boss.work<Data>(
          queue,
          {
            pollingIntervalSeconds: this.#pollingIntervalSeconds,
            batchSize: 1,
            // A singleton queue (the cron ticks) runs one job at a time: further slots would only
            // poll, each a statement every interval on PGlite's one connection, taken from Slack's
            // requests.
            localConcurrency: 1,
            // With one job per fetch, pg-boss ignores burstWhenBatchFull and each slot waited a full
            // poll interval between jobs: a backlog drained at most one job per slot per interval
            // however short the jobs. With a backlog, fetch continuously.
            burstWhenReadyExceeds: 1,
          },
          async (batch) => {
            await Promise.all(
              batch.map(async (job) => {
                if (byJob) age.since = performance.now();
                try {
                  await handler(job.data, {
                    jobId: job.id,
                    retryCount: job.retryCount,
                    signal: job.signal,
                  });
                } catch (error) {
                  this.#logger
                    .child({ queue, jobId: job.id })
                    .warn(
                      { err: error, retryCount: job.retryCount },
                      'job failed; it will be retried or dead-lettered',
                    );
                  await this.#boss.fail(
                    queue,
                    { id: job.id, retryCount: job.retryCount },
                    { message: String(error) },
                  );
                }
              }),
            );
          },
        ),
      );
    }
  }

  /** For a handler of a `turnAge: 'marked'` queue: its slot's statements from now on are new work. */
  markTurnAge(): void {
    const age = turnAge.getStore();
    if (age) age.since = performance.now();
  }

  /**
   * Wakes one idle worker of `queue`, if there is one, so it fetches a job this process just
   * committed now rather than at its next poll (up to a polling interval later). The wake-up comes
   * `WAKE_DELAY_MS` after the call: the statements of the work that scheduled the job (a triage
   * round finishing together) go first. A worker woken and not yet fetched is not woken again.
   */
  wake(queue: QueueName): void {
    if (!this.#started) return;
    const now = Date.now();
    for (const worker of this.#boss.getWipData()) {
      if (worker.name !== queue || worker.count > 0 || worker.state !== 'active') continue;
      const woken = this.#wokenAt.get(worker.id);
      if (woken !== undefined && woken >= Number(worker.lastFetchedOn ?? 0)) continue;
      this.#wokenAt.set(worker.id, now + WAKE_DELAY_MS);
      setTimeout(() => {
        if (this.#started) this.#boss.notifyWorker(worker.id);
      }, WAKE_DELAY_MS).unref();
      return;
    }
  }

  /** Registers a cron schedule (evaluated in `timezone`); one job per tick across all replicas. */
  async schedule(queue: QueueName, cron: string, timezone: string, data: object = {}): Promise<void> {
    await this.#boss.schedule(queue, cron, data, { tz: timezone });
  }

  /** Queued, active and failed counts per queue, for metrics. */
  async queueCounts(): Promise<Array<{ queue: string; queued: number; active: number; failed: number }>> {
    const queues = await this.#boss.getQueues();
    return queues.map((queue) => ({
      queue: queue.name,
      queued: queue.queuedCount,
      active: queue.activeCount,
      failed: queue.failedCount,
    }));
  }

  /** Jobs that exhausted their retries, as kept in a dead-letter queue (oldest first), with their error. */
  async deadLetters(queue: DeadLetterQueue, limit = 100): Promise<DeadJob[]> {
    const jobs = await this.#boss.findJobs<object>(queue, { limit });
    return jobs.map((job) => toDeadJob(queue, job));
  }

  /** One dead job by its id, looked up in every dead-letter queue. */
  async findDeadJob(id: string): Promise<DeadJob | null> {
    for (const queue of DEAD_LETTER_QUEUES) {
      const [job] = await this.#boss.findJobs<object>(queue, { id, limit: 1 });
      if (job) return toDeadJob(queue, job);
    }
    return null;
  }

  /** Moves a dead job back to the queue it failed on, with fresh retries; false when it is gone. */
  async retryDeadJob(job: DeadJob): Promise<boolean> {
    const moved = await this.#boss.redrive(job.queue, {
      ids: [job.id],
      ...(job.sourceQueue ? {} : { destination: job.queue.replace(/-dead$/, '') }),
    });
    return moved > 0;
  }

  /** Deletes a dead job for good. */
  async discardDeadJob(job: DeadJob): Promise<void> {
    await this.#boss.deleteJob(job.queue, job.id);
  }

  /** Dead jobs waiting in each dead-letter queue, for metrics. */
  async deadJobCounts(): Promise<Array<{ queue: DeadLetterQueue; count: number }>> {
    // Counted from the jobs themselves: pg-boss's cached queue statistics lag by a maintenance cycle.
    return Promise.all(
      DEAD_LETTER_QUEUES.map(async (queue) => ({
        queue,
        count: (await this.#boss.findJobs(queue, { limit: 100_000 })).length,
      })),
    );
  }

  /** Probe for /readyz: the queue answers a trivial query. */
  async ping(): Promise<void> {
    if (!this.#started) throw new Error('job queue is not running');
    await this.#boss.getQueue(QUEUES.triage.name);
  }

  /** Stops taking work, lets in-flight jobs finish (bounded by `timeoutMs`), then closes. */
  async stop(timeoutMs = 10_000): Promise<void> {
    if (!this.#started) return;
    this.#started = false;
    await this.#boss.stop({ graceful: true, timeout: timeoutMs, close: true });
  }

  async #ensureQueue(
    name: string,
    options: Record<string, unknown>,
    kept: { heartbeatSeconds?: number } = {},
  ): Promise<void> {
    const existing = await this.#boss.getQueue(name);
    if (!existing) await this.#boss.createQueue(name, { ...options, ...kept });
    else if (kept.heartbeatSeconds && existing.heartbeatSeconds !== kept.heartbeatSeconds)
      await this.#boss.updateQueue(name, { heartbeatSeconds: kept.heartbeatSeconds });
  }
}

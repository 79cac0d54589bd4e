import type { RequestStore } from '../core/pipeline/request-store.ts';
import type { Database } from '../storage/database.ts';
import { createRequestStore } from '../storage/request-store.ts';
import type { JobRunner } from './job-runner.ts';

/** The request store whose triage and delivery jobs are scheduled in its own transactions by `jobs`. */
export function createJobBackedRequestStore(db: Database, jobs: JobRunner): RequestStore {
  return createRequestStore(
    db,
    (tx, job) =>
      jobs.enqueueWithin(tx, job.queue, job.data, { key: job.key, delaySeconds: job.delaySeconds }),
    (tx, batch) => jobs.enqueueManyWithin(tx, batch),
    (tx, job) => jobs.completeWithin(tx, job.queue, job),
  );
}

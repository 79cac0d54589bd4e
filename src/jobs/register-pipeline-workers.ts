import type { Logger } from 'pino';
import { type DeliverJob, deliverRequest } from '../core/pipeline/deliver-request.ts';
import type { DeliveryDeps, TriageDeps } from '../core/pipeline/pipeline-deps.ts';
import { triageRequest } from '../core/pipeline/triage-request.ts';
import type { Metrics } from '../metrics/create-metrics.ts';
import type { JobRunner } from './job-runner.ts';
import { QUEUES } from './queues.ts';

export interface PipelineWorkerOptions {
  triage: TriageDeps;
  delivery: DeliveryDeps;
  metrics: Metrics;
  logger: Logger;
  /** Parallel triage jobs in this process (analysis is I/O bound when an LLM is used). */
  triageConcurrency?: number;
  deliverConcurrency?: number;
}

/** Connects the triage and deliver queues to the pipeline's use cases. */
export async function registerPipelineWorkers(
  jobs: JobRunner,
  options: PipelineWorkerOptions,
): Promise<void> {
  const { metrics, logger } = options;
  // On embedded PGlite, what a triage does once its analysis ended (store, complete, fetch and read
  // the next) goes before younger work, slot by slot (JobRunner.work, `turnAge`).
  const triage = { ...options.triage, onAnalysed: () => jobs.markTurnAge() };
  await jobs.work<{ requestId: string }>(
    QUEUES.triage.name,
    async ({ requestId }, { jobId, retryCount }) => {
      const outcome = await triageRequest(triage, requestId, {
        queue: 'triage',
        id: jobId,
        retryCount,
      });
      const log = logger.child({ requestId });
      if (outcome.status === 'skipped') {
        log.debug({ reason: outcome.reason }, 'triage skipped');
        return;
      }
      // The delivery it scheduled is fetched by an idle delivery slot now, not at that slot's next poll.
      if (outcome.status !== 'unchanged' && options.triage.settings.postRoutedPosts !== false)
        jobs.wake(QUEUES.deliver.name);
      metrics.requestsTriaged.inc({
        priority: outcome.priority,
        team: outcome.teamId,
        engine: outcome.engine.startsWith('heuristic') ? 'heuristic' : 'llm',
      });
      if (outcome.usage) {
        metrics.analyzerTokens.inc({ kind: 'input' }, outcome.usage.inputTokens);
        metrics.analyzerTokens.inc({ kind: 'output' }, outcome.usage.outputTokens);
        metrics.analyzerTokens.inc({ kind: 'cache_read' }, outcome.usage.cacheReadTokens);
        metrics.analyzerTokens.inc({ kind: 'cache_write' }, outcome.usage.cacheWriteTokens);
        metrics.analyzerCost.inc(outcome.usage.costUsd);
      }
      const fallback = /\(fallback: ([^)]+)\)/.exec(outcome.engine);
      if (fallback?.[1]) metrics.analyzerFallbacks.inc({ reason: fallback[1] });
      log.info(
        { status: outcome.status, priority: outcome.priority, team: outcome.teamId, engine: outcome.engine },
        'request triaged',
      );
    },
    { batchSize: options.triageConcurrency ?? 8, turnAge: 'marked' },
  );
  await jobs.work<DeliverJob>(
    QUEUES.deliver.name,
    async (job) => {
      const outcome = await deliverRequest(options.delivery, job);
      metrics.deliveries.inc({ kind: job.kind ?? 'post', outcome: outcome.status });
      logger
        .child({ requestId: job.requestId })
        .info({ kind: job.kind ?? 'post', outcome: outcome.status }, 'delivery');
    },
    { batchSize: options.deliverConcurrency ?? 8 },
  );
}

import type { JobRunner } from '../jobs/job-runner.ts';
import type { Metrics } from './create-metrics.ts';

/**
 * Sets `verbatim_dead_letters{kind}`: stored input waiting by source (`email:webhook`,
 * `slack:event`, …) and jobs that exhausted their retries by queue (`job:deliver`, …).
 */
export async function refreshDeadLetterGauge(
  metrics: Metrics,
  letters: { countOpenBySource(): Promise<Array<{ source: string; count: number }>> },
  jobs: Pick<JobRunner, 'deadJobCounts'>,
): Promise<void> {
  const [stored, dead] = await Promise.all([letters.countOpenBySource(), jobs.deadJobCounts()]);
  metrics.deadLettersWaiting.reset();
  for (const { source, count } of stored) metrics.deadLettersWaiting.set({ kind: source }, count);
  for (const { queue, count } of dead) {
    metrics.deadLettersWaiting.set({ kind: `job:${queue.replace(/-dead$/, '')}` }, count);
  }
}

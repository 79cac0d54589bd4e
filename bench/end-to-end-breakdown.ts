import type { Queryable } from '../src/storage/database.ts';

/** When one request passed each step of the pipeline, in ms since the workers started. */
export interface RequestTimeline {
  triageCreated?: number;
  triageStarted?: number;
  analyzeStarted?: number;
  analyzeEnded?: number;
  triageCompleted?: number;
  deliverCreated?: number;
  deliverStarted?: number;
  posted?: number;
  deliverCompleted?: number;
}

/**
 * Reads the triage and deliver jobs' timestamps (pg-boss's job rows, by the database's clock,
 * which is this machine's) into the timelines, keyed by request id; `startedAtEpochMs` is when
 * the workers started, as Date.now().
 */
export async function readJobTimes(
  db: Queryable,
  timelines: Map<string, RequestTimeline>,
  startedAtEpochMs: number,
): Promise<void> {
  const { rows } = await db.query<{
    name: string;
    request_id: string;
    created: number;
    started: number | null;
    completed: number | null;
  }>(
    `SELECT name, data->>'requestId' AS request_id,
            extract(epoch FROM created_on) * 1000 AS created,
            extract(epoch FROM started_on) * 1000 AS started,
            extract(epoch FROM completed_on) * 1000 AS completed
       FROM pgboss.job WHERE name IN ('triage', 'deliver')`,
  );
  const at = (epochMs: number | null) => (epochMs === null ? undefined : Number(epochMs) - startedAtEpochMs);
  for (const row of rows) {
    const timeline = timelines.get(row.request_id);
    if (!timeline) continue;
    if (row.name === 'triage') {
      timeline.triageCreated = at(row.created);
      timeline.triageStarted = at(row.started);
      timeline.triageCompleted = at(row.completed);
    } else {
      timeline.deliverCreated = at(row.created);
      timeline.deliverStarted = at(row.started);
      timeline.deliverCompleted = at(row.completed);
    }
  }
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
const max = (values: number[]) =>
  values.reduce((top, value) => Math.max(top, value), Number.NEGATIVE_INFINITY);
const ms = (value: number) => Math.round(value);

/**
 * Where the time beyond requests × latency ÷ slots went: before the first analysis, slots idle
 * between analyses (and what a triage does around its analysis), and from the last analysis to
 * the last post.
 */
export function breakDown(
  timelines: RequestTimeline[],
  slots: number,
  elapsedMs: number,
): Record<string, string | number> {
  const complete = timelines.filter(
    (t): t is Required<RequestTimeline> =>
      t.analyzeStarted !== undefined && t.analyzeEnded !== undefined && t.posted !== undefined,
  );
  const firstAnalysis = Math.min(...complete.map((t) => t.analyzeStarted));
  const lastAnalysisEnd = max(complete.map((t) => t.analyzeEnded));
  const analysing = complete.reduce((sum, t) => sum + (t.analyzeEnded - t.analyzeStarted), 0);
  const last = complete.reduce((latest, t) => (t.posted > latest.posted ? t : latest));
  const diff = (pick: (t: Required<RequestTimeline>) => number) =>
    complete.map(pick).filter((value) => Number.isFinite(value));
  return {
    'first fetch ms': ms(Math.min(...diff((t) => t.triageStarted))),
    'first analysis ms': ms(firstAnalysis),
    'slot idle ms (all slots, first → last analysis)': ms(
      slots * (lastAnalysisEnd - firstAnalysis) - analysing,
    ),
    'triage fetch → analysis ms (mean)': ms(mean(diff((t) => t.analyzeStarted - t.triageStarted))),
    'analysis → triage done ms (mean)': ms(mean(diff((t) => t.triageCompleted - t.analyzeEnded))),
    'deliver wait ms (mean / max)': `${ms(mean(diff((t) => t.deliverStarted - t.deliverCreated)))} / ${ms(max(diff((t) => t.deliverStarted - t.deliverCreated)))}`,
    'deliver run ms (mean)': ms(mean(diff((t) => t.posted - t.deliverStarted))),
    'last analysis end ms': ms(lastAnalysisEnd),
    'last analysis → last post ms': ms(last.posted - lastAnalysisEnd),
    'last post → seen ms': ms(elapsedMs - last.posted),
  };
}

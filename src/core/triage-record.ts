import type { Analysis } from './analysis.ts';
import type { FloorHit } from './floor.ts';
import type { Priority } from './priority.ts';

/**
 * One entry of the audit trail of AI decisions: what decided a request's triage, with what input
 * (by hash, never the text), what it answered, what the floor changed and what it cost. Appended
 * for every triage, first and re-triage; never overwritten.
 */
export interface TriageRecord {
  requestId: string;
  at: Date;
  trigger: 'first' | 're-triage';
  /** Model id or `heuristic`, with `(fallback: <reason>)` when the primary engine failed. */
  engine: string;
  promptVersion: string | null;
  inputHash: string | null;
  redactions: number | null;
  /** The validated analysis as stored (floor applied, quotes verified). */
  output: Analysis;
  /** Floor rules that fired. */
  floor: FloorHit[];
  /** The priority the analyzer chose; `finalPriority` differs when the floor raised it. */
  analyzerPriority: Priority;
  finalPriority: Priority;
  teamId: string;
  confidence: number;
  calls: number | null;
  latencyMs: number | null;
  providerRequestId: string | null;
  fallbackReason: string | null;
}

export function buildTriageRecord(input: {
  requestId: string;
  at: Date;
  retriage: boolean;
  analysis: Analysis;
  analyzerPriority: Priority;
  floor: FloorHit[];
  teamId: string;
}): TriageRecord {
  const { analysis } = input;
  const trace = analysis.trace ?? {};
  return {
    requestId: input.requestId,
    at: input.at,
    trigger: input.retriage ? 're-triage' : 'first',
    engine: analysis.engine,
    promptVersion: trace.promptVersion ?? null,
    inputHash: trace.inputHash ?? null,
    redactions: trace.redactions ?? null,
    output: analysis,
    floor: input.floor,
    analyzerPriority: input.analyzerPriority,
    finalPriority: analysis.priority,
    teamId: input.teamId,
    confidence: analysis.confidence,
    calls: trace.calls ?? null,
    latencyMs: trace.latencyMs ?? null,
    providerRequestId: trace.providerRequestId ?? null,
    fallbackReason: trace.fallbackReason ?? null,
  };
}

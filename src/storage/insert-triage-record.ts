import type { TriageRecord } from '../core/triage-record.ts';
import type { Queryable } from './database.ts';

/** Appends one triage to the audit trail of AI decisions (`triage_records`). */
export async function insertTriageRecord(q: Queryable, record: TriageRecord): Promise<void> {
  const usage = record.output.usage;
  await q.query(
    `INSERT INTO triage_records (request_id, at, trigger, engine, prompt_version, input_hash, redactions, output,
       floor, analyzer_priority, final_priority, team_id, confidence, input_tokens, output_tokens,
       cache_read_tokens, cache_write_tokens, cost_usd, calls, latency_ms, provider_request_id, fallback_reason)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22)`,
    [
      record.requestId,
      record.at,
      record.trigger,
      record.engine,
      record.promptVersion,
      record.inputHash,
      record.redactions,
      JSON.stringify(record.output),
      JSON.stringify(record.floor),
      record.analyzerPriority,
      record.finalPriority,
      record.teamId,
      record.confidence,
      usage?.inputTokens ?? null,
      usage?.outputTokens ?? null,
      usage?.cacheReadTokens ?? null,
      usage?.cacheWriteTokens ?? null,
      usage?.costUsd ?? null,
      record.calls,
      record.latencyMs,
      record.providerRequestId,
      record.fallbackReason,
    ],
  );
}

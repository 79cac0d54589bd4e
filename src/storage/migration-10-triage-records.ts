import type { Migration } from './migrations.ts';

/**
 * The audit trail of AI decisions: one row appended per triage (first and every re-triage), never
 * updated. Retention blanks `output`'s words after `retention.auditDays` and keeps the figures.
 */
export const migration10TriageRecords: Migration = {
  id: 10,
  name: 'triage records: the audit trail of every triage',
  sql: `
    CREATE TABLE triage_records (
      id bigserial PRIMARY KEY,
      request_id text NOT NULL REFERENCES requests (id),
      at timestamptz NOT NULL,
      trigger text NOT NULL,
      engine text NOT NULL,
      prompt_version text,
      input_hash text,
      redactions integer,
      output jsonb NOT NULL,
      floor jsonb NOT NULL DEFAULT '[]',
      analyzer_priority text NOT NULL,
      final_priority text NOT NULL,
      team_id text,
      confidence double precision NOT NULL,
      input_tokens integer,
      output_tokens integer,
      cache_read_tokens integer,
      cache_write_tokens integer,
      cost_usd double precision,
      calls integer,
      latency_ms double precision,
      provider_request_id text,
      fallback_reason text,
      words_removed_at timestamptz
    );
    CREATE INDEX triage_records_request ON triage_records (request_id, at)
  `,
};

import type { Migration } from './migrations.ts';

/** One row per account and day: what trends, "since last week", the risk list and backtests read. */
export const migration6HealthSnapshots: Migration = {
  id: 6,
  name: 'daily account health snapshots',
  sql: `
    CREATE TABLE health_snapshots (
      account_id text NOT NULL,
      day date NOT NULL,
      score integer,
      band text,
      factors jsonb NOT NULL DEFAULT '{}',
      top_reason text,
      model_version text NOT NULL,
      computed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (account_id, day)
    );
    CREATE INDEX health_snapshots_day ON health_snapshots (day, account_id);
  `,
};

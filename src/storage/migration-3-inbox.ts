import type { Migration } from './migrations.ts';

/**
 * The durable inbox: every inbound platform event, raw, stored once per platform id before the
 * platform is acknowledged; workers process it from here (src/jobs/inbox-worker.ts).
 */
export const migration3Inbox: Migration = {
  id: 3,
  name: 'durable inbox of raw inbound events',
  sql: `
    CREATE TABLE inbox (
      id bigserial PRIMARY KEY,
      source text NOT NULL,
      platform_id text NOT NULL,
      payload jsonb NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      attempts integer NOT NULL DEFAULT 0,
      available_at timestamptz NOT NULL DEFAULT now(),
      lease_until timestamptz,
      last_error text,
      processed_at timestamptz,
      dead_at timestamptz,
      UNIQUE (source, platform_id)
    );
    CREATE INDEX inbox_pending ON inbox (id) WHERE processed_at IS NULL AND dead_at IS NULL;
  `,
};

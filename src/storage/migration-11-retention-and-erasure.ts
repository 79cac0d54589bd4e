import type { Migration } from './migrations.ts';

/**
 * Retention and erasure. Tables declare how long their rows live with a table comment
 * `verbatim-retention: {"keep": "<retention key>", "after": "<timestamp column>"}` (optionally
 * `"blank": [columns]` to empty those columns instead of deleting the row); the daily retention
 * job applies every such declaration it finds, so a table added later is covered by its own
 * migration. Message bodies and AI words are blanked by dedicated code that keeps the figures.
 */
export const migration11RetentionAndErasure: Migration = {
  id: 11,
  name: 'retention declarations, body and words removal marks, erasure records',
  sql: `
    ALTER TABLE customer_messages ADD COLUMN body_removed_at timestamptz;
    ALTER TABLE requests ADD COLUMN words_removed_at timestamptz;
    CREATE INDEX customer_messages_body_kept ON customer_messages (sent_at) WHERE body_removed_at IS NULL;

    CREATE TABLE erasures (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL,
      actor text NOT NULL,
      subject_kind text NOT NULL,
      dry_run boolean NOT NULL DEFAULT false,
      counts jsonb NOT NULL,
      posts_edited integer NOT NULL DEFAULT 0
    );

    COMMENT ON TABLE dead_letters IS 'verbatim-retention: {"keep": "deadLetterDays", "after": "created_at"}';
    COMMENT ON TABLE deliveries IS 'verbatim-retention: {"keep": "deliveryDays", "after": "posted_at"}';
    COMMENT ON TABLE once_claims IS 'verbatim-retention: {"keep": "onceClaimDays", "after": "claimed_at"}'
  `,
};

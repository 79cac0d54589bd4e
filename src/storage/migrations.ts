import type { Database } from './database.ts';
import { migration3Inbox } from './migration-3-inbox.ts';
import { migration4RequestVersion } from './migration-4-request-version.ts';
import { migration5WebhookNonces } from './migration-5-webhook-nonces.ts';
import { migration6HealthSnapshots } from './migration-6-health-snapshots.ts';
import { migration7HealthAlerts } from './migration-7-health-alerts.ts';
import { migration8Digests } from './migration-8-digests.ts';
import { migration10TriageRecords } from './migration-10-triage-records.ts';
import { migration11RetentionAndErasure } from './migration-11-retention-and-erasure.ts';
import { migration12DigestThemeBatches } from './migration-12-digest-theme-batches.ts';
import { migration13HealthRequestIndexes } from './migration-13-health-request-indexes.ts';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

/**
 * Schema history, append-only: never edit a migration that has shipped, add a new one.
 * Each runs in its own transaction, under an advisory lock so replicas starting together
 * apply it once.
 */
export const migrations: Migration[] = [
  {
    id: 1,
    name: 'messages, requests, routed posts, transitions, claims, dead letters, accounts',
    sql: `
      CREATE TABLE accounts (
        id text PRIMARY KEY,
        name text NOT NULL,
        domains text[] NOT NULL DEFAULT '{}',
        channels text[] NOT NULL DEFAULT '{}',
        owner text,
        tier text NOT NULL DEFAULT 'starter',
        arr numeric,
        renewal_date date,
        segment text,
        routing jsonb NOT NULL DEFAULT '{}',
        source text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE requests (
        id text PRIMARY KEY,
        account_id text,
        conversation text NOT NULL,
        thread text,
        state text NOT NULL DEFAULT 'open',
        claimed_by jsonb,
        snoozed_until timestamptz,
        team_id text,
        priority text,
        topics text[] NOT NULL DEFAULT '{}',
        analysis jsonb,
        floor jsonb NOT NULL DEFAULT '[]',
        opened_at timestamptz NOT NULL,
        last_message_at timestamptz NOT NULL,
        triaged_at timestamptz,
        routed_at timestamptz,
        first_response_at timestamptz,
        resolved_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX requests_account_opened ON requests (account_id, opened_at);
      CREATE INDEX requests_conversation_recent ON requests (conversation, last_message_at DESC);
      CREATE INDEX requests_thread ON requests (thread) WHERE thread IS NOT NULL;
      CREATE INDEX requests_open_by_routed ON requests (routed_at) WHERE state <> 'resolved';
      CREATE INDEX requests_opened_topics ON requests USING gin (topics);

      CREATE TABLE customer_messages (
        id text PRIMARY KEY,
        seq bigserial UNIQUE,
        platform text NOT NULL,
        conversation text NOT NULL,
        thread text,
        is_reply boolean NOT NULL DEFAULT false,
        account_id text,
        author jsonb NOT NULL,
        external boolean NOT NULL,
        text text NOT NULL,
        sent_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        permalink text,
        attachments jsonb NOT NULL DEFAULT '[]',
        language text,
        subject text,
        forwarded_by jsonb,
        quoted_text text,
        kind text NOT NULL,
        request_id text REFERENCES requests (id),
        edited_at timestamptz,
        deleted_at timestamptz
      );
      CREATE INDEX customer_messages_account_sent ON customer_messages (account_id, sent_at);
      CREATE INDEX customer_messages_request ON customer_messages (request_id, sent_at);
      CREATE INDEX customer_messages_thread ON customer_messages (thread) WHERE thread IS NOT NULL;

      CREATE TABLE deliveries (
        key text PRIMARY KEY,
        destination jsonb NOT NULL,
        status text NOT NULL,
        post_id text,
        attempt_started_at timestamptz NOT NULL,
        lease_until timestamptz NOT NULL,
        posted_at timestamptz
      );

      CREATE TABLE routed_posts (
        request_id text PRIMARY KEY REFERENCES requests (id),
        destination jsonb NOT NULL,
        post_id text NOT NULL,
        post_key text NOT NULL,
        linked_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX routed_posts_post_key ON routed_posts (post_key);

      CREATE TABLE request_transitions (
        id bigserial PRIMARY KEY,
        request_id text NOT NULL REFERENCES requests (id),
        kind text NOT NULL,
        from_state text NOT NULL,
        to_state text NOT NULL,
        actor jsonb NOT NULL,
        at timestamptz NOT NULL,
        detail jsonb NOT NULL DEFAULT '{}'
      );
      CREATE INDEX request_transitions_request ON request_transitions (request_id, at);
      CREATE INDEX request_transitions_kind_at ON request_transitions (kind, at);

      CREATE TABLE once_claims (
        key text PRIMARY KEY,
        claimed_at timestamptz NOT NULL DEFAULT now(),
        owner text
      );

      CREATE TABLE dead_letters (
        id bigserial PRIMARY KEY,
        source text NOT NULL,
        reason text NOT NULL,
        raw bytea NOT NULL,
        content_type text,
        meta jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        retried_at timestamptz,
        retry_outcome text
      );
      CREATE INDEX dead_letters_created ON dead_letters (created_at DESC);

      CREATE TABLE account_events (
        id bigserial PRIMARY KEY,
        account_id text,
        conversation text NOT NULL,
        kind text NOT NULL,
        actor jsonb NOT NULL,
        at timestamptz NOT NULL,
        detail jsonb NOT NULL DEFAULT '{}'
      );
      CREATE INDEX account_events_account_at ON account_events (account_id, at);
    `,
  },
  {
    id: 2,
    name: 'SLA nudges claimed once, first-response and resolution business minutes',
    sql: `
      CREATE TABLE sla_nudges (
        key text PRIMARY KEY,
        request_id text NOT NULL REFERENCES requests (id),
        kind text NOT NULL,
        seq integer NOT NULL,
        due_at timestamptz NOT NULL,
        late boolean NOT NULL DEFAULT false,
        claimed_at timestamptz NOT NULL,
        sent_at timestamptz,
        post jsonb,
        abandoned text
      );
      CREATE INDEX sla_nudges_request ON sla_nudges (request_id, due_at);
      CREATE INDEX sla_nudges_unsent ON sla_nudges (claimed_at) WHERE sent_at IS NULL AND abandoned IS NULL;

      CREATE TABLE sla_times (
        request_id text PRIMARY KEY REFERENCES requests (id),
        target_minutes double precision,
        first_response_at timestamptz,
        first_response_business_minutes double precision,
        resolved_at timestamptz,
        resolution_business_minutes double precision,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX requests_routed_updated ON requests (updated_at) WHERE routed_at IS NOT NULL;
    `,
  },
  migration3Inbox,
  migration4RequestVersion,
  migration5WebhookNonces,
  migration6HealthSnapshots,
  migration7HealthAlerts,
  migration8Digests,
  migration10TriageRecords,
  migration11RetentionAndErasure,
  migration12DigestThemeBatches,
  migration13HealthRequestIndexes,
];

// Any fixed 64-bit number works; it only has to be the same in every replica.
const MIGRATION_LOCK = 7_304_113_901;

export interface MigrationReport {
  applied: Migration[];
  current: number;
}

/** Applies pending migrations. Safe to call from several processes at once. */
export async function migrate(db: Database): Promise<MigrationReport> {
  // Under the lock too: two servers running CREATE TABLE IF NOT EXISTS at the same moment can
  // both miss the table and one then fails on Postgres's catalog (pg_type) unique index.
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  });
  const applied: Migration[] = [];
  for (const migration of migrations) {
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const existing = await tx.query('SELECT 1 FROM schema_migrations WHERE id = $1', [migration.id]);
      if (existing.rows.length > 0) return false;
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (id, name) VALUES ($1, $2)', [
        migration.id,
        migration.name,
      ]);
      return true;
    });
    if (done) applied.push(migration);
  }
  return { applied, current: Math.max(0, ...migrations.map((migration) => migration.id)) };
}

/** Migrations pending against this database, without applying them (for `doctor`). */
export async function pendingMigrations(db: Database): Promise<Migration[]> {
  const table = await db.query<{ exists: boolean }>(
    "SELECT to_regclass('schema_migrations') IS NOT NULL AS exists",
  );
  if (!table.rows[0]?.exists) return migrations;
  const done = await db.query<{ id: number }>('SELECT id FROM schema_migrations');
  const ids = new Set(done.rows.map((row) => Number(row.id)));
  return migrations.filter((migration) => !ids.has(migration.id));
}

// Migrations hold only DDL without string literals containing ';', so a plain split is exact.
function splitStatements(sql: string): string[] {
  return sql
    .split(';')
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

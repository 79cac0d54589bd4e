import type { Migration } from './migrations.ts';

/** Band transitions alerted, claimed once across replicas; the latest per account sets the cool-down. */
export const migration7HealthAlerts: Migration = {
  id: 7,
  name: 'account health alerts claimed once per transition',
  sql: `
    CREATE TABLE health_alerts (
      key text PRIMARY KEY,
      account_id text NOT NULL,
      from_band text NOT NULL,
      to_band text NOT NULL,
      claimed_at timestamptz NOT NULL,
      sent_at timestamptz
    );
    CREATE INDEX health_alerts_account ON health_alerts (account_id, claimed_at DESC);
  `,
};

import type { Migration } from './migrations.ts';

/**
 * Webhook nonces (Mailgun tokens, our relay's signatures) seen inside their signature window, so a
 * captured request replayed within the window is refused. Rows past `expires_at` are pruned.
 */
export const migration5WebhookNonces: Migration = {
  id: 5,
  name: 'webhook nonces remembered for the signature window',
  sql: `
    CREATE TABLE webhook_nonces (
      key text PRIMARY KEY,
      seen_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL
    );
    CREATE INDEX webhook_nonces_expires ON webhook_nonces (expires_at)
  `,
};

import type { Queryable } from './database.ts';

/**
 * Nonces of signed webhooks, remembered until their signature window closes. `remember` is one
 * atomic INSERT … ON CONFLICT DO NOTHING: true for exactly one caller across replicas.
 */
export function createWebhookNonceStore(db: Queryable) {
  return {
    async remember(key: string, expiresAt: Date, now: Date): Promise<boolean> {
      await db.query('DELETE FROM webhook_nonces WHERE expires_at < $1', [now]);
      const result = await db.query(
        'INSERT INTO webhook_nonces (key, expires_at) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING key',
        [key, expiresAt],
      );
      return result.rows.length === 1;
    },
    async forget(key: string): Promise<void> {
      await db.query('DELETE FROM webhook_nonces WHERE key = $1', [key]);
    },
  };
}

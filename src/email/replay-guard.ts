/**
 * Remembers the nonce of each signed webhook (a Mailgun token, our relay's signature) until its
 * signature window closes, so a captured request cannot be replayed inside the window.
 */
export interface ReplayGuard {
  /** True the first time `key` is seen before `expiresAt`; false for a replay. */
  remember(key: string, expiresAt: Date, now: Date): Promise<boolean>;
  /** Gives a nonce back when the request it came with failed before it had any effect (the sender retries). */
  forget(key: string): Promise<void>;
}

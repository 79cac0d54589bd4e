import type { SharedCache } from '../core/ports.ts';
import { statusOf } from './teams-connector.ts';

/**
 * Teams has no message metadata to find a post by, so each send is bracketed by two records:
 * `attempt` (written before the send) and `sent` (written with the activity id right after it).
 * After a crash, `sent` means "posted: use this id"; `attempt` alone means "maybe posted": the
 * send is not repeated — it is left for an operator to reconcile — so a crash can leave at most a
 * record to reconcile, never a second visible post. See docs/architecture.md.
 */
export interface DeliveryRecords {
  /** The activity id recorded for `key`, sending it first when nothing is recorded. */
  sendOnce(key: string, send: () => Promise<string>): Promise<string>;
  /** The activity id recorded for `key`; throws DeliveryUncertainError when only an attempt is recorded. */
  lookup(key: string): Promise<string | null>;
  /** Forgets an attempt an operator checked by hand (the post is not in the channel). */
  release(key: string): Promise<boolean>;
}

/** A send may have reached Teams but its id was not recorded (crash or lost answer). */
export class DeliveryUncertainError extends Error {
  override name = 'DeliveryUncertainError';
}

interface Attempt {
  at: string;
}

/** Records outlive every job retry by far (ms). */
const RECORD_TTL_MS = 30 * 24 * 3600_000;

export function createDeliveryRecords(keyv: SharedCache): DeliveryRecords {
  const attemptKey = (key: string) => `teams:attempt:${key}`;
  const sentKey = (key: string) => `teams:sent:${key}`;

  async function lookup(key: string): Promise<string | null> {
    const sent = (await keyv.get(sentKey(key))) as string | undefined;
    if (sent) return sent;
    const attempt = (await keyv.get(attemptKey(key))) as Attempt | undefined;
    if (attempt) {
      throw new DeliveryUncertainError(
        `Teams delivery ${key} was attempted at ${attempt.at} but its outcome was not recorded (crash or lost answer); ` +
          `it is not sent again. Check the channel, then run \`verbatim teams-release ${key}\` if the post is missing.`,
      );
    }
    return null;
  }

  return {
    lookup,
    async sendOnce(key, send) {
      const known = await lookup(key);
      if (known) return known;
      await keyv.set(attemptKey(key), { at: new Date().toISOString() } satisfies Attempt, RECORD_TTL_MS);
      let id: string;
      try {
        id = await send();
      } catch (error) {
        // Teams answered with an error: nothing was posted, the attempt may be repeated. Without an
        // answer (connection reset, timeout) the outcome is unknown and the attempt record stays.
        if (statusOf(error) !== null || !(error instanceof Error && isNetworkError(error))) {
          await keyv.delete(attemptKey(key));
        }
        throw error;
      }
      await keyv.set(sentKey(key), id, RECORD_TTL_MS);
      await keyv.delete(attemptKey(key));
      return id;
    },
    async release(key) {
      return keyv.delete(attemptKey(key));
    },
  };
}

/** Errors after which a request may have reached Teams without us seeing the answer. */
function isNetworkError(error: Error): boolean {
  const code = (error as { code?: unknown }).code;
  return (
    typeof code === 'string' &&
    ['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'ERR_NETWORK', 'UND_ERR_SOCKET'].includes(code)
  );
}

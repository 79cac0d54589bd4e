import { z } from 'zod';
import type { SharedCache } from '../core/ports.ts';

/**
 * How far the mailbox has been read: every message with a UID up to `lastUid` has been stored in
 * the durable inbox (or, too large to read, kept as a dead letter). UIDs only mean something within one UIDVALIDITY: when the server changes
 * it (a rebuilt mailbox), the cursor no longer applies.
 */
export interface ImapCursor {
  /** The mailbox's UIDVALIDITY, a 32-bit number kept as a string. */
  uidValidity: string;
  lastUid: number;
}

export interface ImapCursorStore {
  get(): Promise<ImapCursor | null>;
  set(cursor: ImapCursor): Promise<void>;
}

const ImapCursorSchema = z.object({ uidValidity: z.string(), lastUid: z.number().int().nonnegative() });

/** The cursor of one mailbox (`key` names the server, user and mailbox) in keyv. */
export function createImapCursorStore(keyv: SharedCache, key: string): ImapCursorStore {
  return {
    async get() {
      const parsed = ImapCursorSchema.safeParse(await keyv.get(key));
      return parsed.success ? parsed.data : null;
    },
    async set(cursor) {
      await keyv.set(key, cursor);
    },
  };
}

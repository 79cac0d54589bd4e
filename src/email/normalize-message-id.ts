import { createHash } from 'node:crypto';

/** Longer ids are hashed: they end up in database keys and thread refs. */
const MAX_ID_LENGTH = 250;

/**
 * A Message-ID as an idempotency key: the part between the angle brackets, without comments or
 * whitespace. The same mail seen by the webhook and the mailbox gives the same key. Returns null
 * when there is no usable id.
 */
export function normalizeMessageId(value: string | null | undefined): string | null {
  if (!value) return null;
  const bracketed = /<([^<>]*)>/.exec(value)?.[1];
  const id = (bracketed ?? value.replace(/\([^()]*\)/g, '')).trim();
  if (id === '' || /[\s\u0000-\u001f\u007f]/.test(id)) return null;
  if (id.length > MAX_ID_LENGTH) return `${sha256(id).slice(0, 40)}@long-id.invalid`;
  return id;
}

/** Every Message-ID in a `References` or `In-Reply-To` value (or several), in order, without repeats. */
export function listMessageIds(value: string | string[] | null | undefined): string[] {
  const values = value === null || value === undefined ? [] : Array.isArray(value) ? value : [value];
  const ids: string[] = [];
  for (const one of values) {
    const tokens = one.match(/<[^<>]*>/g) ?? one.split(/\s+/);
    for (const token of tokens) {
      const id = normalizeMessageId(token);
      if (id !== null && !ids.includes(id)) ids.push(id);
    }
  }
  return ids;
}

/**
 * A stable id for mail that has none: a hash of what identifies the message to a person (sender,
 * recipients, date, subject, body), not of the raw bytes, so the same mail relayed twice with
 * different `Received` headers still gets the same id.
 */
export function synthesizeMessageId(parts: Array<string | null | undefined>): string {
  return `${sha256(JSON.stringify(parts.map((part) => part ?? null))).slice(0, 32)}@synthesised.verbatim.invalid`;
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

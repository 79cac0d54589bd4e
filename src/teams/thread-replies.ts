import type { SharedCache } from '../core/ports.ts';

/**
 * Verbatim's own replies in the thread of each Teams post it made, by parent activity id. Teams
 * offers a bot no way to list a thread's replies, so the notifier records each reply it posts and
 * `verbatim forget` edits them all (continuation cards, follow-ups with the customer's words,
 * notes). Keys and values hold only conversation and activity ids — no words, no request or person
 * ids — so an erasure's scan leaves them for the retractor, which removes them once edited.
 */
export function threadRepliesKey(conversationId: string, parentId: string): string {
  return `teams:thread:${conversationId}:${parentId}`;
}

/** Reply ids of a routed post's continuation cards, in order (kept in step by the notifier). */
export function postPartsKey(conversationId: string, parentId: string): string {
  return `teams:post-parts:${conversationId}:${parentId}`;
}

/** Appends in flight per key: in one process, two jobs replying in one thread at once add both. */
const appending = new Map<string, Promise<void>>();

/**
 * Adds a reply to its parent's list (idempotent: a retried send that found its id adds nothing).
 * A read-modify-write, serialised per key within the process; two replicas replying in the same
 * thread in the same instant could still lose one entry (rare: the deliver queue is FIFO per request).
 */
export function recordThreadReply(
  keyv: SharedCache,
  conversationId: string,
  parentId: string,
  replyId: string,
): Promise<void> {
  const key = threadRepliesKey(conversationId, parentId);
  const append = async () => {
    const known = ((await keyv.get(key)) as string[] | undefined) ?? [];
    if (!known.includes(replyId)) await keyv.set(key, [...known, replyId]);
  };
  const next = (appending.get(key) ?? Promise.resolve()).catch(() => undefined).then(append);
  appending.set(key, next);
  void next
    .catch(() => undefined)
    .finally(() => {
      if (appending.get(key) === next) appending.delete(key);
    });
  return next;
}

/** Every reply recorded under `parentId`: notes and continuation parts, without repeats. */
export async function listThreadReplies(
  keyv: SharedCache,
  conversationId: string,
  parentId: string,
): Promise<string[]> {
  const [notes, parts] = await Promise.all([
    keyv.get(threadRepliesKey(conversationId, parentId)) as Promise<string[] | undefined>,
    keyv.get(postPartsKey(conversationId, parentId)) as Promise<string[] | undefined>,
  ]);
  return [...new Set([...(parts ?? []), ...(notes ?? [])])];
}

export async function forgetThreadReplies(
  keyv: SharedCache,
  conversationId: string,
  parentId: string,
): Promise<void> {
  await keyv.delete(threadRepliesKey(conversationId, parentId));
  await keyv.delete(postPartsKey(conversationId, parentId));
}

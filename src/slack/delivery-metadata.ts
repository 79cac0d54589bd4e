import { createHash } from 'node:crypto';
import type { SlackMessageBody } from './views/slack-blocks.ts';

/**
 * Message metadata Verbatim attaches to its posts (docs.slack.dev message metadata), so that a
 * post can be found again after a crash between "posted" and "recorded" (Notifier.findDelivery)
 * and a long text's continuation parts can be found, checked and completed.
 */
export const DELIVERY_EVENT = 'verbatim_delivery';
export const PART_EVENT = 'verbatim_continuation';

export function deliveryMetadata(key: string) {
  return { event_type: DELIVERY_EVENT, event_payload: { key } };
}

/** Part `part` (2…n) of the text posted under `parent` (the anchor post's ts); `hash` detects edits. */
export function partMetadata(parent: string, part: number, body: SlackMessageBody) {
  return { event_type: PART_EVENT, event_payload: { parent, part, hash: hashBody(body) } };
}

export function hashBody(body: SlackMessageBody): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 20);
}

export interface MessageWithMetadata {
  ts?: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

export function deliveryKeyOf(message: MessageWithMetadata): string | null {
  const { metadata } = message;
  if (metadata?.event_type !== DELIVERY_EVENT) return null;
  const key = metadata.event_payload?.['key'];
  return typeof key === 'string' ? key : null;
}

export function partOf(message: MessageWithMetadata): { parent: string; part: number; hash: string } | null {
  const { metadata } = message;
  if (metadata?.event_type !== PART_EVENT) return null;
  const payload = metadata.event_payload ?? {};
  const part = Number(payload['part']);
  const parent = payload['parent'];
  if (typeof parent !== 'string' || !Number.isInteger(part)) return null;
  return { parent, part, hash: String(payload['hash'] ?? '') };
}

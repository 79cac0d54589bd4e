/**
 * Opaque refs the core stores for Slack sources (see CustomerMessage): `slack:<channel>` for a
 * conversation, `slack:<channel>:<thread ts>` for a thread and `slack:<channel>:<ts>` for a message
 * id. Only this adapter builds or reads them.
 */

export function slackConversationRef(channel: string): string {
  return `slack:${channel}`;
}

export function slackThreadRef(channel: string, threadTs: string): string {
  return `slack:${channel}:${threadTs}`;
}

export function slackMessageId(channel: string, ts: string): string {
  return `slack:${channel}:${ts}`;
}

/** `{ channel, ts }` of a Slack message id or thread ref; null for anything else. */
export function parseSlackMessageRef(ref: string): { channel: string; ts: string } | null {
  const match = /^slack:([A-Z0-9]+):(\d+\.\d+)$/.exec(ref);
  return match?.[1] && match[2] ? { channel: match[1], ts: match[2] } : null;
}

/** The channel of `slack:<channel>`; null for other platforms' refs. */
export function parseSlackConversationRef(ref: string): string | null {
  const match = /^slack:([A-Z0-9]+)$/.exec(ref);
  return match?.[1] ?? null;
}

/** A Slack `ts` ("1712345678.000100", seconds with µs) as an instant. */
export function slackTsToDate(ts: string): Date {
  return new Date(Math.floor(Number(ts) * 1000));
}

/** An instant as a Slack `oldest`/`latest` bound (seconds with µs). */
export function dateToSlackTs(date: Date): string {
  return (date.getTime() / 1000).toFixed(6);
}

/**
 * A word in quotes is mentioned, not meant: "filter by the tag 'urgent'", "route messages that
 * mention 'chargeback' to Billing". Incident words are left alone — a quoted error such as
 * "Service unavailable" is still the customer's report.
 */
const QUOTES = new Set(['"', "'", '“', '”', '‘', '’', '«', '»', '`']);

export function isQuotedMention(text: string, start: number, end: number): boolean {
  return QUOTES.has(text[start - 1] ?? '') && QUOTES.has(text[end] ?? '');
}

/**
 * What a routed post says where the retention policy blanked words (the message text, the
 * summary, quoted phrases), so a post re-rendered after retention never shows an empty quote.
 * Platform-free: each renderer styles it in its own syntax.
 */
export function retentionNotice(what: 'text' | 'words', removedAt: Date | null): string {
  const when = removedAt ? ` on ${removedAt.toISOString().slice(0, 10)}` : '';
  return what === 'text'
    ? `The customer’s words were removed by the retention policy${when}.`
    : `Removed by the retention policy${when}.`;
}

/** Stands in for a blanked author name (retention keeps the author's id, not the name). */
export const REMOVED_NAME = 'Customer (name removed)';

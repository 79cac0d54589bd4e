/** A verbatim customer message that may be quoted in a digest. */
export interface QuoteCandidate {
  requestId: string;
  /** The customer's words, exactly as written. */
  text: string;
  account: string | null;
  author: string;
  link: string | null;
  at: Date;
  /** −1 … 1 from triage; the most negative speaks loudest for a rising topic. */
  sentiment: number;
}

/**
 * Picks up to `limit` quotes for a topic, deterministically: most negative first, then the most
 * recent, then by request id; each further quote comes from an account not yet quoted while one
 * exists. The same candidates always give the same quotes, so a re-run posts the same digest.
 */
export function chooseQuotes<T extends QuoteCandidate>(candidates: readonly T[], limit = 2): T[] {
  const ordered = candidates
    .filter((candidate) => candidate.text.trim().length > 0)
    .sort(
      (a, b) =>
        a.sentiment - b.sentiment ||
        b.at.getTime() - a.at.getTime() ||
        (a.requestId < b.requestId ? -1 : a.requestId > b.requestId ? 1 : 0),
    );
  const chosen: T[] = [];
  const quotedAccounts = new Set<string | null>();
  for (const candidate of ordered) {
    if (chosen.length >= limit) break;
    if (quotedAccounts.has(candidate.account)) continue;
    chosen.push(candidate);
    quotedAccounts.add(candidate.account);
  }
  for (const candidate of ordered) {
    if (chosen.length >= limit) break;
    if (!chosen.includes(candidate)) chosen.push(candidate);
  }
  return chosen;
}

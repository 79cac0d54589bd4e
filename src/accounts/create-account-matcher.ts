import Fuse from 'fuse.js';
import type { Account } from '../core/directory.ts';
import type { AccountMatch, MatchAccount } from '../core/health/explain-account.ts';

/** Fuse scores: 0 is a perfect match, 1 no match. */
const CONFIDENT = 0.2;
const CANDIDATE = 0.45;
const SUGGESTION = 0.75;

/**
 * Finds an account by id, name or email domain as people type them: exact matches first (an email
 * address or a subdomain counts for its domain), then fuzzy (fuse.js) so "acme logstics" still
 * finds Acme Logistics. A clear winner is found; several close ones are ambiguous; none gives the
 * closest suggestions.
 */
export function createAccountMatcher(accounts: () => readonly Account[]): MatchAccount {
  let indexed: readonly Account[] | null = null;
  let fuse: Fuse<Account> | null = null;
  const index = () => {
    const current = accounts();
    if (current !== indexed || !fuse) {
      indexed = current;
      fuse = new Fuse(current, {
        keys: [
          { name: 'name', weight: 2 },
          { name: 'id', weight: 1 },
          { name: 'domains', weight: 1 },
        ],
        includeScore: true,
        ignoreLocation: true,
        threshold: SUGGESTION,
      });
    }
    return { current, fuse };
  };

  return (query: string): AccountMatch => {
    const { current, fuse } = index();
    const wanted = query.trim().toLowerCase();
    const domain = wanted.includes('@') ? wanted.slice(wanted.lastIndexOf('@') + 1) : wanted;
    const exact = current.filter(
      (account) =>
        account.id === wanted ||
        account.name.toLowerCase() === wanted ||
        account.domains.some((known) => domain === known || domain.endsWith(`.${known}`)),
    );
    if (exact.length === 1) return { status: 'found', account: exact[0]! };
    if (exact.length > 1) return { status: 'ambiguous', candidates: exact.slice(0, 5) };
    const results = fuse.search(wanted, { limit: 5 });
    const close = results.filter((result) => (result.score ?? 1) <= CANDIDATE);
    const best = close[0];
    const runnerUp = close[1];
    if (
      best &&
      (best.score ?? 1) <= CONFIDENT &&
      (!runnerUp || (runnerUp.score ?? 1) - (best.score ?? 1) > 0.1)
    )
      return { status: 'found', account: best.item };
    if (close.length === 1) return { status: 'found', account: close[0]!.item };
    if (close.length > 1) return { status: 'ambiguous', candidates: close.map((result) => result.item) };
    return { status: 'unknown', suggestions: results.slice(0, 3).map((result) => result.item) };
  };
}

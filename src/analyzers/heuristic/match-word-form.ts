/**
 * Endings that may follow a short keyword (under five letters): common English inflections and
 * Finnish case and possessive endings. Longer keywords match any continuation, which covers
 * Finnish inflection and compounding ("lasku" → "laskutuksessamme") at the cost of the odd
 * false friend; see docs/heuristic-analyzer.md.
 */
const SHORT_KEYWORD_ENDINGS = new Set([
  's',
  'es',
  'ed',
  'd',
  'ing',
  'er',
  'ers',
  'ly',
  'ness',
  'a',
  'ä',
  'n',
  't',
  'in',
  'en',
  'an',
  'än',
  'on',
  'ön',
  'un',
  'yn',
  'ni',
  'si',
  'mme',
  'nne',
  'na',
  'nä',
  'ssa',
  'ssä',
  'sta',
  'stä',
  'lla',
  'llä',
  'lta',
  'ltä',
  'lle',
  'ksi',
  'ja',
  'jä',
  'ia',
  'iä',
  'aa',
  'ää',
  'ssaan',
  'ssään',
  'kin',
  'kaan',
  'kään',
]);

/** Minimum keyword length (UTF-16 units) from which any continuation of the word matches. */
export const OPEN_PREFIX_LENGTH = 5;

/**
 * Whether a text word is a form of a keyword word. Both are lower case. A keyword ending in `*`
 * matches every word that starts with the rest.
 */
export function matchesWordForm(word: string, keyword: string): boolean {
  if (keyword.endsWith('*')) return word.startsWith(keyword.slice(0, -1));
  if (word === keyword) return true;
  if (!word.startsWith(keyword)) return false;
  if (keyword.length >= OPEN_PREFIX_LENGTH) return true;
  return SHORT_KEYWORD_ENDINGS.has(word.slice(keyword.length));
}

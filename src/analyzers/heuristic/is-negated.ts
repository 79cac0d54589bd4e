import { NEGATORS } from './sentiment-lexicon.ts';
import type { WordToken } from './tokenize-words.ts';

/** Punctuation that ends a clause: a negator before it does not reach words after it. */
const CLAUSE_BREAK = /[.!?;,:\n]/;

/**
 * Whether one of the `scope` words before `firstWord` is a negator ("not", "no", "ei", "eivät"…)
 * in the same clause.
 */
export function isNegated(
  text: string,
  tokens: readonly WordToken[],
  firstWord: number,
  scope: number,
): boolean {
  for (let back = 1; back <= scope; back++) {
    const index = firstWord - back;
    const token = tokens[index];
    if (!token) return false;
    if (CLAUSE_BREAK.test(text.slice(token.end, tokens[index + 1]!.start))) return false;
    if (NEGATORS.has(token.word)) return true;
  }
  return false;
}

/** A word of the text, lower-cased, with its position in the original string (UTF-16 offsets). */
export interface WordToken {
  word: string;
  start: number;
  end: number;
}

// Letters and digits, with an apostrophe allowed inside ("don't", "can’t"). Hyphens, colons and
// slashes split words, so "SSO-kirjautuminen" and "HubSpot:iin" give two tokens each.
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Splits text into words. Lower-casing is locale-independent so results are the same everywhere. */
export function tokenizeWords(text: string): WordToken[] {
  const tokens: WordToken[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    tokens.push({ word: match[0].toLowerCase().replaceAll('’', "'"), start, end: start + match[0].length });
  }
  return tokens;
}

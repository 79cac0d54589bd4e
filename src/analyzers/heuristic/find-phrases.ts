import { matchesWordForm } from './match-word-form.ts';
import { tokenizeWords, type WordToken } from './tokenize-words.ts';

/** Where a phrase was found: word indexes and the UTF-16 span in the original text. */
export interface PhraseHit<T> {
  entry: T;
  /** Index of the first and one past the last matched word. */
  firstWord: number;
  endWord: number;
  start: number;
  end: number;
}

export interface CompiledPhrase<T> {
  entry: T;
  words: string[];
}

/** Splits each entry's phrase into lower-case keyword words once, so matching is cheap. */
export function compilePhrases<T>(
  entries: readonly T[],
  phraseOf: (entry: T) => string,
): CompiledPhrase<T>[] {
  const compiled: CompiledPhrase<T>[] = [];
  for (const entry of entries) {
    const raw = phraseOf(entry).trim();
    const star = raw.endsWith('*');
    const words = tokenizeWords(raw).map((token) => token.word);
    if (words.length === 0) continue;
    if (star) words[words.length - 1] = `${words[words.length - 1]}*`;
    compiled.push({ entry, words });
  }
  return compiled;
}

/**
 * Every place where a phrase's words appear in a row as word forms (see matchesWordForm). Hits
 * are in text order; at one position, longer phrases come first.
 */
export function findPhrases<T>(
  tokens: readonly WordToken[],
  phrases: readonly CompiledPhrase<T>[],
): PhraseHit<T>[] {
  const byFirstLetter = new Map<string, CompiledPhrase<T>[]>();
  for (const phrase of phrases) {
    const letter = phrase.words[0]!.charAt(0);
    const bucket = byFirstLetter.get(letter) ?? [];
    bucket.push(phrase);
    byFirstLetter.set(letter, bucket);
  }
  for (const bucket of byFirstLetter.values()) bucket.sort((a, b) => b.words.length - a.words.length);

  const hits: PhraseHit<T>[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const candidates = byFirstLetter.get(tokens[index]!.word.charAt(0));
    if (!candidates) continue;
    for (const phrase of candidates) {
      const endWord = index + phrase.words.length;
      if (endWord > tokens.length) continue;
      let matched = true;
      for (let offset = 0; offset < phrase.words.length; offset++) {
        if (!matchesWordForm(tokens[index + offset]!.word, phrase.words[offset]!)) {
          matched = false;
          break;
        }
      }
      if (matched) {
        hits.push({
          entry: phrase.entry,
          firstWord: index,
          endWord,
          start: tokens[index]!.start,
          end: tokens[endWord - 1]!.end,
        });
      }
    }
  }
  return hits;
}

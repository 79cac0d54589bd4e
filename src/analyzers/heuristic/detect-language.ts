import { francAll } from 'franc';
import { tokenizeWords } from './tokenize-words.ts';

/**
 * Languages we expect from B2B customers of a Nordic/European company, ISO 639-3 → 639-1.
 * Restricting franc to these avoids exotic guesses on short texts ("kiitos" is not Ilocano).
 */
const CANDIDATES: Record<string, string> = {
  eng: 'en',
  fin: 'fi',
  swe: 'sv',
  deu: 'de',
  est: 'et',
  nob: 'no',
  dan: 'da',
  nld: 'nl',
  fra: 'fr',
  spa: 'es',
  ita: 'it',
  por: 'pt',
  pol: 'pl',
  rus: 'ru',
};

/**
 * Frequent short words that identify a language even in a two-word message, where trigram
 * statistics are unreliable. Only the languages the analyzer has lexicons for, plus Swedish,
 * which Finnish companies meet daily.
 */
const FUNCTION_WORDS: Record<string, readonly string[]> = {
  en: [
    'the',
    'is',
    'are',
    'and',
    'not',
    'we',
    'you',
    'our',
    'it',
    'to',
    'of',
    'in',
    'was',
    'be',
    'has',
    'but',
    'my',
    'thanks',
    'thank',
    'please',
    'hi',
    'hello',
    'ok',
    'yes',
    'no',
    'can',
    'this',
    'with',
    'for',
    'have',
    'great',
    'cheers',
  ],
  fi: [
    'ja',
    'ei',
    'ole',
    'se',
    'te',
    'eivät',
    'emme',
    'ovat',
    'oli',
    'olla',
    'tai',
    'jos',
    'kuin',
    'sitä',
    'siitä',
    'meillä',
    'meidän',
    'teillä',
    'teidän',
    'kiitos',
    'kiitoksia',
    'hei',
    'moi',
    'terve',
    'kyllä',
    'joo',
    'selvä',
    'mutta',
    'että',
    'tämä',
    'nyt',
    'myös',
    'vielä',
    'jo',
    'kun',
    'kanssa',
    'olisi',
    'onko',
    'voisitteko',
    'pitäisi',
    'koska',
    'vain',
    'mikä',
    'miksi',
    'miten',
  ],
  sv: [
    'och',
    'inte',
    'är',
    'vi',
    'ni',
    'det',
    'tack',
    'hej',
    'med',
    'för',
    'kan',
    'har',
    'på',
    'också',
    'att',
    'som',
  ],
};

/** Minimum letters before franc's trigram guess is considered at all. */
const MIN_LETTERS_FOR_TRIGRAMS = 10;

/** Below this many letters, clear function-word evidence beats trigrams. */
const SHORT_TEXT_LETTERS = 60;

/** franc scores the best language 1; a worded language this close to it may overrule it. */
const NEAR_SCORE = 0.85;

export interface DetectedLanguage {
  /** ISO 639-1 code. */
  language: string;
  /** How the language was decided, for confidence and for explaining. */
  basis: 'trigrams' | 'words' | 'default';
}

/**
 * Detects the language of a customer's text: function words on short texts, franc's trigram model
 * on longer ones (function words settle a close call), English when nothing is known.
 */
export function detectLanguage(text: string): DetectedLanguage {
  // franc only reads the first 2048 characters anyway; slicing keeps 100k-character texts cheap.
  const sample = text.slice(0, 4096);
  const votes = countFunctionWords(sample);
  const [top, runnerUp] = [...votes.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const wordWinner = top && top[1] > 0 && (!runnerUp || top[1] > runnerUp[1]) ? top[0] : undefined;
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;

  if (wordWinner && letters < SHORT_TEXT_LETTERS) return { language: wordWinner, basis: 'words' };
  if (letters >= MIN_LETTERS_FOR_TRIGRAMS) {
    const ranked = francAll(sample, { only: Object.keys(CANDIDATES), minLength: MIN_LETTERS_FOR_TRIGRAMS });
    const best = ranked[0];
    const bestCode = best && best[0] !== 'und' ? CANDIDATES[best[0]] : undefined;
    if (bestCode) {
      // Trigrams confuse related or short texts; two more function words of a language franc
      // also rates highly settle it.
      if (wordWinner && wordWinner !== bestCode) {
        const winnerScore = ranked.find(([code]) => CANDIDATES[code] === wordWinner)?.[1] ?? 0;
        const margin = (votes.get(wordWinner) ?? 0) - (votes.get(bestCode) ?? 0);
        if (margin >= 2 && winnerScore >= NEAR_SCORE) return { language: wordWinner, basis: 'words' };
      }
      return { language: bestCode, basis: 'trigrams' };
    }
  }
  if (wordWinner) return { language: wordWinner, basis: 'words' };
  return { language: 'en', basis: 'default' };
}

function countFunctionWords(text: string): Map<string, number> {
  const votes = new Map<string, number>();
  const words = tokenizeWords(text).map((token) => token.word);
  for (const [language, list] of Object.entries(FUNCTION_WORDS)) {
    const set = new Set(list);
    votes.set(language, words.filter((word) => set.has(word)).length);
  }
  return votes;
}

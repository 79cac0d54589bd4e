import { francAll } from 'franc';

/**
 * franc answers in ISO 639-3; Verbatim speaks ISO 639-1. Detection is limited to the languages
 * our customers write in, which keeps short Nordic texts from being read as, say, Estonian slang.
 */
const ISO_639_1: Record<string, string> = {
  eng: 'en',
  fin: 'fi',
  swe: 'sv',
  deu: 'de',
  fra: 'fr',
  spa: 'es',
  ita: 'it',
  nld: 'nl',
  por: 'pt',
  pol: 'pl',
  dan: 'da',
  nob: 'no',
  est: 'et',
  rus: 'ru',
};
const CANDIDATES = Object.keys(ISO_639_1);
/** Below this many characters franc's guesses are noise. */
const MIN_LENGTH = 20;
/** Trigram statistics settle long before this; the rest of a long mail only costs time. */
const SAMPLE_CHARS = 4000;

/**
 * ISO 639-1 hint for a text, or null when it is too short to tell. A `Content-Language` header the
 * sender's client set wins over statistics.
 */
export function detectLanguage(text: string, contentLanguage?: string | null): string | null {
  const declared = /^\s*([a-z]{2})(?:[-_][a-z0-9]+)?\s*(?:,|$)/i.exec(contentLanguage ?? '')?.[1];
  if (declared) return declared.toLowerCase();
  const sample = text.replace(/https?:\/\/\S+/g, ' ').slice(0, SAMPLE_CHARS);
  const [best, runnerUp] = francAll(sample, { only: CANDIDATES, minLength: MIN_LENGTH });
  if (best === undefined || best[0] === 'und') return null;
  // Trigrams alone confuse short English with French and Danish; common words settle near ties.
  if (runnerUp !== undefined && best[1] - runnerUp[1] < NEAR_TIE) {
    const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
    const score = (code: string) => words.filter((word) => COMMON_WORDS[code]?.has(word)).length;
    if (score(runnerUp[0]) > score(best[0])) return ISO_639_1[runnerUp[0]] ?? null;
  }
  return ISO_639_1[best[0]] ?? null;
}

/** franc scores are relative (best = 1); closer than this the trigram verdict is a coin toss. */
const NEAR_TIE = 0.1;
const COMMON_WORDS: Record<string, Set<string>> = {
  eng: new Set(
    'the and is are was to of in on for it that this with our we you not please have be'.split(' '),
  ),
  fra: new Set('le la les et est sont de des du un une pour que qui pas nous vous avec dans sur'.split(' ')),
  dan: new Set('og er det en at til af på med for ikke vi har som den'.split(' ')),
  fin: new Set('ja on ei se että mutta kun myös tai ole olla meidän te me ovat oli'.split(' ')),
  swe: new Set('och är det en att till av på med för inte vi har som den'.split(' ')),
  deu: new Set('und ist das die der nicht wir sie mit für auf ein eine zu von'.split(' ')),
};

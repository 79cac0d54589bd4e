import { franc } from 'franc';

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
  const code = franc(sample, { only: CANDIDATES, minLength: MIN_LENGTH });
  return ISO_639_1[code] ?? null;
}

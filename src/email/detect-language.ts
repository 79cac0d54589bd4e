import { detectLanguage as detectTextLanguage } from '../analyzers/heuristic/detect-language.ts';

/** Below this many letters a mail's language is a guess; the analyzer decides later anyway. */
const MIN_LETTERS = 20;
/** Trigram statistics settle long before this; the rest of a long mail only costs time. */
const SAMPLE_CHARS = 4000;

/**
 * ISO 639-1 hint for a mail's text, or null when it is too short to tell. A `Content-Language`
 * header the sender's client set wins over statistics; otherwise the one language detector the
 * analyzer uses too (franc's trigrams restricted to our customers' languages, function words on
 * short texts), with links left out.
 */
export function detectLanguage(text: string, contentLanguage?: string | null): string | null {
  const declared = /^\s*([a-z]{2})(?:[-_][a-z0-9]+)?\s*(?:,|$)/i.exec(contentLanguage ?? '')?.[1];
  if (declared) return declared.toLowerCase();
  const sample = text.replace(/https?:\/\/\S+/g, ' ').slice(0, SAMPLE_CHARS);
  if ((sample.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS) return null;
  const detected = detectTextLanguage(sample);
  return detected.basis === 'default' ? null : detected.language;
}

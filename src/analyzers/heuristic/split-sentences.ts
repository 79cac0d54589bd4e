/** A sentence of the text: its UTF-16 span (trimmed) and its text. */
export interface Sentence {
  start: number;
  end: number;
  text: string;
}

/**
 * Abbreviations that end with a full stop but do not end a sentence (English and Finnish, lower
 * case, without the stop). Single letters (initials, "n. 5 min") are handled separately.
 */
const ABBREVIATIONS = new Set([
  'e.g',
  'i.e',
  'eg',
  'ie',
  'etc',
  'vs',
  'approx',
  'appr',
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'no',
  'nr',
  'inc',
  'ltd',
  'co',
  'corp',
  'jr',
  'sr',
  'st',
  'fig',
  'ref',
  'min',
  'max',
  'incl',
  'excl',
  'esim',
  'ns',
  'mm',
  'yms',
  'jne',
  'ks',
  'klo',
  'tms',
  'kpl',
  'puh',
  'os',
  'ym',
  'em',
  'ko',
  'ao',
  'nk',
  'huom',
  'vrt',
  'ent',
  'toim',
  'oy',
  'oyj',
  'ab',
  'ry',
]);

// URLs and email addresses are masked before scanning so their dots never end a sentence.
const UNBREAKABLE = /\b(?:https?:\/\/|www\.)[^\s<>"]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu;

/**
 * Splits customer text into sentences. Copes with what customers write: URLs and email
 * addresses, abbreviations ("e.g.", "esim.", "klo"), Finnish ordinals and dates ("15. marraskuuta",
 * "23.11."), version numbers, lists and hard-wrapped email lines. Offsets index the original text.
 */
export function splitSentences(text: string): Sentence[] {
  const masked = text.replace(UNBREAKABLE, (match) => 'x'.repeat(match.length));
  const breaks: number[] = [];
  for (let index = 0; index < masked.length; index++) {
    const char = masked[index]!;
    if (char === '\n') {
      if (isLineBreakSentenceEnd(masked, index)) breaks.push(index + 1);
    } else if (char === '.' || char === '!' || char === '?' || char === '…') {
      let end = index + 1;
      while (end < masked.length && /[.!?…"'”’)\]]/u.test(masked[end]!)) end++;
      if (end < masked.length && !/\s/u.test(masked[end]!)) continue;
      if (char === '.' && end === index + 1 && !isFullStopSentenceEnd(masked, index)) continue;
      breaks.push(end);
      index = end - 1;
    }
  }
  breaks.push(text.length);

  const sentences: Sentence[] = [];
  let from = 0;
  for (const to of breaks) {
    if (to <= from) continue;
    const raw = text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) sentences.push({ start: from + lead, end: from + lead + trimmed.length, text: trimmed });
    from = to;
  }
  return sentences;
}

/**
 * A newline ends a sentence unless it is a hard wrap inside one: the line ends in a lower-case
 * letter or a comma and the next line starts with a lower-case letter. A blank line always ends
 * one: "Hei,\n\nhyvinvointialue ottaa …" is a greeting, then the message.
 */
function isLineBreakSentenceEnd(text: string, index: number): boolean {
  if (/^[ \t\r]*\n/u.test(text.slice(index + 1, index + 1 + LOOK_LIMIT))) return true;
  const before = nearestNonSpace(text, index - 1, -1);
  const after = nearestNonSpace(text, index + 1, 1);
  const wraps = /[\p{Ll},]/u.test(before) && /\p{Ll}/u.test(after);
  return !wraps;
}

/** A full stop followed by space ends a sentence unless it closes an abbreviation or an ordinal. */
function isFullStopSentenceEnd(text: string, index: number): boolean {
  const wordBefore = /[\p{L}\p{N}.]*$/u.exec(text.slice(Math.max(0, index - 20), index))?.[0] ?? '';
  const next = nearestNonSpace(text, index + 1, 1);
  if (ABBREVIATIONS.has(wordBefore.toLowerCase())) return false;
  // An initial ("J. Smith") or a single-letter abbreviation ("n. 5 min").
  if (/^\p{L}$/u.test(wordBefore)) return false;
  // Finnish ordinals and dates ("15. marraskuuta", "23.11. klo"): a number then a lower-case word or a digit.
  if (/^[\d.]+$/u.test(wordBefore) && /[\p{Ll}\d]/u.test(next)) return false;
  // A short word then a lower-case continuation reads as an abbreviation we do not know ("approx. ten").
  if (wordBefore.length <= 3 && /\p{Ll}/u.test(next)) return false;
  return true;
}

/** Bound on how far to look past whitespace, so long blank runs stay linear. */
const LOOK_LIMIT = 200;

function nearestNonSpace(text: string, from: number, step: 1 | -1): string {
  for (
    let index = from, seen = 0;
    index >= 0 && index < text.length && seen < LOOK_LIMIT;
    index += step, seen++
  ) {
    const char = text.charAt(index);
    if (!/\s/u.test(char)) return char;
  }
  return '';
}

/**
 * Quotes are always the customer's words. A phrase someone (a model, a heuristic, a digest) wants
 * to show in quotation marks is looked up in the stored customer text; only a phrase found there is
 * a quote, and what is shown is the stored span itself, never the phrase as proposed.
 *
 * Both sides are compared after the same light normalisation the relay's text goes through on its
 * way to a reader: Unicode NFC, typographic quotes and apostrophes as their ASCII forms, and any run
 * of whitespace as one space. Case, words, punctuation and their order must match exactly.
 */
export type QuoteCheck =
  | { verbatim: true /** The exact span of the stored text, as the customer wrote it. */; quote: string }
  | { verbatim: false };

/** Shortest phrase worth quoting; shorter "quotes" (one word, an emoji) verify too easily. */
const MIN_QUOTE_CHARS = 3;

export function verifyQuote(phrase: string, storedText: string): QuoteCheck {
  const needle = normaliseForQuote(phrase.normalize('NFC')).text.trim();
  if (needle.length < MIN_QUOTE_CHARS) return { verbatim: false };
  const source = storedText.normalize('NFC');
  const haystack = normaliseForQuote(source);
  const at = haystack.text.indexOf(needle);
  if (at === -1) return { verbatim: false };
  const start = haystack.origin[at]!;
  const lastOrigin = haystack.origin[at + needle.length - 1]!;
  const end = lastOrigin + charLengthAt(source, lastOrigin);
  return { verbatim: true, quote: source.slice(start, end) };
}

const TYPOGRAPHIC: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u2032': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u00AB': '"',
  '\u00BB': '"',
  '\u2033': '"',
};

/** The normalised text and, for each of its UTF-16 units, the index in the original it came from. */
function normaliseForQuote(text: string): { text: string; origin: number[] } {
  let out = '';
  const origin: number[] = [];
  let index = 0;
  let lastWasSpace = false;
  for (const char of text) {
    const normalised = /\s/u.test(char) ? ' ' : (TYPOGRAPHIC[char] ?? char);
    if (normalised === ' ' && lastWasSpace) {
      index += char.length;
      continue;
    }
    lastWasSpace = normalised === ' ';
    for (let unit = 0; unit < normalised.length; unit++) origin.push(index);
    out += normalised;
    index += char.length;
  }
  return { text: out, origin };
}

function charLengthAt(text: string, index: number): number {
  const code = text.codePointAt(index) ?? 0;
  return code > 0xffff ? 2 : 1;
}

/**
 * Separates an author's new words from what they quoted (earlier mails of the thread) and from
 * their signature. Nothing is dropped: `text` and `quoted` together hold every line of the input.
 * When the split is uncertain (answers written between quoted lines) everything stays in `text`:
 * showing a quote twice is better than hiding a word the customer wrote.
 */
export interface QuoteSplit {
  text: string;
  quoted: string | null;
}

/** A reply header introducing a `>` quote: "On … wrote:", "… kirjoitti:", "Am … schrieb …:", … */
const REPLY_HEADER =
  /(\bwrote|\bkirjoitti\b.*|\bschrieb\b.*|\bskrev\b.*|\bskrev følgende\b.*|a écrit|escribió|ha scritto|\bschreef\b.*|napsal\(a\)|napisał\(a\)|\bnapisał|escreveu)\s*:\s*$/i;
const REPLY_HEADER_START = /^\s*(On|Am|Le|El|Il|Op|Den|På|Dne|W dniu|Em)\s/i;
/** Outlook puts the quoted mail under a line of underscores or an "Original Message" banner. */
const UNDERSCORES = /^\s*_{20,}\s*$/;
const ORIGINAL_MESSAGE =
  /^\s*-{2,}\s*(Original Message|Alkuperäinen viesti|Ursprüngliche Nachricht|Ursprungligt meddelande|Opprinnelig melding|Oprindelig meddelelse|Message d'origine|Mensaje original|Messaggio originale|Oorspronkelijk bericht|Wiadomość oryginalna)\s*-{2,}\s*$/i;
const HEADER_FROM = /^\s*\*?(From|Lähettäjä|Von|Från|Fra|De|Van|Od|Da|Feladó)\s*:\*?\s*\S/i;
const HEADER_DATE =
  /^\s*\*?(Sent|Date|Lähetetty|Päivämäärä|Gesendet|Datum|Skickat|Sendt|Envoyé|Enviado|Verzonden|Wysłano|Inviato|Dátum)\s*:/i;
const QUOTE_LINE = /^\s*>/;

const VALEDICTIONS = [
  'best regards',
  'kind regards',
  'warm regards',
  'warmest regards',
  'regards',
  'best wishes',
  'best',
  'cheers',
  'sincerely',
  'yours sincerely',
  'yours truly',
  'thanks and regards',
  'br',
  'brgds',
  'rgds',
  'ystävällisin terveisin',
  'ystävällisesti',
  'terveisin',
  'parhain terveisin',
  'hyvää päivänjatkoa',
  'kiittäen',
  'kiitos ja terveisin',
  'med vänlig hälsning',
  'med vänliga hälsningar',
  'vänliga hälsningar',
  'hälsningar',
  'mvh',
  'mit freundlichen grüßen',
  'mit freundlichen grüssen',
  'freundliche grüße',
  'viele grüße',
  'beste grüße',
  'liebe grüße',
  'mfg',
  'cordialement',
  'bien cordialement',
];
const VALEDICTION = new RegExp(`^\\s*(${VALEDICTIONS.join('|')})\\s*[,.!]?\\s*$`, 'i');
/** "Thanks," also closes mails, but it is also a sentence: it only counts before a short name block. */
const THANKS = /^\s*(thanks|thank you|many thanks|kiitos|tack|danke)\s*[,.!]?\s*$/i;
const MOBILE_FOOTER =
  /^\s*(Sent from my \S+|Sent from Outlook for \S+|Get Outlook for \S+|Lähetetty (iPhonesta|iPadista|Android-laitteesta|Outlookista)|Von meinem \S+ gesendet|Skickat från min \S+|Envoyé de mon \S+)/i;
const SIGNATURE_DELIMITER = /^-- ?$/;
/** A signature is a short block at the end; a "regards" with more than this after it is prose. */
const MAX_SIGNATURE_LINES = 12;

export function splitQuotedText(body: string): QuoteSplit {
  const lines = body.split('\n');
  const strong = findStrongMarker(lines);
  const end = strong ?? lines.length;
  const regions = findQuoteRegions(lines, end);
  let newStart = 0;
  let newEnd = end;
  const quotedRanges: Array<[number, number]> = [];
  if (regions.length > 0) {
    const first = regions[0]!;
    const last = regions[regions.length - 1]!;
    const outside = contentLinesOutside(lines, end, regions);
    if (outside.every((index) => index < first[0])) {
      newEnd = first[0];
      quotedRanges.push([first[0], end]);
    } else if (
      strong === null &&
      outside.every((index) => index >= last[1]) &&
      noContentBetween(lines, regions)
    ) {
      newStart = last[1];
      quotedRanges.push([0, last[1]]);
    }
  }
  const signature = findSignature(lines, newStart, newEnd);
  const textEnd = signature ?? newEnd;
  if (signature !== null) quotedRanges.push([signature, newEnd]);
  if (strong !== null) quotedRanges.push([strong, lines.length]);
  quotedRanges.sort((a, b) => a[0] - b[0]);
  const quoted = quotedRanges
    .map(([from, to]) => trimBlankLines(lines.slice(from, to).join('\n')))
    .filter((piece) => piece !== '');
  return {
    text: trimBlankLines(lines.slice(newStart, textEnd).join('\n')),
    quoted: quoted.length > 0 ? quoted.join('\n\n') : null,
  };
}

/** Removes blank lines at both ends and whitespace after the last character; inner text untouched. */
export function trimBlankLines(text: string): string {
  return text.replace(/^(?:[ \t\u00a0]*\n)+/, '').trimEnd();
}

/** Where an Outlook-style quoted mail starts (everything below is quoted), or null. */
function findStrongMarker(lines: string[]): number | null {
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (QUOTE_LINE.test(line)) continue;
    if (ORIGINAL_MESSAGE.test(line)) return index;
    if (UNDERSCORES.test(line) && headerBlockFollows(lines, index + 1)) return index;
    if (HEADER_FROM.test(line) && index > 0 && headerBlockFollows(lines, index)) return index;
    const header = replyHeaderAt(lines, index);
    if (
      header !== null &&
      /<[^<>\s]+@[^<>\s]+>|\[[^[\]\s]+@[^[\]\s]+\]/.test(header.text) &&
      !quoteFollows(lines, index + header.lines)
    ) {
      return index;
    }
  }
  return null;
}

/** A From line followed within two lines by a Sent/Date line: a quoted mail's header block. */
function headerBlockFollows(lines: string[], from: number): boolean {
  const next = nonBlankAfter(lines, from, 4);
  const fromAt = next.findIndex((index) => HEADER_FROM.test(lines[index]!));
  if (fromAt === -1) return false;
  return next.slice(fromAt + 1, fromAt + 3).some((index) => HEADER_DATE.test(lines[index]!));
}

/** Reply header starting at `index`, possibly wrapped over up to three lines (Gmail wraps long ones). */
function replyHeaderAt(lines: string[], index: number): { text: string; lines: number } | null {
  let text = lines[index]!;
  if (text.trim() === '' || text.length > 400) return null;
  for (let count = 1; count <= 3; count += 1) {
    if (
      REPLY_HEADER.test(text) &&
      (count === 1 || REPLY_HEADER_START.test(text) || /kirjoitti/i.test(text))
    ) {
      return { text, lines: count };
    }
    const next = lines[index + count];
    if (
      next === undefined ||
      next.trim() === '' ||
      QUOTE_LINE.test(next) ||
      !REPLY_HEADER_START.test(lines[index]!)
    ) {
      return null;
    }
    text = `${text} ${next.trim()}`;
  }
  return null;
}

function quoteFollows(lines: string[], from: number): boolean {
  const [next] = nonBlankAfter(lines, from, 1);
  return next !== undefined && QUOTE_LINE.test(lines[next]!);
}

/** Runs of `>` lines (blank lines inside allowed), each with the reply header that introduces it. */
function findQuoteRegions(lines: string[], end: number): Array<[number, number]> {
  const regions: Array<[number, number]> = [];
  let index = 0;
  while (index < end) {
    const header = replyHeaderAt(lines, index);
    const headerLines = header !== null && quoteFollows(lines, index + header.lines) ? header.lines : 0;
    const quoteAt = headerLines > 0 ? nonBlankAfter(lines, index + headerLines, 1)[0]! : index;
    if (quoteAt >= end || !QUOTE_LINE.test(lines[quoteAt]!)) {
      index += 1;
      continue;
    }
    let stop = quoteAt;
    let lastQuote = quoteAt;
    while (stop < end && (QUOTE_LINE.test(lines[stop]!) || lines[stop]!.trim() === '')) {
      if (QUOTE_LINE.test(lines[stop]!)) lastQuote = stop;
      stop += 1;
    }
    regions.push([index, lastQuote + 1]);
    index = lastQuote + 1;
  }
  return regions;
}

function contentLinesOutside(lines: string[], end: number, regions: Array<[number, number]>): number[] {
  const found: number[] = [];
  let region = 0;
  for (let index = 0; index < end; index += 1) {
    while (region < regions.length && regions[region]![1] <= index) region += 1;
    const inside = region < regions.length && index >= regions[region]![0];
    if (!inside && lines[index]!.trim() !== '') found.push(index);
  }
  return found;
}

function noContentBetween(lines: string[], regions: Array<[number, number]>): boolean {
  for (let r = 1; r < regions.length; r += 1) {
    for (let index = regions[r - 1]![1]; index < regions[r]![0]; index += 1) {
      if (lines[index]!.trim() !== '') return false;
    }
  }
  return true;
}

/** Start of the signature within [from, to), or null. Never leaves the new text without words. */
function findSignature(lines: string[], from: number, to: number): number | null {
  const content: number[] = [];
  for (let index = from; index < to; index += 1) {
    if (lines[index]!.trim() !== '') content.push(index);
  }
  const firstContent = content[0];
  if (firstContent === undefined) return null;
  for (let index = to - 1; index > firstContent; index -= 1) {
    if (SIGNATURE_DELIMITER.test(lines[index]!)) return index;
  }
  // A signature is short, so only the last lines with words can start one.
  for (
    let position = Math.max(1, content.length - MAX_SIGNATURE_LINES - 1);
    position < content.length;
    position += 1
  ) {
    const index = content[position]!;
    const line = lines[index]!;
    const after = content.slice(position + 1).map((rest) => lines[rest]!);
    if (after.some((rest) => /\?\s*$/.test(rest))) continue;
    if (VALEDICTION.test(line) || MOBILE_FOOTER.test(line)) return index;
    if (
      THANKS.test(line) &&
      after.length <= 4 &&
      after.every((rest) => rest.length <= 60 && !/[.?!:]\s*$/.test(rest))
    ) {
      return index;
    }
  }
  return null;
}

function nonBlankAfter(lines: string[], from: number, count: number): number[] {
  const found: number[] = [];
  for (let index = from; index < lines.length && found.length < count; index += 1) {
    if (lines[index]!.trim() !== '') found.push(index);
  }
  return found;
}

import EmailForwardParser from 'email-forward-parser';
import type { Mailbox } from './parsed-email.ts';

/** One forward found in a body, split by line so that nothing of the body is lost. */
export interface ForwardSplit {
  /** What the forwarder wrote above the forward (may be empty). */
  note: string;
  /** The separator line and the header block of the forwarded mail (one level of `>` removed). */
  header: string;
  /** The forwarded mail's body (one level of `>` removed). */
  inner: string;
  from: Mailbox;
  date: string | null;
  subject: string | null;
}

const parser = new EmailForwardParser();

/**
 * email-forward-parser runs backtracking regular expressions (RE2 is an optional native add-on we
 * do not install). Forward blocks sit near the top and their lines are short, so it sees at most
 * this many lines, each cut to this many characters: hostile bodies cannot make it slow.
 */
const PROBE_LINES = 1000;
const PROBE_LINE_CHARS = 200;
/** Yahoo writes its separator and the whole header block on one line: those lines may be longer. */
const PROBE_SEPARATOR_LINE_CHARS = 1000;

/**
 * Separators that also introduce plain reply chains: Outlook's underscore line, "Original
 * Message" banners and "On … wrote:" lines. A mail is read as forwarded through them only when its
 * subject says so (`Fw:`, `Fwd:`, `VL:`, `WG:` …), else a customer's reply quoting our own staff
 * would be credited to the staff member.
 */
const AMBIGUOUS_SEPARATOR =
  /^\s*_{10,}\s*$|original message|(wrote|kirjoitti|schrieb|skrev|escribió|écrit|scritto|geschreven|napisał|escreveu|написал|napísal|napsal|írta|yazdı)\b.*:\s*$/i;
/** Finnish Outlook's reply prefix `VS:` (vastaus) is Danish Outlook's forward prefix; Finnish wins. */
const REPLY_PREFIX = /^\s*(re|aw|sv|vs|antw|odp|ynt|r)\s*:/i;
const QUOTED = /^\s*>/;
const DANISH_FORWARD_PREFIX = /^\s*vs\s*:/i;
const ADDRESS = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/;

export function isForwardSubject(subject: string | null): boolean {
  if (subject === null || REPLY_PREFIX.test(subject)) return false;
  return parser.read('', subject).forwarded;
}

/** The outermost forward in `text`, or null when the text is not (credibly) a forward. */
export function findForward(text: string, subject: string | null): ForwardSplit | null {
  const lines = text.split('\n');
  const probe = lines.slice(0, PROBE_LINES).map(probeLine).join('\n');
  const forwardSubject = isForwardSubject(subject);
  // `VS:` is a Finnish reply but a Danish forward: read as a forward only with no note above it.
  const danishForward = subject !== null && DANISH_FORWARD_PREFIX.test(subject);
  let bySeparator = true;
  let result = parser.read(probe);
  if (!result.forwarded && (forwardSubject || danishForward)) {
    // New Outlook puts no separator above the forwarded header block: split at its From line.
    result = parser.read(probe, subject);
    bySeparator = false;
  }
  const address = result.email.from.address?.trim().toLowerCase() ?? '';
  if (!result.forwarded || !ADDRESS.test(address)) return null;

  const separator = findSeparatorLine(lines, probe, result.message ?? '');
  if (separator === null) return null;
  const quotedSeparator = QUOTED.test(lines[separator]!);
  // Apple Mail and IONOS quote the whole forward, separator included; a quoted separator deeper
  // in a reply chain is someone else's forward that the customer is replying to.
  if (quotedSeparator && !opensQuotedForward(lines, separator, subject)) return null;
  const separatorLine = quotedSeparator ? lines[separator]!.replace(/^\s*> ?/, '') : lines[separator]!;
  const trusted = forwardSubject || (danishForward && lines.slice(0, separator).join('').trim() === '');
  if ((!bySeparator || AMBIGUOUS_SEPARATOR.test(separatorLine)) && !trusted) return null;

  const raw = lines.slice(separator + 1);
  const section = removeOneQuoteLevel(raw);
  const bodyStart = findBodyStart(section, result.email.body ?? '');
  // Missive quotes only the forwarded body, below a plain header block.
  const body = section === raw ? removeOneQuoteLevel(section.slice(bodyStart)) : section.slice(bodyStart);
  return {
    note: lines.slice(0, separator).join('\n'),
    header: [separatorLine, ...section.slice(0, bodyStart)].join('\n'),
    inner: body.join('\n'),
    from: { name: result.email.from.name?.trim() ?? '', email: address },
    date: result.email.date?.trim() || null,
    subject: result.email.subject?.trim() || null,
  };
}

/**
 * A `>`-quoted separator starts a forward when it opens the quoted block (the last non-blank line
 * above it is the forwarder's own, unquoted, and not an "On … wrote:" reply header) and the
 * subject is not a reply's.
 */
function opensQuotedForward(lines: string[], separator: number, subject: string | null): boolean {
  if (subject !== null && REPLY_PREFIX.test(subject)) return false;
  for (let index = separator - 1; index >= 0; index -= 1) {
    const line = lines[index]!;
    if (line.trim() === '') continue;
    return !QUOTED.test(line) && !AMBIGUOUS_SEPARATOR.test(line);
  }
  return true;
}

/** The line the separator is on: the first line with words after the forwarder's note. */
function findSeparatorLine(lines: string[], probe: string, message: string): number | null {
  let start = 0;
  if (message !== '') {
    const at = probe.indexOf(message);
    if (at === -1) return null;
    start = countNewlines(probe, at + message.length) + 1;
  }
  for (let index = start; index < Math.min(lines.length, PROBE_LINES); index += 1) {
    if (lines[index]!.trim() !== '') return index;
  }
  return null;
}

/**
 * Apple Mail and others quote the forwarded mail with `>`; Outlook 2019 indents it by four spaces.
 * Only one level is removed, so the original's own quotes keep theirs.
 */
function removeOneQuoteLevel(section: string[]): string[] {
  const content = section.filter((line) => line.trim() !== '');
  if (content.length === 0) return section;
  const quoted = content.filter((line) => line.startsWith('>')).length;
  if (quoted / content.length >= 0.8) return section.map((line) => line.replace(/^> ?/, ''));
  if (content.every((line) => line.startsWith('    ')))
    return section.map((line) => line.replace(/^ {4}/, ''));
  return section;
}

/**
 * Where the forwarded body starts in `section`: the line the parser's body begins with. The parser
 * strips every `>` and trims, so lines are compared the same way. Falls back to the first blank
 * line after the header block.
 */
function findBodyStart(section: string[], parsedBody: string): number {
  const firstBodyLine = comparable(parsedBody.split('\n').find((line) => line.trim() !== '') ?? '');
  if (firstBodyLine === '') return section.length;
  for (let index = 0; index < section.length; index += 1) {
    if (comparable(section[index]!) === firstBodyLine) return index;
  }
  const headerEnd = section.findIndex((line, index) => line.trim() === '' && index > 0);
  return headerEnd === -1 ? section.length : headerEnd;
}

/** A line as the parser sees it: cut to size, byte order marks dropped, no-break spaces as spaces. */
function probeLine(line: string): string {
  const limit = /^\s*-{3,}/.test(line) ? PROBE_SEPARATOR_LINE_CHARS : PROBE_LINE_CHARS;
  return line
    .slice(0, limit)
    .replace(/\uFEFF/g, '')
    .replace(/\u00A0/g, ' ');
}

function comparable(line: string): string {
  return probeLine(line)
    .replace(/^(\s*>)+/, '')
    .trim();
}

function countNewlines(text: string, end: number): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < end; at = text.indexOf('\n', at + 1)) count += 1;
  return count;
}

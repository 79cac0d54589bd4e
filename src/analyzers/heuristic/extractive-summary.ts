import { type Sentence, splitSentences } from './split-sentences.ts';

/** A piece of evidence at a place in the text (a cue, a keyword), with how much it tells. */
export interface Evidence {
  /** UTF-16 offset in the text. */
  at: number;
  weight: number;
}

export interface SummaryOptions {
  /** Sentences picked at most. */
  maxSentences?: number;
  /** Longest summary in UTF-16 units; a longer sentence is cut at a word and marked with "…". */
  maxLength?: number;
}

// Lines that carry no content: greetings, sign-offs, quoted replies and reply headers.
const GREETING =
  /^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|hei|moi|moikka|terve|hyvää (?:huomenta|päivää|iltaa)|tervehdys)\b[^.!?]{0,40}[,!.:]?$/iu;
const SIGN_OFF =
  /^(?:thanks|thank you|many thanks|cheers|br|best|regards|best regards|kind regards|sincerely|kiitos|kiitoksia|terveisin|ystävällisin terveisin|parhain terveisin|t\.|yst\. terv\.)\b[^.!?]{0,30}[,!.]?$/iu;
/** "Hi team, the export fails" → "the export fails": a greeting before the matter is left out. */
const LEADING_GREETING = /^(?:hi|hello|hey|dear|hei|moi|moikka|terve)\b[^,.!?]{0,30}[,!]\s+(?=\S)/iu;
const QUOTED_LINE = /^>/u;
const REPLY_HEADER = /^(?:on .{5,80} wrote:|.{5,80} kirjoitti:|-----\s*original message|from: )/iu;
/**
 * Pasted machine text: a log line (starts with a timestamp or a level tag), a stack frame, a
 * shell prompt or code. Its words ("ERROR", "504") are evidence for the triage, but they are
 * not how a person would say what the request is about.
 */
const MACHINE_LINE =
  /^(?:\[?\d{4}-\d{2}-\d{2}[T ]\d|\[?\d{2}:\d{2}:\d{2}|\[?(?:ERROR|WARN|WARNING|INFO|DEBUG|TRACE|FATAL)\b|at \S+ \(|[$#] |```|[{}[\]<]|(?:const|let|var|function|import|SELECT|curl) )/u;
/** A sentence ending in a colon introduces what follows: a paste, a list. */
const INTRODUCES_PASTE = /:\s*$/u;
/** A sentence with fewer than this share of letters among its visible characters is machine text. */
const MIN_LETTER_SHARE = 0.55;

/** Sentences this short (in words) rarely say what the request is about. */
const MIN_INFORMATIVE_WORDS = 4;
/** Sentences this long are usually pasted logs or run-ons. */
const MAX_INFORMATIVE_WORDS = 45;

/** A second sentence is added only if it carries at least this share of the best one's score. */
const SECOND_SENTENCE_SHARE = 0.6;

/**
 * Picks the one or two most informative sentences of the customer's own text, in their original
 * order. Nothing is invented: every part is a sentence of the text (runs of whitespace collapsed
 * to one space, a leading "Hi team," left out); a sentence longer than `maxLength` is cut at a word and ends with "…". The
 * summary stays in the customer's language whatever language the team reads: translating would
 * mean writing words the customer did not write.
 */
export function summarizeExtractively(
  text: string,
  evidence: readonly Evidence[],
  options: SummaryOptions = {},
): string {
  const maxSentences = options.maxSentences ?? 2;
  const maxLength = options.maxLength ?? 280;
  const sentences = splitSentences(text);
  if (sentences.length === 0) return '';
  const candidates = contentSentences(sentences);
  const pool = candidates.length > 0 ? candidates : sentences;

  const scored = pool.map((sentence, index) => ({
    sentence,
    index,
    score: scoreSentence(sentence, index, evidence),
  }));
  const ranked = [...scored].sort((a, b) => b.score - a.score || a.index - b.index);
  const best = ranked[0]!;
  const picked = [best];
  for (const candidate of ranked.slice(1)) {
    if (picked.length >= maxSentences) break;
    const length = picked.reduce((sum, item) => sum + compact(item.sentence.text).length + 1, 0);
    if (candidate.score < best.score * SECOND_SENTENCE_SHARE || best.score <= 0) break;
    // A lead-in to a paste ("Here is the log:") reads as a dangling half without the paste.
    if (INTRODUCES_PASTE.test(candidate.sentence.text)) continue;
    if (length + compact(candidate.sentence.text).length > maxLength) continue;
    picked.push(candidate);
  }
  const summary = picked
    .sort((a, b) => a.index - b.index)
    .map((item) => compact(item.sentence.text).replace(LEADING_GREETING, ''))
    .join(' ');
  return cutAtWord(summary, maxLength);
}

/**
 * Drops greetings, sign-offs, pasted logs and code, `>`-quoted lines, and everything after a
 * sign-off or a reply header once the customer has said something (signatures, history).
 */
function contentSentences(sentences: readonly Sentence[]): Sentence[] {
  const kept: Sentence[] = [];
  let inCode = false;
  for (const sentence of sentences) {
    const line = compact(sentence.text);
    if (line.startsWith('```')) {
      const oneLiner = line.length > 6 && line.endsWith('```');
      if (!oneLiner) inCode = !inCode;
      continue;
    }
    if (inCode) continue;
    if (REPLY_HEADER.test(line)) {
      if (kept.length > 0) break;
      continue;
    }
    if (QUOTED_LINE.test(line) || isMachineText(line)) continue;
    if (SIGN_OFF.test(line)) {
      if (kept.length > 0) break;
      continue;
    }
    if (GREETING.test(line)) continue;
    kept.push(sentence);
  }
  return kept;
}

function isMachineText(line: string): boolean {
  if (MACHINE_LINE.test(line)) return true;
  const visible = line.replace(/\s+/gu, '');
  const letters = visible.match(/\p{L}/gu)?.length ?? 0;
  return visible.length >= 12 && letters / visible.length < MIN_LETTER_SHARE;
}

function scoreSentence(sentence: Sentence, index: number, evidence: readonly Evidence[]): number {
  let score = 0;
  for (const item of evidence) {
    if (item.at >= sentence.start && item.at < sentence.end) score += item.weight;
  }
  const words = sentence.text.split(/\s+/u).filter(Boolean).length;
  if (words < MIN_INFORMATIVE_WORDS) score -= 1;
  else if (words <= MAX_INFORMATIVE_WORDS) score += 1;
  else score -= 0.5;
  // The customer's first content sentence usually states the matter.
  if (index === 0) score += 0.5;
  // "Here is the log:" introduces a paste; it does not say what is wrong.
  if (INTRODUCES_PASTE.test(sentence.text)) score -= 1;
  return score;
}

function compact(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

function cutAtWord(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const space = text.lastIndexOf(' ', maxLength - 1);
  let cut = space > maxLength / 2 ? space : maxLength - 1;
  // Never leave half a surrogate pair behind.
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return `${text.slice(0, cut).trimEnd()}…`;
}

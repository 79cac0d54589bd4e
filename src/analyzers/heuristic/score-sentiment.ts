import { compilePhrases, findPhrases, type PhraseHit } from './find-phrases.ts';
import { isNegated } from './is-negated.ts';
import {
  EMOJI_WEIGHTS,
  INTENSIFIERS,
  NEGATION_FACTOR,
  NEGATION_SCOPE_WORDS,
  SENTIMENT_ENTRIES,
  type SentimentEntry,
} from './sentiment-lexicon.ts';
import type { WordToken } from './tokenize-words.ts';

export interface SentimentCue {
  /** The customer's words, verbatim. */
  phrase: string;
  /** Weight after negation and intensifiers, −3…3 scale (can exceed it when intensified). */
  weight: number;
  /**
   * The weight before the contrast rule scaled it: how strong the word itself is. "…, but SSO
   * gives an error" weighs "error" more in the score, yet does not make it an angry word.
   */
  intensity: number;
}

export interface Sentiment {
  /** −1 … 1, rounded to two decimals. */
  score: number;
  cues: SentimentCue[];
}

const COMPILED = compilePhrases(SENTIMENT_ENTRIES, (entry) => entry.phrase);

/** VADER's normalisation constant: a raw sum of ±3.9 maps to about ±0.7. */
const NORMALISATION_ALPHA = 15;

/** After "but"/"mutta" the customer's real point follows: weigh it more, the lead-in less. */
const CONTRAST_WORDS = new Set(['but', 'however', 'mutta', 'kuitenkin', 'silti']);
const BEFORE_CONTRAST = 0.5;
const AFTER_CONTRAST = 1.5;

/** A word in capitals of at least this many letters reads as shouting. */
const SHOUT_MIN_LETTERS = 3;
const SHOUT_FACTOR = 1.3;

/** Each "!" (up to four) adds this much to the size of the raw sum. */
const EXCLAMATION_BOOST = 0.3;
const MAX_EXCLAMATIONS = 4;

/** Each emoji counts at most this many times, so a row of 👍 is not a landslide. */
const MAX_EMOJI_REPEATS = 3;

/** Scores the tone of a text from lexicon cues, negation, intensifiers, contrast, caps, "!" and emoji. */
export function scoreSentiment(text: string, tokens: readonly WordToken[]): Sentiment {
  const hits = selectNonOverlapping(findPhrases(tokens, COMPILED));
  const contrastAt = findLastContrast(tokens);
  const cues: SentimentCue[] = [];
  let sum = 0;
  for (const hit of hits) {
    let weight = hit.entry.weight;
    if (isNegated(text, tokens, hit.firstWord, NEGATION_SCOPE_WORDS)) weight *= NEGATION_FACTOR;
    const before = tokens[hit.firstWord - 1];
    const intensifier = before ? INTENSIFIERS.get(before.word) : undefined;
    if (intensifier) weight *= intensifier;
    const phrase = text.slice(hit.start, hit.end);
    if (isShouted(phrase)) weight *= SHOUT_FACTOR;
    const intensity = weight;
    if (contrastAt >= 0) weight *= hit.firstWord > contrastAt ? AFTER_CONTRAST : BEFORE_CONTRAST;
    if (weight === 0) continue;
    cues.push({ phrase, weight: round(weight), intensity: round(intensity) });
    sum += weight;
  }
  for (const [emoji, emojiWeight] of EMOJI_WEIGHTS) {
    const count = Math.min(countOccurrences(text, emoji), MAX_EMOJI_REPEATS);
    if (count === 0) continue;
    cues.push({ phrase: emoji, weight: emojiWeight * count, intensity: emojiWeight * count });
    sum += emojiWeight * count;
  }
  if (sum !== 0) {
    const exclamations = Math.min(countOccurrences(text, '!'), MAX_EXCLAMATIONS);
    sum += Math.sign(sum) * exclamations * EXCLAMATION_BOOST;
  }
  const score = sum / Math.sqrt(sum * sum + NORMALISATION_ALPHA);
  return { score: round(score), cues };
}

/** At each position the longest phrase wins, and words already inside a phrase are not reused. */
function selectNonOverlapping(hits: PhraseHit<SentimentEntry>[]): PhraseHit<SentimentEntry>[] {
  const chosen: PhraseHit<SentimentEntry>[] = [];
  let coveredUntil = 0;
  for (const hit of hits) {
    if (hit.firstWord < coveredUntil) continue;
    chosen.push(hit);
    coveredUntil = hit.endWord;
  }
  return chosen;
}

function findLastContrast(tokens: readonly WordToken[]): number {
  for (let index = tokens.length - 1; index > 0; index--) {
    if (CONTRAST_WORDS.has(tokens[index]!.word)) return index;
  }
  return -1;
}

function isShouted(phrase: string): boolean {
  const letters = phrase.match(/\p{L}/gu) ?? [];
  return (
    letters.length >= SHOUT_MIN_LETTERS && phrase === phrase.toUpperCase() && phrase !== phrase.toLowerCase()
  );
}

function countOccurrences(text: string, needle: string): number {
  let count = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) count++;
  return count;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

import type { Topic } from '../../core/directory.ts';
import { compilePhrases, findPhrases } from './find-phrases.ts';
import { OPEN_PREFIX_LENGTH } from './match-word-form.ts';
import type { WordToken } from './tokenize-words.ts';

export interface TopicMatch {
  topicId: string;
  score: number;
  /** The customer's words that matched a keyword, verbatim, in text order. */
  phrases: string[];
  /** UTF-16 offsets of the hits, in the order found. */
  offsets: number[];
  /** UTF-16 offset of the first hit. */
  firstAt: number;
}

interface KeywordEntry {
  topicId: string;
  keyword: string;
}

/** A compound-part hit ("kuukausi|lasku") counts less than a whole-word one. */
const COMPOUND_PART_WEIGHT = 0.5;

/** Shortest head before a keyword inside a compound, so "lasku" is not found in "alasku". */
const MIN_COMPOUND_HEAD = 3;

/** Topics returned at most; the first is the main one. */
const MAX_TOPICS = 3;

/** A secondary topic needs at least this share of the best topic's score. */
const SECONDARY_SHARE = 0.5;

/**
 * Scores each taxonomy topic by its keywords found in the text: a hit weighs the number of words
 * in the keyword (a phrase is stronger evidence than a word), a repeated keyword counts once.
 * With `compounds` (Finnish), a long single-word keyword also matches at the end part of a
 * compound word ("kuukausilasku"). Topics come back best first; ties go to the topic mentioned
 * first, then to taxonomy order. No hit, no topic.
 */
export function matchTopics(
  text: string,
  tokens: readonly WordToken[],
  taxonomy: readonly Topic[],
  options: { compounds?: boolean } = {},
): TopicMatch[] {
  const entries: KeywordEntry[] = taxonomy.flatMap((topic) =>
    topic.keywords.map((keyword) => ({ topicId: topic.id, keyword })),
  );
  const compiled = compilePhrases(entries, (entry) => entry.keyword);
  const matches = new Map<string, TopicMatch & { seen: Set<string> }>();
  const record = (entry: KeywordEntry, weight: number, phrase: string, at: number) => {
    const match = matches.get(entry.topicId) ?? {
      topicId: entry.topicId,
      score: 0,
      phrases: [],
      offsets: [],
      firstAt: at,
      seen: new Set<string>(),
    };
    matches.set(entry.topicId, match);
    if (match.seen.has(entry.keyword)) return;
    match.seen.add(entry.keyword);
    match.score += weight;
    match.phrases.push(phrase);
    match.offsets.push(at);
    match.firstAt = Math.min(match.firstAt, at);
  };

  for (const hit of findPhrases(tokens, compiled)) {
    const wordCount = hit.endWord - hit.firstWord;
    record(hit.entry, wordCount, text.slice(hit.start, hit.end), hit.start);
  }
  if (options.compounds) {
    for (const item of compiled) {
      const [word] = item.words;
      if (item.words.length !== 1 || !word || word.endsWith('*') || word.length < OPEN_PREFIX_LENGTH)
        continue;
      for (const token of tokens) {
        const at = token.word.indexOf(word, MIN_COMPOUND_HEAD);
        if (at > 0) record(item.entry, COMPOUND_PART_WEIGHT, text.slice(token.start, token.end), token.start);
      }
    }
  }

  const order = new Map(taxonomy.map((topic, index) => [topic.id, index]));
  const ranked = [...matches.values()].sort(
    (a, b) => b.score - a.score || a.firstAt - b.firstAt || order.get(a.topicId)! - order.get(b.topicId)!,
  );
  const best = ranked[0]?.score ?? 0;
  return ranked
    .filter((match, index) => index === 0 || match.score >= best * SECONDARY_SHARE)
    .slice(0, MAX_TOPICS)
    .map(({ seen: _seen, ...match }) => match);
}

import { splitSentences } from './split-sentences.ts';

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

/**
 * The customer's sentence whose words weigh most for a learned signal, copied verbatim (trimmed),
 * so a learned decision still quotes the customer; null when no word weighs anything.
 */
export function weightiestSentence(text: string, wordWeights: ReadonlyMap<string, number>): string | null {
  let best: { sentence: string; weight: number } | null = null;
  for (const { text: sentence } of splitSentences(text)) {
    const words = new Set(
      (sentence.toLowerCase().match(WORD) ?? []).map((word) => word.replaceAll('’', "'")),
    );
    let weight = 0;
    for (const word of words) weight += Math.max(0, wordWeights.get(word) ?? 0);
    if (weight > 0 && (best === null || weight > best.weight)) best = { sentence: sentence.trim(), weight };
  }
  return best?.sentence ?? null;
}

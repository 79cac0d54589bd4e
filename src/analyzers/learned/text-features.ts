/**
 * The features the learned urgency signal reads: lower-cased words, pairs of adjacent words and
 * four-letter slices of each word. The slices let Finnish inflections ("kaatui", "kaatunut",
 * "kaatuu") and typos share weight with the forms seen in training. Each feature counts once per
 * text (presence, not frequency), so a long rant weighs no more than a short report.
 */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const SLICE = 4;

export function textFeatures(text: string): string[] {
  const words = (text.toLowerCase().match(WORD) ?? []).map((word) => word.replaceAll('’', "'"));
  const features = new Set<string>();
  for (const [index, word] of words.entries()) {
    features.add(`w:${word}`);
    const padded = ` ${word} `;
    for (let at = 0; at + SLICE <= padded.length; at++) features.add(`c:${padded.slice(at, at + SLICE)}`);
    const next = words[index + 1];
    if (next !== undefined) features.add(`b:${word} ${next}`);
  }
  return [...features];
}

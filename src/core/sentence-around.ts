/**
 * The sentence (or line) holding offset `at`, and where it starts. A stop ends a sentence only
 * before whitespace, so "23.12." and "v2.5" do not cut one; sentences are short, so the look back
 * and ahead is bounded, which keeps a long text of many cues linear.
 */
export function sentenceAround(text: string, at: number): { text: string; start: number } {
  const from = Math.max(0, at - 500);
  let start = from;
  for (const match of text.slice(from, at).matchAll(/[.!?\n]\s/gu)) start = from + match.index + 1;
  const rest = text.slice(at, at + 500).search(/[.!?](?:\s|$)|\n/u);
  return { text: text.slice(start, rest === -1 ? Math.min(text.length, at + 500) : at + rest + 1), start };
}

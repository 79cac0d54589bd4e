/** The sentence (or line) that holds `start`…`end`: from the last stop before to the next one after. */
export function sentenceAround(text: string, start: number, end: number): string {
  const from = Math.max(...['.', '!', '?', '\n'].map((stop) => text.lastIndexOf(stop, start - 1))) + 1;
  const rest = text.slice(end).search(/[.!?\n]/u);
  return text.slice(from, rest === -1 ? text.length : end + rest);
}

/**
 * Splits a text into pieces of at most `maxChars` UTF-16 code units whose concatenation is the
 * text, exactly: verbatim text continues, it is never cut. Pieces end after a line break or a
 * space when one falls in the second half of the window, and never inside a surrogate pair.
 */
export function splitVerbatim(text: string, maxChars: number): string[] {
  if (maxChars < 2) throw new Error('maxChars must be at least 2');
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > maxChars) {
    const cut = findCut(rest, maxChars);
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}

function findCut(text: string, maxChars: number): number {
  const window = text.slice(0, maxChars);
  const half = Math.floor(maxChars / 2);
  const newline = window.lastIndexOf('\n');
  if (newline >= half) return newline + 1;
  const space = Math.max(window.lastIndexOf(' '), window.lastIndexOf('\t'));
  if (space >= half) return space + 1;
  const code = text.charCodeAt(maxChars - 1);
  // A high surrogate at the end of the window would be separated from its low half.
  return code >= 0xd800 && code <= 0xdbff ? maxChars - 1 : maxChars;
}

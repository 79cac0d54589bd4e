/**
 * Cuts a text into parts of at most `maxChars` UTF-16 units whose concatenation is exactly the
 * text: a long message continues in further parts, never cut. A part ends after a line break or
 * a space in the second half of its window when there is one, never inside a surrogate pair.
 */
export function splitTextParts(text: string, maxChars: number): string[] {
  if (maxChars < 2) throw new Error('maxChars must be at least 2');
  const parts: string[] = [];
  let start = 0;
  while (text.length - start > maxChars) {
    const end = cutPoint(text, start, maxChars);
    parts.push(text.slice(start, end));
    start = end;
  }
  parts.push(text.slice(start));
  return parts;
}

function cutPoint(text: string, start: number, maxChars: number): number {
  const limit = start + maxChars;
  const window = text.slice(start, limit);
  const minimum = Math.floor(maxChars / 2);
  const breakAt = Math.max(window.lastIndexOf('\n'), window.lastIndexOf(' '));
  if (breakAt >= minimum) return start + breakAt + 1;
  const last = text.charCodeAt(limit - 1);
  return last >= 0xd800 && last <= 0xdbff ? limit - 1 : limit;
}

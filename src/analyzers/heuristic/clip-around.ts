/** Characters that end a sentence or a line: a phrase does not reach across them. */
const BOUNDARY = /[.!?\n]/;

/**
 * The clause around `[start, end)`: from the previous sentence boundary to the next, trimmed,
 * at most `max` UTF-16 units (cut at spaces, keeping the match). Always a verbatim substring of
 * `text`, never with added characters, so it can be quoted as the customer's words.
 */
export function clipAround(text: string, start: number, end: number, max: number): string {
  let from = start;
  while (from > 0 && !BOUNDARY.test(text.charAt(from - 1)) && start - from < max) from--;
  let to = end;
  while (to < text.length && !BOUNDARY.test(text.charAt(to)) && to - end < max) to++;
  // Keep the closing mark when the sentence ended with one.
  if (to < text.length && /[.!?]/.test(text.charAt(to))) to++;
  while (to - from > max) {
    // Shrink the longer side first, at a space, never into the match.
    const room = { left: start - from, right: to - end };
    if (room.left >= room.right && room.left > 0) {
      const space = text.indexOf(' ', from + 1);
      from = space !== -1 && space < start ? space + 1 : start;
    } else if (room.right > 0) {
      const space = text.lastIndexOf(' ', to - 2);
      to = space !== -1 && space >= end ? space : end;
    } else {
      break;
    }
  }
  return avoidSplitSurrogate(text, from, to).trim();
}

/** Moves the edges off the middle of a surrogate pair, so the slice is well-formed when the text is. */
function avoidSplitSurrogate(text: string, from: number, to: number): string {
  const isLow = (index: number) => {
    const code = text.charCodeAt(index);
    return code >= 0xdc00 && code <= 0xdfff;
  };
  const start = from > 0 && isLow(from) ? from - 1 : from;
  const end = to < text.length && isLow(to) ? to + 1 : to;
  return text.slice(start, end);
}

/**
 * A RegExp whose straight apostrophes also match the typographic one: patterns are written
 * "don't", customers on macOS and phones type "don’t". The text itself is never rewritten, so
 * every matched phrase stays the customer's own characters. Apostrophes inside a character class
 * are left alone (the class already lists what it means).
 */
export function apostropheTolerant(source: string, flags: string): RegExp {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (char === '\\') {
      out += char + (source[i + 1] ?? '');
      i++;
    } else if (inClass) {
      if (char === ']') inClass = false;
      out += char;
    } else if (char === '[') {
      inClass = true;
      out += char;
    } else {
      out += char === "'" ? "['’]" : char;
    }
  }
  return new RegExp(out, flags);
}

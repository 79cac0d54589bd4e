/**
 * "Resolved now, turned out it was our firewall rule. Sorry for the noise, thanks", "nvm, found
 * it 👍", "ratkesi, oma moka": a short note that closes the customer's own earlier message. It asks
 * for nothing and reports nothing broken, so it is engagement, like a thanks.
 *
 * Strict, because a false "noise" hides a customer's words: the closing words must come first,
 * the note is short, asks no question and turns no corner ("but", "still", "mutta", "edelleen").
 */
const CLOSING = new RegExp(
  `^\\W*(?:${[
    "(?:all |it(?:['’]s| is) )?(?:resolved|sorted|fixed|solved|working)(?: it)?(?: now| again| itself)?",
    'never ?mind|nvm|false alarm|please disregard|disregard (?:that|this|my (?:last|previous) (?:message|post))|ignore (?:that|this|my (?:last|previous) (?:message|post))',
    'found it|figured it out|got it working',
    'sorry for the noise',
    'ratkesi|selvisi|korjaantui|toimii (?:taas|jo|nyt)|(?:nyt|jo) toimii|unohtakaa|unohda (?:edellinen|tuo|toi)|väärä hälytys',
  ].join('|')})(?=\\s*(?:[,.!;:—–-]|$|\\p{Extended_Pictographic}))`,
  'iu',
);

const TURNS =
  /(?<![\p{L}])(?:but|still|however|though|again broken|mutta|edelleen|yhä|kuitenkin)(?![\p{L}])/iu;

export const MAX_CLOSING_NOTE_CHARS = 200;

export function isClosingNote(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length > MAX_CLOSING_NOTE_CHARS || /[?？]/u.test(trimmed)) return false;
  return CLOSING.test(trimmed) && !TURNS.test(trimmed);
}

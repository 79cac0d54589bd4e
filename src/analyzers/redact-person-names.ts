/**
 * Names of people where customers reliably write them: after a greeting at the start of a line
 * ("Hi Anna,", "Hei Matti!", "Dear Mr Smith:") and under a sign-off ("Best regards,\nJohn Smith",
 * "Terveisin\nMatti Meikäläinen", "Thanks, Ann"). Each name becomes `[name]`. Names elsewhere in
 * running text are not found (see docs/privacy.md): without a list of people we cannot tell "Anna"
 * the person from "Anna" the product.
 */
export function redactPersonNames(text: string): { text: string; redactions: number } {
  let redactions = 0;
  const name = () => {
    redactions += 1;
    return '[name]';
  };
  let result = text.replace(GREETING, (_match, greeting: string, person: string, after: string) =>
    isNotAName(person) ? `${greeting}${person}${after}` : `${greeting}${name()}${after}`,
  );
  result = result.replace(SIGN_OFF, (_match, signOff: string, person: string) =>
    isNotAName(person) ? `${signOff}${person}` : `${signOff}${name()}`,
  );
  return { text: result, redactions };
}

/**
 * "Hello Kiitos!" or "Hello Hello Team:" greet nobody: a candidate that is a known non-name, or
 * has a greeting or sign-off word among its words, is left as written.
 */
function isNotAName(person: string): boolean {
  const lowered = person.toLowerCase();
  if (NOT_NAMES.has(lowered)) return true;
  return lowered.split(/[ \t]+/).some((word) => GREETING_WORDS.has(word) || SIGN_OFF_WORDS.has(word));
}

/** One to three capitalised words (initials and hyphenated names included), e.g. "Anna-Liisa K. Virtanen". */
const PERSON = String.raw`\p{Lu}[\p{L}'’-]*\.?(?:[ \t]+\p{Lu}[\p{L}'’-]*\.?){0,2}`;
const TITLES = String.raw`(?:(?:Mr|Mrs|Ms|Dr|Herr|Frau)\.?[ \t]+)?`;

const GREETINGS = [
  'hi',
  'hello',
  'hey',
  'dear',
  'good (?:morning|afternoon)',
  'hei',
  'moi',
  'terve',
  'hyvä',
  'hej',
  'hallo',
  'liebe',
  'lieber',
];
const GREETING_WORDS = new Set(GREETINGS.filter((greeting) => /^[\p{L}]+$/u.test(greeting)));

const GREETING = new RegExp(
  String.raw`(^[ \t]*(?:${GREETINGS.join('|')})[ \t]+${TITLES})(${PERSON})([ \t]*[,!:\n])`,
  'gimu',
);

const SIGN_OFFS = [
  'best regards',
  'kind regards',
  'warm regards',
  'regards',
  'best',
  'thanks',
  'thank you',
  'many thanks',
  'cheers',
  'br',
  'sincerely',
  'yours',
  'ystävällisin terveisin',
  'terveisin',
  'terv',
  'kiitos',
  't',
  'mvh',
  'med vänliga hälsningar',
  'hälsningar',
  'mit freundlichen grüßen',
  'viele grüße',
  'grüße',
];

/** Single-word sign-offs ("Kiitos", "Thanks"), which are never a name; "Best" is also a surname. */
const SIGN_OFF_WORDS = new Set(
  SIGN_OFFS.filter((signOff) => /^[\p{L}]{2,}$/u.test(signOff) && signOff !== 'best'),
);

/** A sign-off ending its line (or followed by a comma), then the name on the same or the next line. */
const SIGN_OFF = new RegExp(
  String.raw`((?:^|\n)[ \t]*(?:${SIGN_OFFS.join('|')})[ \t]*[,.!:-]?[ \t]*(?:\r?\n[ \t]*|(?<=,[ \t]*)))(${PERSON})(?=[ \t]*(?:\r?\n|$))`,
  'giu',
);

/** Capitalised words that follow greetings and sign-offs without being anyone's name. */
const NOT_NAMES = new Set([
  'team',
  'all',
  'everyone',
  'there',
  'folks',
  'support',
  'guys',
  'again',
  'so much',
  'a lot',
  'kaikki',
  'tiimi',
  'kaikille',
  'paljon',
  'alle',
  'zusammen',
]);

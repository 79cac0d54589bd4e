import { apostropheTolerant } from './apostrophe-tolerant.ts';

/**
 * Praise that means the opposite: "Brilliant. Saturday, 9:05, and your calendar has decided every
 * single stylist has an empty day … Love that for us." The words are glowing, so the lexicon
 * scores the message as good news and no phrase list knows "an empty day" or "404ing" as a
 * failure. What gives it away is the frame (an exclamation of praise opening a complaint, or a
 * sarcastic tag such as "Really great stuff", "Is anyone actually there?") together with a failure
 * that reaches everything the customer has ("every single memorial page", "every one of our 610
 * machines", "zero usable routes", "we've had to stop taking deposits altogether").
 *
 * Across the labelled sets, sarcasm with such a reach was P1 20 times and P2 once; sarcasm alone
 * ("Oh great, another release that moved the renew button") is often a plain complaint (P3), so the
 * frame alone raises nothing.
 */
const W = '(?<![\\p{L}\\p{N}])';

const OPENING = apostropheTolerant(
  `^\\W*(?:(?:hi|hello|hey|morning|moi|hei)[^\\n]{0,20}\\n+)?(?:oh,? |well,? |so,? )?(?:(?:great|brilliant|fantastic|wonderful|perfect|lovely|awesome|amazing|superb|marvellous|splendid|just great|love (?:it|that|this)|brilliant timing(?:,? really)?|nice one|mahtavaa|loistavaa|upeaa|hienoa|no (?:niin|hienoa|kiva))\\s*[.!,])`,
  'iu',
);

const TAG = apostropheTolerant(
  `${W}(?:love that for us|really (?:great|fantastic|brilliant|lovely) (?:stuff|timing|work|job)|fantastic (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|start|timing)|really loving (?:explaining|it|this)|great job,? (?:guys|team|everyone)|is anyone (?:actually )?(?:there|looking|awake|home|on this)|(?:can|could) (?:someone|anyone|somebody)(?: who can)? actually|kiitos vaan|kiitti vaan|ihan mahtavaa|just brilliant|really relaxing|(?:cracking|great|brilliant|nice) (?:job|work|one),? really|love (?:how|that) (?:the |your )?status page (?:says|is|shows) (?:all green|["“]?all systems (?:are )?operational)|(?:is |are )?all green,? naturally)`,
  'iu',
);

const EVERYTHING_FAILS = apostropheTolerant(
  `${W}(?:every single|every one of (?:our|the|them)|(?:all|every one of) (?:of )?(?:our |the )?\\d+|zero (?:\\p{L}+ ){0,2}(?:data|sales|routes|bookings|orders|alerts|usable|stock|levels|calls|tickets)|not just (?:us|our|me)(?![\\p{L}])|\\d+\\+? (?:clients?|customers?|drivers|machines|stylists|staff|users|people|patients|guests) (?:about to|are|were|have|can't|cannot|so far)|(?:stop|stopped) (?:taking|accepting) \\p{L}+ altogether|had to stop (?:taking|accepting)|kaikki \\d+|jokainen|ei yksikään|nothing (?:loads|works)|all (?:two|three|four|five|six|\\d+) (?:\\p{L}+ )?(?:are|were|show|say)|the police (?:have |has )?(?:already )?(?:called|rung|come|arrived)|across all (?:\\d+|two|three|four|five|six|seven|eight|nine|ten) (?:of )?(?:our )?\\p{L}+|none of (?:today['’]s |the |our )?~?\\d[\\d,]*|\\d+\\+? \\p{L}+ (?:are )?back on paper|(?:\\d+|two|three|four|five) (?:different )?browsers, (?:\\d+|two|three|four|five|six) (?:different )?users)`,
  'iu',
);

/** Whether the message wraps a complaint in praise it does not mean. */
export function isSarcastic(text: string): boolean {
  return OPENING.test(text.trimStart()) || TAG.test(text);
}

/** A sarcastic message whose failure reaches everything: the words of that reach, verbatim. */
export function findSarcasticOutage(text: string): { phrase: string; start: number } | null {
  if (!isSarcastic(text)) return null;
  const reach = EVERYTHING_FAILS.exec(text);
  if (!reach) return null;
  // The clause the reach opens: "every single memorial page on our site", not "every single".
  const clause = /^[^.!?\n;:—–]{1,80}/u.exec(text.slice(reach.index))?.[0].trimEnd() ?? reach[0];
  return { phrase: clause, start: reach.index };
}

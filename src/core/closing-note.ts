/**
 * "Resolved now, turned out it was our firewall rule. Sorry for the noise, thanks", "nvm, found
 * it 👍", "ratkesi, oma moka": a short note that closes the customer's own earlier message. It asks
 * for nothing and reports nothing broken, so it is engagement, like a thanks.
 *
 * Strict, because a false "noise" hides a customer's words: the closing words must come first,
 * the note is short, asks no question and turns no corner ("but", "still", "mutta", "edelleen").
 */
/** A thanks or an "ok cool" may come first: "ok cool, resolved on our side now". */
const LEAD_IN =
  '(?:(?:dear (?:\\p{L}+ ){0,2}\\p{L}+|hi|hello|hey|hei|moi|moikka|ok(?:ay)?|cool|great|perfect|jep|jees|thx|ty|thnx|wait|selvä|okei|thanks(?: (?:a lot|so much|mate))?|thank you|kiitos(?: \\p{L}+){0,4}|kiitti|joo|hyvä|got it|noted|received|(?:thanks|thank you|cheers) (?:all|everyone|both|for the [\\p{L} -]{1,30}|\\p{Lu}\\p{Ll}+))[\\s,.!–—\\p{Extended_Pictographic}\\u{FE0F}-]+){0,3}';

const ACK =
  "received|(?:will|i['’]ll|we['’]ll) (?:pass|forward|share|send)(?: it| this| that)?(?: on| along)?(?: to| with) (?:the |our |my )?[\\p{L}' ]{1,40}|(?:i['’]ve |we['’]ve |i have |we have )?(?:forwarded|passed) (?:it|this|that)(?: on)? to (?:the |our |my )?[\\p{L}' ]{1,40}";

const CLOSING = new RegExp(
  `^\\W*${LEAD_IN}(?:${[
    "(?:all |it(?:['’]s| is) |that(?:['’]s| is) )?(?:resolved|sorted|fixed|solved|working)(?: it)?(?: on our (?:end|side))?(?: now| again| itself)?",
    'all good(?: on our (?:end|side))?(?: now)?|closing(?: this(?: one)?| it)?(?: out| off)?(?: from our side| on our (?:end|side))?|you can close (?:this(?: one)?|the ticket|it)',
    "that did it|that fixed it|that sorted it|that worked|that did the trick|(?:it['’]s |it is )?working again(?: on (?:my|our) (?:end|side))?",
    'saatiin (?:ite |itse |me )?(?:ratkastua|ratkaistua|korjattua|hoidettua|toimimaan)(?: meidän päässä| omalla puolella| itse)?|se auttoi',
    '(?:just )?closing the loop(?: on this)?',
    'never ?mind|nvm|false alarm|(?:please )?disregard(?: (?:that|this|my (?:last|previous|earlier) (?:message|post|e-?mail)))?|ignore (?:that|this|my (?:last|previous) (?:message|post))',
    'found it|figured it out|got it working',
    // "everything's back to normal here", "confirmed on our side, all timesheets went through"
    "(?:everything|all|it|things)(?:['’]s| is| are)? back to normal|confirmed on our (?:side|end)",
    // "confirmed the new key works in staging and prod"
    'confirmed (?:that )?(?:the |it |everything )?(?:[\\p{L}-]+ ){0,3}works(?: now| again)?(?: (?:in|on|for) [\\p{L} ]{1,30})?',
    'sorry for the noise',
    '(?:asia )?(?:ratkesi|on (?:nyt )?(?:ratkaistu|ratkennut|kunnossa))(?: jo)?|(?:asia|ongelma) (?:on )?(?:nyt )?(?:meidän osalta )?(?:kunnossa|ratkaistu|ratkennut)|(?:tämän |sen )?tiketin voi sulkea|asia on(?:kin)? (?:jo )?hoidossa|(?:tämän|tän|sen) (?:tiketin |asian )?voi(?:tte)? sulkea|suljetaan (?:tämä|tää|tämä tiketti|tiketti|se|asia)(?: meidän (?:päästä|puolesta))?|kaikki (?:ok|kunnossa|hyvin)(?: nyt)?|(?:homma|ongelma|asia) ratkesi|ratkesi|selvisi|korjaantui|(?:(?:homma|se|kaikki) )?toimii (?:taas|jo|nyt)|(?:nyt|jo) toimii|unohtakaa|unohda (?:edellinen|tuo|toi)|väärä hälytys',
  ].join('|')})(?=\\s*(?:[,.!;:—–-]|$|\\p{Extended_Pictographic})|\\s+(?:ja|and)\\s)`,
  'iu',
);

/**
 * "Thanks Sarah, received.", "Got it, will pass it on to the lads on site tomorrow": an
 * acknowledgement relayed inside the customer's own team. Weaker than a closing, so it must be the
 * whole note.
 */
const RELAYED_ACK = new RegExp(
  `^\\W*${LEAD_IN}(?:${ACK})(?:[\\s,.!]+(?:(?:thanks|thank you|cheers|kiitos)[\\s,.!]+)?(?:${ACK}))?[\\s.!]*(?:(?:thanks|thank you|cheers|kiitos)[\\s\\p{L}.!,]{0,20})?$`,
  'iu',
);

const TURNS =
  /(?<![\p{L}])(?:but|still|however|though|again broken|one more thing|another (?:thing|question|issue)|also,|p\.?s\.|while i have you|(?:small |one |quick |little )?(?:idea|wish|suggestion|feature request)|it['’]d be (?:handy|nice|great|useful)|it would be (?:handy|nice|great|useful)|mutta|edelleen|yhä|kuitenkin|toinen asia|lisäksi|toive|ehdotus|olisi kiva)(?![\p{L}])/iu;

export const MAX_CLOSING_NOTE_CHARS = 400;

/** The customer's sign-off and the quoted message they answer are not part of the note. */
const SIGN_OFF =
  /\n\s*(?:(?:(?:best|kind|warm) )?regards|terveisin|ystävällisin terveisin|br|cheers|thanks|kiitos)[,.!]?[ \t]*(?:\n[\s\S]*)?$|\n\s*t\.\s*\p{Lu}[\s\S]*$/iu;
const QUOTED = /^\s*>.*$/gmu;
/** "[15:32] Dana: all good now" — a chat transcript's time and speaker. */
const CHAT_PREFIX = /^\s*\[\d{1,2}:\d{2}\]\s*[\p{L}][\p{L} .'-]{0,30}:\s*/gmu;

/** "… synced fine after the restart. Nothing else needed from you, feel free to close it." */
const CLOSES_AT_END =
  /(?<![\p{L}])(?:feel free to close (?:it|this|the ticket)|you can close (?:it|this|the ticket)(?: now)?|nothing (?:else|more|further) (?:is )?needed(?: from you)?|no (?:further )?action needed|no need to keep (?:the|this) ticket open|tiketin voi sulkea|voitte sulkea tiketin)[\s.!,]*(?:cheers|thanks|kiitos)?[\s.!,\p{L}]{0,20}$/iu;

/** "FYI we're moving offices … No action needed until then": news of their own, not a closing. */
const NEWS =
  /(?<![\p{L}])(?:fyi|heads[- ]up|just so you know|for your information|new address|moving offices|we(?:['’]re| are) moving|tiedoksi|uusi osoite|muutamme)(?![\p{L}])/iu;

export function isClosingNote(text: string): boolean {
  const trimmed = text.replace(QUOTED, '').replace(CHAT_PREFIX, '').trim().replace(SIGN_OFF, '').trim();
  if (trimmed.length > MAX_CLOSING_NOTE_CHARS || /[?？]/u.test(trimmed)) return false;
  return (
    (CLOSING.test(trimmed) ||
      (CLOSES_AT_END.test(trimmed) && !NEWS.test(trimmed)) ||
      RELAYED_ACK.test(trimmed)) &&
    !TURNS.test(trimmed)
  );
}

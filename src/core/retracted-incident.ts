/**
 * Urgency the customer takes back later in the same message: "PRODUCTION DOWN!!! … ok sorry, it was
 * our own VPN, works again", "CRITICAL: old logo … cleared cache, it's fine now, never mind". The
 * alarm stays in the relayed text, but nothing is down any more, so nobody should be paged for it.
 *
 * Only a retraction AFTER the alarm counts ("never mind" before it refers to something else), it
 * must not be negated ("doesn't work again"), and a later "still down" or "edelleen rikki" puts the
 * incident back.
 */
const RETRACTION = new RegExp(
  `(?:${[
    // English
    'never ?mind|nvm|false alarm|ignore (?:that|this|my (?:last|previous) (?:message|post))',
    "(?:it|all|everything|that)(?:['’]s| is| seems| looks) (?:all )?(?:fine|ok|okay|good|working|back) (?:now|again)",
    "(?:it|all|everything)(?:['’]s| has) been (?:fine|ok|okay|good|stable|working)(?: for us| here| on our (?:side|end))? (?:ever )?since",
    // Said up front or after: "Question, not an incident!", "nothing is wrong right now".
    "not an incident|(?:nothing is|nothing['’]s) (?:actually |really )?(?:wrong|broken|down)|no (?:current|ongoing|active) (?:incident|outage|issue|problem)s?|(?:everything|all) (?:is )?(?:working|works) (?:fine|well|normally)",
    "(?:all|everything)(?:['’]s| is)? (?:good|fine|ok|okay)(?: on our (?:side|end))? now",
    '(?:works|working|fine) (?:now|again)',
    '(?:it|that) was (?:on )?(?:our|my) (?:side|end|own)',
    '(?:was|is) our own (?:vpn|network|firewall|proxy|wifi|wi-fi|internet|mistake|fault)',
    '(?:our|my) bad|(?:our|my) mistake',
    // "suspicious login from Lisbon — that was me, I'm at Web Summit"; "back before anyone noticed".
    '(?:that|it|this) was (?:just )?(?:me|us|one of us|my colleague)|(?:was|came) back (?:up |online )?(?:before|within|after|again|by)',
    'se olin minä|se oli minä|olin se minä',
    'all (?:fine|good|ok|okay|stable) since|(?:on )?nyt kunnossa|(?:on )?(?:nyt )?ohi ja kaikki toimii|kaikki on toiminut (?:ihan )?normaalisti',
    "so all good|turns? out (?:they['’]ve|they have|it['’]s|it has|they|it) (?:just )?(?:moved|been moved|hidden|under)",
    '(?:their|our (?:own )?)(?: \\p{L}+)? hosting,? not (?:you|yours)|not (?:you|yours|on your (?:side|end))(?=[).,])|nothing to do with (?:you|your (?:platform|service|system))',
    '(?:ei siis|eli ei) (?:mitään )?hätää|kyseessä oli (?:meidän|oma)|oli meidän oma',
    'turned out (?:to be )?(?:\\p{L}+ ){0,5}(?:on our (?:side|end)|our own|nothing)|osoittautui (?:\\p{L}+ ){0,4}(?:meidän päässä|omaksi|ei miksikään)',
    'no (?:current|ongoing|open|further) (?:issues|problems)|(?:fine|stable|ok|okay) (?:ever )?since then',
    // Finnish
    '(?:tilanne|kaikki) on (?:meillä )?(?:nyt )?(?:taas )?(?:normaali|kunnossa|ok)|ei (?:enää )?(?:ole )?(?:enää )?(?:ongelmia|ongelmaa)|(?:nyt|taas|jo) toimii|toimii (?:taas|jo|nyt)|väärä hälytys|nyt kaikki toimii|kaikki toimii (?:taas|nyt|jo)|unohtakaa|unohda (?:edellinen|tuo|toi)|ei ole (?:mitään |mitenkään )?(?:häiriötä|vikaa|katkoa)|kaikki toimii (?:hyvin|normaalisti)',
    '(?:oli|olikin) (?:meidän|mun|minun) (?:oma|omassa|omalla|päässä|päässämme|vika|moka)|meidän oma (?:vpn|verkko|palomuuri|moka|vika)|oma (?:moka|vika)',
  ].join('|')})(?![\\p{L}])`,
  'giu',
);

/** A negator just before the retraction: "doesn't work again", "ei toimi taas". */
const NEGATED_BEFORE =
  /(?<![\p{L}])(?:not|no longer|doesn['’]t|does not|don['’]t|isn['’]t|is not|never|ei|eikä|enää)\s+$/iu;

/**
 * The problem still there after the retraction: "works again for me but still down for the team";
 * or a problem of another kind: "Nothing is down, but our KYC team of 12 is basically sitting idle".
 */
const STILL_BROKEN =
  /(?<![\p{L}])(?:still (?:down|broken|failing|not|can['’]t|cannot|unavailable)|but (?:\p{L}+ ){0,3}(?:still|not|can['’]t|cannot)|but (?:[\p{L}\p{N}'’-]+ ){0,8}(?:(?:sitting |sat )?idle|blocked|stuck|falling (?:well |far )?behind)|edelleen (?:rikki|alhaalla|ei|jumissa)|yhä (?:rikki|alhaalla|ei)|mutta (?:\p{L}+ ){0,3}(?:ei|eivät|edelleen))(?![\p{L}])/iu;

/**
 * "Quick question for our risk register, nothing is actually wrong": said anywhere, before the
 * supposed incident as well as after it.
 */
const NOTHING_WRONG_NOW =
  /(?<![\p{L}])(?:nothing is (?:actually |really )?(?:wrong|broken|down)|not an (?:actual )?incident|no (?:current|ongoing|active|actual) (?:incident|outage|issue|problem)s?|(?:ei|eikä) (?:siis |nyt )?(?:ole )?mitään (?:vikaa|häiriötä|ongelmaa))(?![\p{L}])/iu;

export function deniesIncidentNow(text: string): boolean {
  return NOTHING_WRONG_NOW.test(text);
}

/** Whether the alarm ending at `end` is taken back later in the text. */
export function isRetracted(text: string, end: number): boolean {
  const after = text.slice(end);
  for (const match of after.matchAll(RETRACTION)) {
    if (!startsAWord(after, match.index)) continue;
    const before = after.slice(Math.max(0, match.index - 20), match.index);
    if (NEGATED_BEFORE.test(before)) continue;
    if (STILL_BROKEN.test(after.slice(match.index + match[0].length))) return false;
    return true;
  }
  return false;
}

function startsAWord(text: string, at: number): boolean {
  return at === 0 || !/[\p{L}\p{N}]/u.test(text[at - 1]!);
}

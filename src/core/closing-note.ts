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
  '(?:(?:dear (?:\\p{L}+ ){0,2}\\p{L}+|(?:hi|hello|hey|hei|moi|moikka) (?:both|all|team|(?-i:\\p{Lu})\\p{Ll}+)|hi|hello|hey|hei|moi|moikka|ok(?:ay)?|cool|great|perfect|brilliant|excellent|fantastic|lovely|superb|awesome|mahtavaa|loistavaa|hienoa|upeaa|jep|jees|thx|ty|thnx|wait|selvä|okei|thanks(?: (?:a lot|so much|mate))?|thank you|kiitos(?: \\p{L}+){0,4}|kiitti(?: (?-i:\\p{Lu})\\p{Ll}+)?|joo|hyvä|got it|noted|received|(?:thanks|thank you|cheers) (?:all|everyone|both|for the [\\p{L} -]{1,30}|(?-i:\\p{Lu})\\p{Ll}+)|(?:fyi|tiedoksi)(?: kanavalle| tähän ketjuun)?|relaying (?:from|for) (?:[\\p{L}\\u0027\\u2019]+ ){0,4}[\\p{L}\\u0027\\u2019]+)[\\s,.!:–—"“”\\p{Extended_Pictographic}\\u{FE0F}-]+){0,3}';

const ACK = [
  'received',
  "(?:will|i['’]ll|we['’]ll) (?:pass|forward|share|send)(?: it| this| that)?(?: on| along)?(?: to| with) (?:the |our |my )?[\\p{L}' ]{1,40}",
  // "I've passed Jenni's reply on to our site managers"
  "(?:i['’]ve |we['’]ve |i have |we have )?(?:forwarded|passed|shared)(?: [\\p{L}'’]+){1,3}(?: on| along)? (?:to|with) (?:the |our |my )?[\\p{L}' ]{1,40}",
  // "ok 👌 will check on monday"
  "(?:will|i['’]ll|we['’]ll) (?:check|look|have a look)(?: (?:at )?(?:it|this|that))?(?: on \\p{L}+day| tomorrow| next week| later| when i['’]m back)",
  // "got the credit note for the double-billed SMS package, thanks Mikko"
  'got the (?:corrected |new |updated |revised )?(?:credit note|invoice|refund|receipt|report|document|link|certificate)(?: (?:for|of) [^.!?\\n]{1,60})?',
  // "Välitän tämän meidän tiimille", "Otan tämän tiedoksi ja välitän tiimille, palataan."
  '(?:välitän|välitin|välitimme|välitämme|välitetään|välitetty)(?: \\p{L}+){0,3}? (?:\\p{L}+lle|eteenpäin)',
  '(?:otan|otin|otetaan|otimme|otettu) (?:tämän |tän |sen |asian )?tiedoksi',
  'kaikki kuittas\\p{L}*|kaikki kuittasivat|palataan(?: asiaan)?(?: [\\p{L}\\p{N}.]+){0,8}',
  // "Selvä, katsotaan tätä ensi viikon palaverissa."
  'katsotaan (?:tätä|tää|asiaa|sitä)(?: \\p{L}+){0,4}',
].join('|');

const CLOSING = new RegExp(
  `^\\W*${LEAD_IN}(?:${[
    "(?:all |it(?:['’]s| is) |that(?:['’]s| is) )?(?:resolved|sorted|fixed|solved|working)(?: it)?(?: on our (?:end|side))?(?: now| again| itself)?",
    'all good(?: on our (?:end|side))?(?: now)?|closing(?: this(?: one)?| it)?(?: out| off)?(?: from our side| on our (?:end|side))?|you can close (?:this(?: one)?|the ticket|it)',
    "that(?:['’]s| is) (?:exactly |just )?what (?:i|we) (?:needed|was after|were after|was looking for|were looking for)|that did it|that fixed it|that sorted it|that worked|that did the trick|that(?:['’]s| has) (?:done the trick|done it|sorted it|fixed it)|(?:it['’]s |it is )?working again(?: on (?:my|our) (?:end|side))?",
    'saatiin (?:ite |itse |me )?(?:ratkastua|ratkaistua|korjattua|hoidettua|toimimaan)(?: meidän päässä| omalla puolella| itse)?|se auttoi',
    '(?:just )?closing the loop(?: on this)?',
    'never ?mind|nvm|false alarm|(?:please )?disregard(?: (?:that|this|my (?:last|previous|earlier) (?:message|post|e-?mail)))?|ignore (?:that|this|my (?:last|previous) (?:message|post))',
    'found it|figured it out|got it working',
    // "everything's back to normal here", "confirmed on our side, all timesheets went through"
    "(?:everything|all|it|things)(?:['’]s| is| are)? back to normal|confirmed (?:on|from) our (?:side|end)",
    // "confirmed the new key works in staging and prod"
    'confirmed (?:that )?(?:the |it |everything )?(?:[\\p{L}-]+ ){0,3}works(?: now| again)?(?: (?:in|on|for) [\\p{L} ]{1,30})?',
    'sorry for the noise',
    '(?:asia )?(?:ratkesi|on (?:nyt )?(?:ratkaistu|ratkennut|kunnossa))(?: jo)?|(?:asia|ongelma|homma|tilanne) (?:on )?(?:nyt )?(?:meidän osalta )?(?:kunnossa|ratkaistu|ratkennut)|(?:tämän |sen )?tiketin voi sulkea|asia on(?:kin)? (?:jo )?hoidossa|(?:tämän|tän|sen) (?:tiketin |asian )?voi(?:tte)? sulkea|suljetaan (?:tämä|tää|tämä tiketti|tiketti|se|asia)(?: meidän (?:päästä|puolesta))?|kaikki (?:ok|kunnossa|hyvin)(?: nyt)?|(?:homma|ongelma|asia) ratkesi|ratkesi|selvisi|korjaantui|(?:(?:homma|se|kaikki) )?toimii (?:taas|jo|nyt)|(?:nyt|jo) (?:toimii|pelittää)|unohtakaa|unohda (?:edellinen|tuo|toi)|väärä hälytys',
  ].join('|')})(?=\\s*(?:[,.!;:—–-]|$|\\p{Extended_Pictographic})|\\s+(?:ja|and)\\s)`,
  'iu',
);

/**
 * "Thanks Sarah, received.", "Got it, will pass it on to the lads on site tomorrow": an
 * acknowledgement relayed inside the customer's own team. Weaker than a closing, so it must be the
 * whole note.
 */
const RELAYED_ACK = new RegExp(
  `^\\W*${LEAD_IN}(?:${ACK})(?:(?:\\s+(?:ja|and)\\s+|[\\s,.!]+)(?:(?:thanks|thank you|cheers|kiitos)[\\s,.!]+)?(?:${ACK})){0,2}[\\s.!]*(?:(?:thanks|thank you|cheers|kiitos)[\\s\\p{L}.!,]{0,20})?[\\s.!\\p{Extended_Pictographic}\\uFE0F]*(?:[–—-]\\s*(?-i:\\p{Lu})\\p{Ll}+)?$`,
  'iu',
);

const TURNS =
  /(?<![\p{L}])(?:but|still|however|though|separately,|on (?:a|another) (?:different |separate )?note|unrelated|again broken|one more thing|another (?:thing|question|issue)|also,|p\.?s\.|while i have you|(?:small |one |quick |little )?(?:idea|wish|suggestion|feature request)|it['’]d be (?:handy|nice|great|useful)|it would be (?:handy|nice|great|useful)|new (?:issue|problem|bug|question|request)|(?:is|are|has|have) (?:stopped|broken)|stopped \p{L}+ing|not working|doesn['’]t work|hearing nothing|ei toimi|above and beyond|well done|great job|kudos|shout-?out|hats off|mutta|edelleen|yhä|(?<!kiitos )kuitenkin|toinen asia|lisäksi|toive|ehdotus|olisi kiva|erikseen|uusi (?:ongelma|vika|kysymys|pyyntö))(?![\p{L}])/iu;

export const MAX_CLOSING_NOTE_CHARS = 600;
const MAX_TICKET_CLOSING_CHARS = 1000;

/** The customer's sign-off and the quoted message they answer are not part of the note. */
const SIGN_OFF =
  /\n\s*-{2,}[ \t]*\n[\s\S]*$|\n\s*(?:(?:(?:best|kind|warm) )?regards|best(?: wishes)?|terveisin|ystävällisin terveisin|br|cheers|thanks|kiitos)[,.!]?[ \t]*(?:\n[\s\S]*)?$|\n\s*t\.\s*(?-i:\p{Lu})[\s\S]*$/iu;
const QUOTED = /^\s*>.*$/gmu;
/** "---------- Forwarded message ---------" and everything under it: the support reply they forward. */
const FORWARDED_BLOCK =
  /\n\s*-{2,}\s*(?:forwarded message|original message|välitetty viesti|alkuperäinen viesti)[\s\S]*$/iu;
/** "[15:32] Dana: all good now" — a chat transcript's time and speaker. */
const CHAT_PREFIX = /^\s*\[\d{1,2}:\d{2}\]\s*[\p{L}][\p{L} .'-]{0,30}:\s*/gmu;

/** "… synced fine after the restart. Nothing else needed from you, feel free to close it." */
const CLOSES_AT_END =
  /(?<![\p{L}])(?:feel free to close (?:it|this|the ticket)|(?<!so (?:that )?)you can close (?:it|this|the ticket)(?: now)?|nothing (?:else|more|further) (?:is )?needed(?: from (?:you|us|our (?:side|end)|(?-i:\p{Lu})[\p{L}-]*))?(?: for now)?|that(?:['’]s| is) all (?:i|we) needed(?:,? thanks?(?: for [^.!\n]{1,40})?)?|no (?:further )?action needed|no need to keep (?:the|this) ticket open|tiketin voi sulkea|voitte sulkea tiketin|(?:ei|eli ei) (?:tarvitse|tarvi) (?:enää )?(?:reagoida|tehdä mitään|toimenpiteitä)|palail+aan (?:sit |sitten )?jos (?:tulee|on|ilmenee) (?:kysyttävää|kysymyksiä|jotain))[\s.!,]*(?:cheers|thanks|kiitos|will shout if anything changes|\p{Extended_Pictographic}\uFE0F?)?[\s.!,\p{L}\p{Extended_Pictographic}]{0,30}$/iu;

/**
 * "This ticket can be closed.", "You can mark this one resolved", "happy for you to close this one
 * now": the customer closes the thread, wherever in the short note they say it.
 */
const CLOSES_ANYWHERE =
  /(?<![\p{L}])(?:(?:this|that|the|it)(?: one| ticket| case| issue| request| thread)? can (?:now )?be (?:closed|marked (?:as )?(?:resolved|closed|done))|(?<!so (?:that )?)(?:you can|feel free to|happy for you to|ok to|okay to|please) (?:now )?(?:close|resolve|mark) (?:this|it|the ticket|this one|this ticket)(?: one)?(?: now)?(?: (?:as )?(?:resolved|closed|done|solved))?|(?:tämän|tän|sen) (?:tiketin |asian )?voi(?:tte)? (?:nyt |kyllä )?sulkea|(?:all|everything(?:['’]s| is)?) (?:sorted|resolved)(?: on our (?:end|side))?(?: now)?|all good on our (?:end|side)(?: now)?(?=\s*(?:[.!,]|$))|all good for now(?=\s*(?:[.!,—–-]|$))|(?:all good(?: (?:from|on) our (?:side|end))?|everything checks out|everything(?:['’]s| is) (?:fine|working)),? so you can close (?:this(?: one)?|it|the ticket)|(?:tämän|tän|sen) (?:tiketin |asian )?voi(?:tte)? (?:nyt )?merkitä (?:ratkaistuksi|suljetuksi|valmiiksi)|(?:you can|feel free to|happy for you to|ok to|please) close (?:the )?ticket #?\d+|no need to (?:action|open|raise|log|reopen) (?:the |this |a |any )?(?:new |duplicate |separate )?(?:ticket|case|request)|so (?:nobody|no one) opens a (?:duplicate|new ticket|second ticket)|you can close the ticket(?: on your side)?|(?:just )?(?:wanted )?to close the loop|so (?:everyone|everybody|we|you)(?: [\p{L} ]{0,20})? (?:is|are) in the loop|so there['’]s a record|just confirming (?:on here )?that we (?:got|received|have) (?:that|it|this)|(?:meidän puolesta |meidän osalta )?asia on (?:nyt )?kunnossa|nyt on kaikki (?:ok|kunnossa|hyvin)|voitte sul(?:kea|kee)(?: (?:tiketin|tämän|sen|asian))?|(?:tiketin|tiketti) (?:#?\d+ )?(?:voi(?:tte|daan)?|voidaan) (?:nyt |kyllä )?sulkea|ei tarvita (?:enempää|mitään|muuta)|(?:kaikki )?pelittää taas|(?:happy for you to|you can|feel free to|please) close (?:#\d{3,}|(?:ticket|case) #?\d+)|(?:asian|tiketin|tiketti|tää tiketti|tämä tiketti) (?:voi(?:tte|daan)?|voidaan) (?:nyt |kyllä )?sul(?:kea|jea)|voitte sulkea tiketin|sulkekaa (?:vaan|se|tiketti|tämä)|(?:voitte|voit|voi) (?:laittaa|panna|pistää) (?:tiketin|tämän|sen|asian) kiinni|please mark (?:it |this(?: one)? )?as (?:resolved|closed|done)|(?:tämä|se) riittää (?:meille|minulle)|ei (?:toimenpiteitä|tarvita toimenpiteitä) meidän (?:päässä|puolella|puolesta)|ei tarvitse tehdä meidän (?:puolesta|päässä) mitään|(?:i['’]ve|i have|we['’]ve|we have) passed (?:your|the) (?:instructions|steps|advice|answer|reply|message|info(?:rmation)?) on to|(?:will|i['’]ll|we['’]ll) shout if anything changes|(?:says|say|said) (?:they['’]ve|they have|they) (?:received|got) your (?:e-?mail|message)|meidän puolesta asia on kunnossa|(?:ei|eikä) (?:tarvitse|tarvi) (?:avata|tehdä) (?:uutta|erillistä) (?:tikettiä|pyyntöä))(?![\p{L}])/iu;

/**
 * "Thanks, received — I'll pass it to our QA for sign-off", "Kiitos tiedosta! Välitin tiedotteen
 * meidän freelancereille": thanks first, then the answer handed on. Without the thanks, handing on
 * can be an escalation ("Välitän asian sivistysjohtajalle").
 */
const THANKS_THEN_RELAY =
  /^\W*(?:(?:hi|hello|hei|moi)[^\n]{0,30}\n+)?(?:great,? |ok,? |got it,? |selvä,? |okei,? )?(?:thanks|thank you|many thanks|kiitos|kiitti|received)[^?\n]{0,160}?(?<![\p{L}])(?:(?:i['’]ll|i will|we['’]ll|we will|i['’]ve|we['’]ve|i have|we have) (?:pass|forward|passed|forwarded) (?:it|this|them|these|the (?:[\p{L}\p{N}.-]+ ){0,4}[\p{L}\p{N}.-]+)(?: \([^()\n]{1,60}\))? (?:on |along )?to (?:our|my|the) |(?:i['’]ve|we['’]ve|i have|we have) (?:told|informed|let) (?:the|our|my|all) |(?:välitin|välitän|välitimme|välitämme)(?:[^.!?()\n]|\([^()\n]{1,60}\)){1,100}?(?:\p{L}+lle|eteenpäin)(?![\p{L}])|(?:laitetaan|laitoin|laitan|laitoimme)(?:[^.!?()\n]|\([^()\n]{1,60}\)){1,100}?(?:tiedoksi|tiedote\p{L}*)(?![\p{L}]))/iu;

/**
 * "No further action needed from our side", "No need to reply": closing words that news of the
 * customer's own also uses ("FYI we're rebranding in January, nothing needed yet"), so they close
 * the note only when it brings no news, or its news is that the matter is handled.
 */
const NOTHING_NEEDED =
  /(?<![\p{L}])(?:(?:no further action|nothing further|nothing more|nothing else|nothing) (?:is )?needed(?: from (?:your|our) (?:side|end))?(?: here)?|no need to reply|(?:eipä|ei) (?:muuta|mitään muuta) (?:meiltä |minulta |multa )?(?:tällä erää|tältä erää|tällä kertaa))(?![\p{L}])/iu;

/** "Thank you both for all your help on this. Have a lovely weekend!": thanks, then a wish. */
const THANKS_NOTE = new RegExp(
  `^\\W*${LEAD_IN}(?:thank you|thanks|many thanks|kiitos)(?: (?:so much|a lot|both|all|everyone|again|(?-i:\\p{Lu})\\p{Ll}+))*(?: for (?:all )?(?:your|the) (?:help|support|patience|quick (?:help|reply|response|fix|turnaround))(?: (?:on|with) (?:this|that|it))?| avusta| nopeasta (?:vastauksesta|avusta|korjauksesta))?[\\s.!,]*(?:(?:have a (?:nice|lovely|great|good) (?:weekend|day|week|summer|holiday|evening)|(?:hyvää|mukavaa|aurinkoista) (?:\\p{L}+ )?(?:viikonloppua|päivänjatkoa|kesää|joulua|joulun odotusta|lomaa|jatkoa))[\\s.!]*)?$`,
  'iu',
);

/** "FYI we're moving offices … No action needed until then": news of their own, not a closing. */
/** "Tiedoksi: teidän Mikko soitti jo ja asia on hoidettu": the news is that it is handled. */
const HANDLED =
  /(?<![\p{L}])(?:(?:asia|se|homma|tämä) on (?:jo )?(?:hoidettu|hoidossa|ratkaistu|selvitetty)|already (?:confirmed|sorted|handled|resolved|fixed)|(?:has|have) (?:already )?been (?:sorted|handled|resolved|fixed|taken care of))(?![\p{L}])/iu;

const NEWS =
  /(?<![\p{L}])(?:fyi|(?<!thanks for the |thank you for the )heads[- ]up|just so you know|for your information|new address|moving offices|we(?:['’]re| are) moving|tiedoksi|uusi osoite|muutamme)(?![\p{L}])/iu;

/**
 * "Kiitos nopeasta avusta eilen illalla, saatiin kurssilaiset sisään ajoissa", "Thanks for the quick
 * reply! Now I see why the prices looked doubled — we had entered the batch size. Not a bug then 👍":
 * thanks for the help, then how it went. Short, and naming no problem that is still open.
 */
const THANKS_FOR_HELP =
  /^\W*(?:(?:hi|hello|hei|moi)[^\n]{0,30}\n+)?(?:(?:great|brilliant|perfect|ok|selvä|mahtavaa),? )?(?:thanks|thank you|many thanks|kiitos|kiitti)(?: (?:so much|a lot|again|tosi paljon|tosi|paljon|kovasti|vielä|(?-i:\p{Lu})\p{Ll}+))*,?(?: for (?:all )?(?:your|the) (?:quick |fast |speedy )?(?:help|support|reply|response|answer|fix|advice|pointers?)| (?:\p{L}+ )?(?:avusta|vastauksesta|korjauksesta|neuvoista|ohjeista|opastuksesta|avustanne))(?![\p{L}])/iu;
const MAX_THANKS_FOR_HELP_CHARS = 350;
/** "Teillä on kyllä tosi hyvä tuki", "Erinomaista palvelua!": praise of the service is feedback to pass on. */
const PRAISES_THE_SERVICE =
  /(?<![\p{L}])(?:(?:hyvä\p{L}*|erinomai\p{L}*|hien\p{L}*|loistav\p{L}*|upe\p{L}*|mahtav\p{L}*|great|excellent|brilliant|fantastic|amazing|superb|outstanding|top) (?:\p{L}+ ){0,2}(?:tuki|tukea|tuen|palvelu\p{L}*|asiakaspalvelu\p{L}*|support|service|team|job|work)|tyytyväi\p{L}*|avulias|helpful|hyvä kun|kudos|well done|lisänn\p{L}*|you['’]ve added)(?![\p{L}])/iu;
/** A problem named or a request made in the note: then it is a report, whatever the thanks. "Not a bug" is no problem. */
const NAMES_A_PROBLEM_OR_ASKS =
  /(?<![\p{L}])(?<!(?:not an?|no|ei|ei siis|ei ollut) )(?:errors?|issues?|problems?|broken|wrong|fail\p{L}*|bugs?|bugi\p{L}*|down|not working|doesn['’]t work|virhe\p{L}*|ongelm\p{L}*|rikki|vika\p{L}*|ei toimi|alhaalla|please|could you|can you|would you|need|want|voisitte\p{L}*|voitteko|tarvit\p{L}*|halua\p{L}*|haluttais\p{L}*|pitäis\p{L}*|pitäisi)(?![\p{L}])/iu;

/**
 * "Kuitattu, kiitos tiedosta. Meillä ei ole yövuoroa sinä viikonloppuna, joten katko ei vaikuta
 * meihin", "Thanks for the heads-up, the rink is closed then anyway": a planned break acknowledged
 * and said not to matter. Recounting the notice ("järjestelmä alhaalla sen aikaa") reports nothing.
 */
const NOTICE_ACK =
  /^\W*(?:(?:re|vs|aw)\s*:[^\n]*\n+)?(?:(?:selvä|ok(?:ei)?|hyvä|noted|got it|great|hei|moi|hi|hello)[,.!]?\s+)?(?:kuitattu|kuittaus|noted|acknowledged|(?:kiitos|kiitti|thanks|thank you) (?:for (?:the |your )?(?:heads-?up|notice|notification|information|info|letting us know)|(?:ilmoituksesta|tiedosta|tiedotteesta|tiedotuksesta|infosta)))(?![\p{L}])/iu;
const NO_IMPACT =
  /(?<![\p{L}])(?:(?:sopii|käy) meille(?: (?:hyvin|mainiosti|hyvin hyvin))?|suits us(?: fine)?|works (?:fine )?for us|ei (?:haittaa|haittaa meitä|vaikuta (?:meihin|meille|meidän \p{L}+|toimintaamme))|(?:katko|se|tämä|huolto) ei (?:vaikuta|haittaa)|(?:doesn['’]t|does not|won['’]t|will not) (?:affect|impact|bother) us|no impact (?:on|for) us|not a problem for us|(?:fine|ok) (?:by|for) us)(?![\p{L}])/iu;

const NOTICE_ACK_CONTRAST =
  /(?<![\p{L}])(?:but|however|mutta|mut|kuitenkin|edelleen\p{L}*|still|yhä)(?![\p{L}])/iu;

/** Whether the note acknowledges a notice and says it does not matter to them (NOTICE_ACK). */
export function acknowledgesNotice(text: string): boolean {
  return NOTICE_ACK.test(text.trim()) && NO_IMPACT.test(text);
}

/**
 * "Got it, thanks — we'll try the workaround before Monday's lessons and shout if anything's still
 * off": the answer taken, to be tried. The "still" of what might go wrong later is no corner turned.
 */
const TAKEN_TO_TRY =
  /^\W*(?:got it|ok(?:ay)?|great|perfect|noted|thanks|thank you|cheers|selvä|kiitos|kiitti)[^?\n]{0,40}?(?<![\p{L}])(?:i['’]ll|we['’]ll|i will|we will|kokeillaan|testataan)(?: (?:pass|try|test|give))?[^?]{0,240}$/iu;
const IF_STILL_WRONG_LATER =
  /(?<![\p{L}])(?:if|jos) (?:anything|something|it|there|that|jotain|se)(?:['’]s| is| are| on)? still (?:off|wrong|broken|not working|failing|an issue)(?![\p{L}])|(?:jos|if) (?:\p{L}+ ){0,3}(?:vielä|edelleen) (?:on )?(?:ongelmia|vikaa|jotain)/giu;

/**
 * "Kiitos kutsusta! Torstai klo 10 käy meille hyvin", "Thanks for the invite, Thursday 10:00 works
 * for us. See you on Teams": an invitation accepted in the customer's own words.
 */
const INVITATION_ACCEPTED =
  /^\W*(?:(?:hi|hello|hei|moi)[^\n]{0,30}\n+)?(?:kiitos kutsusta|kiitti kutsusta|thanks for the invit\p{L}*|thank you for the invit\p{L}*)[^?]{0,200}(?<![\p{L}])(?:käy (?:meille|minulle|mulle)|sopii (?:meille|minulle|mulle)|works for (?:us|me)|suits (?:us|me)|nähdään|see you)(?![\p{L}])[^?]{0,120}$/iu;

export function isClosingNote(text: string): boolean {
  const trimmed = text
    .replace(FORWARDED_BLOCK, '')
    .replace(QUOTED, '')
    .replace(CHAT_PREFIX, '')
    .trim()
    .replace(SIGN_OFF, '')
    .trim();
  if (/[?？]/u.test(trimmed)) return false;
  // A notice acknowledged may recount it ("galleriat ja tilaukset ei toimi sen aikaa"); only a
  // contrast turns it into news of the customer's own.
  if (acknowledgesNotice(trimmed) && trimmed.length <= MAX_CLOSING_NOTE_CHARS)
    return !NOTICE_ACK_CONTRAST.test(trimmed);
  const closesTheTicket = CLOSES_ANYWHERE.test(trimmed);
  // "Quick update to close the loop on #48213 … To recap for anyone reading later: …": a note that
  // closes the ticket in so many words may recount the whole fix.
  if (trimmed.length > (closesTheTicket ? MAX_TICKET_CLOSING_CHARS : MAX_CLOSING_NOTE_CHARS)) return false;
  return (
    (CLOSING.test(trimmed) ||
      closesTheTicket ||
      ((CLOSES_AT_END.test(trimmed) || NOTHING_NEEDED.test(trimmed)) &&
        (!NEWS.test(trimmed) || HANDLED.test(trimmed))) ||
      RELAYED_ACK.test(trimmed) ||
      THANKS_THEN_RELAY.test(trimmed) ||
      THANKS_NOTE.test(trimmed) ||
      (THANKS_FOR_HELP.test(trimmed) &&
        trimmed.length <= MAX_THANKS_FOR_HELP_CHARS &&
        !NAMES_A_PROBLEM_OR_ASKS.test(trimmed) &&
        !PRAISES_THE_SERVICE.test(trimmed)) ||
      (TAKEN_TO_TRY.test(trimmed) &&
        !NAMES_A_PROBLEM_OR_ASKS.test(trimmed.replace(IF_STILL_WRONG_LATER, ''))) ||
      (INVITATION_ACCEPTED.test(trimmed) && !NAMES_A_PROBLEM_OR_ASKS.test(trimmed))) &&
    // "… had stopped syncing since Tuesday's update … Nothing more needed — you can close ticket
    // #20417": a note that closes the ticket may recount what was broken, but not turn a corner.
    // Its asides in brackets recount too: "(guards saw the green tick but nothing arrived)".
    [
      ...(closesTheTicket ? trimmed.replace(/\([^()\n]{1,200}\)/gu, ' ') : trimmed)
        .replace(IF_STILL_WRONG_LATER, ' ')
        .matchAll(ALL_TURNS),
    ].every((turn) => closesTheTicket && FIXED.test(trimmed) && isRecount(trimmed, turn))
  );
}

const ALL_TURNS = new RegExp(TURNS.source, 'giu');

/** What says the recounted problem is over: "After your hotfix … the backlog came through". */
const FIXED =
  /(?<![\p{L}])(?:after (?:your|the) (?:hot ?fix|fix|patch|update|restart)|(?:was|were|been|got) fixed|came through|back to normal|working (?:again|fine|normally)|recorded normally|complete again|all sorted|(?:been |all been )?(?:refunded|resolved)|(?:complaints|errors|alerts|failures) (?:have|has) stopped|toimii (?:taas|jo|nyt)|korjauksen jälkeen|since (?:your|the) (?:hot ?fix|fix|patch|update)|(?:pushed|deployed|applied) the (?:hot ?)?fix|(?:firing|running|syncing|sending|flowing|coming through|reporting|moving|updating|uploading|printing|loading|connecting|arriving|showing) (?:again|normally|as normal)|(?:on|oli) (?:nyt )?(?:selvitetty|korjattu|ratkaistu|ratkennut)|rolled (?:it|that|this|the (?:\p{L}+ ){0,2}\p{L}+) back|(?:pyörii|rullaa|kulkee|näkyy) (?:taas|normaalisti)|(?:kiitos|kiitti|thanks|thank you) (?:\p{L}+ ){0,2}(?:korjauksesta|for the (?:quick |fast )?fix)|runs? clean(?:ly)?(?: again)?|(?:been|ran|run) clean|all good now|(?:on|oli) (?:nyt )?kunnossa|toimii (?:taas|jo|nyt))(?![\p{L}])/iu;

/** Turns that recount the fixed problem rather than raise a new one. */
const RECOUNT =
  /^(?:(?:is|are|has|have) (?:stopped|broken)|stopped \p{L}+ing|not working|doesn['’]t work|ei toimi)$/iu;

/** "… kirjattiin käsin, mutta teidän korjauksen jälkeen kaikki tuli perille": the corner turned is the fix. */
function isRecount(text: string, turn: RegExpMatchArray): boolean {
  if (RECOUNT.test(turn[0])) return true;
  const at = turn.index ?? 0;
  // "Turned out the printers were still on the old driver": the cause, explained.
  const sentenceStart = Math.max(text.lastIndexOf('. ', at), text.lastIndexOf('\n', at)) + 1;
  if (/^still$/iu.test(turn[0]) && /^\s*(?:it )?turn(?:ed|s) out\b/iu.test(text.slice(sentenceStart)))
    return true;
  // "… because 37 properties still had the old district codes": the cause, in the past tense.
  if (
    /^still$/iu.test(turn[0]) &&
    /^\s+(?:had|was|were|showed|used|pointed|held|carried)(?![\p{L}])/iu.test(text.slice(at + 5))
  )
    return true;
  const after = text.slice(at + turn[0].length, at + turn[0].length + 40);
  return /^\s*(?:\p{L}+\s+)?(?:after|since|korjauksen|päivityksen)/iu.test(after) && FIXED.test(after);
}

/**
 * "… stopped going out … Since your patch the reminders are firing again. Happy for you to close
 * #48213": the customer closes the ticket in so many words and says the problem is over, so the
 * failure it names is a recount.
 */
export function closesFixedTicket(text: string): boolean {
  return CLOSES_ANYWHERE.test(text) && FIXED.test(text);
}

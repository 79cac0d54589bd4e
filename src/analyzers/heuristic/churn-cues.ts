import type { ChurnDriver, ChurnSignal } from '../../core/churn-driver.ts';
import { COMPETITOR_FEATURE_EN, COMPETITOR_FEATURE_FI } from '../../core/floor-cues.ts';
import { apostropheTolerant } from './apostrophe-tolerant.ts';
import { clipAround } from './clip-around.ts';
import { findCompetitorNames } from './find-competitor-names.ts';
import { findLeavingNotice } from './leaving-notice.ts';

/**
 * Phrases that show one of the churn drivers of the design brief (§1), in English and Finnish.
 * Patterns are case-insensitive regular expressions that start at a word boundary; Finnish ones
 * end open so inflected forms match. `strength` 2 is an explicit statement ("we are switching to
 * X", "budget cuts"), 1 a hint ("again", "alternatives"). Competitor names are captured separately
 * (find-competitor-names.ts).
 */
interface ChurnPattern {
  driver: ChurnDriver;
  strength: 1 | 2;
  pattern: string;
}

/**
 * A price difference is a competitor signal only when it is not the customer's own contract
 * talking ("according to our renewal terms it should be 12 % lower").
 */
const OWN_TERMS =
  /(?<![\p{L}])(?:renewal|contract|agreement|agreed|terms|discount|invoice|quote[ds]?|sopimu\p{L}*|sovit\p{L}*|uusinta\p{L}*|alennu\p{L}*|lasku\p{L}*)(?![\p{L}])/iu;
const PRICE_DIFFERENCE = new Set([
  '\\d+ ?% (?:lower|cheaper|less)',
  '\\d+ ?% (?:halvempi|edullisempi|halvemmalla|edullisemmin|halvemmaksi)',
]);

/** A month or weekday, English or Finnish ("syyskuussa", "maanantaina"). */
const WHEN =
  '(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|\\p{L}+kuussa|\\p{L}+ntaina|tiistaina|keskiviikkona|torstaina|perjantaina)';

const p = (driver: ChurnDriver, strength: 1 | 2, ...patterns: string[]): ChurnPattern[] =>
  patterns.map((pattern) => ({ driver, strength, pattern }));

const PATTERNS: readonly ChurnPattern[] = [
  ...p(
    'promise-gap',
    2,
    'you promised',
    // "when we signed you told us the integration would …", "feeling a bit misled".
    '(?:you|your (?:team|rep|sales \\p{L}+|salesperson)) told (?:us|me) (?:\\p{L}+ ){0,6}(?:would|will|could|can)',
    '(?:feel|feeling|felt) (?:a bit |a little |quite |very |really )?(?:misled|mis-sold|cheated|lied to)',
    '(?:sanottiin|luvattiin|kerrottiin) (?:että )?(?:\\p{L}+ ){0,2}(?:korjataan|korjaantuu|korjautuu|tulee|on tulossa)',
    '(?:your|the) (?:team|company|rep|representative|consultant|csm|onboarding team|support team|account team) (?:\\p{L}+ )?promised',
    '(?:you|your (?:[\\p{L}-]+ )?(?:team|rep|representative|consultant|partner|csm|manager|exec|executive|people)) (?:\\p{L}+ )?(?:assured|guaranteed) (?:us|me)',
    '(?:we were|was|were) promised',
    'we were (?:\\p{L}+ )?told',
    '(?:we were|was|were) sold (?:\\p{L}+ ){0,4}on the basis',
    '(?:sales|(?:your |ur )?sales ?(?:rep|person|people|team|guy|guys|lady)|salesperson|account manager) (?:told|said|promised|showed|claimed|swore)',
    '(?:showed|shown|promised) (?:us )?in the demo',
    // "The demo we saw showed messages translated as they come in. In our account …"
    'the demo (?:we (?:saw|had|got)|you (?:gave|showed) us) (?:\\p{L}+ )?(?:showed|had|included|promised|did)',
    '(?:pricing page|website|web site|your site|your docs|documentation|brochure|product page) (?:says|said|states|promises|claims)',
    '(?:was|were) supposed to (?:be|work|have|include)',
    // "In the demo last spring you showed …", "was sold to us last year as 'faster and more reliable'"
    'in the demo (?:\\p{L}+ ){0,3}you (?:showed|promised|said|demonstrated|told)',
    '(?:was|were) sold to (?:us|me) (?:\\p{L}+ ){0,4}as',
    '(?:failed|fail|fails|failing) to (?:meet|deliver) (?:the )?(?:[\\p{L}\\p{N}.%]+ ){0,3}(?:committed|promised|agreed|guaranteed)',
    'not what (?:we|i) (?:were sold|was sold|paid for|signed up for|bought)',
    '(?:as|was) advertised',
    'the demo (?:showed|promised)',
    "(?:doesn't|does not|did not|didn't) deliver",
    'luvattiin',
    'lupasitte',
    'lupasi',
    '(?:myyjä|myyn|konsultti|asiakkuuspäällikkö|yhteyshenkilö)\\p{L}* (?:\\p{L}+ ){0,2}(?:sanoi|lupasi|kertoi|vakuutti|näytti|väitti)',
    'piti(?: \\p{L}+)? olla',
    'ei vastaa (?:sitä|luvattua|sopimusta|myytyä)',
    '(?:hinnasto|verkkosivu|sivusto|dokumentaatio|esite)\\p{L}* (?:sanoo|kertoo|lupaa|luvataan)',
    'mainostettiin',
    'demossa (?:näytettiin|luvattiin)',
    // Composed: a sales or demo setting with what was shown or said there.
    '(?:we were|were|was) (?:\\p{L}+ )?(?:shown|assured|demoed|sold on)',
    '(?:(?:your|the|our) )?(?:account (?:exec|executive|manager)|ae|sales ?(?:rep|person|people|team|guy|manager)|salesperson|consultant|partner manager)s? (?:\\p{L}+ ){0,2}(?:told|said|promised|showed|assured|claimed|confirmed)',
    '(?:myyn\\p{L}*|demo\\p{L}*|esittely\\p{L}*|kaupanteo\\p{L}*|tarjousvaihee\\p{L}*) (?:\\p{L}+ ){0,2}(?:näytettiin|luvattiin|kerrottiin|esiteltiin|sanottiin|vakuutettiin)',
    // "We're paying enterprise prices for this?!": the price paid held against what is delivered.
    "(?:we're|we are|we) pay(?:ing)? (?:\\p{L}+[- ])?(?:prices?|money|rates?) for (?:this|that)",
    'maksamme (?:\\p{L}+-)?hinta\\p{L}* (?:tästä|tällaisesta|tuollaisesta)',
  ),
  ...p(
    'promise-gap',
    1,
    'according to (?:the|our) contract',
    'the contract says',
    'as agreed',
    'sopimuksen mukaan',
    'sovitusti',
    'kuten sovittiin',
  ),
  ...p(
    'unheard-voice',
    2,
    "(?:we've|we have|i've|i have) (?:already )?(?:told|reported|raised|mentioned|asked)(?: you)?(?: about)? (?:this|it)(?: \\p{L}+){0,3} (?:before|already|several times|many times|multiple times|months ago|weeks ago|last year)",
    'told you (?:this |about this )?(?:before|already|several times|many times)',
    '(?:for|the) (?:second|third|fourth|fifth|\\d+(?:nd|rd|th)) time',
    // "How many times do we have to ask?" — not "do you retry, and if so how many times and over
    // what window?", which asks about a setting.
    'how many (?:more )?times (?:do|does|did|must|should|have|has|will|are|is|am)(?= (?:\\p{L}+ )?(?:i|we|us|have|need|ask|tell|told|report|reported|write|chase|remind|explain)(?![\\p{L}]))',
    "(?:adding|add) (?:our|my) (?:\\+1|vote|voice) (?:again|once more)|\\+1 again|(?:we['’]ve|we have|i['’]ve|i have) (?:mentioned|raised|asked (?:about|for)) (?:it|this|that) (?:a couple of|several|a few|many|multiple) times|asked (?:at|on|in) every (?:check-in|call|meeting|qbr|review|user group)|under consideration['’\"]? since (?:19|20)\\d\\d",
    // "We keep asking you", not "clients keep telling reception how easy it is".
    '(?<!(?:clients|customers|users|patients|people|staff|they|members|guests|visitors|contractors|tenants|residents|parents|drivers|technicians|agents) )keep (?:asking|reporting|telling)(?! (?:\\p{L}+ ){0,2}(?:how (?:easy|good|great|much they|nice)|that they love|they love))',
    '(?:nobody|no one) (?:listens|is listening|cares)',
    'still (?:not fixed|unresolved|broken|the same)',
    'same (?:issue|problem|bug) (?:again|as before|keeps)',
    'monta kertaa',
    // "I mentioned it back in January and again last month", "following up again — months now".
    '(?:mentioned|reported|raised|flagged|asked about|brought up) (?:this|it|that) (?:\\p{L}+ ){0,3}(?:back )?in (?:january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|autumn|fall|winter) and (?:again|then)',
    "following up (?:again|once more|for the (?:third|fourth|\\d+(?:rd|th)) time)[^?]{0,160}?(?:(?:it['’]s|it has) been (?:a couple of|several|a few|two|three|many|\\d+) (?:weeks|months))",
    '(?:on|in) (?:our|the) (?:internal )?[\'"‘“]?known issues(?: with \\p{L}+)?[\'"’”]? list since',
    'harder (?:and harder )?(?:for (?:me|us) )?to (?:defend|justify) (?:\\p{L}+ ){0,2}(?:internally|to (?:my|our) \\p{L}+)',
    "(?:we['’]ve been|we have been|i['’]ve been|i have been) asking (?:for (?:this|it|that) )?(?:for )?(?:months|a year|half a year|\\d+ months|over a year)",
    '(?:ollaan|olemme|oon|olen|on) (?:pyytäneet|pyydetty|kysyneet|kysytty|toivottu|toivoneet) (?:\\p{L}+ ){0,4}jo (?:puoli vuotta|vuoden|vuosi|kuukausia|\\d+ kuukautta|monta kertaa)',
    // Not "se vaan pyörii eikä mitään tapahdu": a spinner that does nothing is a bug.
    '(?<!(?:pyörii|latautuu|jumittaa|jumissa|lataa) )(?:eikä|mutta) mitään (?:ei )?tapahdu',
    // "per my last three emails", "never heard a word back", "nobody seems to care".
    'kolmannen kerran|neljännen kerran|(?:edelliseen|aiempiin|aikaisempiin) (?:kahteen|kolmeen|\\p{L}+) (?:viestiin|tikettiin) (?:ei )?(?:ole )?vastattu|ettei (?:näitä|meidän) viestejä lueta',
    'per my (?:last|previous) (?:\\p{L}+ )?(?:e-?mails?|messages?|tickets?)|my last (?:two|three|four|five|several|\\d+) (?:e-?mails|messages|tickets)',
    'never heard (?:a word |anything )?back|heard nothing back|no word back',
    'does anyone (?:actually |even |ever )?read (?:these|this|my \\p{L}+)|still nothing on',
    '(?:nobody|no one) (?:seems|appears) to (?:care|listen|read|have (?:listened|read it|heard))',
    'running out of (?:new )?ways to (?:phrase|say|explain|ask)',
    '(?:someone|anyone)\\W{1,4}(?:anyone\\W{1,4})?(?:simply |just |even )?acknowledge',
    '(?:raised|reported|logged|flagged) (?:it|this|the \\p{L}+(?: \\p{L}+)?) in (?:like |about |around )?(?:\\d+|several|many|multiple) tickets',
    '(?:mainitsin|ilmoitin|kerroin|kysyin) (?:tästä|asiasta|siitä) (?:\\p{L}+ ){0,3}(?:jo )?(?:tammi|helmi|maalis|huhti|touko|kesä|heinä|elo|syys|loka|marras|joulu)kuussa',
    'moneen kertaan',
    'useaan (?:kertaan|otteeseen)',
    '(?:toista|kolmatta|neljättä|kolmannen|neljännen|toisen) kerta',
    '(?:jo )?(?:toinen|kolmas|neljäs|viides) kerta',
    '(?:olemme|olen) (?:jo )?(?:kertoneet|kertonut|ilmoittaneet|ilmoittanut|raportoineet|raportoinut|pyytäneet|pyytänyt)(?: \\p{L}+){0,3} (?:aiemmin|jo|useasti|monesti|kuukausia|viikkoja)',
    'kerroimme (?:tästä )?jo',
    'vieläkään ei',
    'ei vieläkään',
    'edelleen (?:rikki|korjaamatta|sama)',
    'kukaan ei (?:kuuntele|välitä)',
    // Composed: an ordinal or a count with a ticket, a time or an ask.
    '(?:second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|\\d+th) (?:\\p{L}+ ){0,2}(?:tickets?|requests?|e-?mails?|messages?|reminders?|follow-ups?|attempts?|chasers?)',
    '(?:asked|reported|raised|requested|mentioned|flagged|told you|written|emailed|chased|brought (?:this|it) up)(?: \\p{L}+){0,5} (?:twice|three times|four times|five times|several times|multiple times|many times|\\d+ times|repeatedly|over and over)',
    '(?:twice|three times|four times|five times|\\d+ times) (?:now|already|before|so far)',
    // Not "keeps returning 500": a status code, not a problem that recurs.
    '(?:keeps|kept) (?:coming back|happening|recurring|returning(?! (?:\\d|an? |errors?|the |empty|null|nothing|http)))',
    // Asked at two or more named times: "raised this in September, October and now November".
    `(?:asked|raised|reported|mentioned|flagged|chased|requested|emailed)(?: \\p{L}+){0,3} (?:in|on|back in) ${WHEN}(?:,? (?:and )?(?:again )?(?:now |in |on )?${WHEN})+`,
    'nothing (?:ever )?changes|ei mikään (?:koskaan )?muutu',
    '(?:second|third|fourth|fifth) time now|bringing (?:this|it) up again',
    '(?:pari|kaksi|kolme|monta) kertaa (?:ehdotettu|ehdottaneet|ehdottanut)|ei (?:oo|ole) kuulunut mitään',
    // "ollaan nyt kolme kertaa pyydetty", "toivottu jo parin vuoden ajan"
    '(?:kaksi|kolme|neljä|viisi|monta|useamman|useita) kertaa (?:pyydetty|kysytty|pyytäneet|kysyneet|toivottu|ilmoitettu)',
    '(?:toivottu|pyydetty|kysytty|odotettu) jo (?:\\p{L}+ ){0,2}(?:vuoden|vuotta|vuosia|kuukauden|kuukautta|kuukausia)',
    // "raised it at the last three user forums … it never seems to make the roadmap"
    '(?:raised|asked for|requested|suggested|voted for|brought up|mentioned) (?:it|this|that) (?:at|in) (?:the last|each of the last|all of the last|every one of the last) (?:couple of |few |two |three |four |five |several |\\d+ )?(?:(?:\\p{L}+ )?(?:qbrs?|check-?ins|user groups|reviews|calls|meetings|forums|panels|catch-?ups|workshops|user days|roundtables)|(?=two|three|four|five|several|\\d))',
    'never (?:seems to |seem to )?(?:make|makes|made|get onto|gets onto|get on|gets on|get onto) (?:it )?(?:the|your|onto the|on the) roadmap',
    '(?:kysyin|kysyimme|pyysin|pyysimme|ilmoitin|ilmotin|ilmoitimme|ilmotettiin|ilmoitettiin|kerroin|kerroimme|raportoin|raportoimme|muistutin|muistutimme|huomautin|huomautimme)(?: \\p{L}+){0,4} (?:jo|uudelleen|uudestaan|taas|kahdesti|kolmesti|useasti|monesti)',
    '(?:olen|olemme) (?:jo )?(?:kysynyt|kysyneet|pyytänyt|pyytäneet|muistuttanut|muistuttaneet)(?: \\p{L}+){0,3} (?:kahdesti|kolmesti|useasti|monesti|\\d+ kertaa|moneen|monta)',
    'jo (?:kahdesti|kolmesti|neljästi|(?:kaksi|kolme|neljä|viisi|kuusi|\\d+) kertaa)',
    '(?:toinen|kolmas|neljäs|viides|toista|kolmatta|neljättä) (?:\\p{L}+ )?(?:tiketti|viesti|pyyntö|pyyntöä|muistutus|yhteydenotto)\\p{L}*',
  ),
  ...p(
    'unheard-voice',
    1,
    // "won't start again" wants it back, it does not say it happened again.
    '(?<!(?:start|work|working|load|open|run|running|in|up|on) )again',
    'once again',
    'yet again',
    'still',
    'taas',
    'jälleen',
    'uudestaan',
    'edelleen',
  ),
  ...p(
    'complaint-handling',
    2,
    '(?:nobody|no one|no-one) (?:has )?(?:even )?(?:answered|replied|responded|got back|gets back|called)',
    // A ticket closed without the fix: "closed as 'resolved' AGAIN without anyone fixing".
    '(?:closed|marked) (?:as )?[\'"‘“]?(?:resolved|solved|done|fixed)[\'"’”]? (?:again )?without (?:anyone |anybody |you )?(?:actually |ever )?(?:fixing|solving|resolving|replying|answering|a fix)',
    '(?:suljettiin|suljettu|merkittiin) (?:\\p{L}+ )?(?:ratkaistu\\p{L}*|valmii\\p{L}*) (?:taas |jälleen )?(?:vaikka|ilman)',
    '(?:no|zero|not a single|without a single|without any|not one|still no) (?:response|reply|answer|feedback)',
    // The support clock missed: "the first human reply came after 4 h 12 min", "asked me for
    // information I had already attached".
    'first (?:human |real |actual )?(?:response|reply|answer)(?: \\p{L}+){0,3} (?:came|arrived|took) (?:only )?(?:after|at)',
    '(?:got|received|had) (?:its|our|my|the|a) first (?:human |real |actual )?(?:response|reply|answer) (?:only )?after',
    '(?:asked|asking|asks) (?:me |us )?for (?:information|details|logs|info|screenshots|data) (?:that )?(?:i|we) (?:had )?already (?:attached|sent|provided|given|included)',
    '(?:only|just) (?:get|got|getting|received|receive) (?:automatic|automated|canned|auto-?generated) (?:answers|replies|responses|messages)',
    '(?:disappointed|unhappy|frustrated) (?:with|from|in|by) your (?:support|service|help ?desk|customer service)',
    '(?:closed|closing) (?:my|our|the) ticket(?: as ["\'‘“]?(?:resolved|solved|done|fixed)["\'’”]?)? (?:while|when|but|even though|although)',
    '(?:read|reading|look at|looking at) it before closing',
    '(?:sulki|suljettiin|sulkivat) (?:sen|tiketin|tiketit) (?:\\p{L}+ ){0,3}["\'‘“]?(?:solved|resolved|ratkaistu|ratkaistuksi)',
    '(?:vastasi|vastattiin|answered|replied) (?:\\p{L}+ ){0,3}(?:englanniksi|ruotsiksi|in english|in spanish|in german) (?:vaikka|although|even though|but|when)',
    'lukeeko (?:kukaan|kenkään) (?:näitä|viestejä|tikettejä|meidän)',
    '(?:kirjoitin|kerroin|mainitsin) (?:sen|tämän) (?:jo |ihan )?(?:ekaan|ensimmäiseen) viestiin',
    '(?:eikä|ei) (?:niitä|sitä|tätä) (?:ilmeisesti |kai )?kukaan (?:katsonut|lukenut|avannut)',
    "(?:haven't|have not|never) (?:heard back|received (?:a |any )?(?:reply|response|answer))",
    'ticket (?:was |got )?closed without',
    'closed (?:the|my|our) ticket',
    'closed (?:the|my|our) (?:case|request|issue|support request)',
    'told (?:us|me) to (?:just )?(?:live with it|accept it|put up with it|wait it out|be patient)',
    '(?:been )?waiting (?:for )?(?:two|three|four|five|six|seven|eight|nine|ten|several|many) (?:days|weeks)',
    '(?:sulki|sulkivat|suljitte|sulkenut|sulkeneet)\\p{L}* (?:\\p{L}+ )?(?:tiketi|tiketti|tapaukse|tapaus|pyynnö|pyyntö)\\p{L}*',
    'waiting for (?:a |an )?(?:answer|reply|response|update) (?:for|since)',
    // "it took five days to get an answer to a fairly simple question"
    'took (?:[\\p{L}\\p{N}]+ ){0,2}(?:days|weeks) to get (?:an? |any |the )?(?:first )?(?:answer|reply|response)',
    'closed (?:[\\p{L}\\p{N}#]+ ){0,3}as [\'"‘“][^\'"’”]{1,30}[\'"’”] without',
    'sulki (?:sen|tiketin|pyynnön) (?:\\p{L}+ )?vastauksella',
    // "Your support insists the scans are correct and won't look further", "told us twice it was user error"
    "(?:your )?support (?:insists|insisted|keeps insisting|refuses|refused|won['’]t|will not|would not|wouldn['’]t) ",
    "told us (?:\\p{L}+ )?(?:that )?(?:it was|it['’]s|it is) [\"'“‘]?user error",
    '(?:been )?waiting (?:for )?(?:days|weeks|\\d+ days|\\d+ weeks)',
    '(?:poor|terrible|awful|bad|useless|slow) (?:support|customer service|service|response)',
    'support (?:is|was|has been) (?:useless|terrible|slow|unhelpful|awful|non-existent)',
    // Not "the docs mention a `modified_since` parameter but it seems to be ignored": a setting the
    // software skips is a bug, not a customer left unheard.
    '(?<!(?:parameters?|params?|settings?|fields?|flags?|headers?|options?|arguments?|attributes?|columns?|values?|config\\p{L}*|filters?|rules?)(?![\\p{L}])[^.!?\\n]{0,60})ignored',
    'ei (?:ole )?(?:vastattu|vastannut|vastausta)',
    'kukaan ei (?:ole )?(?:vastannut|vastaa|ottanut yhteyttä|soittanut)',
    '(?:ei|eikä) kukaan (?:ole )?(?:vastannut|vastaa|reagoinut|ottanut yhteyttä)',
    'odott\\p{L}* (?:\\p{L}+ )?(?:vastausta|yhteydenottoa)',
    'emme ole saaneet (?:vastausta|mitään)',
    'odott(?:aneet|anut|eet) (?:jo )?(?:päiviä|viikkoja|\\d+ päivää|\\d+ viikkoa)',
    'tiketti (?:suljettiin|on suljettu)',
    '(?:huono|surkea|hidas|kelvoton|olematon) (?:asiakaspalvelu|tuki|palvelu)',
    '(?:asiakaspalvelu|tuki)(?:nne|si)? (?:on|oli) (?:huono|surkea|hidas|kelvoton|olematon)',
    'sivuutettu',
    'ilman (?:mitään |minkäänlaista )?(?:vastausta|yhteydenottoa|reaktiota|päivitystä)',
    '(?:open|opened|auki|avoinna)(?: \\p{L}+){0,2} (?:for )?(?:\\d+|two|three|four|five|six|several|kaksi|kolme|neljä|viisi|useita) (?:days|weeks|months|päivää|viikkoa|kuukautta)',
    "clos(?:e|es|ed|ing) (?:\\p{L}+ ){0,3}(?:as '?\\p{L}+'? )?without",
    // A request left without action: "We asked you on 2 Nov to delete … Still nothing."
    'still nothing(?=\\s*(?:[.!]|$))',
    'nothing has happened(?: since| yet)?',
    '(?:ei|eikä) (?:\\p{L}+ ){0,2}(?:vieläkään|edelleenkään) (?:\\p{L}+ ){0,2}(?:tapahtunut|kuulunut|edistynyt)',
    '(?:vieläkään|edelleenkään) (?:\\p{L}+ ){0,2}(?:ei|eikä) (?:\\p{L}+ ){0,2}(?:tapahtunut|kuulunut|edistynyt)',
    '(?:suljettiin|suljettu) (?:\\p{L}+ ){0,2}ilman',
    '(?:passed|bounced|handed|shuffled|transferred) (?:\\p{L}+ ){0,2}(?:around|between|from one \\p{L}+ to another)',
    'pallotel\\p{L}*',
    // Finnish "passed from one person to another", "nobody takes responsibility".
    '(?:siirre|siirret|siirrel|pompote|pomputel)\\p{L}* (?:\\p{L}+ ){0,2}(?:henkilö|ihmise|tiimi|osasto|agenti|käsittelijä)\\p{L}* toise\\p{L}*',
    'pompot\\p{L}*',
    '(?:ei|eikä) kukaan (?:\\p{L}+ )?ota vastuu\\p{L}*|kukaan (?:\\p{L}+ )?ei (?:\\p{L}+ )?ota vastuu\\p{L}*',
    '(?:nobody|no one) (?:takes|is taking|has taken) (?:ownership|responsibility)',
    'tyytymättömi\\p{L}* (?:\\p{L}+ ){0,3}(?:hoid|käsitel|palvel|tuk)\\p{L}*',
    '(?:unhappy|dissatisfied|not happy|disappointed) with (?:how|the way) (?:this|it|our \\p{L}+|the \\p{L}+) (?:was|has been|is being|were|have been) (?:handled|dealt with)',
  ),
  ...p(
    'weak-value',
    2,
    'not worth',
    "for what we pay|(?:more|heavier|harder|bigger) than (?:it['’]s|it is) worth",
    // "Maksetaan 50k kontaktin paketista vaikka lähetetään enää kerran kuussa …, ei oo oikein järkeä."
    'maks(?:etaan|amme|an|aa)\\p{L}* [^.!?\\n]{0,120}(?:ei|eikä) (?:oo|ole) (?:oikein |kovin |mitään |enää )?järke',
    // "only 3 of our 20 seats are really used", "paying for stuff we have never opened".
    '(?:only|just) (?:\\d+|one|two|three|four|five|a few|a handful) (?:of (?:our|the) \\d+ )?(?:seats|licen[cs]es|users)(?: \\p{L}+){0,2} (?:are |is )?(?:really |actually )?(?:used|in use|active)',
    'paying for (?:stuff|things|features|something|tools) (?:we|nobody) (?:have |has )?(?:literally )?never (?:used|opened|touched)',
    'money down the drain',
    'paying for nothing|what are we paying for',
    'miksi (?:tästä |siitä )?maksetaan (?:näin|niin) paljon|(?:hyvä )?syy jatkaa|maksetaan \\d+ (?:käyttäjästä|lisenssistä|tunnuksesta)',
    '(?:nobody|no one)(?: \\p{L}+){0,4} has (?:logged in(?:to it)?|used it|opened it) since',
    '(?:justify|defend) (?:it|this|the cost|the spend|the price) to (?:our|my|the) \\p{L}+',
    '(?:barely|hardly|rarely|never) (?:even )?log ?in (?:anymore|any more|these days|at all)',
    '(?:only|just) (?:got )?(?:about |around |roughly )?\\d+ (?:people|users|staff) (?:\\p{L}+ ){0,2}(?:actually |really )?using (?:\\p{L}+ ){0,3}out of (?:the |our )?\\d+',
    'right-?siz\\p{L}*',
    '\\d+ (?:active )?(?:users|people) out of (?:the |our )?\\d+ (?:seats|licen[cs]es)',
    'onko (?:jotain |mitään )?syytä jatkaa',
    "not paying (?:that|this|it)|(?:won't|will not|aren't going to|are not going to) pay (?:that|this)",
    '(?:barely|hardly|never) (?:even )?touched (?:the |it|this|that)',
    'maks(?:amme|etaan|ame) (?:\\p{L}+ ){0,2}enemmän kuin (?:\\p{L}+ ){0,2}(?:saadaan|saamme|hyödymme|hyödytään)',
    '(?:too|really|so|very) expensive for',
    'overpriced',
    "(?:we |i )?(?:don't|do not|barely|hardly|rarely) (?:really )?use (?:it|the|this|your)",
    "(?:doesn't|does not|don't|do not|barely|hardly|rarely|never) (?:really |actually |even )?(?:use|open|log into|log in to) (?:it|the (?:tool|product|platform|system|app)|this|your)",
    "(?:don't|do not|can't|cannot|can not) see how (?:\\p{L}+ ){0,3}justify",
    '(?:most|all|half) of (?:our |the )?(?:requests|work|tickets|support|conversations)(?: \\p{L}+)? still (?:go|goes|run|runs|come|comes|happen|happens) (?:through|in|via) (?:a |an |our |the )?(?:shared )?(?:mailbox|inbox|e-?mail|spreadsheets?|excel|outlook|gmail|whatsapp)',
    '(?:everything|all (?:our|of our) (?:\\p{L}+ )?(?:requests|work|tickets)) (?:still )?(?:goes|go|runs|run|happens|happen) (?:through|in|via) (?:a |an |our |the )?(?:shared )?(?:mailbox|inbox|e-?mail|spreadsheets?|excel|outlook|gmail|whatsapp)',
    'mistä (?:\\p{L}+ ){0,2}(?:oikein )?maks\\p{L}*',
    'onko (?:tässä|tästä|siinä) (?:\\p{L}+ )?(?:mitään )?(?:järkeä|hyötyä)',
    'only (?:\\d+|\\p{L}+) (?:of|out of) (?:our |the )?(?:\\d+|\\p{L}+) (?:seats|licen[cs]es|users|agents|accounts) (?:are |were )?(?:used|active|in use|logged in|log in)',
    '(?:suurin osa|puolet|moni|useimmat)(?: \\p{L}+){0,2} (?:ei|eivät) (?:\\p{L}+ )?(?:avaa|käytä|kirjaudu)',
    '(?:nobody|no one) (?:here |in our team )?(?:uses|is using)',
    'not using (?:it|the|this)',
    '(?:no|little|not much|not enough) (?:real )?value',
    "(?:don't|do not|can't|cannot) see (?:the )?value",
    'hard to justify',
    "(?:can't|cannot|can not) justify",
    '(?:not |no )?(?:getting|get) (?:our |enough )?value for (?:the |our )?money',
    'why (?:are |do |should )?we (?:pay|paying|are paying)',
    '(?:have |has )?(?:basically |mostly |largely |almost )?stopped using',
    'paying for (?:seats|licen[cs]es|features|something) (?:we|nobody|no one)',
    'ei (?:ole )?(?:sen )?(?:hintansa|rahan) arvoinen',
    'liian kallis',
    '(?:emme|en) (?:juuri|juurikaan|enää)? ?käytä',
    'kukaan ei käytä',
    'ei (?:juuri )?käytetä',
    'vähällä käytöllä',
    '(?:emme|en) näe (?:tästä |siitä )?(?:hyötyä|arvoa)',
    'maksamme turhaan',
    'lopett\\p{L}* käyttämästä',
    'ei (?:ole )?(?:ollut )?käyttöä',
    'vaike(?:a|e|ee) perustella',
    '(?:puolet|osa|suurin osa|monet)(?: \\p{L}+){0,2} (?:lisensseistä|paikoista|tunnuksista) (?:on |jää |ovat )?käyttämättä',
    'mi(?:ks|ksi) (?:me )?maks(?:etaan|amme)',
    '(?:no|none of the) new features (?:that )?(?:we|anyone) (?:actually |really )?use',
    "(?:can't|cannot|can not) (?:take|bring|sell|defend) (?:that|this|it) to (?:my|our) (?:vp|cfo|ceo|boss|board|manager|management|director|finance)",
    // Not "14 % ei löydä vastinetta" (a code without a counterpart): value for the money.
    '(?:emme koe|emmekä koe|en koe|emme saa|en saa|ei tunnu) (?:\\p{L}+ ){0,2}(?:rahalle |rahoillemme |hinnalle )?vastinetta|(?:ei|emme|en) (?:\\p{L}+ ){0,2}(?:rahalle|rahoillemme|hinnalle) vastinetta',
    'hyöty(?:\\p{L}*)? (?:on )?(?:jäänyt )?(?:vähäinen|pieni|pieneksi|vähäiseksi|olematon|olemattomaksi|laihaksi)',
    'not (?:getting|seeing|got) (?:much|any|enough|real) value',
    '(?:usage|adoption|use|logins|activity) (?:has |have )?(?:dropped|fallen|declined|decreased|plummeted|collapsed)',
    'what (?:are )?we (?:get|getting) for (?:the|our) money',
    "(?:don't|do not|can't|cannot|no longer) see what (?:we're|we are|we) (?:getting|paying for|get)",
    '(?:emme|en) (?:\\p{L}+ ){0,2}(?:ole )?(?:päässeet|päässyt|saaneet|saanut) (?:\\p{L}+ )?hyödyntä\\p{L}*',
    'hinta (?:tuntuu|on) (?:\\p{L}+ )?(?:kova|korkea|liian)\\p{L}*',
    "adoption (?:never|hasn't|has not|didn't|did not|is low|has been low|was low|stalled)",
    '(?:went|gone|going|reverted|returned) back to (?:\\p{L}+ ){0,2}(?:spreadsheets?|excel|sheets|e-?mail|paper|our old)',
    'pala(?:si|sivat|nneet|nnut)\\p{L}* (?:\\p{L}+ ){0,2}(?:excel|taulukko|sähköpost|vanha)\\p{L}*',
    // Seats paid for against people using them: "paying for 40 seats and maybe 6 log in".
    'paying for (?:\\d+|\\p{L}+) (?:seats|licen[cs]es|users)[^.!?\\n]{0,60}? (?:only|maybe|just|about|barely) (?:\\d+|\\p{L}+)',
    'maks\\p{L}* (?:\\d+ )?(?:lisenssi|käyttäjä|paika)\\p{L}*[^.!?\\n]{0,60}? (?:vain|ainoastaan|enää) \\d+',
  ),
  ...p(
    'changed-needs',
    2,
    '(?:our )?needs (?:have )?changed',
    '(?:reduce|lower|cut|decrease) (?:the number of |our |the )?(?:licen[cs]es|seats|user licen[cs]es|users)(?: accordingly)?',
    '(?:discuss|move to|switch to|need|want) a smaller (?:plan|package|tier|contract|subscription)',
    // A part of the business sold, spun off or closed: "We sold our Didsbury practice to another group",
    // "julkisivuyksikkömme eriytetään omaksi yhtiökseen".
    '(?:we )?(?:sold|closed|divested|spun off) (?:our|one of our) (?:[\\p{L}-]+ ){0,2}(?:practice|site|branch|clinic|store|shop|office|business|division|unit|location|hotel|restaurant)',
    '(?:eriytetään|eriytettiin|eriytetty|yhtiöitetään|yhtiöitettiin) (?:\\p{L}+ ){0,3}(?:omaksi|erilliseksi) (?:yhtiöksi|yhtiökseen|yritykseksi)',
    "(?:we've|we have) outgrown",
    'outgrow',
    "(?:no longer|don't|do not) need (?:it|this|the|your)",
    '(?:a )?new (?:direction|strategy|operating model)',
    '(?:our )?(?:requirements|use case|priorities) (?:have )?changed',
    '(?:no longer|not) (?:a )?(?:good )?fit',
    "(?:doesn't|does not|don't|do not|no longer) (?:\\p{L}+ )?fit",
    // Doubt whether the product still fits: "look at whether it still fits us", "sopiiko se enää meille".
    '(?:whether|if) (?:it|this|the (?:\\p{L}+ )?(?:tool|product|platform|system|solution)|your (?:tool|product|platform|system|solution)) (?:still |really |even )?(?:fits?|suits?) (?:us|our)',
    '(?:not sure|unsure|wonder(?:ing)?|doubt(?:ful)?|question(?:ing)?) (?:if |whether )?(?:it|this|you|the (?:\\p{L}+ )?(?:tool|product|platform|system|solution)|your (?:tool|product|platform|system|solution)) (?:still |really |even )?(?:fits?|suits?|works? for)',
    '(?:sopiiko|soveltuuko|palveleeko) (?:\\p{L}+ ){0,2}(?:enää |vielä |edelleen )?(?:meille|meitä|tarpeisiimme|käyttöömme)',
    '(?:still )?the right (?:platform|tool|solution|product|fit|choice) for us',
    "(?:we've|we have) grown",
    'need (?:something|a (?:tool|platform|solution|product)) (?:more|bigger|better suited)',
    'consolidat\\p{L}* (?:our |the )?(?:tools|vendors|systems|platforms|software|stack)',
    'moving (?:everything )?in-house',
    'build (?:our own|it ourselves|in-house)',
    'tarpeemme (?:ovat )?muuttuneet',
    'tarpeet (?:ovat )?muuttuneet',
    '(?:emme|en) (?:siis |kai |oikeastaan |jatkossa )?enää tarvitse',
    '(?:emme|ei) tarvitse (?:\\p{L}+ ){1,4}enää',
    'ulkoista\\p{L}* (?:\\p{L}+ ){0,2}(?:palkanlaskennan|kirjanpidon|laskutuksen|asiakaspalvelun|toiminnon|toiminnot)',
    'kasvaneet (?:ulos|yli)',
    'uusi (?:suunta|strategia|toimintamalli)',
    'enää (?:sovi|vastaa (?:tarpeitamme|sitä mitä|meidän tarpei\\p{L}*))',
    'oikea (?:alusta|työkalu|ratkaisu|järjestelmä) meille',
    'olemme kasvaneet',
    'yhdistämme (?:työkalu|järjestelm|palvelu)',
    'teemme (?:sen )?itse',
    'omaa (?:järjestelmää|ratkaisua)',
    '(?:we )?now need',
    '(?:moving|move|moved|shifting|shifted|switching) to (?:an? )?(?:[\\p{L}-]+ ){0,3}(?:model|approach|structure|way of working)',
    'need (?:far |much )?fewer (?:seats|licen[cs]es|users)',
    '(?:toimintamme|toimintatapamme|prosessimme|organisaatiomme|liiketoimintamme|tapamme toimia) (?:on |ovat )?muuttu\\p{L}*',
    'tarvitsemme (?:nyt|jatkossa)',
    // "we won't need the dashboards add-on going forward", "moduulia ei jatkossa tarvita".
    // "we've sold two of our five car parks", "myimme kaksi kolmesta kahvilastamme"
    "(?:we(?:['’]ve| have)? sold|we closed|myimme|suljimme|luovuimme) (?:\\p{L}+ ){0,2}(?:of (?:our|the) )?(?:\\p{L}+ )?(?:\\p{L}+ )?(?:sites|stores|shops|locations|car parks|cafés|cafes|restaurants|clinics|offices|branches|properties|hotels|kahvila\\p{L}*|myymälä\\p{L}*|toimipist\\p{L}*|ravintola\\p{L}*|liikkee\\p{L}*)",
    "(?:won['’]t|will not|no longer|don['’]t|do not) need (?:the |that |this |our )?(?:\\p{L}+ ){0,3}(?:add-?on|module|feature|dashboards?|widget|seats|licen[cs]es)(?: \\p{L}+){0,2} (?:going forward|anymore|any more|from now on)",
    '(?:ei|emme) (?:enää |jatkossa )+tarvit\\p{L}*|(?:ei|emme) tarvitse (?:enää|jatkossa)',
    '(?:ulkoistimme|ulkoistettiin|outsourced) ',
    '(?:business|company|work) (?:has )?shifted (?:almost )?(?:entirely|completely|mostly) to',
    "(?:doesn['’]t|does not|don['’]t|do not) (?:really )?(?:think )?(?:the )?(?:\\p{L}+ ){0,3}makes? (?:much )?sense for us anymore",
    '(?:moved|moving|gone|going) (?:almost )?(?:all|most) of (?:our|the) (?:\\p{L}+ ){0,3}back to',
    '(?:moving|shifting|pivoting|transitioning|changing|switching) (?:our business |the business |our company )?from (?:[\\p{L}-]+ ){1,3}to (?:[\\p{L}-]+ ){0,3}(?:sales|business|model|market|customers|selling|support)',
    "(?:which|that|something) you (?:don't|do not|can't|cannot) (?:really )?(?:do|support|offer|handle|cover)",
  ),
  ...p(
    'competitor',
    2,
    // "the competitor report", "Kilpailijavertailu" name a feature, not a rival.
    // "he left us to join a competitor" is a person's move, not the customer's.
    `(?<!(?:join|joined|joining|joins|left for|poached by) (?:a |one of our |our )?)competitors?${COMPETITOR_FEATURE_EN}`,
    // "other vendor payments are bouncing" pays vendors; it does not look at them.
    // "(different vendor)" in passing is history; "considering moving onto your platform" is a prospect.
    '(?<!\\()(?:other|another|different|cheaper) (?:vendors?|providers?|suppliers?|tools?|solutions?|platforms?)(?! (?:payments?|invoices?|bills?|debits?))(?!\\))',
    '(?:looking|look|looked) (?:at|for) (?:other |some )?alternatives',
    // "our board has asked us to run a comparison of three platforms", "vertaillaan ainakin kolmea järjestelmää"
    '(?:run|do|doing|running|make|making) (?:a |an )?(?:comparison|benchmark|evaluation) of (?:two|three|four|several|\\d+|other) (?:\\p{L}+ )?(?:platforms|systems|vendors|tools|solutions|providers|options)',
    'vertail\\p{L}* (?:\\p{L}+ ){0,3}(?:kahta|kolmea|neljää|useampaa|useita|muita) (?:\\p{L}+ )?(?:\\p{L}*järjestelm\\p{L}*|toimittaj\\p{L}*|vaihtoeht\\p{L}*)',
    // "starting a 3-month pilot with another RFID vendor at our Turku plant"
    '(?:pilot|trial|proof of concept) (?:with|of) (?:another|a different|a competing|an alternative|a second) (?:[\\p{L}-]+ ){0,2}(?:vendors?|suppliers?|providers?|systems?|platforms?|solutions?)',
    'evaluating (?:other|alternatives|options)',
    // "saatiin tarjous toiselta toimittajalta"
    '(?:tarjous|tarjouksen) (?:toiselta|muulta|uudelta|kilpailevalta) (?:\\p{L}+ )?(?:toimittajalta|palveluntarjoajalta|firmalta|yritykseltä)',
    // "we're trialing a competing app on 8 of our 30 trucks"
    '(?:trial(?:l)?ing|piloting|testing|evaluating|running) (?:a |an )?(?:competing|competitor[\u0027\u2019]?s?|rival) (?:\\p{L}+ )?(?:app|product|system|tool|platform|solution|software)',
    '(?:mapping|map|scoping|sounding) out (?:our |the )?(?:options|alternatives)',
    "(?:demoed|demo['’]d|showed (?:us|our \\p{L}+) a demo|gave (?:us|our \\p{L}+) a demo)(?: \\p{L}+){0,6}",
    'offering (?:it |their \\p{L}+ )?(?:for )?free to',
    '(?:toiseen|muuhun|uuteen) (?:\\p{L}+)?järjestelmään|siirtymässä (?:toiseen|muuhun)|(?:jo )?siirtymässä',
    '(?:looking at|evaluating|comparing|reviewing) (?:a few|several|some|other|two|three|\\d+) (?:\\p{L}+ ){0,2}(?:options|vendors|providers|tools|alternatives|solutions|systems)|including you and (?:one|two|three|\\d+) others?',
    '(?:starting|started|start) to look around|looking around (?:for|at) (?:other|alternatives|options)',
    '(?:keen|wants?|wanting|asked) to [\'"‘“]?standardi[sz]e',
    '(?:evaluoimassa|kartoittamassa|katselemassa|vertailemassa) (?:\\p{L}+ )?(?:optioita|vaihtoehtoja|muita)',
    // "our COO asked for a side-by-side before we sign", "the board wants our vendor stack consolidated".
    'side-by-side(?: comparison)?|cost comparison|(?:pitching|pitched|offering|offered) (?:us )?(?:their|its) own',
    'consolidat\\p{L}* (?:our |the )?(?:vendor|tool|saas|software|supplier) (?:stack|list|landscape|base)|(?:vendor|tool|saas) consolidation',
    "came in and (?:walked|showed|demoed|demo['’]d|presented)",
    '(?:review|reviewing|explore|exploring|weigh|weighing|assess|assessing|re-?evaluat\\p{L}*) (?:all )?(?:of )?(?:our|other|the) (?:options|alternatives|vendors|suppliers|tools|tooling|contracts)',
    // "we're genuinely reviewing whether Brokerdesk is the right system for us"
    '(?:reviewing|questioning|asking ourselves|wondering|considering|re-?evaluating|evaluating) (?:whether|if) (?:[\\p{L}-]+ ){1,3}(?:is|are) (?:still |really )?(?:the right|a good|the best) (?:system|tool|platform|fit|choice|partner|vendor|solution|product)',
    // Not "the annual vendor review": a routine every supplier goes through.
    '(?<!(?:annual|quarterly|yearly|regular|routine|periodic|monthly) )vendor (?:review|evaluation|selection)',
    '\\d+ ?% (?:lower|cheaper|less)',
    'considering (?:switching|a switch|moving(?! (?:\\p{L}+ ){0,4}(?:onto|to) (?:your|you))|changing (?:vendors?|providers?|suppliers?|tools?))',
    // "Trying to figure out whether we'd have to switch to get that", "keep nudging us to look at Brevo".
    "(?:whether|if) we['’]?d (?:have|need) to (?:switch|move|change (?:vendors?|providers?|platforms?|systems?))",
    '(?:nudging|pushing|urging|pressing) (?:us|me|management|our \\p{L}+) to (?:look at|try|consider|evaluate|move to|switch to)',
    '(?:for|at) (?:\\p{L}+ )?(?:less money|a lower price|half the price)',
    '(?:an? )?rfp',
    `kilpailija${COMPETITOR_FEATURE_FI}`,
    'kilpailut\\p{L}*',
    'toimittaja-?(?:arvio|vertailu|kilpailu)',
    '\\d+ ?% (?:halvempi|edullisempi|halvemmalla|edullisemmin|halvemmaksi)',
    '(?:harkitsemme|mietimme|pohdimme|suunnittelemme|selvitämme) (?:\\p{L}+ )?(?:vaihtoa|vaihtamista|vaihtamaan|siirtymistä|siirtymään)',
    // "meille on tarjottu toisen palvelun ratkaisua selvästi halvemmalla … miksi emme vaihda"
    "(?:should have|should['’]ve) stayed with (?:our )?(?:old|previous|former) (?:provider|supplier|vendor|system|tool|platform)",
    '(?:tarjottu|tarjosi|tarjoaa|tarjonnut) (?:\\p{L}+ ){0,4}(?:halvemmalla|edullisemmin)|miksi (?:emme|ei) vaihda',
    '(?:selvästi |paljon |huomattavasti )?(?:halvempi|edullisempi) (?:ja|mutta)',
    '(?:muita|muut|toisen|toista|halvemman|halvempaa) (?:toimittaj|palveluntarjoaj|vaihtoeh|järjestelm)',
    'vaihtoehtoj(?:a|en) (?:markkinoilta|muualta|kartoitetaan)',
    // Composed: a price compared with ours, named or not ("a price well below yours").
    "(?:cheaper|less|lower|below|under|half)(?: \\p{L}+){0,2} (?:than )?(?:you|yours|your (?:price|pricing|quote|offer|rate)s?|what (?:we|i) (?:pay|are paying|'re paying)|what you charge)(?![\\p{L}])",
    '(?:a )?(?:fraction|half) of (?:the |your )?(?:price|cost)',
    '(?:halvempi|halvemmalla|edullisempi|edullisemmin|halvemmaksi|halvempaa|edullisempaa) kuin (?:te|teillä|teidän|nykyi\\p{L}*)',
    'hin(?:ta|na)(?:anne|nne|amme) (?:\\p{L}+ ){0,2}(?:halvempi|edullisempi|alempi|halvemmalla|edullisemmin)',
    '(?:puoleen|murto-osaan|puolet halvemmalla) (?:hintaan|hinnasta)?',
    'toinen (?:toimittaj|palveluntarjoaj|järjestelm)\\p{L}*',
    // "Jos tähän ei tule parannusta, vaihdetaan.": the switch as a sentence of its own.
    '(?:niin |muuten |sitten )?vaihdetaan(?: (?:toiseen|muuhun|pois))?(?=\\s*(?:[.!]|$))',
    "(?:or|otherwise|then) we(?:'ll| will) (?:switch|move|leave)(?=\\s*(?:[.!]|$))",
  ),
  ...p(
    'involuntary',
    2,
    'budget (?:cuts?|freeze|reduction|was cut|has been cut)',
    'budget\\p{L}* (?:\\p{L}+ ){0,4}(?:was|were|has been|have been|got|is being) (?:cut|reduced|slashed|frozen|halved)',
    'cut(?:ting)? (?:our |the )?budget',
    'cost[- ]cutting',
    'bankrupt',
    'insolven',
    '(?:been |being |were |was )?acquired by',
    // "our whole acquisition channel", "customer acquisition cost": marketing, not a takeover.
    '(?<!(?:customer|user|data|lead|talent|guest|traffic|client|visitor) )acquisition(?! (?:channels?|costs?|campaigns?|funnels?|rates?|strateg\\p{L}*|spend|budgets?|tools?|metrics?))',
    // A company merger, not "the bulk merge of contacts".
    'merger',
    'merg(?:ed|ing) (?:with|into) (?:our|the|a|an|another) (?:\\p{L}+ ){0,2}(?:company|group|parent|sister|firm|organi[sz]ation|business)',
    'liquidat\\p{L}*',
    'receivership',
    // UK insolvency: "going into administration, administrators appointed Friday".
    '(?:going|gone|went|entered|entering|placed) into administration|(?:entering|enter|entered) administration',
    'administrators? (?:have been |has been |were |was )?appointed',
    'selvitystil\\p{L}*',
    '(?:closing|shutting|winding) down (?:the|our) (?:business|company|office|operations)',
    'out of business',
    'layoffs?',
    'downsiz',
    // "address the invoices to our parent company" names it; its decision is the signal.
    'parent company (?:\\p{L}+ ){0,4}(?:decided|has decided|wants|mandates?|requires?|is (?:moving|standardi[sz]ing|consolidating|centrali[sz]ing)|will (?:move|standardi[sz]e|consolidate|centrali[sz]e))',
    'group[- ]wide (?:decision|policy|standardi[sz]ation|consolidation|mandate|licen[cs]e|agreement|contract|procurement)',
    'business model (?:change|is changing|has changed)',
    // "budjetteja leikataan", "budjettia pienennetään"
    'budjet\\p{L}* (?:\\p{L}+ )?(?:leikat|leikkau|pienen|jäädy)',
    'budjettileikkau',
    'säästö\\p{L}*',
    '(?:yt|muutos)[- ]?neuvottelu',
    'konkurssi',
    // Finnish -us nouns inflect through -uks-: "yrityssaneerauksessa".
    'yrityssaneerau(?:s|ks)',
    'saneerausmenettely',
    'yritysosto',
    '(?:meidät )?ostettiin',
    '(?:yhtiömme|yrityksemme|yhtiö|yritys) (?:on )?(?:myyty|ostettu|myytiin|ostettiin)',
    'uusi omistaja',
    '(?:our |the )?new (?:owner|owners|parent)',
    '(?<!ennen )fuusio(?!ta edeltä)',
    'fuusioidu',
    'lopetamme (?:toiminnan|liiketoiminnan)',
    'emoyhtiö\\p{L}* (?:\\p{L}+ ){0,3}(?:päätti|päättänyt|linjasi|linjannut|vaatii|haluaa|siirtää|keskittää|yhtenäistää)',
    'konserni(?:tason|n päätös|n linjaus)',
    'lomau(?:tu|te|tt)',
    'liiketoimintamalli(?:\\p{L}*) (?:muuttu|muuttuu|on muuttunut)',
    // "all non-essential software is being cut from next quarter … your tool is on the list"
    '(?:non-essential|nonessential|all) (?:software|tools|subscriptions|spend(?:ing)?|vendors|licen[cs]es) (?:is|are) being (?:cut|dropped|cancelled|reviewed for cuts)',
    "funding (?:round )?(?:fell through|collapsed|was pulled|didn't come through)",
    '(?:spend(?:ing)?|budget|purchasing|procurement|hiring|software) freeze',
    '(?:froze|frozen|freezing) (?:\\p{L}+ ){0,3}(?:spend|spending|budgets?|purchases|purchasing)',
    'restructuring(?! (?:our|the|of (?:our|the)) (?:sales )?(?:regions?|teams?|territor\\p{L}*|folders?|workflows?|tags?|categories|pipelines?|data|accounts?|permissions?|roles?))',
    '(?:hard stop|stop|freeze|moratorium|ban|block) on (?:all )?(?:\\p{L}+ ){0,4}(?:contracts|spend(?:ing)?|purchases|purchasing|renewals|subscriptions|software|saas|vendors|tools|licen[cs]es)',
    // Spending stopped: frozen, on hold, paused; software and subscriptions cut across the board.
    '(?:spend(?:ing)?|budgets?|purchases|purchasing|procurement|software|saas|subscriptions|tools|licen[cs]es|vendors|investments?) (?:\\p{L}+ ){0,4}(?:is|are|was|were|has been|have been|got|gets) (?:\\p{L}+ )?(?:frozen|on hold|paused|halted|suspended)',
    'put (?:\\p{L}+ ){0,4}(?:spend(?:ing)?|purchases?|purchasing|procurement|software|saas|subscriptions?|tools?|licen[cs]es|vendors?|investments?) (?:\\p{L}+ ){0,3}on hold',
    '(?:cut|cutting|drop|dropping|eliminate|eliminating|reduce|reducing) (?:all |every |most )?(?:of our )?(?:non-?essential |unnecessary |non-?critical |discretionary )?(?:subscriptions|software|saas|tools|vendors|licen[cs]es|spend(?:ing)?)',
    'jäädyt\\p{L}* (?:\\p{L}+ ){0,3}(?:meno|hankin|kulu|osto|ohjelmisto|budjet|investoin|tilauks)\\p{L}*',
    '(?:meno|hankin|kulu|osto|ohjelmisto|budjet|investoin)\\p{L}* (?:\\p{L}+ ){0,3}(?:jäädyt|jäissä|tauolla|pysäytet)\\p{L}*',
    '(?:closing|shutting|winding)(?: down)? (?:the|our) (?:business|company|doors|operations|shop)',
    '(?:ceasing|cease) (?:operations|trading)',
    '(?:headquarters|hq|head office|the group|group management|the board|our board|new owners?|corporate) (?:has |have )?(?:decided|mandated|ruled|chosen|standardi[sz]ed|required)',
    '(?:konserni|emoyhtiö|pääkonttori|omistaja|hallitus|johtoryhmä)\\p{L}* (?:on )?(?:päättänyt|päätti|linjannut|linjasi|vaatii|edellyttää)',
    '(?:kulu|kustannu|meno)\\p{L}* (?:\\p{L}+ ){0,2}(?:karsi|leikat|leikkau|vähenn)\\p{L}*',
    '(?:karsi|leikat|leikkaa)\\p{L}* (?:\\p{L}+ ){0,2}(?:kulu|kustannu|meno)\\p{L}*',
    '(?:lopettaa|lopetamme|lopettanut|lopettavat) (?:\\p{L}+ ){0,3}toiminna?\\p{L}*',
    // UK insolvency by its letterhead: "Parkside Dental Ltd (in administration)", "the joint administrators of the above company".
    '(?:ltd|limited|plc|llp|oy|company)\\.? \\(?in administration\\)?|(?:joint )?administrators of (?:the|our) (?:above )?(?:company|business)',
    "(?:is|are|we['’]re|we are|will be) merging with",
    // "our council will be abolished on 1 April and replaced by the new unitary authority"
    '(?:will be|is being|are being|is to be) (?:abolished|dissolved|wound up)|(?:local government|municipal) reorgani[sz]ation|kuntaliito\\p{L}*',
    // "We're being merged into Nordic Refresh Group", "the owners have put every fixed cost under review"
    // Not "our library service is being merged into the county team": a unit's reorganisation is changed needs.
    "(?:we['’]re|we are|the company is|our company is) being merged",
    '(?:put|putting|puts) (?:every|all|each) (?:\\p{L}+ )?(?:costs?|expenses?|spend|contracts?) under review',
    // "as of 1 October we're part of Everlake Leisure Group": taken into a group.
    "(?:we['’]re|we are|we['’]ve become|we have become|we became|we['’]re now|we are now) (?:now )?(?:officially )?part of (?:the )?\\p{Lu}[\\p{L}-]*(?: \\p{Lu}[\\p{L}-]*){0,3} (?:group|holding|holdings|plc|oyj|ab|ltd|inc)",
  ),
  // Round 38: shapes the blind batches 135–146 brought.
  ...p(
    'unheard-voice',
    2,
    // "For the fourth quarter running we've asked", "It was in the Q1 notes, Q2 notes, Q3 notes"
    'for the (?:second|third|fourth|fifth|sixth) (?:time|quarter|month|year|meeting|qbr) running',
    'q1 notes,? q2 notes',
    // "on puhuttu jo kahdessa asiakaspalaverissa … eikä mitään oo kuulunut"
    '(?:ei|eikä) (?:mitään|mitn) (?:oo |ole |ei )?kuulunut',
    '(?:on|oli) (?:sanottu|pyydetty|kerrottu|puhuttu|toivottu) (?:teille )?(?:jo )?(?:\\p{L}+ ){0,3}(?:kahdessa|kolmessa|pariin kertaan|kahdesti|kolmesti|viime (?:keväänä|syksynä|vuonna|kesänä|talvena))',
    'pyydettiin jo (?:pariin|kahteen|kolmeen) kertaan',
  ),
  ...p(
    'complaint-handling',
    2,
    // "the person I spoke to was dismissive … and hung up", "We followed up on 12 and 19 September.
    // We have received nothing except an automatic acknowledgement."
    '(?:was|were|been) (?:really |very |quite )?dismissive',
    '(?:and|then) hung up(?: on me)?',
    "(?:we have|we['’]ve|i have|i['’]ve) (?:received|had|got|heard) nothing (?:except|but|back|since)",
    // "Vastausta ei ole tullut", "tukeen vastataan nykyään vasta 3–4 päivän päästä"
    'vastausta ei (?:ole |oo )?(?:tullut|tullu|kuulunut)',
    'vastataan (?:nykyään )?vasta \\d',
    'took (?:your |the )?(?:support|team|helpdesk|service desk)? ?(?:two and a half|\\d+(?:\\.\\d)?|two|three|four|five) (?:working )?days to (?:come back|reply|respond|answer|get back)',
  ),
  ...p(
    'weak-value',
    2,
    // "I'll be recommending we drop it at renewal", "2 logins in the last six months", "never really used it"
    '(?:drop|cancel|remove|cut) (?:it|them|the \\p{L}+(?: module)?) at (?:the )?renewal',
    '\\d+ logins? in the (?:last|past) (?:\\p{L}+ )?(?:months?|year|quarter|weeks?)',
    "(?:we['’]ve|we have) never (?:really |actually )?used (?:it|them|the \\p{L}+)",
    'justify every (?:software )?(?:line|subscription|licen[cs]e|tool)',
  ),
  ...p(
    'changed-needs',
    2,
    // "If not, we'd need to find something that covers both countries", "better off finding a separate system"
    "(?:we['’]d|we would|we['’]ll|we will) (?:probably )?(?:need|have) to (?:find|look for|run|get) (?:something|a separate|another|a different|separate)",
    'better off (?:finding|getting|using|with) (?:a |an )?(?:separate|different|another|other)',
    "(?:we['’]ve|we have) sold (?:the|our) (?:\\p{L}+ ){0,2}(?:side|part|division|business|unit)",
    "(?:we['’]ve|we have) (?:just )?acquired (?:a|an|another) (?:\\p{L}+ ){0,3}(?:in|on|across)",
  ),
  ...p(
    'competitor',
    2,
    // "We're comparing options for next year", "saatiin toiselta toimittajalta tarjous … 30 % edullisempi"
    "(?:we['’]re|we are) (?:comparing|reviewing|weighing) (?:our )?options",
    '(?:toiselta|eräältä|muulta) (?:toimittajalta|palveluntarjoajalta) (?:\\p{L}+ )?tarjous',
    '\\d+ ?% (?:edullisempi|halvempi|halvemmalla|edullisemmin)',
  ),
];

const WORD_START = '(?<![\\p{L}\\p{N}])';

/**
 * A filler word in a pattern (`(?:\p{L}+ ){0,3}`) also matches hyphenated and numbered words:
 * "frozen all non-essential software spend", "paying for the 2027 licences". Without this a
 * single compound between the two halves of a pattern breaks it.
 */
const FILLER_WORD = '(?:\\p{L}+ )';
const FILLER_WORD_WIDE = '(?:[\\p{L}\\p{N}][\\p{L}\\p{N}-]* )';

const COMPILED = PATTERNS.map((entry) => ({
  ...entry,
  regex: apostropheTolerant(WORD_START + entry.pattern.replaceAll(FILLER_WORD, FILLER_WORD_WIDE), 'giu'),
  ownTermsExcluded: PRICE_DIFFERENCE.has(entry.pattern),
}));

/**
 * A notice of termination or cancellation is a churn signal even when the customer gives no
 * reason. A reason found elsewhere in the text names the driver; without one the notice counts as
 * `weak-value`, the voluntary driver that says least (documented in docs/heuristic-analyzer.md).
 */
// "irtisanottu agentti" is a dismissed employee, not a terminated contract.
const NOTICE =
  /(?<![\p{L}\p{N}])(?:notice of (?:termination|cancellation|non-renewal)|(?:termination|cancellation|non-renewal) notice|(?:hereby |formally )?(?:terminat\p{L}*|cancel\p{L}*(?! (?:polic|fee|terms|rules|window|rate|flow|button|reason|link)\p{L}*)) (?:\p{L}+ ){0,3}(?:(?<!(?:webhook|event|api|notification|push|newsletter|calendar|topic|channel) )subscriptions?|contracts?|agreements?|accounts?|services?|licen[cs]es?|plans?)(?![\p{L}])|(?:will|shall) not (?:be )?renew\p{L}*|not (?:to )?renew (?:our|the)|irtisano\p{L}*(?!\p{L})(?! (?:\p{L}+ )?(?:agentti|agentin|työntekijä|henkilö|käyttäjä|kollega|myyjä|tukihenkilö|esihenkilö|hänet|heidät)\p{L}*)|(?:emme|ettemme|en|etten) (?:aio |halua )?(?:jatka|jatkaa|uusi|uusia) (?:sopimu|tilau)\p{L}*|(?:emme|ettemme) (?:todennäköisesti|luultavasti|varmaankaan|enää|siis) (?:\p{L}+ )?(?:jatka|uusi) (?:\p{L}+ ){0,2}(?:sopimu|tilau)\p{L}*|(?:sopimus|sopimusta|tilaus|tilausta) (?:\p{L}+ )?(?:ei|emme) (?:enää )?(?:jatketa|uusita|jatka|uusi))/iu;

/** Longest verbatim phrase reported for a signal, in UTF-16 units. */
const MAX_PHRASE_LENGTH = 160;

/** Hints (strength 1) are reported only when an explicit signal or a negative tone backs them. */
export interface ChurnCueOptions {
  /** Overall sentiment −1…1; a hint counts only below this. */
  sentiment: number;
  /** Competitor names the organisation knows, to name them in their canonical spelling. */
  knownCompetitors?: readonly string[];
}

/** Negative tone at which a hint ("again", "taas") counts as a signal. */
const HINT_SENTIMENT = -0.3;

/** A churn signal and whether it was stated outright (strength 2) rather than hinted. */
export interface DetectedChurnSignal {
  signal: ChurnSignal;
  explicit: boolean;
}

/**
 * Churn signals in a text, strongest first (explicit before hints, then text order), one per
 * driver. Each phrase is the clause around the match, copied verbatim. A named competitor counts
 * as explicit and carries the name.
 */
export function findChurnSignals(text: string, options: ChurnCueOptions): DetectedChurnSignal[] {
  const found = new Map<ChurnDriver, { signal: ChurnSignal; strength: number; at: number }>();
  const keep = (driver: ChurnDriver, candidate: { signal: ChurnSignal; strength: number; at: number }) => {
    const previous = found.get(driver);
    const better =
      !previous ||
      candidate.strength > previous.strength ||
      (candidate.strength === previous.strength && candidate.at < previous.at) ||
      (candidate.signal.competitor !== undefined && previous.signal.competitor === undefined);
    if (better) found.set(driver, candidate);
  };
  for (const entry of COMPILED) {
    if (entry.strength === 1 && options.sentiment > HINT_SENTIMENT) continue;
    entry.regex.lastIndex = 0;
    let match = entry.regex.exec(text);
    while (match && entry.ownTermsExcluded && OWN_TERMS.test(sentenceAround(text, match.index))) {
      match = entry.regex.exec(text);
    }
    if (!match) continue;
    keep(entry.driver, {
      signal: {
        driver: entry.driver,
        phrase: clipAround(text, match.index, match.index + match[0].length, MAX_PHRASE_LENGTH),
      },
      strength: entry.strength,
      at: match.index,
    });
  }
  for (const competitor of findCompetitorNames(text, options.knownCompetitors ?? [])) {
    const phrase = clipAround(text, competitor.start, competitor.end, MAX_PHRASE_LENGTH);
    keep('competitor', {
      signal: { driver: 'competitor', phrase, competitor: competitor.name },
      strength: 2,
      at: competitor.start,
    });
  }
  const explicitFound = [...found.values()].some((item) => item.strength >= 2);
  const notice = explicitFound ? null : (NOTICE.exec(text) ?? composedNotice(text));
  if (notice) {
    found.set('weak-value', {
      signal: {
        driver: 'weak-value',
        phrase: clipAround(text, notice.index, notice.index + notice[0].length, MAX_PHRASE_LENGTH),
      },
      strength: 2,
      at: notice.index,
    });
  }
  return [...found.values()]
    .sort((a, b) => b.strength - a.strength || a.at - b.at)
    .map((item) => ({ signal: item.signal, explicit: item.strength >= 2 }));
}

/** A composed leaving notice (leaving-notice.ts) in the shape of a regex match. */
function composedNotice(text: string): { index: number; 0: string } | null {
  const notice = findLeavingNotice(text);
  return notice ? { index: notice.start, 0: text.slice(notice.start, notice.end) } : null;
}

/** The sentence (or line) around an offset. */
function sentenceAround(text: string, at: number): string {
  const before = text.slice(0, at);
  const start = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n'), before.lastIndexOf('? ')) + 1;
  const rest = text.slice(at);
  const end = rest.search(/[.!?](?:\s|$)|\n/u);
  return text.slice(start, end === -1 ? text.length : at + end);
}

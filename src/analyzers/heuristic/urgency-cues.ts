import { isContractBreach } from '../../core/contract-breach.ts';
import {
  isDeniedIncident,
  isGenericInQuestion,
  isPlannedFor,
  isSupposedInQuestion,
} from '../../core/denied-incident.ts';
import { worksEventually } from '../../core/eventually-works.ts';
import { isFigurativeDown } from '../../core/figurative-down.ts';
import {
  FINNISH_ENDING_ON_ENGLISH,
  OUTAGE_THING_NOUNS,
  SOMEONE_ELSES_BREACH,
  THING_NAME_JOIN,
  VULNERABILITY_MARKER_NOUNS,
  VULNERABILITY_OF_A_PERSON_BEFORE,
  VULNERABLE_PERSON_NOUNS,
} from '../../core/floor-cues.ts';
import { isDesiredState } from '../../core/floor-desired-state.ts';
import { HYPOTHETICAL, isFramedAsHypothetical } from '../../core/hypothetical-frame.ts';
import { isNamedAfterOutages } from '../../core/named-after-outages.ts';
import { isNarrowScope } from '../../core/narrow-scope.ts';
import { isAsideOfPastIncident, isCalmRetrospective, isPastIncident } from '../../core/past-incident.ts';
import { mentionsPlannedStop } from '../../core/planned-stop.ts';
import { isQuotedMention } from '../../core/quoted-mention.ts';
import { deniesIncidentNow, isRetracted } from '../../core/retracted-incident.ts';
import { isSecurityExercise } from '../../core/security-exercise.ts';
import { sentenceAround } from '../../core/sentence-around.ts';
import { isSignatureTitle } from '../../core/signature-title.ts';
import { isSomeoneElsesOutage } from '../../core/someone-elses-outage.ts';
import { asksNoticePeriodCalmly } from '../../core/undecided-churn.ts';
import { findComposedDataLoss } from './data-loss-composition.ts';
import { findDeadlineAtRisk } from './deadline-at-risk.ts';
import { findDoubleCharge } from './double-charge.ts';
import { compilePhrases, findPhrases } from './find-phrases.ts';
import { findHeldPayouts } from './held-payouts.ts';
import { isNegated } from './is-negated.ts';
import { findLeavingNotice } from './leaving-notice.ts';
import {
  findComposedOutage,
  findScopedBlocker,
  isGeneralQuestion,
  isNonProduction,
  isRetrospective,
  isSupposed,
  type OutageEvidence,
} from './outage-composition.ts';
import { findSarcasticOutage } from './sarcastic-complaint.ts';
import { findComposedSecurity } from './security-composition.ts';
import type { WordToken } from './tokenize-words.ts';
import { findUnannouncedPriceChange } from './unannounced-price-change.ts';
import { findVulnerabilityFinding } from './vulnerability-finding.ts';
import { findWorkStandstill } from './work-standstill.ts';

/**
 * Words that say how urgent a request is. `critical` cues describe an incident (outage, data
 * loss, security), `high` cues a blocker, stated urgency, business impact, a deadline, a legal
 * threat or leaving; `low` cues an idea or explicit patience. The floor rules in
 * src/core/priority-floor.ts overlap with some of these on purpose: the analyzer explains, the
 * floor guarantees.
 */
export type UrgencyLevel = 'critical' | 'high' | 'low';

export type UrgencyKind =
  | 'outage'
  | 'data-loss'
  | 'security'
  | 'blocker'
  | 'stated-urgency'
  | 'business-impact'
  | 'deadline'
  | 'legal'
  | 'cancellation'
  | 'price-dispute'
  | 'billing-error'
  | 'vulnerability'
  | 'idea'
  | 'patience';

export interface UrgencyEntry {
  phrase: string;
  level: UrgencyLevel;
  kind: UrgencyKind;
  language: 'en' | 'fi';
}

export interface UrgencyCue {
  level: UrgencyLevel;
  kind: UrgencyKind;
  /** The customer's words, verbatim. */
  phrase: string;
  /** UTF-16 offset in the text. */
  start: number;
}

const cues = (
  level: UrgencyLevel,
  kind: UrgencyKind,
  language: 'en' | 'fi',
  phrases: string[],
): UrgencyEntry[] => phrases.map((phrase) => ({ phrase, level, kind, language }));

export const URGENCY_ENTRIES: readonly UrgencyEntry[] = [
  ...cues('critical', 'outage', 'en', [
    'outage',
    'downtime',
    'is down',
    'are down',
    'went down',
    'goes down',
    'completely down',
    'down for everyone',
    'service unavailable',
    'site is unreachable',
    'nobody can log in',
    'no one can log in',
    'production is down',
    'production has crashed',
    'production crashed',
    'system has crashed',
    'server has crashed',
    'production down',
    'system down',
    // Breadth alone ("for everyone") is no outage: outage-composition.ts pairs it with a failure.
    'nobody can',
    'no one can',
    'returning 500',
    'returning 502',
    'returning 503',
    'returns 500',
    'returns 502',
    'returns 503',
    'bad gateway',
    'internal server error',
  ]),
  ...cues('critical', 'data-loss', 'en', [
    'data loss',
    'lost data',
    'lost all',
    'data is gone',
    'data disappeared',
    'data has disappeared',
    'records disappeared',
    'data is missing',
    'missing data',
    'deleted all',
    'wiped',
    'corrupted',
  ]),
  ...cues('critical', 'security', 'en', [
    'data breach',
    'breach',
    'hacked',
    'compromised',
    'leaked',
    'data leak',
    'unauthorized access',
    'unauthorised access',
    'security incident',
    'vulnerability',
    'phishing',
    'can see other customers',
    "another customer's data",
    "another company's data",
    "other companies' data",
    "someone else's data",
    'login attempts',
    'trying to access',
    'security issue',
    'security flaw',
    'security hole',
    'security finding',
    'suspicious activity',
    'suspicious login',
  ]),
  ...cues('critical', 'outage', 'fi', [
    'käyttökatko',
    'katko',
    'alhaalla',
    'nurin',
    'palvelu ei toimi',
    'koko palvelu',
    'ei kukaan pääse',
    'kukaan ei pääse',
    'kukaan ei pysty',
    'tuotanto seis',
    'tuotanto on kaatunut',
    'tuotanto kaatui',
    'on kaatunut',
    'ovat kaatuneet',
    'järjestelmä kaatui',
    'palvelin kaatui',
    'tuotanto seisoo',
    'tuotanto on pysähtynyt',
    'ei aukea lainkaan',
    'ei avaudu lainkaan',
    'ei kukaan',
    'kukaan ei',
    '500-virhe',
    '502-virhe',
    '503-virhe',
    'pysähdyksissä',
    'käytännössä seis',
    'tehdas on seis',
    'tehdas seisoo',
  ]),
  ...cues('critical', 'data-loss', 'fi', [
    'tiedot kadonneet',
    'tiedot ovat kadonneet',
    'tiedot ovat hävinneet',
    'tietoja on kadonnut',
    'tietoja kadonnut',
    'kadonneet tiedot',
    'tietoja puuttuu',
    'tietojen menetys',
    'korruptoitu',
  ]),
  ...cues('critical', 'security', 'fi', [
    'tietovuoto',
    'tietomurto',
    'murrettu',
    'vuotanut',
    'vuotaneet',
    'luvaton pääsy',
    'haavoittuvuus',
    'tietojenkalastelu',
    'toisen asiakkaan tiedot',
    'toisen asiakkaan tietoja',
    'toisen yrityksen',
    'toisten asiakkaiden',
    'kirjautumisyritys',
    'kirjautumisyrityksiä',
    'yrittää päästä',
    'tietoturva-aukko',
    'tietoturvaongelma',
    'epäilyttävä kirjautuminen',
    'epäilyttäviä kirjautumisia',
  ]),
  ...cues('high', 'blocker', 'en', [
    'blocking',
    'blocker',
    'blocked',
    'cannot work',
    "can't work",
    'unable to work',
    'completely broken',
    'showstopper',
    'critical',
    'locked out',
    'serious problem',
    'serious issue',
    'major problem',
    'major issue',
  ]),
  ...cues('high', 'stated-urgency', 'en', [
    'urgent',
    'urgently',
    'asap',
    'as soon as possible',
    'immediately',
    'right away',
    'escalate',
    'emergency',
    'fixed today',
    'resolved today',
    'sorted today',
  ]),
  ...cues('high', 'business-impact', 'en', [
    'in production',
    // Harm to the customer's own sales: "our conversion rate is down about 30%".
    'conversion rate is down',
    'conversion is down',
    'conversions are down',
    'conversion has dropped',
    'conversion rate has dropped',
    'losing sales',
    'losing orders',
    'hurting our sales',
    'hurting our business',
    'really hurting us',
    'seriously hurting',
    // Rooms or slots sold twice: guests at the door of an occupied room.
    'double bookings',
    'double-bookings',
    'double booked',
    'double-booked',
    'overbooked',
    'overbookings',
    'customers are affected',
    'customers are complaining',
    // A scheduled job that keeps failing is a production problem, not a one-off bug.
    'failed every night',
    'fails every night',
    'failing every night',
    'every night since',
    'customers complain',
    'customers affected',
    'our customers cannot',
    "our customers can't",
    'all our users',
    'all of our users',
    'none of our users',
    'all users',
    'losing money',
    'losing revenue',
    'payroll',
    'go-live',
    'go live',
    'relies on',
    'rely on',
    'depends on',
    'depend on',
    'productivity',
  ]),
  ...cues('high', 'deadline', 'en', [
    'deadline',
    'by today',
    'tomorrow',
    'by monday',
    'by tuesday',
    'by wednesday',
    'by thursday',
    'by friday',
    'by saturday',
    'by sunday',
    'due monday',
    'due tuesday',
    'due wednesday',
    'due thursday',
    'due friday',
    'due saturday',
    'due sunday',
    // "… by Thursday at the latest", "the VAT return is due Friday", "year-end close is this Friday".
    'at the latest',
    'year-end close',
    'before it is collected',
    "before it's collected",
    'before it goes out',
    "before it's debited",
    'end of day',
    'end of the month',
    'end of the week',
    // "The bank's cut-off for collection on the 5th is 15:00 today", "the season starts on Sunday".
    "bank's cut-off",
    'bank cut-off',
    'season starts',
  ]),
  ...cues('high', 'legal', 'en', [
    'lawyer',
    'legal action',
    'breach of contract',
    'sla breach',
    'or we will',
    'otherwise we will',
    'dispute the charge',
    'chargeback',
  ]),
  ...cues('high', 'cancellation', 'en', [
    // "Cancel", "terminate" alone are composed with their object in leaving-notice.ts, so that
    // "cancel our meeting" and "terminate the session" are not read as leaving.
    'cancel the contract',
    'cancel the subscription',
    'not renew',
    "won't renew",
    'will not renew',
    'leave you',
    'looking for alternatives',
  ]),
  ...cues('high', 'blocker', 'fi', [
    'estää',
    'estänyt',
    'jumissa',
    'emme pysty',
    'emme voi tehdä',
    'ei voi käyttää',
    'kriittinen',
    'täysin rikki',
    'eivät pääse sisään',
    'käyttäjää ei pääse',
    'vakava ongelma',
    'vakava vika',
    'iso ongelma',
  ]),
  ...cues('high', 'stated-urgency', 'fi', [
    'apua',
    'kiireellinen',
    'kiireellisesti',
    'kiire',
    'kiirettä',
    // "heti" alone also describes speed ("uudemmat löytyy heti"); only a need for it is urgency.
    'heti kun mahdollista',
    'tarvitaan heti',
    'tarvitsemme heti',
    'korjatkaa heti',
    'heti korjaus',
    'välittömästi',
    'pikaisesti',
    'asap',
    'hätä',
    'eskaloi',
  ]),
  ...cues('high', 'business-impact', 'fi', [
    'tuotannossa',
    'myynti on pudonnut',
    'myynti on laskenut',
    'myynti pudonnut',
    'menetetään myyntiä',
    'tuplavaraukset',
    'tuplavarauksia',
    'päällekkäiset varaukset',
    'päällekkäisiä varauksia',
    'tuotantoympäristö',
    'asiakkaamme eivät',
    'asiakkaamme valittavat',
    'asiakkaat valittavat',
    'asiakkaat eivät',
    'kaikki käyttäjät',
    'menetämme',
    'palkanmaksu',
    'palkat',
    'riippuvaisia',
    'tuottavuu',
  ]),
  ...cues('high', 'deadline', 'fi', [
    'määräaika',
    'takaraja',
    'mennessä',
    'huomenna',
    'ylihuomenna',
    'kuun loppuun',
    'viimeistään',
    'vielä tällä viikolla',
    'kuukauden vaihde',
  ]),
  ...cues('high', 'legal', 'fi', [
    'juristi',
    'lakimies',
    'oikeustoimi',
    'sopimusrikkomus',
    'vahingonkorvaus',
    'reklamaatio',
    'muuten joudumme',
    'tai muuten',
  ]),
  ...cues('high', 'cancellation', 'fi', [
    'irtisano',
    'irtisanomme',
    'irtisanoa',
    'irtisanomis',
    'peruutamme',
    'emme jatka',
    'ettemme jatka',
    'lopetamme sopimuksen',
    'vaihtaa toiseen',
  ]),
  ...cues('low', 'idea', 'en', [
    'feature request',
    'would be nice',
    'would be lovely',
    'another +1',
    '+1 to the request',
    'would be great if',
    'would love to see',
    'would love',
    "we'd love",
    'love to see',
    'would be cool',
    'it would help',
    'nice to have',
    'suggestion',
    'an idea',
    'idea for',
    'wishlist',
    'could you add',
    'can you add',
    'any plans',
    'roadmap',
  ]),
  ...cues('low', 'patience', 'en', [
    // "Not saying we're going anywhere, but …": a rival mentioned without leaving.
    "not saying we're going anywhere",
    // "We're comparing options for next year, so a rough idea is fine"
    'a rough idea is fine',
    'a rough figure is fine',
    "we're not going anywhere",
    'we are not going anywhere',
    'no rush',
    'no hurry',
    'not urgent',
    'whenever you have time',
    'when you get a chance',
    'low priority',
    'just curious',
    'not a big deal',
    'no big deal',
    'minor',
    'small thing',
    // Urgency taken back in the same breath: "URGENT!!! jk", "not really urgent".
    'not really urgent',
    // "Quick question with no urgency", "Heads-up only, nothing needed from you now".
    'no urgency',
    'nothing needed from you',
    'heads-up only',
    'in case it got lost',
    // "Nice-to-have rather than urgent": urgency named to be set aside.
    'rather than urgent',
    'more than urgent',
    'not time-critical',
    'not time critical',
    'not critical',
    // A vote cast again for a wish: heard or not, the customer sets no pace.
    'putting it on record',
    'just adding our vote',
    'adding my +1',
    'adding our +1',
    'adding our vote again',
    'not holding my breath',
    'none of them urgent',
    'none of them are urgent',
    'none of this is urgent',
    'nothing urgent',
    'not blocking',
    'nothing is blocked',
    "nothing's blocked",
    'nothing is blocking',
    'jk',
    'just kidding',
    'just joking',
  ]),
  ...cues('low', 'idea', 'fi', [
    'olisi kiva',
    'olisi hienoa',
    'olisi hyvä',
    'olisi kätevä',
    'olisi tosi',
    'olisi todella',
    'olisi erittäin',
    'toivoisimme',
    'toivoisin',
    'toive',
    'toivomus',
    'ehdotus',
    'ehdotan',
    'idea',
    'voisitteko lisätä',
    'tiekartta',
    'onko suunnitelmissa',
  ]),
  ...cues('low', 'patience', 'fi', [
    // "Ei kaada mitään", "Ei tää maailmaa kaada": the customer says it breaks nothing.
    'ei kaada mitään',
    'maailmaa kaada',
    // "Ei olla lähdössä mihinkään, ollaan oltu tyytyväisiä": a rival's offer, calmly.
    'ei olla lähdössä mihinkään',
    'emme ole lähdössä mihinkään',
    'ei kiire',
    'ei ole kiire',
    'ei kiirettä',
    'kun ehditte',
    'kun ehdit',
    'matala prioriteetti',
    'tiedoksi',
    'uteliaisuudesta',
    'pikkujuttu',
    'ei oikeesti kiire',
    'ei oikeasti kiire',
    'liioittelin',
    'pieni juttu',
    'ei iso asia',
    'kiirettä ei ole',
    'kiire ei ole',
    'ei mitään kiirettä',
    'ei mikään kiire',
    'ei kriittinen',
    'ei kriittistä',
    'ei estä',
  ]),
];

const COMPILED = compilePhrases(URGENCY_ENTRIES, (entry) => entry.phrase);

const EMERGENCY_SERVICE_AFTER =
  /^\s+(?:hospitals?|clinics?|departments?|rooms?|vets?|services?|lines?|numbers?|contacts?|call-?outs?|repairs?|jobs?|visits?|overrides?|override groups?|alerts? groups?|broadcasts?|cover|care|cases?|appointments?|surgery|surgeries|dentists?|dental|patients?|rota|shifts?|access|procedures?|process(?:es)?|plans?|drills?|kit)(?![\p{L}])/iu;

const SOMEONE_ELSES_BREACH_NEAR = new RegExp(SOMEONE_ELSES_BREACH, 'iu');
const BREACH_AS_A_THING =
  /^\s+(?:registers?|reports?|lists?|exports?|counts?|rates?|dashboards?|logs?|categor\p{L}*|modules?|reporting|forms?|templates?|polic\p{L}*|procedures?)(?![\p{L}])/iu;

/** "what exactly counts as downtime?": a definition asked for. */
const DEFINED_AS_BEFORE = /(?<![\p{L}])(?:counts?|counted|classed|treated|defined) as (?:an? )?$/iu;

const OUTAGE_THING_AFTER = new RegExp(
  `^(?:\\.\\w|-\\w|${THING_NAME_JOIN} (?:${OUTAGE_THING_NOUNS})${FINNISH_ENDING_ON_ENGLISH}(?![\\p{L}]))`,
  'iu',
);

const VULNERABILITY_OF_A_PERSON_AFTER = new RegExp(
  `^\\s*(?:${VULNERABILITY_MARKER_NOUNS}|${VULNERABLE_PERSON_NOUNS})(?![\\p{L}])`,
  'iu',
);
const VULNERABILITY_OF_A_PERSON_BEFORE_RE = new RegExp(`(?:${VULNERABILITY_OF_A_PERSON_BEFORE})\\s+$`, 'iu');

function isPersonsVulnerability(text: string, start: number, end: number): boolean {
  if (!/^vulnerab/iu.test(text.slice(start, end))) return false;
  return (
    VULNERABILITY_OF_A_PERSON_AFTER.test(text.slice(end, end + 30)) ||
    VULNERABILITY_OF_A_PERSON_BEFORE_RE.test(text.slice(Math.max(0, start - 20), start))
  );
}

const SLA_VOCABULARY_AFTER =
  /^\s+(?:clocks?|timers?|times?|warnings?|notifications?|alerts?|dates?|status|targets?|thresholds?)(?![\p{L}])/iu;

/** "Ei kiirettä sinänsä, mutta …", "not urgent as such, but …": patience qualified, then the report. */
const QUALIFIED_HEDGE =
  /^[\s,]*(?:sinänsä|as such|per se|otherwise|muuten)[\s,.:;–-]*(?:but|however|mutta|mut)(?![\p{L}])/iu;

/**
 * "Pieni juttu vaan, mutta …", "small thing but …": the downplaying opens a report. Only words of
 * size; "not urgent, but …" still sets the pace.
 */
const DOWNPLAYING = /^(?:minor|small thing|not a big deal|no big deal|pieni juttu|pikkujuttu|ei iso asia)$/u;
const HEDGE_BEFORE_REPORT = /^[\s,.:;–-]*(?:\p{L}+[\s,]+)?(?:but|however|mutta|mut)(?![\p{L}])/iu;

/** A negator this many words before an incident or urgency cue cancels it ("no data loss", "ei katkoa"). */
const NEGATION_SCOPE_WORDS = 2;

/**
 * Urgency cues in text order, each span reported once (the longest phrase at a position wins).
 * Negated incident and urgency cues are dropped; negated patience ("not urgent", "ei kiire") is
 * its own entry.
 */
const NOBODY_BEFORE =
  /(?<![\p{L}])(?:nobody|no one|no-one|none of us|none of (?:these|this|them|those)|kukaan ei|mikään näistä ei) (?:is|are|was|were|has been|got|gets|will be|ole|ollut)(?: \p{L}+)? $/iu;
/** "End of the month is fine": a date given with room, not a deadline pressing. */
const DEADLINE_WITH_ROOM =
  /^\s+(?:is|would be|will be|works) (?:fine|ok|okay|plenty|early enough)|^\s+(?:on )?riittää/iu;

const NOBODY_ANSWERED_AFTER =
  /^\s+(?:(?:ole|oo)\s+)?(?:(?:koskaan|edes|vielä)\s+)?(?:vastannut|vastaa|reagoinut|reagoi|ottanut yhteyttä|soittanut|lukenut|katsonut|kuittaa|kuitannut|avannut|avannu|avaa|käyttänyt|käyttäny|käytä|kirjautunut|kirjautunu|tarvitse|tarvinnut)(?![\p{L}])/iu;
/** "Meillä ei sinänsä mitään hätää": there is no emergency, says the customer. */
const NO_EMERGENCY_BEFORE = /(?<![\p{L}])(?:ei|eikä)(?: (?:sinänsä|mitään|mikään|nyt|kyllä|oo|ole))* $/iu;
/** "…can find the button", "…can change billing settings (the only admin left)": no outage. */
const CANNOT_FIND_AFTER =
  /^\s+(?:find|figure|understand|remember|tell|explain|decide|agree|work out|see where|(?:change|edit|update|add|manage|remove) (?:the |our |any )?(?:billing|settings|users?|admins?|permissions|roles|ownership|plan|subscription|integrations))(?![\p{L}])/iu;
const BLOCKS_A_THING_AFTER =
  /^\s+(?:out|off)(?![\p{L}])|^\s+(?:your|the|their|our|all|a|an|those|these)\s+(?:\p{L}+\s+)?(?:domain|ip|ips|traffic|address(?:es)?|access|e-?mails?|ports?|urls?|sender|range|country|countries|dates|days|slots|times|week|weeks|period|calendar|hours|rooms)(?![\p{L}])/iu;
/** "emergency lockouts", "emergency call-outs", "the emergency mobile": a kind of job or a line. */
const EMERGENCY_AS_A_KIND_AFTER =
  /^\s+(?:lockouts?|lock-outs?|call-?outs?|jobs?|visits?|repairs?|rates?|plans?|procedures?|contacts?|numbers?|lines?|mobile|phone|services?|exits?|lighting|mode|access|override|release|openings?|work|shifts?|rota|cover|kits?|drills?)(?![\p{L}])/iu;
/** "whether it locks all Salto doors": a clause that asks how something behaves. */
const ASKED_WHETHER_CLAUSE_BEFORE = /(?<![\p{L}])(?:whether|if)(?![\p{L}])[^.!?\n]*$/iu;
/** "wait and run it tomorrow", "rebook tomorrow", "jatketaan huomenna": a plan, not a deadline. */
const DAY_CHOSEN_BEFORE =
  /(?<![\p{L}])(?:wait|run|rerun|re-run|rebook|retry|try|start|continue|resume|book|postpone|move|push|do|jatke\p{L}*|aje\p{L}*|yrite\p{L}*|kokeil\p{L}*)(?: [\p{L}'’-]+){0,3} $/iu;
/** "onko sähköposti jumissa", "whether the e-mail is stuck": a blocker word inside a question asked. */
const ASKED_WHETHER_BEFORE = /(?<![\p{L}])(?:onko|ovatko|onkohan|whether)(?: [\p{L}-]+){0,3} $/iu;
/** "P.S.", "PS:" opening a line: a matter added after the sign-off. */
const POSTSCRIPT = /(?:^|\n)\s*p\.?\s?s\.?(?:[:,\s]|$)/iu;

const INCIDENT_KINDS: ReadonlySet<UrgencyKind> = new Set(['outage', 'security', 'data-loss']);

const CLASSIFIES_A_SUPPLIER =
  /^\s+(?:(?:it|software|saas|ict|cloud|it-)\s+)?(?:suppliers?|vendors?|providers?|partners?|third[- ]part(?:y|ies)|toimittaj\p{L}*|alihankkij\p{L}*|kumppan\p{L}*)(?![\p{L}])/iu;

export function findUrgencyCues(
  text: string,
  tokens: readonly WordToken[],
  evidence: OutageEvidence = {},
): UrgencyCue[] {
  const found: UrgencyCue[] = [];
  let coveredUntil = 0;
  // "It does load eventually": slow, not down (eventually-works.ts), read once per text.
  const eventually = worksEventually(text);
  // "Hypothetically — if a member's card is compromised …": the opening frames every later sentence.
  const framedAsHypothetical = isFramedAsHypothetical(text);
  // Read once, and only when a critical phrase hits.
  let calmRetrospective: boolean | undefined;
  for (const hit of findPhrases(tokens, COMPILED)) {
    if (hit.firstWord < coveredUntil) continue;
    coveredUntil = hit.endWord;
    // "Small thing, but no invoices have gone out since Monday": politeness before the report.
    if (
      hit.entry.kind === 'patience' &&
      (DOWNPLAYING.test(hit.entry.phrase) ? HEDGE_BEFORE_REPORT : QUALIFIED_HEDGE).test(
        text.slice(hit.end, hit.end + 25),
      )
    )
      continue;
    // Negated downplaying is no patience: "this is not a minor issue" ("no ei kiire" is Finnish
    // for "well, no hurry", so patience that is itself a negation is left alone).
    if (
      (hit.entry.level !== 'low' || DOWNPLAYING.test(hit.entry.phrase)) &&
      isNegated(text, tokens, hit.firstWord, NEGATION_SCOPE_WORDS)
    )
      continue;
    // "Tietoturvaongelmaa ei ole ollut": Finnish denies an incident after naming it.
    if (hit.entry.level === 'critical' && isDeniedIncident(text, hit.start, hit.end)) continue;
    // "Enforce SSO so that nobody can log in with a password" asks for a state; it reports no incident.
    if (hit.entry.kind === 'outage' && isDesiredState(text, hit.start)) continue;
    // "Does the SDK retry for everyone?" asks how things work; it reports nothing.
    if (hit.entry.kind === 'outage' && isGeneralQuestion(text, hit.start)) continue;
    // "breach clocks", "breach time": the SLA words of the product.
    if (hit.entry.kind === 'security' && SLA_VOCABULARY_AFTER.test(text.slice(hit.end, hit.end + 30)))
      continue;
    if (hit.entry.kind === 'security' && isContractBreach(text, hit.start, hit.end)) continue;
    // "the outage board", "Outage Notify", "outage.updated": a tool named after what it tracks.
    if (
      hit.entry.kind === 'outage' &&
      /^(?:outages?|downtime)$/iu.test(text.slice(hit.start, hit.end)) &&
      // "the 'Shore power outages' report": the plural's "s" is outside the phrase.
      (OUTAGE_THING_AFTER.test(text.slice(hit.end, hit.end + 40).replace(/^s(?![\p{L}])/u, '')) ||
        DEFINED_AS_BEFORE.test(text.slice(Math.max(0, hit.start - 25), hit.start)))
    )
      continue;
    // 'raportissa "Katkokset"', "Katkosraportti": a report or a field named after what it counts.
    if (hit.entry.kind === 'outage' && isNamedAfterOutages(text, hit.start, hit.end)) continue;
    // "Consumer Duty vulnerability flags", "vulnerable customers": a person's circumstances.
    if (hit.entry.kind === 'security' && isPersonsVulnerability(text, hit.start, hit.end)) continue;
    // "Our IT is running a phishing simulation this week" announces an exercise.
    if (hit.entry.kind === 'security' && isSecurityExercise(text, hit.start)) continue;
    // "the data breach at another edtech provider", "the Breach register module": not ours, not one.
    if (
      hit.entry.kind === 'security' &&
      (SOMEONE_ELSES_BREACH_NEAR.test(sentenceAround(text, hit.start).text) ||
        BREACH_AS_A_THING.test(text.slice(hit.end, hit.end + 20)))
    )
      continue;
    // "The sandbox is down again" stops nobody's customers.
    if ((hit.entry.kind === 'outage' || hit.entry.kind === 'data-loss') && isNonProduction(text, hit.start))
      continue;
    // "What happens to the widget if your platform goes down?" supposes an outage.
    if (hit.entry.kind === 'outage' && isSupposed(text, hit.start)) continue;
    // "Hypothetically - if your service went down during our payroll cut-off day …", "… what's
    // the emergency process? Want to document it": a plan or a policy asked about, not this request.
    if (
      hit.entry.level === 'high' &&
      hit.entry.kind !== 'cancellation' &&
      (framedAsHypothetical || HYPOTHETICAL.test(sentenceAround(text, hit.start).text))
    )
      continue;
    // "A contingency plan in case the platform goes down" prepares for one.
    if ((hit.entry.kind === 'outage' || hit.entry.kind === 'security') && isPlannedFor(text, hit.start))
      continue;
    if (hit.entry.kind === 'outage' && eventually) continue;
    // "How would you notify us if your platform were compromised?" supposes an intrusion.
    if (hit.entry.kind === 'security' && isSupposedInQuestion(text, hit.start, hit.end)) continue;
    // "Terveisin / Johanna Aho / Lakimies": a title in the signature.
    if (hit.entry.level !== 'critical' && isSignatureTitle(text, hit.start, hit.end)) continue;
    if (hit.entry.kind === 'deadline' && DEADLINE_WITH_ROOM.test(text.slice(hit.end, hit.end + 25))) continue;
    // "should we wait and run it tomorrow?", "so we can rebook tomorrow": a day the customer picks.
    if (
      hit.entry.kind === 'deadline' &&
      /^(?:tomorrow|huomenna)$/iu.test(hit.entry.phrase) &&
      DAY_CHOSEN_BEFORE.test(text.slice(Math.max(0, hit.start - 40), hit.start))
    )
      continue;
    // "Ymmärrän jos on kiireitä", "Kiireessä se jää helposti katsomatta": someone's busy day, not this request's urgency.
    if (
      hit.entry.kind === 'stated-urgency' &&
      // "Lokakuu on meillä tosi kiireinen": a busy month, not an urgent request.
      (/^(?:kiirees|kiirei(?:nen|sen|set|siä|stä|sin|semp|sinä|sessä))/iu.test(
        text.slice(hit.start, hit.end),
      ) ||
        (/^kiireit/iu.test(text.slice(hit.start, hit.end)) &&
          /(?<![\p{L}])(?:jos|kun|että) (?:teillä |sulla |teil |siellä )?on $/iu.test(
            text.slice(Math.max(0, hit.start - 25), hit.start),
          )))
    )
      continue;
    if (
      hit.entry.kind === 'stated-urgency' &&
      /^hätä/iu.test(text.slice(hit.start, hit.end)) &&
      NO_EMERGENCY_BEFORE.test(text.slice(Math.max(0, hit.start - 30), hit.start))
    )
      continue;
    // "so we notice immediately if a block is too heavy": how soon a wished-for feature would tell.
    if (
      hit.entry.kind === 'stated-urgency' &&
      /^immediately$/iu.test(text.slice(hit.start, hit.end)) &&
      /(?<![\p{L}])so (?:that )?(?:we|you|they|i|staff|people|everyone|users) (?:[\p{L}'’]+ ){0,2}$/iu.test(
        text.slice(Math.max(0, hit.start - 40), hit.start),
      )
    )
      continue;
    // "our 24/7 emergency hospital", "the emergency line": a kind of place or service, not this request's urgency.
    if (
      hit.entry.kind === 'stated-urgency' &&
      EMERGENCY_SERVICE_AFTER.test(text.slice(hit.end, hit.end + 30))
    )
      continue;
    // "Password login still works so no one is locked out": reassurance, not a blocker.
    if (
      hit.entry.kind === 'blocker' &&
      NOBODY_BEFORE.test(text.slice(Math.max(0, hit.start - 30), hit.start))
    )
      continue;
    // "Is last week's outage documented for our incident report?" looks back; nothing is down now.
    if (hit.entry.kind === 'outage' && isRetrospective(text, hit.start)) continue;
    // "An incident report for last Thursday's outage? Nothing urgent, all fine since": looked back on.
    if (hit.entry.level === 'critical') {
      calmRetrospective ??= isCalmRetrospective(text);
      if (calmRetrospective) continue;
    }
    // "a two-hour outage on Tuesday" recounts a past incident among other grievances.
    if (hit.entry.kind === 'outage' && isPastIncident(text, hit.start, hit.end)) continue;
    if (hit.entry.kind === 'outage' && isAsideOfPastIncident(text, hit.start)) continue;
    // "eikä kukaan ole vastannut": nobody answered the customer — support, not an outage.
    if (
      hit.entry.kind === 'outage' &&
      /^kukaan ei$/iu.test(hit.entry.phrase) &&
      NOBODY_ANSWERED_AFTER.test(text.slice(hit.end, hit.end + 30))
    )
      continue;
    // "Nobody can find the filter button" cannot find something; nothing is down.
    if (
      hit.entry.kind === 'outage' &&
      /^(?:nobody|no one) can$/iu.test(hit.entry.phrase) &&
      CANNOT_FIND_AFTER.test(text.slice(hit.end, hit.end + 20))
    )
      continue;
    // "We simulated it by blocking your domain": the customer blocks something, nothing blocks them.
    if (hit.entry.kind === 'blocker' && BLOCKS_A_THING_AFTER.test(text.slice(hit.end, hit.end + 30)))
      continue;
    // "How do you notify customers of an outage?": any outage, asked about.
    if (INCIDENT_KINDS.has(hit.entry.kind) && isGenericInQuestion(text, hit.start, hit.end)) continue;
    // "Mikä on meidän irtisanomisaika? … Ei mitään päätöksiä vielä": the terms asked about calmly.
    if (hit.entry.kind === 'cancellation' && asksNoticePeriodCalmly(text, hit.start)) continue;
    // "emergency lockouts", "the emergency number": a kind of job or a line, not this request's urgency.
    if (
      hit.entry.kind === 'stated-urgency' &&
      /^emergency$/iu.test(hit.entry.phrase) &&
      EMERGENCY_AS_A_KIND_AFTER.test(text.slice(hit.end, hit.end + 30))
    )
      continue;
    // "whether it locks all doors immediately or only at the next sync": how a feature behaves, asked.
    if (
      hit.entry.kind === 'stated-urgency' &&
      ASKED_WHETHER_CLAUSE_BEFORE.test(text.slice(Math.max(0, hit.start - 80), hit.start)) &&
      /^[^.!?\n]{0,40}(?<![\p{L}])or(?![\p{L}])/iu.test(text.slice(hit.end, hit.end + 60))
    )
      continue;
    // "Voitteko katsoa onko sähköposti jumissa jossain?": whether something is stuck, asked.
    if (
      hit.entry.kind === 'blocker' &&
      ASKED_WHETHER_BEFORE.test(text.slice(Math.max(0, hit.start - 40), hit.start))
    )
      continue;
    // "classed as a critical supplier": a category in a vendor review, not a blocked customer.
    if (hit.entry.kind === 'blocker' && CLASSIFIES_A_SUPPLIER.test(text.slice(hit.end, hit.end + 40)))
      continue;
    // "Any idea?" asks for help; it offers no idea.
    if (hit.entry.kind === 'idea' && /^(?:any|no)$/u.test(tokens[hit.firstWord - 1]?.word ?? '')) continue;
    found.push({
      level: hit.entry.level,
      kind: hit.entry.kind,
      phrase: text.slice(hit.start, hit.end),
      start: hit.start,
    });
  }
  // "Colleagues are fine, it's only me": one user's trouble is no outage, whatever the words.
  const narrow = isNarrowScope(text);
  // "1. New tariff template, no rush … 3. Since 22:00 load balancing has stopped working": in a
  // list of several matters, each item sets its own pace, not the message's.
  const itemsOwnPace = LIST_ITEM_START.test(text) && (text.match(LIST_ITEMS) ?? []).length >= 3;
  const plannedOrDenied = mentionsPlannedStop(text) || deniesIncidentNow(text);
  const postscriptAt = text.search(POSTSCRIPT);
  return (
    [...found, ...composedCues(text, tokens, found, evidence, narrow)]
      .filter((cue) => !(narrow && cue.kind === 'outage'))
      .filter((cue) => !(itemsOwnPace && cue.kind === 'patience' && isInListItem(text, cue.start)))
      // "No urgency on that one, next sprint. … P.S. since 08:00 none of today's payouts have gone
      // out": the postscript brings its own matter, and the pace set above it is not its pace.
      .filter((cue) => !(cue.kind === 'patience' && postscriptAt >= 0 && cue.start < postscriptAt))
      // Composed cues too: "bulk-deleted 1,200 tickets in our SANDBOX" loses no customer's data.
      .filter(
        (cue) => !((cue.kind === 'outage' || cue.kind === 'data-loss') && isNonProduction(text, cue.start)),
      )
      .filter((cue) => !(cue.kind === 'outage' && isFigurativeDown(text, cue.start + cue.phrase.length)))
      .filter((cue) => !(cue.kind === 'outage' && isSomeoneElsesOutage(text, cue.start)))
      // A planned stop, drill or continuity test in the message; "nothing is actually wrong".
      .filter((cue) => !(plannedOrDenied && (cue.kind === 'outage' || cue.kind === 'security')))
      // "What happens to our data if we terminate the contract?" supposes it.
      .filter(
        (cue) =>
          !(
            (cue.kind === 'outage' || cue.kind === 'cancellation') &&
            isSupposedInQuestion(text, cue.start, cue.start + cue.phrase.length)
          ),
      )
      .filter(
        (cue) => cue.level === 'critical' || !isQuotedMention(text, cue.start, cue.start + cue.phrase.length),
      )
      .filter((cue) => !(RETRACTABLE.has(cue.kind) && isTakenBack(text, cue, itemsOwnPace)))
      .sort((a, b) => a.start - b.start)
  );
}

/** A list item's marker at the start of a line: "3. ", "- ", "• ". */
const LIST_MARKER = String.raw`^\s*(?:\d{1,2}[.)]|[-•*–])\s+\S`;
const LIST_ITEM_START = new RegExp(LIST_MARKER, 'mu');
const LIST_ITEMS = new RegExp(LIST_MARKER, 'gmu');
/** The line break that starts the next item. */
const NEXT_LIST_ITEM = new RegExp(`\\n${LIST_MARKER.slice(1)}`, 'u');

/** "3. … load balancing has stopped working … 4. May invoices look fine now": in a list, only the item itself can take its alarm back. */
function isTakenBack(text: string, cue: UrgencyCue, itemsOwnPace: boolean): boolean {
  const end = cue.start + cue.phrase.length;
  if (!itemsOwnPace || !isInListItem(text, cue.start)) return isRetracted(text, end);
  const nextItem = text.slice(end).search(NEXT_LIST_ITEM);
  return isRetracted(nextItem === -1 ? text : text.slice(0, end + nextItem), end);
}

function isInListItem(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  return LIST_ITEM_START.test(text.slice(lineStart, at + 1));
}

/** Alarms a customer can take back later in the message ("… never mind, works again"). */
const RETRACTABLE: ReadonlySet<UrgencyKind> = new Set([
  'outage',
  'data-loss',
  'security',
  'blocker',
  'stated-urgency',
  'business-impact',
]);

/**
 * Cues composed from parts (outage-, data-loss- and security-composition.ts, leaving-notice.ts,
 * unannounced-price-change.ts, double-charge.ts), added when the phrase
 * lists found nothing of the kind: they generalise to phrasings the lists do not know.
 */
function composedCues(
  text: string,
  tokens: readonly WordToken[],
  found: readonly UrgencyCue[],
  evidence: OutageEvidence,
  narrow: boolean,
): UrgencyCue[] {
  const composed: UrgencyCue[] = [];
  // An outage phrase the customer's own words narrow ("Muut toimipisteet toimii normaalisti") will
  // be dropped, so it must not stand in the way of the scoped blocker either.
  if (!found.some((cue) => cue.level === 'critical' && !(narrow && cue.kind === 'outage'))) {
    // "Koko servicedesk ei pysty kirjaamaan aikoja … tiketit ja muut toimii normaalisti. Porukka
    // kirjaa nyt paperille": one function down for one team is no outage, but may still block them.
    const composedOutage = findComposedOutage(text, evidence) ?? findSarcasticOutage(text);
    const outage = composedOutage !== null && narrow ? null : composedOutage;
    const loss = outage ? null : findComposedDataLoss(text);
    const security = outage || loss ? null : findComposedSecurity(text);
    if (outage) composed.push({ level: 'critical', kind: 'outage', ...outage });
    else if (loss) composed.push({ level: 'critical', kind: 'data-loss', ...loss });
    else if (security) composed.push({ level: 'critical', kind: 'security', ...security });
    else if (!found.some((cue) => cue.kind === 'blocker')) {
      const blocker = findScopedBlocker(text) ?? findWorkStandstill(text) ?? findHeldPayouts(text);
      if (blocker) composed.push({ level: 'high', kind: 'blocker', ...blocker });
    }
  }
  if (!found.some((cue) => cue.level === 'critical' || cue.kind === 'blocker')) {
    const deadline = findDeadlineAtRisk(text);
    if (deadline) composed.push({ level: 'high', kind: 'blocker', ...deadline });
  }
  const priceChange = findUnannouncedPriceChange(text);
  if (priceChange) composed.push({ level: 'high', kind: 'price-dispute', ...priceChange });
  const doubleCharge = findDoubleCharge(text, tokens);
  if (doubleCharge) composed.push({ level: 'high', kind: 'billing-error', ...doubleCharge });
  // Even beside a security phrase: "Security concern — not an incident as far as we know" loses
  // that phrase to the denial below, and the finding must still stand (a P1 outranks it anyway).
  const vulnerability = findVulnerabilityFinding(text);
  if (vulnerability) composed.push({ level: 'high', kind: 'vulnerability', ...vulnerability });
  if (!found.some((cue) => cue.kind === 'cancellation')) {
    const notice = findLeavingNotice(text);
    if (notice)
      composed.push({
        level: 'high',
        kind: 'cancellation',
        phrase: text.slice(notice.start, notice.end),
        start: notice.start,
      });
  }
  return composed;
}

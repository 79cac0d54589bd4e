import { sentenceAround } from './sentence-around.ts';

/**
 * An incident named as a past event ("a two-hour outage on Tuesday", "last week's downtime",
 * "eilinen katko") is a grievance or a reference, not a report that something is down now: it
 * should not page anyone. Only incident nouns count — a state such as "went down on Tuesday" may
 * still hold, so it is left to the rules — and a word of the present in the same clause ("still",
 * "since", "again", "now", "edelleen") keeps the incident current.
 */

/** Nouns that name an incident as an event rather than describe a current state. */
const INCIDENT_NOUN =
  /(?:^|[\s-])(?:outages?|downtime|disruptions?|incidents?|\p{L}*katko\p{L}*|\p{L}*häiriö\p{L}*)$/iu;

const WEEKDAYS = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';
const FI_WEEKDAYS = 'maanantai|tiistai|keskiviikko|torstai|perjantai|lauantai|sunnuntai';

const PAST_MARKER = new RegExp(
  [
    "yesterday(?:['’]s)?",
    `last (?:night|week|month|year|time|weekend|quarter|${WEEKDAYS})(?:['’]s)?`,
    `(?:on|last) (?:${WEEKDAYS})`,
    `(?:${WEEKDAYS})['’]s`,
    '(?:\\d+|a|an|one|two|three|few|couple of|several) (?:hours?|days?|weeks?|months?|years?) ago',
    'previous|earlier (?:this|last) (?:week|month|year)',
    'in (?:january|february|march|april|may|june|july|august|september|october|november|december)',
    // "the outage on the 3rd", "on 14 May"
    'on the \\d{1,2}(?:st|nd|rd|th)|on \\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\\p{L}*',
    // "the September outages": a month as the incident's name.
    "(?:the )?(?:january|february|march|april|may|june|july|august|september|october|november|december)(?:['’]s)?",
    // Finnish
    'eilen|eilinen|eilisen|toissapäivänä|viime (?:\\p{L}+)|viimeviikkoinen|viimeviikkoisen',
    `(?:${FI_WEEKDAYS})(?:na|n)`,
    '\\d+ (?:päivää|viikkoa|kuukautta|tuntia) sitten|aiemmin|edellinen|edellisen',
    // "the outage on Dec 19": a date written month first.
    'on (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\\p{L}*\\.? \\d{1,2}(?:st|nd|rd|th)?',
    // "siitä 12.3. katkosta": a Finnish date, day then month.
    '\\d{1,2}\\.\\d{1,2}\\.(?:\\d{2,4})?',
    // "siitä syyskuun katkosta": the month names the incident, as "the September outage" does.
    '(?:tammi|helmi|maalis|huhti|touko|kesä|heinä|elo|syys|loka|marras|joulu)kuun',
  ].join('|'),
  'iu',
);

/** A past marker as a whole word. */
const PAST_MARKER_WORD = new RegExp(`(?<![\\p{L}])(?:${PAST_MARKER.source})(?![\\p{L}])`, 'iu');

const DURING_BEFORE = /(?<![\p{L}])(?:during|duration of) (?:the )?$/iu;
const DURING_AFTER =
  /^ (?:aika\p{L}*|aikana|ajalta|ajan|alkaessa|aikaan|kesto\p{L}*|jälkeen|jälkeis\p{L}*|liittyen|liittyv\p{L}*)(?![\p{L}])/iu;

const PRESENT_MARKER =
  /(?<![\p{L}])(?:since|still|now|right now|currently|ongoing|again|today|tonight|this morning|at the moment|continu\p{L}*|keeps?|edelleen|yhä|nyt|tällä hetkellä|taas|jälleen|tänään|tänä aamuna|alkaen|lähtien|jatkuu)(?![\p{L}])/iu;

const CLASSIFIES_BEFORE =
  /(?<![\p{L}])(?:report|record|class|classif|log|file|treat|count|list)\p{L}* (?:it|this|that|them) as (?:a |an )?(?:\p{L}+ )?$/iu;

const CAUSE_AFTER = /^\s+(?:syy\p{L}*|juurisy\p{L}*|aiheuttaj\p{L}*)(?![\p{L}])/iu;
const CAUSE_BEFORE =
  /(?<![\p{L}])(?:root[- ]cause(?: analysis)?|cause|rca|post-?mortem|write-?up|(?:incident )?report|summary|explanation|analysis) (?:of|for|on) (?:the |this |that |last \p{L}+['’]s |yesterday['’]s )?(?:\p{L}+ )?$/iu;

// A dot inside a date ("siitä 12.3. katkosta") ends no clause; one before a capital does.
const CLAUSE_BREAK =
  /(?<!\d)\.|\.(?=\s*\p{Lu})|[,;:!?\n()]|\s[—–-]\s|\s(?:and|but|however|mutta|ja|kuitenkin)\s/giu;

/**
 * Whether the incident words at `start` (ending at `end`) name a past event: an incident noun
 * with a past time in its clause and nothing in that clause that says it still goes on.
 */
export function isPastIncident(text: string, start: number, end: number): boolean {
  if (!INCIDENT_NOUN.test(text.slice(start, end))) return false;
  if (namesPastIncident(text, start, end)) return true;
  // "Viime torstain katkon jälkeen multa puuttuu kaksi kirjausta … ne ei ehtineet tallentua kun
  // katko alkoi": the incident named again is the same past one, unless its clause says it goes on.
  if (PRESENT_MARKER.test(clauseAround(text, start, end))) return false;
  for (const earlier of text.slice(0, start).matchAll(INCIDENT_WORD)) {
    const at = earlier.index;
    if (namesPastIncident(text, at, at + earlier[0].length)) return true;
  }
  return false;
}

/**
 * "Viime tiistain katkon aikana (kassat alhaalla n. klo 7–9) …", "siitä 12.3. katkosta (CMS
 * alhaalla n. 5 h)": failure words in brackets right after a past incident describe that incident.
 */
export function isAsideOfPastIncident(text: string, start: number): boolean {
  const open = text.lastIndexOf('(', start);
  if (open === -1 || start - open > 60 || text.slice(open, start).includes(')')) return false;
  const before = text.slice(Math.max(0, open - 60), open);
  for (const word of before.matchAll(INCIDENT_WORD)) {
    const at = Math.max(0, open - 60) + word.index;
    if (open - (at + word[0].length) > 20) continue;
    if (namesPastIncident(text, at, at + word[0].length)) return true;
  }
  return false;
}

function namesPastIncident(text: string, start: number, end: number): boolean {
  // "chats from during the outage", "katkon aikaiset chatit": the incident as a period looked back on.
  if (
    (DURING_BEFORE.test(text.slice(Math.max(0, start - 12), start)) ||
      DURING_AFTER.test(text.slice(end, end + 12))) &&
    PAST_MARKER_WORD.test(text)
  )
    return true;
  // "Regarding last Tuesday's outage … needs to report it as a service disruption": the noun
  // names what the earlier incident counts as.
  // "selvitys katkon syystä", "the root cause of the outage" after "Eilinen katko …": its cause asked for.
  const asksCause =
    CAUSE_AFTER.test(text.slice(end, end + 30)) ||
    CAUSE_BEFORE.test(text.slice(Math.max(0, start - 40), start));
  if (
    (asksCause || CLASSIFIES_BEFORE.test(text.slice(Math.max(0, start - 50), start))) &&
    PAST_MARKER_WORD.test(text)
  )
    return true;
  // "viime tiistain (14.5.) katkos": a short aside in brackets does not end the clause.
  const clause = clauseAround(
    text.replace(SHORT_ASIDE, (aside) => ' '.repeat(aside.length)),
    start,
    end,
  );
  return PAST_MARKER_WORD.test(clause) && !PRESENT_MARKER.test(clause);
}

const SHORT_ASIDE = /\([^()\n]{1,20}\)/gu;

function clauseAround(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - 120), start);
  let cut = 0;
  for (const match of before.matchAll(CLAUSE_BREAK)) cut = match.index + match[0].length;
  const after = text.slice(end, end + 120);
  const next = new RegExp(CLAUSE_BREAK.source, 'iu').exec(after);
  return before.slice(cut) + text.slice(start, end) + (next ? after.slice(0, next.index) : after);
}

/** An incident word wherever it stands: the nouns `isPastIncident` reads. */
const INCIDENT_WORD =
  /(?<![\p{L}])(?:outages?|downtime|disruptions?|incidents?|\p{L}*katko\p{L}*|\p{L}*häiriö\p{L}*)(?![\p{L}])/giu;

/** The customer says the matter is calm: it waits, or everything has worked since. */
const CALM_AFTER_THE_FACT =
  /(?<![\p{L}])(?:no rush|nothing urgent|not urgent|no hurry|calm one|a calm question|no need to hurry|(?:everything|it|all) (?:has )?worked (?:fine|normally|ok) since|ei (?:mitään |mikään )?kiirettä|ei (?:mitään )?hätää|ei kiireellinen|(?:on )?toiminut (?:normaalisti|hyvin) (?:sen )?jälkeen)(?![\p{L}])/iu;

/** A word of the present: "since this morning", "again", "tänään". */
const NOW =
  /(?<![\p{L}])(?:still|again|right now|currently|at the moment|today|this morning|this afternoon|tonight|since (?:this|today|yesterday|last night|\d)|edelleen\p{L}*|yhä|taas|jälleen|tällä hetkellä|tänään|tänä aamuna|nyt)(?![\p{L}])/iu;
/** A failure word: "down", "nobody can log in", "ei pääse". */
const FAILING =
  /(?<![\p{L}])(?:down|unavailable|broken|fail\p{L}*|not working|(?:can't|cannot|can not|unable to) (?:log|sign|access|open|load)|nobody can|no one can|locked out|crash\p{L}*|alhaalla|(?:ei|eivät) (?:toimi|pääse|pysty|aukea|lataudu)|kaatu\p{L}*|poikki|nurin|jumissa)(?![\p{L}])/iu;

/** A problem said to hold now, in any sentence: "Separately, since this morning nobody can log in." */
function saysSomethingIsWrongNow(text: string): boolean {
  return text.split(/[.!?\n]+/u).some((sentence) => NOW.test(sentence) && FAILING.test(sentence));
}

/**
 * A past incident asked about calmly: "could you send us a short incident report for last
 * Thursday's outage … Nothing urgent — everything has worked fine since", "viime tiistain katkosta
 * … saisko lyhyen selvityksen? Ei kiirettä". The outage words of its description ("a critical
 * system is down", "the morning nobody could log in") look back with it; nothing is down now.
 */
export function isCalmRetrospective(text: string): boolean {
  if (!CALM_AFTER_THE_FACT.test(text) || saysSomethingIsWrongNow(text)) return false;
  for (const match of text.matchAll(INCIDENT_WORD)) {
    if (isPastIncident(text, match.index, match.index + match[0].length)) return true;
    // "your status page showed a 'partial outage — dispatch API' on Tuesday 14:00–14:20": the
    // quoted name breaks the clause, but its sentence still dates it.
    const sentence = sentenceAround(text, match.index).text;
    if (PAST_MARKER_WORD.test(sentence) && !PRESENT_MARKER.test(sentence)) return true;
  }
  return false;
}

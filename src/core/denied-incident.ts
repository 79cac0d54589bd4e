/**
 * Whether an incident word is denied outright: "no breach or anything like that", "without any
 * sign of a leak", "there was no breach", "tietoturvaongelmaa ei ole ollut" (Finnish puts the
 * negation after the partitive noun). Narrower than clause negation on purpose: "we're not sure
 * whether we were hacked" must still fire, because a missed incident costs more than a false one.
 */
const DENIED_BEFORE =
  /(?<![\p{L}])(?:no|zero|without|there (?:was|is|has been|have been) no|(?:never|not) (?:had|seen|found|detected) (?:a|an|any)|ei (?:ole )?(?:ollut |havaittu )?(?:mitään|minkäänlaista))\s+(?:(?:any|a|an|actual|real|signs?|evidence|indication|kind|sort)\s+(?:of\s+)?(?:a\s+|an\s+|any\s+)?)?$/iu;
const DENIED_AFTER =
  /^\p{L}*\s+(?:ei|eikä)\s+(?:ole|ollut|ole\s+ollut|ole\s+tapahtunut|ole\s+havaittu|havaittu)(?![\p{L}])/iu;

/** A lure that caught nobody: "Looks like phishing — nobody clicked as far as we know". */
const LURE_WORD = /^(?:\p{L}*kalastelu\p{L}*|(?:spear-?)?phishing)$/iu;
const NOBODY_FELL =
  /(?<![\p{L}])(?:(?:nobody|no one|no-one|none of (?:us|them|the \p{L}+|our \p{L}+)) (?:has |had )?(?:clicked|opened (?:it|the link)|entered|typed|fell for)|(?:didn['’]t|did not|never) (?:click|enter|type|open the link)|(?:kukaan ei|ei kukaan|kukaan meistä ei) (?:ole )?(?:klikannut|avannut|syöttänyt)|(?:emme|en|eivät|ei) (?:ole )?(?:klikanneet|klikannut|avanneet|avannut|syöttäneet|syöttänyt))(?![\p{L}])/iu;

export function isDeniedIncident(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 60), start);
  if (LURE_WORD.test(text.slice(start, end)) && NOBODY_FELL.test(text)) return true;
  return DENIED_BEFORE.test(before) || DENIED_AFTER.test(text.slice(end, end + 60));
}

/**
 * Whether an incident word sits in a question that supposes it: "what happens to the widget if
 * your platform goes down?", "jos palvelu kaatuu, mitä tapahtuu?". Only questions: "if I open the
 * inbox it is down for everyone" reports an outage.
 */
const SUPPOSING =
  /(?<![\p{L}])(?:if|in case|unless|what happens|what would happen|hypothetical(?:ly)?|jos|mikäli|entä jos|siinä tapauksessa)(?![\p{L}])/iu;

/** Where the sentence holding `start` begins: after the last stop, question mark or line break. */
function sentenceStart(text: string, start: number): number {
  return (
    Math.max(
      text.lastIndexOf('.', start),
      text.lastIndexOf('?', start - 1),
      text.lastIndexOf('!', start),
      text.lastIndexOf('\n', start),
    ) + 1
  );
}

export function isSupposedInQuestion(text: string, start: number, end: number): boolean {
  const from = sentenceStart(text, start);
  const rest = text.slice(end).search(/[.?!\n]/u);
  const stop = rest === -1 ? text.length : end + rest;
  const sentence = text.slice(from, stop + 1);
  // "Question 14 asks: 'Describe what happens … if the service is unavailable.'" quotes a supposition.
  if (WHAT_HAPPENS_IF.test(sentence)) return true;
  return text[stop] === '?' && (SUPPOSING.test(sentence) || ASKS_WHETHER_ANY.test(sentence));
}

/**
 * Planning for an incident, question or not: "we're writing a contingency plan in case the
 * platform goes down", "siltä varalta, että palvelu kaatuu". Plain "if" is left out: "if I open the
 * inbox it is down for everyone" reports one.
 */
const PLANNING_FOR =
  /(?<![\p{L}])(?:in case|in the event (?:that|of)|contingency|continuity plan|siltä varalta|mikäli|varautu\p{L}*|how (?:\p{L}+ ){0,2}(?:handle|manage|deal with|communicate|notify (?:\p{L}+ )?(?:of|about)|inform (?:\p{L}+ )?(?:of|about)))(?![\p{L}])/iu;

export function isPlannedFor(text: string, start: number): boolean {
  const from = sentenceStart(text, start);
  return PLANNING_FOR.test(text.slice(from, start));
}

/**
 * "How do you notify customers of an outage?", "what is your process for a data breach?": an
 * incident with an indefinite article, in a question, is any incident — a policy asked about.
 */
export function isGenericInQuestion(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 30), start);
  // "Is there a status page I can subscribe to for outages and incidents?": outages in general.
  const pluralAfterPreposition =
    /s$/iu.test(text.slice(start, end)) && /(?<![\p{L}])(?:for|of|about|on|during|around)\s+$/iu.test(before);
  if (
    !pluralAfterPreposition &&
    !/(?<![\p{L}])(?:an?|any|possible|potential|maximum|max|acceptable|worst-case|mahdollise\p{L}*|mahdollinen)\s+(?:\p{L}+\s+)?$/iu.test(
      before,
    )
  )
    return false;
  const rest = text.slice(end).search(/[.?!\n]/u);
  return rest !== -1 && text[end + rest] === '?';
}

const WHAT_HAPPENS_IF =
  /(?<![\p{L}])(?:what (?:\p{L}+ ){0,3}(?:happens|would happen|will happen)|mitä (?:\p{L}+ ){0,3}(?:tapahtuu|tapahtuisi))(?![\p{L}])[^.!?\n]*(?<![\p{L}])(?:if|when|in case|jos|kun|mikäli)(?![\p{L}])/iu;
/** "What does the process look like and is there any downtime?": a plan asked about, not a report. */
const ASKS_WHETHER_ANY =
  /(?<![\p{L}])(?:is there (?:any|going to be)|will there be|would there be|tuleeko|onko (?:siitä |tästä )?(?:mitään )?(?:odotettavissa)?)(?![\p{L}])/iu;

import { asksNoticePeriodCalmly } from '../../core/undecided-churn.ts';
import { apostropheTolerant } from './apostrophe-tolerant.ts';

/**
 * A notice that the customer is leaving, composed from a leaving act ("cancel", "terminate", "not
 * renew", "let … lapse", "wind down", "irtisanoa", "lopettaa", "emme jatka", "luopua") and, within
 * a few words either side, an object that is what we sell (subscription, contract, account,
 * service, "sopimus", "tilaus", "palvelu"). "Cancel the onboarding call" has the act but not the
 * object; "how do we renew our contract" has the object but not the act.
 */
const OPEN = '\\p{L}*';

const ACT_PARTS = [
  // English
  // Not "cancellation policies" or "the cancellation fee": a hotel's or a shop's own terms; nor
  // "cancellations by membership type": a figure the customer counts.
  `cancel${OPEN}(?![\\p{L}])(?! (?:(?:polic|fee|terms|rules|window|rate|flow|button|reason|link)\\p{L}*|(?:by|per)(?![\\p{L}])))`,
  `terminat${OPEN}`,
  `discontinu${OPEN}`,
  // Only the negated forms: "we will renew" is the opposite of leaving.
  `(?:won't|wont|will not|shall not|wouldn't|would not|don't|do not|doesn't|does not|didn't|did not|not|never|no longer) (?:\\p{L}+ ){0,2}(?:be )?(?:renew|extend|continu|prolong)${OPEN}`,
  `non-?renewal`,
  `let (?:\\p{L}+ ){0,3}(?:lapse|expire|run out)`,
  `wind(?:ing)? down`,
  `(?:close|closing|shut|shutting) (?:down )?(?:our|the)`,
  `end(?:ing)? (?:our|the)`,
  `stop (?:using|paying for)`,
  `(?:move|moving) (?:off|away from)`,
  `pull(?:ing)? the plug on`,
  // Finnish
  `irtisano${OPEN}`,
  `irtisan${OPEN}`,
  `lopet${OPEN}`,
  `lopett${OPEN}`,
  `luopu${OPEN}`,
  `(?:emme|emmekä|ettemme|en|enkä|etten|ei|eikä|ettei) (?:aio |halua |voi |pysty |todennäköisesti |luultavasti |varmaankaan )?(?:enää )?(?:jatka|uusi|jatketa|uusita)${OPEN}`,
  `jatkamatta`,
  `uusimatta`,
  `peru(?:a|mme|tamme|utamme|uttaa|ttaa)`,
];

const OBJECT_PARTS = [
  `(?:contract|agreement|account|service|licen[cs]e|plan|seats|deal|partnership|renewal|membership)s?`,
  // "Terminate an old webhook subscription" ends a technical feed, not what we sell.
  `(?<!(?:webhook|event|api|notification|push|newsletter|calendar|topic|channel) )subscriptions?`,
  `(?:your|the) (?:tool|product|platform|software|system|solution|app)`,
  `sopimu${OPEN}`,
  `tilau${OPEN}`,
  `palvelu${OPEN}`,
  `lisenssi${OPEN}`,
  `asiakkuu${OPEN}`,
  `yhteistyö${OPEN}`,
  `käytön`,
  `käyttö`,
];

const ACT = apostropheTolerant(`(?<![\\p{L}\\p{N}])(?:${ACT_PARTS.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
const OBJECT = apostropheTolerant(`(?<![\\p{L}\\p{N}])(?:${OBJECT_PARTS.join('|')})(?![\\p{L}\\p{N}])`, 'iu');

/** How far around an act its clause is read, in UTF-16 units. */
const LOOK_CHARS = 200;

/** Words between act and object, either way round (Finnish word order is free). */
const WINDOW_WORDS = 4;

/** A clause that only supposes leaving ("what happens if we cancel", "jos irtisanomme"). */
const HYPOTHETICAL = /(?<![\p{L}])(?:if|whether|in case|jos|mikäli|jos\p{L}*)(?![\p{L}])[^.!?\n]*$/iu;
/** A clause asking how the terms work rather than announcing anything. */
const TERMS_QUESTION =
  /(?<![\p{L}])(?:how|what|when|can|could|is it possible|do you|miten|mitä|milloin|voiko|voimmeko|onko mahdollista)(?![\p{L}])[^.!?\n]*$/iu;

/** "the driver cancels in the app": the app is where a booking is cancelled, not what is. */
const WHERE_IT_HAPPENS =
  /(?<![\p{L}])(?:in|via|through|inside|within|using|from) (?:your|the|our) (?:tool|product|platform|software|system|solution|app)(?![\p{L}])/giu;

export interface LeavingNotice {
  start: number;
  end: number;
}

/** The first leaving act whose object is the service, not a meeting; null when there is none. */
export function findLeavingNotice(text: string): LeavingNotice | null {
  for (const act of text.matchAll(ACT)) {
    const start = act.index;
    const end = start + act[0].length;
    // A bounded look either side keeps a text of many acts (a pasted list) linear.
    const before = text.slice(Math.max(0, start - LOOK_CHARS), start);
    const clauseStart = Math.max(
      before.lastIndexOf('. '),
      before.lastIndexOf('? '),
      before.lastIndexOf('! '),
      before.lastIndexOf('\n'),
      before.lastIndexOf(', '),
      before.lastIndexOf(': '),
      before.lastIndexOf('; '),
    );
    const clauseBefore = before.slice(clauseStart + 1);
    if (HYPOTHETICAL.test(clauseBefore)) continue;
    // "Mikä on meidän irtisanomisaika? … Ei mitään päätöksiä vielä": the terms asked about calmly.
    if (asksNoticePeriodCalmly(text, start)) continue;
    const after = text.slice(end, end + LOOK_CHARS).split(/[.!?\n;]/u)[0] ?? '';
    const sentenceRest = after;
    if (TERMS_QUESTION.test(clauseBefore) && /\?/u.test(text.slice(end, end + sentenceRest.length + 1)))
      continue;
    const wordsAfter = after
      .split(/\s+/u)
      .filter(Boolean)
      .slice(0, WINDOW_WORDS + 1)
      .join(' ');
    const wordsBefore = clauseBefore.split(/\s+/u).filter(Boolean).slice(-WINDOW_WORDS).join(' ');
    const objectAfter = OBJECT.test(wordsAfter.replace(WHERE_IT_HAPPENS, ''));
    if (objectAfter || OBJECT.test(wordsBefore) || OBJECT.test(act[0])) return { start, end };
  }
  return null;
}

import { apostropheTolerant } from './apostrophe-tolerant.ts';

/**
 * Data loss composed from parts: a loss predicate (deleted, wiped, gone, vanished, emptied,
 * "kadonneet", "tyhjentyneet") with the customer's data as its subject or object (records,
 * contacts, tickets, attachments, "tiedot", "asiakaskortit") and a quantity that makes it more
 * than one item (all, half of, thousands, 3,000, "kaikki", "satoja"). "I deleted a contact by
 * mistake" has no quantity; stored files that "now give a 404" or are "not found" are lost to the
 * customer as surely as deleted ones; "half of our customer records are empty" has all three, and so
 * has corruption ("all our phone numbers got shifted by one row", "tiedot menivät sekaisin"). "Missing" is
 * left out: "340 shipments missing from the export" is a bug in the export, not lost data.
 */
const W = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const OPEN = '\\p{L}*';

const LOSS = apostropheTolerant(
  `${W}(?:deleted|wiped|erased|purged|gone(?! (?:down|up)(?![\\p{L}]))|vanished|disappeared|lost|emptied|empty|blank|overwritten|404s?|not found|tyhjent${OPEN}|tyhjiä|tyhjinä|kadon${OPEN}|katosi${OPEN}|hävin${OPEN}|hävis${OPEN}|poistu${OPEN}|poistet${OPEN}|poisti${OPEN}|ylikirjoit${OPEN})${E}`,
  'giu',
);
const DATA = apostropheTolerant(
  `${W}(?:(?:customer |contact |client |order |account )?(?:data|records?|contacts?|tickets?|customers|orders|attachments?|files?|documents?|history|notes|entries|conversations|messages|invoices?|pdfs?|deals?|leads?|opportunit(?:y|ies)|issues?|tasks?|projects?|rows?|fields?|results?|quantit(?:y|ies)|balances?|stock levels?|compan(?:y|ies)|products?|items?|photos?|images?|reports?|dashboards?|shifts?|schedules?|bookings?|reservations?|appointments?|members?|volunteers?|events?|work|changes|versions?|edits|models?|prices)|\\p{L}*(?:merkin|merkinn|kirjauks|kirjaukse|päiväkirj|varaus|varauks|tiedo|tieto|kortit|kortti|yrity|yhteystie|kontakt|rekisteri|tiketi|tiketti|tilaukse|tilaukset|liitte|liite|asiakkaa|viesti|historia|dokument|asiakirj)${OPEN})${E}`,
  'iu',
);
// A ticket number ("#48213") is not a quantity.
const QUANTITY = apostropheTolerant(
  `(?<![#\\p{L}\\p{N}])(?:all|every|everything|half|most|entire|whole|thousands?|hundreds?|\\d{1,3}(?:[ ,.]\\d{3})+|\\d{3,}|kaikki${OPEN}|koko|puolet|suurin osa|tuhansi${OPEN}|satoja|satojen|\\d+ ?%|(?:iso|ison|suuri|suuren) osa|valtaosa|(?:a )?(?:large|big|good) (?:part|chunk|portion|number) of|dozens)${E}`,
  'iu',
);

/** A negator or a hypothesis before the loss word in its sentence: "nothing was deleted", "if we delete". */
const NOT_REPORTED =
  /(?<![\p{L}])(?:no|not|none|nothing|never|without|if|whether|when we|how|jos|ei|eikä|mitään)(?![\p{L}])/iu;

/**
 * "Missing" counts when the customer says the data was there before: "they were still there on
 * Friday", "after yesterday's update", "päivityksen jälkeen puuttuu 500 yritystä".
 */
const MISSING = apostropheTolerant(`${W}(?:missing|puuttu${OPEN})${E}`, 'iu');
const WAS_THERE = apostropheTolerant(
  `${W}(?:(?:were|was) (?:all )?(?:still )?there|(?:after|since) (?:the |your |yesterday's |last night's |this morning's |today's )?(?:update|release|migration|upgrade|merge|deploy(?:ment)?|maintenance)|(?:olivat|oli) (?:\\p{L}+ )?(?:vielä )?(?:siellä|tallessa|olemassa|mukana)|(?:päivitykse|migraatio|siirro|huoltokatko|yhdistämise)${OPEN} jälkeen)${E}`,
  'iu',
);

/** Missing from an output (an export, a file, a report, a search) is a bug in the output. */
const IN_OUTPUT = apostropheTolerant(
  `${W}(?:exports?|exported|files?|reports?|csv|xlsx|pdf|downloads?|search(?:es)?|results|views?|vienni${OPEN}|vienti${OPEN}|raport${OPEN}|tiedosto${OPEN}|hakutulok${OPEN}|näkymä${OPEN})${E}`,
  'iu',
);

export interface ComposedDataLoss {
  phrase: string;
  start: number;
}

/**
 * Data that is still there but wrong: "all our contacts got shifted by one row", "asiakastiedot
 * menivät sekaisin". In an output ("the numbers in the report are shifted") it is a bug instead.
 */
const CORRUPTED = apostropheTolerant(
  `${W}(?:(?<!(?:work|business|focus|demand|market|mix|needs|priorities|strategy|emphasis|trade|customer base|clientele) (?:has |have |had )?)shifted|scrambled|mixed up|swapped|jumbled|corrupted|garbled|mangled|reverted|went back to (?:last year['’]?s|the old|old|previous)|overwrote|overwriting|(?:attach|link|assign|match|fil|sav|post)\\p{L}* to (?:the )?wrong|sekaisin|sekoittu${OPEN}|sekoitti${OPEN})${E}`,
  'giu',
);

/** "the Turku count results overwrote everything": data written over is data lost, output or not. */
const OVERWRITE = apostropheTolerant(`${W}(?:overwrote|overwriting)${E}`, 'giu');

/**
 * Sentences end at . ! ? or a line break, but not after an abbreviation that precedes a number
 * ("n. 1 800 kpl", "ca. 300", "approx. 2,000").
 */
const SENTENCE_END =
  /(?<=[.!?\n])(?<!(?:^|\s)(?:n|ca|approx|appr|abt|noin|esim|klo|nro|no|vs|etc|e\.g|i\.e)\.)\s+/iu;

/** "…got shifted by one row??": doubled question marks are alarm, not a question. */
const ASKS = /(?<!\?)\?$/u;

/** The first sentence reporting that a quantity of the customer's data is lost; null otherwise. */
export function findComposedDataLoss(text: string): ComposedDataLoss | null {
  let offset = 0;
  for (const sentence of text.split(SENTENCE_END)) {
    const at = text.indexOf(sentence, offset);
    offset = at + sentence.length;
    LOSS.lastIndex = 0;
    CORRUPTED.lastIndex = 0;
    OVERWRITE.lastIndex = 0;
    const found = LOSS.exec(sentence);
    // "60 of the 410 rows have an empty postcode column" in a report is a bug in the report.
    const loss =
      (found && !(/^(?:empty|blank)$/iu.test(found[0]) && IN_OUTPUT.test(sentence)) ? found : null) ??
      (IN_OUTPUT.test(sentence) ? OVERWRITE.exec(sentence) : CORRUPTED.exec(sentence)) ??
      (WAS_THERE.test(text) && !IN_OUTPUT.test(sentence) ? MISSING.exec(sentence) : null);
    LOSS.lastIndex = 0;
    CORRUPTED.lastIndex = 0;
    if (!loss) continue;
    if (NOT_REPORTED.test(sentence.slice(0, loss.index)) || ASKS.test(sentence.trimEnd())) continue;
    if (!DATA.test(sentence) || !QUANTITY.test(sentence)) continue;
    return { phrase: loss[0], start: at + loss.index };
  }
  return null;
}

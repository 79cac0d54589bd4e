import { isSupposedInQuestion } from '../../core/denied-incident.ts';
import { apostropheTolerant } from './apostrophe-tolerant.ts';
import { isNegated } from './is-negated.ts';
import type { WordToken } from './tokenize-words.ts';

/**
 * A customer charged twice for the same thing, or for more than they have, ("we have been charged twice for September",
 * "kortilta veloitettiin kuukausimaksu kahteen kertaan"): money taken that nobody owed, which a
 * triager answers the same day (a P2 billing error, not a billing question). "What happens if a
 * card is charged twice?" supposes it and "we were not charged twice" denies it.
 */
const W = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';

const DOUBLE_CHARGE = apostropheTolerant(
  `${W}(?:(?:charged|billed|debited|invoiced) (?:us |me |our (?:card|account) |everyone |everybody |all (?:of )?(?:our |the )?(?:\\p{L}+ )?(?:customers|clients|members|parents|families|tenants) )?(?:twice|two times|double|2 times)|(?:charge|fee|line|item)s? (?:was |were |is |are |has been |have been |got )?(?:added|applied|included|invoiced|counted) twice|double[- ]?(?:charged|billed|charges?|billing|payments?)|duplicate (?:charges?|payments?|debits?)|(?:paid|pay) (?:it |them )?twice|two (?:identical )?(?:charges|payments|debits) (?:of|for)|(?:veloitettiin|veloitti|laskutettiin|laskuttivat|laskutitte|veloititte|maksettiin) (?:\\p{L}+ ){0,3}(?:kahdesti|kahteen kertaan|kaksi kertaa|tuplana|kaksinkertaisena)|(?:lähtenyt|lähteneet|lähti|mennyt|menneet) (?:\\p{L}+ ){0,3}tuplana|tuplaveloit\\p{L}*|kaksoisveloit\\p{L}*|tuplalaskut\\p{L}*|kahteen kertaan (?:veloitet|laskutet)\\p{L}*)${E}`,
  'giu',
);

/**
 * Billed for more than the customer has: "the Feb invoice lists 45 seats, we only have 12 users",
 * "our December invoice is for 180 seats. We have 45.", "we've been overcharged".
 */
const OVERBILLED = apostropheTolerant(
  `${W}(?:overcharg\\p{L}*|overbill\\p{L}*|ylilaskut\\p{L}*|liikaa laskut\\p{L}*|(?:invoice|bill|charge|lasku)\\p{L}* (?:\\([^)\\n]{1,30}\\) )?(?:\\p{L}+ ){0,3}(?:lists?|shows?|is for|has|says|charges? (?:us )?for|bills? (?:us )?(?:for )?|on) \\d[\\d,]* (?:[\\p{L}-]+ ){0,2}(?:seats|users|licen[cs]es|käyttäjä\\p{L}*|lisenssi\\p{L}*)[^!?\\n]{0,40}?(?:we|but we|meillä on|käytössä on) (?:only |actually |vain |ainoastaan )?(?:have |use |had |are |pay for |on )?(?:only )?\\d+)${E}`,
  'giu',
);

/**
 * One amount charged for another: "That's €27,200 instead of €2,720", "billed us for 1,400
 * employees instead of 140", "collected £54 instead of £45".
 */
const WRONG_AMOUNT = apostropheTolerant(
  `(?:[€£$] ?\\d[\\d,.]*|${W}\\d[\\d,.]* ?(?:€|eur|euros?|gbp|(?:employees|seats|users|licen[cs]es|contacts|members)))(?: (?:\\+ ?)?vat)? instead of (?:[€£$] ?)?\\d`,
  'giu',
);

/** "… the double charge that was fixed last month": a past error asked about, settled already. */
const SETTLED_AFTER =
  /^[^.!?\n]{0,40}?(?<![\p{L}])(?:that|which|joka|mikä) (?:was |you |has been )?(?:fixed|corrected|refunded|resolved|credited|korjattiin|hyvitettiin|korjattu|hyvitetty)(?![\p{L}])/iu;

export interface DoubleCharge {
  phrase: string;
  start: number;
}

export function findDoubleCharge(text: string, tokens: readonly WordToken[]): DoubleCharge | null {
  for (const match of [
    ...text.matchAll(DOUBLE_CHARGE),
    ...text.matchAll(OVERBILLED),
    ...text.matchAll(WRONG_AMOUNT),
  ]) {
    const end = match.index + match[0].length;
    if (isSmallCountGap(match[0])) continue;
    if (isSupposedInQuestion(text, match.index, end)) continue;
    if (SETTLED_AFTER.test(text.slice(end))) continue;
    const firstWord = tokens.findIndex((token) => token.start >= match.index);
    if (firstWord !== -1 && isNegated(text, tokens, firstWord, 2)) continue;
    return { phrase: match[0], start: match.index };
  }
  return null;
}

/**
 * "lists 14 user licences but we only have 12" is a count to check, not money taken: a seat count
 * is an error worth the same day only when it is at least twice what the customer has.
 */
const BILLED_COUNT = /(\d[\d,]*) (?:[\p{L}-]+ ){0,2}(?:seats|users|licen[cs]es|käyttäjä|lisenssi)/iu;

function isSmallCountGap(phrase: string): boolean {
  const billedCount = BILLED_COUNT.exec(phrase);
  const actualCount = /(\d[\d,]*)\D*$/u.exec(phrase);
  if (!billedCount || !actualCount || billedCount.index === actualCount.index) return false;
  const billed = Number(billedCount[1]!.replaceAll(',', ''));
  const actual = Number(actualCount[1]!.replaceAll(',', ''));
  return actual > 0 && billed < 2 * actual;
}

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
  `${W}(?:(?:charged|billed|debited|invoiced) (?:us |me |our (?:card|account) )?(?:twice|two times|double|2 times)|double[- ]?(?:charged|billed|charges?|billing|payments?)|duplicate (?:charges?|payments?|debits?)|(?:paid|pay) (?:it |them )?twice|two (?:identical )?(?:charges|payments|debits) (?:of|for)|(?:veloitettiin|veloitti|laskutettiin|laskuttivat|laskutitte|veloititte|maksettiin) (?:\\p{L}+ ){0,3}(?:kahdesti|kahteen kertaan|kaksi kertaa|tuplana|kaksinkertaisena)|(?:lähtenyt|lähteneet|lähti|mennyt|menneet) (?:\\p{L}+ ){0,3}tuplana|tuplaveloit\\p{L}*|kaksoisveloit\\p{L}*|tuplalaskut\\p{L}*|kahteen kertaan (?:veloitet|laskutet)\\p{L}*)${E}`,
  'giu',
);

/**
 * Billed for more than the customer has: "the Feb invoice lists 45 seats, we only have 12 users",
 * "our December invoice is for 180 seats. We have 45.", "we've been overcharged".
 */
const OVERBILLED = apostropheTolerant(
  `${W}(?:overcharg\\p{L}*|overbill\\p{L}*|ylilaskut\\p{L}*|liikaa laskut\\p{L}*|(?:invoice|bill|charge|lasku)\\p{L}* (?:\\p{L}+ ){0,3}(?:lists?|shows?|is for|has|says|charges? (?:us )?for|on) \\d+ (?:seats|users|licen[cs]es|käyttäjä\\p{L}*|lisenssi\\p{L}*)[^!?\\n]{0,40}?(?:we|but we|meillä on|käytössä on) (?:only |actually |vain |ainoastaan )?(?:have |use |had |are |pay for |on )?(?:only )?\\d+)${E}`,
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
  for (const match of [...text.matchAll(DOUBLE_CHARGE), ...text.matchAll(OVERBILLED)]) {
    const end = match.index + match[0].length;
    if (isSupposedInQuestion(text, match.index, end)) continue;
    if (SETTLED_AFTER.test(text.slice(end))) continue;
    const firstWord = tokens.findIndex((token) => token.start >= match.index);
    if (firstWord !== -1 && isNegated(text, tokens, firstWord, 2)) continue;
    return { phrase: match[0], start: match.index };
  }
  return null;
}

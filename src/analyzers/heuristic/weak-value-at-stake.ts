import { apostropheTolerant } from './apostrophe-tolerant.ts';

/**
 * Weak value is a retention risk today when the whole product is in question: the customer ties
 * it to a renewal or a budget holder ("hard to justify at renewal", "how do I justify that to my
 * boss next year") or says it about the product as a whole ("to be blunt, the team doesn't really
 * use it"). Doubting one module or a seat count ("can we drop the analytics module", "we only use
 * 12 of 50 licences") is a right-sizing conversation, not an emergency, and so is a question
 * about seats or modules even at renewal time.
 */
const W = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';

const AT_RENEWAL = apostropheTolerant(
  `${W}(?:renewal|renew(?:ing)?|next year|next budget|(?:my|our|the) (?:boss|cfo|finance|management|board|leadership)|uusinta\\p{L}*|uusimme|uusiutu\\p{L}*|uusitaan|jatkokau\\p{L}*|jatkammeko|jatkosta|jatkaa|ensi vuon\\p{L}*|johdolle|esimiehelle|talousjohtaja\\p{L}*)${E}`,
  'iu',
);
const WHOLE_PRODUCT_FRANKLY = apostropheTolerant(
  `${W}(?:honestly|to be (?:blunt|honest|frank)|frankly|truth be told|rehellisesti|suoraan sanottuna|totta puhuen)${E}`,
  'iu',
);
const PART_OF_PRODUCT = apostropheTolerant(
  `${W}(?:modules?|add-?ons?|features?|seats?|licen[cs]es?|right-?siz\\p{L}*|downgrade|drop (?:it|them|the \\p{L}+) from|moduuli\\p{L}*|ominaisuu\\p{L}*|lisenssi\\p{L}*|lisäosa\\p{L}*)${E}`,
  'iu',
);

export function isWeakValueAtStake(text: string): boolean {
  // "Can we talk about right-sizing our licences before renewal?" opens a negotiation.
  if (PART_OF_PRODUCT.test(text) && /[?？]/u.test(text)) return false;
  if (AT_RENEWAL.test(text)) return true;
  return WHOLE_PRODUCT_FRANKLY.test(text) && !PART_OF_PRODUCT.test(text);
}

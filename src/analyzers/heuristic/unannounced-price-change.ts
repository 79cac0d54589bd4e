import { apostropheTolerant } from './apostrophe-tolerant.ts';

/**
 * A price change the customer says nobody told them about: a rise or a higher charge ("our price
 * went up 18 %", "hintamme nousi", "the invoice is 30 % higher") together with the missing notice
 * ("without any notice", "nobody told us", "ilman mitään ilmoitusta"). Either half alone is a
 * billing question; both together are a dispute about trust that a triager answers the same day.
 */
const W = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const OPEN = '\\p{L}*';

const PRICE_RISE = apostropheTolerant(
  `${W}(?:(?:price|prices|pricing|fee|fees|rate|rates|invoice|bill|charge|subscription|licen[cs]e cost|renewal quote|quote)s? (?:[\\p{L}\\p{N}][\\p{L}\\p{N}%'’]* ){0,3}(?:went up|go up|goes up|has gone up|have gone up|increased|rose|risen|jumped|doubled|is (?:[\\p{L}\\p{N}][\\p{L}\\p{N}%]* ){0,2}higher|came in (?:[\\p{L}\\p{N}][\\p{L}\\p{N}%]* ){0,2}higher|are (?:[\\p{L}\\p{N}][\\p{L}\\p{N}%]* ){0,2}higher)|(?:price|fee) (?:increase|hike|rise)|(?:hin|maksu|lasku|veloitu|kustannu)${OPEN} (?:\\p{L}+ ){0,3}(?:nousi|noussut|nousivat|nousseet|kallistui|kallistunut|korotettiin|korotettu|kaksinkertaistui)|hinnankorotu${OPEN}|(?:korotitte|nostitte) (?:\\p{L}+ )?(?:hin|maksu)${OPEN})${E}`,
  'iu',
);
const NO_NOTICE = apostropheTolerant(
  `${W}(?:without (?:any |prior |advance |a )?(?:notice|notification|warning|announcement|communication|heads-?up|telling us|informing us|anyone telling us)|(?:nobody|no one|no-one)(?: \\p{L}+){0,3} (?:told|informed|warned|notified) us|(?:nobody|no one|no-one) (?:ever )?mentioned (?:a |any )?(?:price|pricing|change|increase)|(?:we were|we've been|we have been) (?:never|not) (?:told|informed|notified|warned)|never (?:told|informed|notified|warned) us|ilman (?:mitään |minkäänlaista |etukäteen |ennakko)?(?:ilmoitusta|varoitusta|tiedotusta|tiedotetta|ennakkoilmoitusta)|(?:kukaan|ei kukaan)(?: \\p{L}+){0,2} (?:ei )?(?:kertonut|ilmoittanut|tiedottanut|varoittanut)|emme (?:ole )?saaneet (?:mitään |minkäänlaista )?(?:ilmoitusta|tietoa|tiedotetta)|(?:ei|eikä) (?:\\p{L}+ )?(?:ole )?(?:ilmoitettu|kerrottu|tiedotettu|varoitettu))${E}`,
  'iu',
);
/** "Will prices go up without notice?" asks about the policy; it reports nothing. */
const POLICY_QUESTION =
  /^(?:will|would|can|could|do|does|is|are|may|might|voiko|voivatko|nouseeko|onko)(?![\p{L}])/iu;

export interface UnannouncedPriceChange {
  phrase: string;
  start: number;
}

/** The price-rise words when the message also says the change came without notice; null otherwise. */
export function findUnannouncedPriceChange(text: string): UnannouncedPriceChange | null {
  if (POLICY_QUESTION.test(text.trimStart())) return null;
  const rise = PRICE_RISE.exec(text);
  if (!rise || !NO_NOTICE.test(text)) return null;
  return { phrase: rise[0], start: rise.index };
}

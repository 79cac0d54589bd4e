/**
 * "Our trucking subcontractor's system is down this week, so they're emailing us the PODs",
 * "the mobile network went down during the storm": somebody else's system is down, not ours. The
 * customer asks how to work around it; nobody here can bring it back.
 */
const OWNER =
  '(?:subcontractor|sub-contractor|supplier|carrier|bank|client|partner|haulier|courier|landlord|isp|internet provider|broadband provider|power company|electricity company|insurer|accountant|customer)';
const SYSTEM = '(?:system|site|website|portal|server|network|api|platform|service|software|edi)s?';

const SOMEONE_ELSES_SYSTEM = new RegExp(
  `(?<![\\p{L}])(?:${[
    // "our subcontractor's system", "the bank's"
    `${OWNER}(?:['’]s|s['’]) (?:own )?(?:[\\p{L}-]+ ){0,2}`,
    // "the carrier booking portal", "their own system"
    `(?:${OWNER}|their) (?:own )?(?:[\\p{L}-]+ ){0,2}${SYSTEM} (?:\\p{L}+ )?`,
    '(?:mobile|cellular|phone|4g|5g) network (?:\\p{L}+ )?',
    // "alihankkijan järjestelmä on alhaalla", "mobiiliverkko kaatui"
    '(?:alihankkija|toimittaja|kuljetusliike|pankki|operaattori)\\p{L}* (?:\\p{L}+ )?(?:järjestelmä|palvelin|portaali|verkko|sivusto)\\p{L}* (?:\\p{L}+ )?',
    '(?:mobiili|puhelin)verk\\p{L}* (?:\\p{L}+ )?',
  ].join('|')})$`,
  'iu',
);

/** Whether the outage words starting at `start` are said of somebody else's system. */
export function isSomeoneElsesOutage(text: string, start: number): boolean {
  return SOMEONE_ELSES_SYSTEM.test(text.slice(Math.max(0, start - 80), start));
}

import { sentenceAround } from './sentence-around.ts';

/**
 * "Our trucking subcontractor's system is down this week, so they're emailing us the PODs",
 * "the mobile network went down during the storm": somebody else's system is down, not ours. The
 * customer asks how to work around it; nobody here can bring it back.
 */
const OWNER =
  '(?:subcontractor|sub-contractor|supplier|carrier|bank|client|partner|haulier|courier|landlord|isp|internet provider|broadband provider|provider|power company|electricity company|insurer|accountant|customer)';
const SYSTEM = '(?:system|site|website|portal|server|network|api|platform|service|software|edi)s?';

const SYSTEM_AT_START = new RegExp(`^${SYSTEM} (?:is |are |was |were |has been |have been )?`, 'iu');

const SOMEONE_ELSES_SYSTEM = new RegExp(
  `(?<![\\p{L}])(?:${[
    // "our subcontractor's system", "the bank's"
    `${OWNER}(?:['’]s|s['’]) (?:own )?(?:[\\p{L}-]+ ){0,2}`,
    // "the carrier booking portal", "their own system"
    `(?:${OWNER}|their) (?:own )?(?:[\\p{L}-]+ ){0,2}${SYSTEM} (?:\\p{L}+ )?`,
    '(?:mobile|cellular|phone|4g|5g) network (?:\\p{L}+ )?',
    // "When the payment provider outage hit": the provider's outage named as one noun.
    `(?:payment|card|sms|e-?mail|hosting|cloud|telecoms?|internet|broadband|power|electricity) ${OWNER} `,
    // "Microsoft are having an Exchange Online outage": a company the customer names by name is not us.
    '\\p{Lu}[\\p{L}-]* (?:are|is|was|were) having (?:an? |some )?(?:[\\p{L}-]+ ){0,3}',
    // "Netvisor's status page says they're having an outage today": the status page is theirs.
    "\\p{Lu}[\\p{L}-]*['’]s status page (?:says|shows|reports|lists)(?: (?:that )?(?:they|it)(?:['’]re| are| is|['’]s))? (?:having |had |showing )?(?:an? |some )?(?:[\\p{L}-]+ ){0,3}",
    // "DPD had a big outage yesterday", "ELY:n lupapalvelu on ollut alhaalla": a named company's.
    '(?!(?:We|I|You|It|They|Our|Your|The|This|That)\\s)\\p{Lu}[\\p{L}-]* had (?:an? |some )?(?:big |major |huge |massive |nationwide |partial )?',
    '\\p{Lu}[\\p{L}-]*:n (?:\\p{L}+ )?\\p{L}*(?:palvelu|järjestelmä|portaali|sivusto|rajapinta)\\p{L}* (?:on |oli )?(?:ollut |ollu )?',
    // "our internet provider had an outage", "the broadband provider has an outage in the area"
    `${OWNER} (?:had|has|have|is having|was having|reported|announced) (?:an? |some |another |its |their )?(?:\\p{L}+ )?`,
    // "alihankkijan järjestelmä on alhaalla", "mobiiliverkko kaatui"
    '(?:alihankkija|toimittaja|kuljetusliike|pankki|operaattori|asiakka|sähköyhtiö|energiayhtiö|verkkoyhtiö|palveluntarjoaja|nettioperaattori)\\p{L}* (?:\\p{L}+ )?\\p{L}*(?:järjestelmä|palvelin|portaali|verkko|sivusto)\\p{L}* (?:\\p{L}+ )?(?:ollut |ollu |oli )?',
    '(?:mobiili|puhelin)verk\\p{L}* (?:\\p{L}+ )?',
    // "our office internet will be down this Saturday", "Meidän ERP (Lemonsoft) oli eilen alhaalla":
    // the customer's own infrastructure, not the vendor's service.
    '(?:our|the) (?:own )?(?:office |plant |site |factory |warehouse )?(?:erp|internet|wi-?fi|broadband|firewall|vpn)(?: \\([^)\\n]{1,40}\\))? (?:\\p{L}+ ){0,2}',
    '(?:meidän|meiän|meijän|oma|omat) (?:oma )?(?:erp|toiminnanohjau\\p{L}*|nettiyhtey\\p{L}*|internet\\p{L}*|wlan\\p{L}*|palomuuri\\p{L}*)(?: \\([^)\\n]{1,40}\\))? (?:\\p{L}+ ){0,2}',
  ].join('|')})$`,
  'iu',
);

/**
 * "… failing ('Service unavailable') — but I think that's an NHS England outage rather than
 * yours", "was down most of yesterday (not your system, I know)": the customer says whose it is.
 */
const NOT_YOURS =
  /(?<![\p{L}])(?:not (?:on )?your (?:system|problem|fault|side|end|issue)|nothing wrong on your (?:side|end)|rather than yours|not yours|(?:on |\(|, )their (?:side|end)|their status page|(?:niiden|heidän|sen) (?:sivuilla|tilasivulla|tiedotteessa)|their (?:own )?(?:portal|system|site|website|service|server|api)s? (?:is |are )?(?:back|up again|working again)|(?:isn't|is not|wasn't|was not) (?:on )?your (?:side|end|system|fault|problem)|not your fault|ei teidän(?: (?:vika|päässä|puolella|ongelma))?|ei (?:siis|kyllä|tietenkään|todellakaan) teidän (?:vika|ongelma)|vika (?:ei ole|ei oo) teidän|\p{L}+ IT:n vika)(?![\p{L}])/iu;

/**
 * Whether the outage words starting at `start` are said of somebody else's system, before them
 * ("our carrier's portal is down") or in their sentence or the next ("GP Connect is down nationally
 * this morning. Not your issue, I know!").
 */
export function isSomeoneElsesOutage(text: string, start: number): boolean {
  if (SOMEONE_ELSES_SYSTEM.test(text.slice(Math.max(0, start - 80), start))) return true;
  // "their ordering system is down": the cue itself may begin with the system it names.
  const subject = SYSTEM_AT_START.exec(text.slice(start));
  if (subject && SOMEONE_ELSES_SYSTEM.test(text.slice(Math.max(0, start - 80), start + subject[0].length)))
    return true;
  const sentence = sentenceAround(text, start);
  const end = sentence.start + sentence.text.length;
  const next = end + 1 < text.length ? sentenceAround(text, end + 1).text : '';
  return NOT_YOURS.test(`${sentence.text} ${next}`);
}

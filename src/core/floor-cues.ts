import type { Priority } from './priority.ts';
import { SECURITY_EXERCISE } from './security-exercise.ts';

/**
 * Cue lexicon of the priority floor, English and Finnish. Each cue is a regular-expression source
 * written for readability and compiled by `compileCue` in `priority-floor.ts`:
 * - a single space means "any whitespace"; `'` means `'` or `’`;
 * - matching is case-insensitive and Unicode-aware, with letter-aware word boundaries added at
 *   both ends (JavaScript's `\b` only knows ASCII, which breaks Finnish `ä`/`ö`);
 * - Finnish inflects and compounds, so stems end in `\p{L}*` (`irtisano\p{L}*`) and compound
 *   heads start with it (`\p{L}*katko` matches `käyttökatko`);
 * - a named group `name` must be a capitalised proper name (see `isProperName`), so "switching to
 *   Zendesk" fires and "switching to the new UI" does not.
 * Cues prefer a little context over single words where a single word misfires ("down" alone
 * would fire on "scroll down"; "the site is down" will not).
 */

export interface FloorRule {
  rule: string;
  priority: Priority;
  reason: string;
  /** True when "no outage", "ei ole alhaalla" should not fire (a negator shortly before the cue). */
  negatable: boolean;
  /**
   * For a rule that is not negatable: an incident denied outright ("no breach or anything like
   * that", `tietomurtoa ei ole tapahtunut`) still does not fire (src/core/denied-incident.ts).
   */
  unlessDenied?: boolean;
  /** True when "so that nobody can log in" (a wanted state, see floor-desired-state.ts) should not fire. */
  unlessDesired?: boolean;
  /** A cue that, found in the same clause as the match, means it does not fire (same syntax as cues). */
  unlessInClause?: string;
  cues: string[];
}

/** Negating words; a cue's optional filler words never swallow one of these. */
export const NEGATORS: ReadonlySet<string> = new Set([
  'no',
  'not',
  'never',
  'without',
  'nothing',
  'none',
  // "zero lost entries this week", "zero downtime": a count of nothing.
  'zero',
  'ei',
  'eivät',
  'en',
  'et',
  'emme',
  'ette',
  'eikä',
  'ilman',
]);

// Apostrophes written as escapes: `compileCue` rewrites a literal `'`, which would break a class.
const NEG = `(?:${[...NEGATORS].join('|')}|\\p{L}+n[\\u0027\\u2019]t)(?![\\p{L}\\u0027\\u2019])`;
/** One word that is not a negator. */
const W = `(?!${NEG})\\p{L}+`;
const SUBJECT =
  '(?:site|website|app|application|service|services|platform|dashboard|portal|system|systems|server|servers|api|login|product|tool|integration|sso|instance|environment|production|prod|everything)';
const PEOPLE =
  '(?:everyone|everybody|all (?:of )?(?:our |the )?(?:users|employees|staff|people|us)|the whole (?:team|company|organi[sz]ation))';
const NAME = '(?<name>\\p{L}[\\p{L}\\p{N}.&+-]*)';

/**
 * "Competitor" as the modifier of a feature or document: "the competitor report", "competitor
 * tracking", "kilpailijavertailu", "kilpailija-analyysi" name something in the product, not a
 * rival. Used by the floor and by the offline analyzer's churn cues.
 */
export const COMPETITOR_FEATURE_EN =
  '(?![ -](?:analysis|analyses|report|reports|reporting|tracking|research|benchmarks?|dashboards?|data|fields?|lists?|monitoring|module|tabs?|overview|comparison|insights|widgets?|pages?|views?|filters?|segments?|tags?|columns?|charts?|templates?))';
export const COMPETITOR_FEATURE_FI =
  // "kilpailijahotellien hinnat": the customer's own rivals, compounded, are market data too.
  '(?![\\p{L}-]*(?:vertailu|analyysi|seuranta|seuranna|raportti|raportin|raportit|tutkimus|tiedot|tieto|näkymä|lista|kenttä|välilehti|kaavio|pohja|hotell|yrity|ketju|kaup|liik|myymä|ravintol|apteek|klinik|toimij))';

/**
 * A loss word in the same clause as a place in the user interface ("the report has disappeared
 * from the menu", "painike on kadonnut työkalupalkista") is a missing or moved element, a bug,
 * not lost data — unless the clause also says how much is gone ("all our tickets vanished from the
 * inbox tab").
 */
/**
 * A test, staging or sandbox environment that is down stops nobody's customers: a bug to fix, not
 * an incident to page for ("the sandbox is down again", "testiympäristö on alhaalla").
 */
export const NON_PRODUCTION_PLACE =
  '(?<![\\p{L}])(?:sandbox(?:es)?|staging|test (?:environment|env|instance|site|server|tenant|account)s?|dev(?:elopment)? (?:environment|env|instance|server)s?|demo (?:environment|instance|site)s?|uat|qa (?:environment|env)|testiympäristö\\p{L}*|kehitysympäristö\\p{L}*|hiekkalaatik\\p{L}*|demoympäristö\\p{L}*)(?![\\p{L}])';

const UI_PLACE_WITHOUT_QUANTITY =
  '^(?=.*?(?<![\\p{L}])(?:add-?ins?|plug-?ins?|extensions?|widgets?|shortcuts?|tiles?|menus?|toolbar|sidebar|side bar|navigation|nav bar|buttons?|icons?|dropdown|drop-down|tabs?|valik\\p{L}*|työkalupalk\\p{L}*|sivupalk\\p{L}*|välilehd\\p{L}*|välilehti|painike\\p{L}*|nappi|napi\\p{L}*|kuvake\\p{L}*|navigaatio\\p{L}*)(?![\\p{L}]))(?!.*?(?<![\\p{L}])(?:all|every|everything|kaikki\\p{L}*)(?![\\p{L}]))';

/** What disappeared was a problem: "our front desk queue has basically disappeared". Good news. */
const PROBLEM_GONE =
  '(?<![\\p{L}])(?:queues?|wait(?:ing)? times?|waits|lag|delays?|problems?|issues?|bugs?|errors?|complaints?|headaches?|jono\\p{L}*|ruuhk\\p{L}*|ongelm\\p{L}*|virhee\\p{L}*|viiveet|valitukset)(?: [\\p{L}\\p{N}]+){0,5} (?:(?:has|have) )?(?:\\p{L}+ )?(?:disappeared|vanished|gone away|kadonnut|kadonneet|hävinnyt|hävinneet|hävisi|hävisivät|katosi|katosivat)(?![\\p{L}])';

/** A breach somewhere else, asked about: "the data breach at another edtech provider in the news". */
export const SOMEONE_ELSES_BREACH =
  '(?<![\\p{L}])(?:news (?:about|of)|in the news|at another (?:[\\p{L}-]+ )?(?:provider|vendor|supplier|company|council|school|trust|firm|customer)|another (?:[\\p{L}-]+ )?(?:provider|vendor|supplier)[\\u0027\\u2019]s)(?![\\p{L}])';

const PHYSICAL_BREAK_IN =
  '(?<![\\p{L}])(?:poliisi\\p{L}*|police|burglar\\p{L}*|varasto\\p{L}*|myymälä\\p{L}*|toimisto\\p{L}*|autoon|(?:our|the) (?:warehouse|store|shop|office|van|car|depot|site) (?:was |got )?broken into|broke into (?:our|the) (?:warehouse|store|shop|office|van|car|depot))(?![\\p{L}])';

/**
 * "Consumer Duty vulnerability flags", "vulnerable customers": a person's circumstances, not a
 * security hole. Shared by the floor and the analyzer's security cues.
 */
export const VULNERABILITY_MARKER_NOUNS =
  'flags?|markers?|indicators?|assessments?|status|register|characteristics';
export const VULNERABLE_PERSON_NOUNS =
  'customers?|clients?|adults?|people|persons?|members?|tenants?|residents?|pupils?|children|patients?';
export const VULNERABILITY_OF_A_PERSON_BEFORE = 'consumer duty|customer|client|financial';

/** Nouns that make "outage" the name of a thing: a tool, a page, a feature that tracks outages. */
export const OUTAGE_THING_NOUNS =
  'board|page|map|notify|notifications?|module|view|report(?:ing)?s?|feed|webhooks?|templates?|banner|messages?|sms|dashboard|screen|data|history|management|tracker|app|field|system|tool|list|center|centre|workflow|planner|forecast|mode|toggle|button|setting|minutes|figures|stats|statistics|log|course|procedure|policy|plan|drill|kpis?|metrics?|template|hours?|days?|blocks?|totals?|calculations?';
/** Finnish case endings on the English name: "Outage boardille", "Outage boardilla". */
export const FINNISH_ENDING_ON_ENGLISH = '(?:i?(?:lle|lla|llä|lta|ssa|sta|n|a)|ien)?';
/** "'Barrier Downtime' report", "Downtime & outage report", "an outage/status banner": names, quoted or joined. */
export const THING_NAME_JOIN =
  '(?:[\\u0027\\u2019\\u0022\\u201D]?(?: (?:&|and) [\\p{L}-]+|/[\\p{L}-]+)?[\\u0027\\u2019\\u0022\\u201D]?|(?: [\\p{L}-]+){0,3}[\\u0027\\u2019\\u0022\\u201D](?: [\\p{L}-]+)?)';
const OUTAGE_AS_A_THING = `(?!${THING_NAME_JOIN} (?:${OUTAGE_THING_NOUNS})${FINNISH_ENDING_ON_ENGLISH}(?![\\p{L}]))`;

/**
 * "I switch to WhatsApp and back" switches apps; "our registered office address is changing to
 * Unit 4" moves house. Neither changes vendor (same syntax as the rule cues; shared with the
 * analyzer's competitor names).
 */
/** "Sopimus päättyy kesäkuussa ja haluamme ehdottomasti jatkaa": the end of a term, to be renewed. */
const STAYS =
  "(?<![\\p{L}])(?:(?:haluamme|haluaisimme|aiomme|tulemme) (?:\\p{L}+ )?(?:jatkaa|uusia|jatkamaan|uusimaan)|(?<!(?:not|n['’]t|no longer|never) )(?:want|wants|would like|plan|planning|intend|intending|keen|happy|glad|going|look forward|looking forward) to (?:renew|continue|extend|stay))(?![\\p{L}])";

export const NOT_A_VENDOR_CHANGE =
  // "we're migrating to Hirelane from Teamtailor": the customer comes to us from a rival.
  '(?<![\\p{L}])(?:(?:moving|migrating|switching|going|moved|migrated|switched|went) (?:over )?to [\\p{L}\\p{N}.-]+ from (?!you(?:r|rs)?(?![\\p{L}]))[\\p{L}\\p{N}.-]+|(?:switch|chang)\\p{L}* (?:over |back )?to (?:finnish|swedish|english|norwegian|danish|german|french|spanish|estonian|dutch|polish|us|uk|iso)(?: [\\p{L}-]+)? (?:format|language|date|dates|locale|version|spelling|time|units?)|(?:team|staff|office|offices|branch|site|depot|warehouse|everyone|people|hq|clinic|practice) (?:is |are |will be )?(?:moving|relocating|moves) to|nime\\p{L}*|nimi|teidän (?:järjestelmään|palveluun|sovellukseen|ohjelmaan|alustaan|alustalle)|and back|ja takaisin|(?:trading|company|business|legal|brand|registered) name|(?:registered |postal |billing |delivery |invoice |office |e-?mail )?address(?:es)?|office|premises|headquarters|osoit\\p{L}*|toimisto\\p{L}*)(?![\\p{L}])';

export const FLOOR_RULES: readonly FloorRule[] = [
  {
    rule: 'outage',
    priority: 'P1',
    reason: 'mentions an outage',
    negatable: true,
    unlessDesired: true,
    unlessInClause: NON_PRODUCTION_PLACE,
    cues: [
      // Not "the outage board", "Outage Notify", "the outage.updated webhook": a utility's own tools,
      // named after the outages they track.
      // "what exactly counts as downtime?" asks for a definition.
      `(?<!(?:counts?|counted|classed|treated|defined) as (?:an? )?)(?:(?:outages?(?!\\.\\w|[\\w-])${OUTAGE_AS_A_THING})|downtime${OUTAGE_AS_A_THING}(?!\\s+(?:is |are )?(?:calculated|counted|measured|defined|recorded|computed)(?![\\p{L}])))|(?:service|system) disruption`,
      `${SUBJECT} (?:has |have )?(?:crashed|is crashing|keeps crashing)`,
      `${SUBJECT} (?:(?:${W} )?(?:is|are|was|were|went|has gone|have gone|has been|have been|seems to be|seem to be|seems|seem|looks|look|keeps going|goes) )?(?:${W} )?down(?![-‐])`,
      `(?:it's|it is|everything's|are you|you're|you are) (?:${W} )?down(?![-‐])`,
      `down for ${PEOPLE}`,
      `(?:broken|not working|failing) for ${PEOPLE}`,
      `${SUBJECT} (?:${W} )?(?:is|are|was|were|has been|have been|seems|seem|became|remains|remain) (?:${W} )?unavailable`,
      '(?:completely|totally|entirely) unavailable|service unavailable',
      `(?:${SUBJECT}|page|pages|nothing|anything) (?:${W} )?(?:is not|isn't|are not|aren't|not|won't|will not|doesn't|does not|don't|do not|fails to|failed to|stopped) load(?:ing)?`,
      'nothing (?:is )?load(?:s|ing)',
      // "The network map hasn't loaded for any of us since 7:30", "the day view is just empty for everyone".
      "(?:hasn't|haven't|has not|have not) loaded for (?:any of us|anyone|anybody|everyone|everybody|all of us|all (?:our )?users)",
      '(?:empty|blank) for (?:everyone|everybody|all of us|all (?:our )?(?:users|staff|instructors|agents))',
      `(?:can't|cannot|can not|unable to|not able to) (?:load|open|access|reach) (?:the |your |our )?${SUBJECT}`,
      // A server error is an outage when it is everywhere ("500 errors on every request"); one
      // failing action ("Error 500 when I export October's report") is a bug for the analyzer.
      '(?:http |error |status )?5\\d\\d(?: |-)?(?:errors?|server errors?|status(?:es)?|responses?|virhe\\p{L}*)(?: \\p{L}+){0,3} (?:on|for|from|across|in|with) (?:every|all|each|any|kaikissa|kaikille)',
      '(?:every|all|each) (?:\\p{L}+ ){0,2}(?:requests?|calls?|pages?|endpoints?) (?:\\p{L}+ ){0,4}(?:returns?|returning|gets?|getting|fails? with|failing with|gives?|giving) (?:an? )?(?:http |error |status )?5\\d\\d',
      `(?:nobody|no one|no-one|none of (?:us|our users|the users|our team)) (?:${W} )?(?:can|could|is able to|are able to|manages to) (?:log|sign) ?in`,
      `${PEOPLE} (?:${W} ){0,2}(?:can't|cannot|can not|is unable to|are unable to|is locked out|are locked out|gets locked out|get locked out|fails to (?:log|sign) ?in|fail to (?:log|sign) ?in)`,
      `(?:can't|cannot|can not|unable to|not able to) (?:log|sign) ?in[^.!?\\n]{0,40}?(?:for )?(?:anyone|${PEOPLE}|none of us)`,
      // Finnish
      '(?:on|ovat|oli|olivat|ollut|olleet|taas|jälleen|edelleen|yhä|täysin|kokonaan|nyt) alhaalla',
      `(?:tuotanto|\\p{L}*järjestelmä|palvelu|palvelin|palvelimet|sivusto|sovellus|portaali|rajapinta|kaikki)\\p{L}* (?:${W} )?(?:on |ovat )?(?:kaatunut|kaatuneet|kaatui|kaatuivat|jumissa|jumittunut|jumiutunut|pysähtynyt|seis)`,
      `on (?:${W} )?nurin`,
      // Not "Katkosraportti", "käyttökatkoseuranta": a report or a view named after the breaks it counts.
      '\\p{L}*katko(?!viiva)(?!\\p{L}*(?:raport|seurant|tilasto|näkym|listau)\\p{L}*)\\p{L}*',
      `(?:kaik\\p{L}*|kene\\p{L}*|kukaan|mikään) (?:${W} ){0,2}(?:ei|eivät) (?:toimi|aukea|lataudu|vastaa)\\p{L}*`,
      `(?:ei|eivät) (?:toimi|aukea|lataudu|vastaa)\\p{L}* (?:${W} ){0,3}(?:kene\\p{L}*|kaik\\p{L}*|kukaan|ketään)`,
      'kukaan ei (?:pääse|pysty|voi)',
      `(?:palvelu|palvelin|palvelimet|sivusto|sivu|järjestelmä|sovellus|rajapinta|api|portaali)\\p{L}* (?:${W} )?(?:ei|eivät) (?:vastaa|aukea|lataudu)\\p{L}*`,
    ],
  },
  {
    rule: 'data-loss',
    priority: 'P1',
    reason: 'mentions lost or damaged data',
    negatable: true,
    // A lost UI element, or test data deleted in a sandbox ("only test data, production untouched").
    unlessInClause: `(?:${UI_PLACE_WITHOUT_QUANTITY})|${NON_PRODUCTION_PLACE}|${PROBLEM_GONE}`,
    cues: [
      'data loss|loss of data',
      `lost (?:${W} ){0,3}(?:data|records|files|documents|entries|history|work|invoices|orders)`,
      `(?:data|records|files|documents|entries|history|invoices|orders|projects|items|messages|reservations|bookings|appointments|payments|lessons|everything|all) (?:${W} ){0,2}(?:is|are|was|were|got|get|gets|has been|have been|seems to be|seem to be|appears to be|appear to be) (?:${W} )?(?:lost|gone|deleted|wiped|erased|missing(?! (?:our|the|a|an|their|its|any) )|corrupted|corrupt)`,
      '(?:deleted|wiped|erased) (?:all|every|everything|our|the entire|the whole)',
      // "all the lab analyses we entered last week are gone", "audit log says 'deleted by system'"
      `all (?:the |our )?(?:${W} )?(?:analyses|results|readings|measurements|notes|photos|timesheets|entries|records)(?: ${W}){0,5} (?:are|were|have been|has been) (?:all )?(?:gone|deleted|wiped|lost|missing)`,
      'disappeared|vanished|(?:went|gone) missing',
      'corrupt(?:ed|ion)?',
      // Finnish
      `\\p{L}*(?:tiedo|tieto|data|tiedosto|kuva|raportti|raportit|lasku|tilau|viesti|historia|kaikki|dokumentti|asiakirja)\\p{L}* (?:${W} ){0,2}(?:kadon|katos|hävi|poistu|tuhoutu|pyyhkiyty|poistet|pyyhit)\\p{L}*`,
      // Plural, or singular with "all": "se on jotenkin hävinnyt" (one invoice) is a question.
      'kadonneet|katosivat|hävisivät|hävinneet|(?:kaikki|koko)(?: \\p{L}+){0,3} (?:on |ovat )?(?:kadonnut|katosi|hävisi|hävinnyt)',
      `tietojen (?:menetys|menetyksen|häviäminen|katoaminen)|menetimme (?:${W} ){0,2}(?:tiedot|tietoja|datan|dataa)|korruptoitu\\p{L}*`,
    ],
  },
  {
    rule: 'security',
    priority: 'P1',
    reason: 'mentions a security incident',
    negatable: false,
    unlessDenied: true,
    // "Our IT is running a phishing simulation this week": announced so that nobody reacts.
    // "Varastolle murtauduttiin viime yönä, poliisi hoitaa": a burglary, not an intrusion into data.
    // "news about the data breach at another edtech provider … were you affected?": someone else's.
    unlessInClause: `${SECURITY_EXERCISE}|${PHYSICAL_BREAK_IN}|${SOMEONE_ELSES_BREACH}`,
    cues: [
      // "breach clocks", "breach time": the SLA vocabulary of the product, not an intrusion.
      '(?<!(?:contract|sla|sopimus) )breach(?:ed|es)?(?! of (?:the |our |this )?(?:contract|agreement|sla))(?! (?:clocks?|timers?|times?|warnings?|notifications?|alerts?|dates?|status|targets?|thresholds?|registers?|reports?|lists?|exports?|counts?|rates?|dashboards?|logs?|categor\\p{L}*|modules?|reporting|forms?|templates?|polic\\p{L}*|procedures?))',
      // Not "a leaking radiator" or "a water leak": plumbing, in a property or facilities app.
      '(?<!memory )(?<!water )(?<!gas )leak(?:s|ed|ing|age)?(?! (?:radiator|pipe|roof|tap|toilet|boiler|water|tank|valve|ceiling|gas|shower|sink|repair|detection|sensor|alarm|work order|location|report)s?)',
      'exposed',
      // Not "Consumer Duty vulnerability flags" or "vulnerable customers": a customer's circumstances.
      `(?<!(?:${VULNERABILITY_OF_A_PERSON_BEFORE}) )vulnerabilit(?:y|ies)(?! (?:${VULNERABILITY_MARKER_NOUNS}))|vulnerable(?! (?:${VULNERABLE_PERSON_NOUNS}))`,
      'unauthori[sz]ed (?:access|logins?|use|users?|persons?|part(?:y|ies)|transactions?)',
      'phishing|spear-?phishing',
      'hacked|hackers?|hacking',
      'compromised',
      'security (?:incident|issue|hole|problem|breach)s?',
      'malware|ransomware|account takeover',
      'credentials? (?:were |was |have been |has been )?(?:stolen|leaked)',
      'cve-\\d{4}-\\d+',
      `(?:shared|pushed|committed|posted|published|leaked|exposed) (?:${W} ){0,3}(?:api keys?|access keys?|tokens?|passwords?|credentials|secrets?|private keys?)`,
      '(?:api keys?|tokens?|passwords?|credentials|secrets?) (?:\\p{L}+ ){0,4}(?:in|to|on) (?:a |the )?public (?:github |gitlab )?(?:repo|repository|channel|gist)',
      // Finnish
      'tieto\\p{L}*vuo[dt]\\p{L}*',
      '(?:tieto|tili|järjestelmä|verkko|palvelin)?murto(?!luku)\\p{L}*|murtau\\p{L}*',
      'haavoittuvu\\p{L}*',
      '\\p{L}*kalastelu\\p{L}*',
      'hakker\\p{L}*',
      'luvato\\p{L}* (?:pääsy|käyttö|kirjautu)\\p{L}*',
      'tietoturva(?:loukk|poikkeam|ongelm|aukk|reik|uhk|incident)\\p{L}*',
      'kaapat\\p{L}*',
    ],
  },
  {
    rule: 'legal',
    priority: 'P2',
    reason: 'mentions legal or compliance concerns',
    negatable: false,
    cues: [
      // "Our compliance team needs the RCA" names a department; a compliance problem is the cue.
      // A bare "GDPR" or "tietosuoja" names a subject ("a question about GDPR deletion requests");
      // the cue is a problem with it.
      `gdpr[- ](?:breach\\p{L}*|violation\\p{L}*|complaint\\p{L}*|fines?|incident\\p{L}*|notification\\p{L}*|issues?|problems?|risks?|deadlines?)|(?:breach\\p{L}*|violat\\p{L}*|in violation of|against|non-?compliant with|not compliant with) (?:the )?gdpr|personal data breach|non-?compliant|out of compliance|compliance (?:issues?|problems?|risks?|breach(?:es)?|violations?|failures?|concerns?|gaps?)|(?:prove|breach(?:ing)?|violat\\p{L}*|fail\\p{L}*) (?:our |the )?compliance`,
      // "Our legal team is reviewing the MSA and has a question" names a department at work.
      'legal(?! (?:names?|surnames?|forenames?|first names?|last names?|entit(?:y|ies)|address(?:es)?|operations|ops|forms?|holidays?|requirements? for (?:invoices|invoicing|receipts)))(?! (?:team|department|dept|counsel)(?: \\p{L}+)? (?:is|are|has|have) (?:reviewing|checking|looking|asking|going through|a question|questions|a few questions))',
      'lawyers?|attorneys?|lawsuit|litigation|sue you|suing',
      'breach of (?:the |our |this )?(?:contract|agreement|sla)|contract(?:ual)? breach|in breach',
      'regulators?|data protection (?:authority|ombudsman)|ombudsman',
      `audit(?:s|or|ors)?(?! ?(?:logs?|trail))(?: ${W}){0,3} (?:blocker|is blocked|are blocked|blocked|failed|fails)`,
      `(?:blocks|blocking|blocked|blocker|fail|failed|failing) (?:our |the |an |a )?(?:${W} )?audit(?! ?(?:logs?|trail))`,
      // Finnish
      'lakimie\\p{L}*|juristi\\p{L}*|juridi\\p{L}*|lakiasia(?!intoimisto|intoimiston|in toimisto)\\p{L}*|oikeusteitse|oikeuteen|haastamme',
      'sopimusrikko\\p{L}*|sopimuksen rikko\\p{L}*|rikotte sopimusta',
      'tietosuoja(?:loukk|rikko|rikkomu|ongelm|riski|poikkeam|huol|ilmoitu|valtuutet)\\p{L}*|tietosuojaviranomai\\p{L}*|vaatimustenmukai\\p{L}*',
      `auditoin\\p{L}* (?:${W} ){0,3}(?:este|estää|estyy|kaatuu|hylät\\p{L}*|hylkää)`,
    ],
  },
  {
    rule: 'cancellation',
    priority: 'P2',
    reason: 'mentions cancelling or not renewing',
    negatable: false,
    unlessInClause: STAYS,
    cues: [
      // Not "cancellation policies and rate plans": a hotel's or a shop's own terms; nor
      // "cancellations by membership type": a figure.
      `cancel\\p{L}*(?! (?:(?:polic|fee|terms|rules|window|rate|flow|button|reason|link)\\p{L}*|(?:by|per)(?![\\p{L}]))) (?:${W} ){0,3}(?:subscriptions?|contracts?|accounts?|plans?|services?|licen[cs]es?|agreements?|renewals?|memberships?|seats?)`,
      '(?:want|wants|going|plan|planning|decided|decide|deciding|would like|like|need|have|intend|intending) to cancel',
      'cancellation (?:notice|request)|notice of (?:termination|cancellation)|termination notice',
      // "Terminate an old webhook subscription" ends a technical feed, not the contract.
      `terminat\\p{L}* (?:${W} ){0,3}(?:contracts?|agreements?|(?<!(?:webhook|event|api|notification|push|newsletter|calendar|topic|channel) )subscriptions?|accounts?|services?|relationship|partnership|licen[cs]es?)`,
      `(?:not|won't|will not|don't|do not|aren't going to|are not going to|decided not to|choose not to|unlikely to|no) (?:\\p{L}+ )?renew\\p{L}*`,
      'end (?:our|the|this) (?:contract|agreement|subscription|relationship|partnership|cooperation)',
      'churn\\p{L}*',
      '(?:whether|if) (?:we (?:should |will )?|to )(?:renew|continue|stay)',
      '(?:thinking about|thinking of|considering|consider|planning on|plan on|decided on) leaving',
      // "we are leaving for the holidays" is not churn.
      "(?:we're|we are|we will be|we'll be) leaving(?! (?:for|on|at|early|today|tomorrow|the office))",
      'leav\\p{L}* (?:you|your (?:service|platform|product))',
      // Finnish
      // Not "irtisanottu agentti": an employee let go.
      '(?<!(?:yksi|kaksi|kolme|neljä|viisi|\\d+) )irtisano\\p{L}*(?!\\p{L})(?! (?:\\p{L}+ )?(?:agentti|agentin|työntekijä|henkilö|käyttäjä|kollega|myyjä|tukihenkilö|esihenkilö|hänet|heidät)\\p{L}*)',
      '(?:harkitsemme|mietimme|pohdimme),? (?:jatkammeko|uusimmeko|jatketaanko|uusitaanko)',
      `lopet\\p{L}* (?:${W} ){0,2}(?:sopimu|tilau|palvelu|käytö|asiakkuu|yhteisty|lisen)\\p{L}*`,
      '(?:emme|en) (?:aio |tule |halua )?(?:jatka|uusi)\\p{L}*|ei (?:kyllä |enää |varmaan |sitten )?(?:jatketa|uusita)',
      'sopimu\\p{L}* (?:päättyy|päätetään|puretaan)|pur\\p{L}* sopimu\\p{L}*',
      // "perua" (cancel) by its forms only: a bare `peru` stem would catch "perustuu" (is based on).
      `(?:perua|perumme|perun|perumaan|perutaan|peruttu|peruu\\p{L}*|peruut\\p{L}*) (?:${W} ){0,2}(?:sopimu|tilau|palvelu|lisen|asiakkuu|käyttöoikeu)\\p{L}*`,
    ],
  },
  {
    rule: 'competitor-switch',
    priority: 'P2',
    reason: 'mentions switching to a competitor',
    negatable: false,
    unlessInClause: NOT_A_VENDOR_CHANGE,
    cues: [
      `(?:switch\\p{L}*|mov\\p{L}*|migrat\\p{L}*|chang\\p{L}*) (?:over )?to ${NAME}`,
      `(?:evaluating|trialing|trialling|piloting|testing out|considering|looking at) ${NAME}`,
      `competitors?${COMPETITOR_FEATURE_EN}|competing (?:products?|vendors?|solutions?|tools?)`,
      'considering (?:switching|a switch|moving (?:to|away)|changing (?:vendors?|providers?|suppliers?))',
      // "starting a 3-month pilot with another RFID vendor": a rival on trial.
      `(?:pilot|trial|proof of concept|poc) (?:with|of) (?:another|a different|a competing|an alternative|a second) (?:${W} ){0,2}(?:vendors?|suppliers?|providers?|systems?|platforms?|solutions?)`,
      '(?:cheaper|better) (?:alternatives?|options?|vendors?|providers?|solutions?|tools?)|alternative (?:vendors?|providers?|suppliers?)|other vendors',
      // Finnish
      // Not "siirrytään Teosto-raportoinnissa kvartaaliraportointiin": in X (-ssa), not to X.
      `siirry\\p{L}* (?!\\p{L}[\\p{L}-]*(?:ssa|ssä|sta|stä)(?![\\p{L}]))(?:toise\\p{L}*|muu\\p{L}*|kilpailij\\p{L}*|halvemp\\p{L}*|${NAME})`,
      `vaihda\\p{L}* (?:toise\\p{L}*|muu\\p{L}*|kilpailij\\p{L}*|halvemp\\p{L}*|${NAME})`,
      `(?:arvioimme|arvioidaan|testaamme|harkitsemme|kokeilemme|vertailemme) ${NAME}`,
      `kilpailij${COMPETITOR_FEATURE_FI}\\p{L}*`,
      '(?:harkitsemme|mietimme|pohdimme|suunnittelemme) (?:\\p{L}+ )?(?:vaihtoa|vaihtamista|siirtymistä)',
      'halvemp\\p{L}* (?:vaihtoeh|ratkais|palvel|toimittaj)\\p{L}*',
    ],
  },
  {
    rule: 'involuntary',
    priority: 'P2',
    reason: 'mentions an acquisition, budget cuts or insolvency',
    negatable: false,
    cues: [
      '(?<!(?:customer|user|data|lead|talent|client|guest|traffic|visitor) )acquisitions?(?! (?:channels?|costs?|campaigns?|funnels?|rates?|strateg\\p{L}*|spend|budgets?|tools?|metrics?))',
      'acquired by|(?:been|being|was|were|get|got|getting|is being|are being) acquired|mergers?',
      'budget (?:cuts?|cutting|reductions?|freeze|constraints?)',
      `cut\\p{L}* (?:${W} ){0,2}budgets?|cost[- ]cutting|cutting costs|spending freeze|hiring freeze`,
      'layoffs?|laid off|laying off|lay off|redundanc(?:y|ies)|restructuring(?! (?:our|the|of (?:our|the)) (?:sales )?(?:regions?|teams?|territor\\p{L}*|folders?|workflows?|tags?|categories|pipelines?|data|accounts?|permissions?|roles?))|downsizing',
      'insolven\\p{L}*|bankrupt\\p{L}*|chapter 11|going out of business|(?:closing|shutting) down (?:the|our) (?:company|business)',
      // Finnish
      'yrityskau\\p{L}*|\\p{L}*fuusio\\p{L}*',
      '(?:meidät|yhtiömme|yrityksemme|yritys|yhtiö) (?:on )?(?:myyty|ostettu|ostettiin|myytiin)',
      `budjet\\p{L}* (?:${W} ){0,2}leikk\\p{L}*|(?:budjetti|kustannus|määräraha|rahoitus)leikkau\\p{L}*|säästötoim\\p{L}*`,
      'konkurs\\p{L}*|selvitystil\\p{L}*|\\p{L}*saneerau\\p{L}*',
      'yt-neuvottelu\\p{L}*|yt neuvottelu\\p{L}*|muutosneuvottelu\\p{L}*|lomau\\p{L}*',
    ],
  },
];

/** Capitalised words after "switching to" that are not product names. Lower-case. */
export const NOT_PROPER_NAMES: ReadonlySet<string> = new Set([
  ...['the', 'a', 'an', 'our', 'your', 'my', 'their', 'this', 'that', 'these', 'those', 'it', 'we', 'i'],
  ...['you', 'them', 'new', 'another', 'other', 'different', 'some', 'version', 'v2', 'next', 'q1', 'q2'],
  ...['q3', 'q4', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
  ...['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september'],
  ...['october', 'november', 'december', 'production', 'prod', 'staging', 'sso', 'saml', 'https'],
  ...['uuteen', 'tähän', 'tämä', 'uusi', 'uudempaan', 'seuraavaan', 'versioon', 'ensi'],
]);

/**
 * Explicit dissatisfaction or doubt about staying, English and Finnish (same syntax as the rule
 * cues). The renewal-risk floor needs one of these besides a negative tone: a lexicon score alone
 * ("cannot see the Reports tab") is no reason to page anyone.
 */
export const RENEWAL_RISK_CUES: readonly string[] = [
  '(?:dis|un)satisfied|unhappy|not (?:\\p{L}+ )?happy|disappoint\\p{L}*|frustrat\\p{L}*|fed up|had enough|sick of|tired of',
  'unacceptable|not acceptable|(?:lost|losing|lose) (?:\\p{L}+ )?(?:trust|confidence|patience)',
  'complain\\p{L}*|escalat\\p{L}*|nothing (?:has )?(?:improved|changed)|worse and worse|keeps getting worse',
  '(?:reconsider|rethink|re-?evaluat|review)\\p{L}* (?:\\p{L}+ ){0,2}(?:contracts?|renewal|vendors?|options|partnership|relationship|subscription)',
  '(?:whether|if) (?:we |to )(?:\\p{L}+ )?renew|before (?:the |our )?renewal',
  // Finnish
  'pettyn\\p{L}*|pettymy\\p{L}*|tyytymät\\p{L}*|turhautu\\p{L}*|kyllästy\\p{L}*|harmistu\\p{L}*',
  '(?:ei|ole) hyväksyttävää|kestämätön\\p{L}*|luottamu\\p{L}* (?:\\p{L}+ )?(?:horju|men|loppu|kärsi)\\p{L}*',
  'valitu\\p{L}*|valitamme|eskaloi\\p{L}*|(?:harkitsemme|mietimme|pohdimme) (?:\\p{L}+ ){0,2}(?:jatko|uusimi|sopimu|vaihto)\\p{L}*',
];

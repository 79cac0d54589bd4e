import { apostropheTolerant } from './apostrophe-tolerant.ts';

/**
 * A security incident composed from parts, for the phrasings the security phrase list does not
 * know: activity the customer did not start (a login, token, push or export "we never created" /
 * "she didn't request"), credentials exposed (a password, key or token leaked, posted, shared
 * publicly or sold), or data reaching the wrong party (visible to / received by another company,
 * other customers, the public; internal notes shown to end customers). Each needs both halves, so "we never created a report" or "share
 * the API key with your developer" are not incidents.
 */
const W = '(?<![\\p{L}\\p{N}])';
const OPEN = '\\p{L}*';

const UNINITIATED = apostropheTolerant(
  `${W}(?:(?:we|i|he|she|they|nobody|no one)(?: \\p{L}+)? (?:never|didn't|did not|hadn't|had not|don't|do not) (?:create|created|request|requested|authori[sz]e|authori[sz]ed|make|made|initiate|initiated|recogni[sz]e|approve|approved|set up|do this|do that)|(?:emme|en|ei|eivät) (?:ole )?(?:luoneet|luonut|pyytäneet|pyytänyt|tehneet|tehnyt|tunnista|hyväksyneet|hyväksynyt))`,
  'iu',
);
/** What an uninitiated act must concern to be a security matter ("a report we never created" is not). */
const ACCESS_OBJECT = apostropheTolerant(
  `${W}(?:logins?|log-ins?|sign-ins?|sessions?|tokens?|api keys?|keys?|admins?|accounts?|users?|passwords?|password resets?|mfa|2fa|push(?:es)?|exports?|devices?|permissions?|kirjautumi${OPEN}|istun${OPEN}|avaim${OPEN}|tunnu${OPEN}|käyttäj${OPEN}|salasan${OPEN}|laitte${OPEN}|laite|oikeu${OPEN})`,
  'iu',
);
/** Access from somewhere the customer does not know is an incident by itself. */
const UNFAMILIAR = apostropheTolerant(
  `${W}(?:(?:someone|somebody|an unknown \\p{L}+|a stranger|joku|tuntematon) (?:has |on )?(?:logged|signed|got into|gained|accessed|exported|downloaded|kirjautu${OPEN}|päässyt|vienyt|ladannut)|(?<!['"‘“])(?:unknown|unrecogni[sz]ed|unexpected|unfamiliar|foreign) (?:login|log-in|sign-in|device|session|ip|admin|user|token|api key|location|country)s?|tuntemat${OPEN} (?:kirjautumi|laite|laitte|istun|käyttäj|ip)${OPEN}|(?:kirjautu|kirjaut)${OPEN} (?:\\p{L}+ ){0,3}ulkomail${OPEN})`,
  'iu',
);
const CREDENTIAL = apostropheTolerant(
  `${W}(?:passwords?|credentials?|api keys?|tokens?|secrets?|logins?|private keys?|salasan${OPEN}|(?<!\\p{L}-)tunnu${OPEN}|api-avai${OPEN}|avaim${OPEN})`,
  'iu',
);
const EXPOSED = apostropheTolerant(
  `${W}(?:(?:pasted|sent|shared|emailed|posted|went out)(?: \\p{L}+){0,6} (?:to|with) (?:a |an |the |one of our )?(?:customers?|clients?|external|wrong|third[- ]part(?:y|ies)|public)|leak${OPEN}|exposed|posted|published|pasted (?:\\p{L}+ ){0,3}(?:public|publicly)|(?:shared|visible) (?:\\p{L}+ ){0,3}(?:public|publicly|openly)|in a public|for sale|being sold|sold on|dark web|pastebin|vuo(?:to|ti|tanut|taneet|tivat|dettu|detut)${OPEN}|julki${OPEN}|myydään|myytävänä|pimeä${OPEN})`,
  'iu',
);
const OTHER_PARTY = apostropheTolerant(
  `${W}(?:(?:a|an|some) (?:company|customer|client|organi[sz]ation|tenant|firm|business) (?:called|named)|(?:a|an) (?:completely |totally |entirely )?different (?:company|customer|client|organi[sz]ation|tenant|firm|business|grower|supplier|practice|patient|family|user|member|sponsor|study|brewery|school|site|student|pupil|child|parent|household|resident|employee)['’]?s?(?![\\p{L}])|(?:a|an) (?:completely |totally |entirely )?different (?:person|patient|resident|individual|guest|member)(?![\\p{L}])|other people['’]s|väärän (?:ihmisen|henkilön|asiakkaan|potilaan|asukkaan)|(?:a|an) different \\p{L}+ entirely|jonkun (?:toisen|muun) (?:\\p{L}+ )?(?:yrityksen|asiakkaan|firman|panimon|tilan|koulun|potilaan|perheen|käyttäjän|organisaation|kunnan|\\p{L}+n)(?![\\p{L}])|(?:isn't|aren't|is not|are not|wasn't|weren't) (?:ours|us)|(?:don't|doesn't|do not|does not) (?:look like|seem to be|belong to) (?:ours|us)|(?:yritykse|asiakka|organisaatio)${OPEN} nimeltä|another (?:company|customer|client|organi[sz]ation|tenant|firm)['’]?s?|other (?:companies|customers|clients|organi[sz]ations|tenants)'?|(?:someone|somebody) else'?s?|a company that isn't ours|(?:belong(?:s|ing)? to|from) (?:a |an )?(?:different|another|the wrong) (?:patient|customer|client|person|user|account|company|pet|merchant|store|shop|tenant|business|firm|organi[sz]ation|school|library|practice|clinic|landlord|contractor)s?|(?:a |an |the )?(?:different|another|the wrong|previous|next) (?:patient|customer|client|person|user|company)['’]s|(?:isn't|aren't|is not|are not) (?:theirs|hers|his|ours|mine)|(?:isn't|is not|wasn't|was not) (?:her|his|their|our) (?:dog|cat|pet|horse|child|son|daughter|patient|animal)|(?:don't|doesn't|do not|does not) belong to (?:us|them|her|him)|another (?:applicant|importer|exporter|tenant|organiser|employee|colleague|patient|pupil|student|member|guest|passenger|buyer|resident|claimant|policyholder|family|household)['’]s|other (?:contractors|firms|agencies|suppliers|businesses|landlords|practices|clinics)['’] (?:customers|clients|tenants|patients|sites)|of (?:a|an) (?:completely |totally )?(?:different|another|unrelated) (?:importer|exporter|company|customer|client|tenant|organi[sz]ation|business|firm|applicant|person|landlord|organiser|family|household|donor|member|patient|pupil|parent)|(?:attach\\p{L}*|link\\p{L}*|filed|saved|posted|assigned) (?:to|under|against|onto) (?:a |an |the )?(?:different|another|the wrong|other) (?:patient|customer|client|person|member|pupil|student|pet|animal|child|account|resident|tenant|employee)s?|another (?:one )?of (?:our|their|my|your) (?:clients|customers|tenants|members|patients|pupils|students|organi[sz]ations|companies|accounts)|kollegansa|other (?:branches|clinics|sites|stores|offices|practices|pharmacies)['’]? (?:patients|customers|clients)|to the public|the public (?:can|could)|strangers|toise${OPEN} (?:yritykse|asiakka|organisaatio)${OPEN}|toisten (?:yritysten|asiakkaiden)|vieraa${OPEN} (?:yritykse|asiakka)${OPEN}|ulkopuolis${OPEN})`,
  'iu',
);
const SEES = apostropheTolerant(
  `${W}(?:see|sees|seeing|saw|seen|pages? \\d+(?:\\s?[–-]\\s?\\d+)? (?:was|were|is|are) (?:for|from)|(?:rows|records|entries|lines|files) (?:\\p{L}+ ){0,2}(?:are|were) from|attach(?:ed|es|ing)? to|read|open and read|visible|shown|showing|shows?|showed|displays?|displayed|displaying|shows? up|showed up|lists|listed|listing|appear(?:s|ed|ing)?|received|receives|receiving|contain(?:s|ed|ing)?|got|gets|access|accessed|opened|näke${OPEN}|näky${OPEN}|näkyi${OPEN}|näkivät|sai${OPEN}|saanut|saaneet|pääse${OPEN})`,
  'iu',
);

/**
 * A phishing lure that reached the customer's people: a fake page, a look-alike link or a request
 * to "re-verify" credentials, together with someone who clicked, typed or logged in. The lure alone
 * ("do you ever email us asking for passwords?") reports nothing.
 */
const LURE = apostropheTolerant(
  `${W}(?:(?:fake|spoofed|fraudulent|bogus|look-?alike|malicious|suspicious|phishing|scam) (?:\\p{L}+ ){0,2}(?:page|site|website|link|e-?mail|domain|login|sign-in|form)s?|(?:page|site|link|domain|website|address|form) (?:that|which) (?:isn't|is not|wasn't|was not|aren't|are not) (?:yours|you|from you)|(?:re-?verify|verify|confirm|update|re-?enter|validate) (?:\\p{L}+ ){0,3}(?:credentials|passwords?|login details|logins?)|(?:väärennet|huijaus|tietojenkalastelu|epäilyttäv|vale)${OPEN} (?:\\p{L}+ )?(?:sivu|linkki|viesti|sähköposti|kirjautumissivu)${OPEN}|(?:vahvista|päivitä|syötä)${OPEN} (?:\\p{L}+ ){0,2}(?:tunnu|salasan)${OPEN})`,
  'iu',
);
const FELL_FOR = apostropheTolerant(
  `${W}(?:clicked|click(?:ed)? on|opened (?:the|that|it|a) link|entered (?:\\p{L}+ ){0,2}(?:password|passwords|credentials|details)|typed (?:in )?(?:\\p{L}+ ){0,2}(?:password|passwords|credentials)|logged in (?:on|there|to it|through it)|fell for|klikkas${OPEN}|klikkaisi${OPEN}|avasi${OPEN} linki${OPEN}|syötti${OPEN}|syöttäneet|kirjautui${OPEN} (?:sivulle|sinne|sen kautta))`,
  'iu',
);

/** "clicked it but did not enter anything", "ei syöttänyt tunnuksia": the lure failed. */
const NOTHING_ENTERED = apostropheTolerant(
  `${W}(?:(?:neither|none)(?: of (?:them|us|the \\p{L}+))? clicked|(?:nobody|no one|no-one) clicked|(?:didn't|did not|never|without) (?:\\p{L}+ )?(?:enter|type|give|submit|click)\\p{L}*|(?:ei|eikä|eivät) (?:\\p{L}+ )?(?:syöttänyt|syöttäneet|antanut|antaneet|kirjoittanut)|no (?:credentials|passwords?|details) (?:were )?(?:entered|given|typed))`,
  'iu',
);

/**
 * The customer asks what an intruder saw: "help us find out what was accessed", "mitä tietoja on
 * viety". Nobody asks that about their own activity.
 */
const WHAT_WAS_TAKEN = apostropheTolerant(
  `${W}(?:(?:what|which) (?:\\p{L}+ ){0,2}(?:was|were|has been|have been|they|he|she|someone|the attacker) (?:\\p{L}+ )?(?:accessed|taken|downloaded|exported|stolen|viewed|exfiltrated|copied)|(?:mitä|mitkä|mihin) (?:\\p{L}+ ){0,2}(?:on |ovat )?(?:viety|vietiin|ladattu|ladattiin|katsottu|katsottiin|päästy|päässyt|varastettu))`,
  'iu',
);
/**
 * Someone who should have no access any more used it: "a former contractor whose account we
 * deactivated logged in", "poistetun käyttäjän tunnuksilla kirjauduttiin".
 */
const REVOKED_PERSON = apostropheTolerant(
  `${W}(?:who (?:we|i) (?:let go|fired|dismissed|laid off)|(?:we|i) (?:terminated|removed|deactivated|cancelled|canceled) (?:on \\p{L}+|yesterday|last \\p{L}+|for cause)|removed for cause|(?:should|was supposed to|were supposed to) have been (?:deactivated|disabled|removed)|who (?:left|quit) (?:us|the company|the firm)|(?:whose )?(?:account|access|login|user) (?:\\p{L}+ ){0,2}(?:we |was |were |has been |had been )?(?:deactivated|disabled|removed|revoked|closed|offboarded)|we (?:deactivated|disabled|removed|offboarded|revoked) (?:him|her|them|his|her|their)|ex-(?:employees?|staff|colleagues?|contractors?|users?|agents?)|(?:was|were|has been|had been) (?:disabled|deactivated|removed|offboarded) in (?:our|the) (?:ad|azure ad|active directory|entra(?: id)?|sso|okta|directory|google workspace)|(?:former|ex-?|deactivated|disabled|removed|deleted|terminated|offboarded|departed|fired)(?: \\p{L}+){0,2} (?:employees?|contractors?|users?|accounts?|staff|admins?|colleagues?|agents?|members?)|(?:entinen|entisen|poistetu\\p{L}*|suljetu\\p{L}*|lähteneen|lähtenyt)(?: \\p{L}+)? (?:työntekijä|käyttäjä|tunnu|konsultti|alihankkija)${OPEN})`,
  'iu',
);
const USED_ACCESS = apostropheTolerant(
  `${W}(?:(?:can|could) still (?:log ?in|sign ?in|access|get in|see)|still (?:have|has) (?:working|active|valid) (?:keys?|mobile keys?|access|badges?|cards?|logins?|accounts?)|got into (?:the |our )?(?:\\p{L}+ ){0,2}(?:building|office|premises|site)|could see|logged in|signed in|logging in|log(?:ged)? into|accessed|accessing|exported|exporting|downloaded|downloading|viewed|viewing|used (?:the|their|his|her) (?:account|login|credentials|token)|sent(?! (?:us |you |in )?(?:an? |their |his |her )?(?:erasure|deletion|gdpr|subject access|data|complaint|request|letter|invoice|cv|resignation)\\p{L}*)|replied|posted|kirjautu${OPEN}|kirjauduttiin|vei|vienyt|latasi|ladannut|lähetetty|lähetti|vastattu|vastasi)`,
  'iu',
);

/** Access from a place the customer has nobody: "from an IP in a country where we have no staff". */
const NOBODY_THERE = apostropheTolerant(
  `${W}(?:(?:ip|ips|address|addresses|location|logins?|calls?|requests?|sign-ins?|sessions?|traffic)(?: \\p{L}+){0,6} (?:country|countries|city|location|region|place) (?:where )?we (?:have no|don't have|do not have|never|have never)|maasta,? (?:jossa|missä) (?:meillä ei|emme))`,
  'iu',
);

/**
 * A sign-in from an address the customer points at, by someone who says it was not them or was
 * away: "a new sign-in for my admin account from an IP in Vietnam at 3am. I was asleep",
 * "tunnuksella on kirjauduttu klo 03:12 IP:stä … Tuomas on ollut lomalla". Either half alone is
 * routine (a sign-in notice; a question about IP allow-lists).
 */
const SIGN_IN = apostropheTolerant(
  `${W}(?:(?:new |a )?(?:sign-?ins?|log-?ins?)|signed in|logged in|kirjauduttu|kirjautu${OPEN}|kirjautumi${OPEN})`,
  'iu',
);
const FROM_ADDRESS = apostropheTolerant(
  `${W}(?:from (?:an? |the )?(?:ip|ip address|address|device|location)(?: \\p{L}+){0,3}|ip:stä|ip-osoitteesta|ip-osoitteista|laitteelta|sijainnista|geolo${OPEN})`,
  'iu',
);
const NOT_ME = apostropheTolerant(
  `${W}(?:(?:i|we|he|she) (?:was|were) (?:asleep|sleeping|on holiday|on vacation|away|offline)|(?:wasn't|was not|weren't|were not) (?:me|us|one of us|him|her)|(?:i|we|he|she|they) (?:didn't|did not|never) do (?:that|this|it)|none of us|nobody (?:here|on our side|in our team)|(?:on|oli|olen|olemme) (?:ollut |olleet )?lomalla|(?:ei|en|emme) (?:ole )?(?:kirjautunut|kirjautuneet)|at [0-5](?:[:.][0-5]\\d)? ?am|klo 0?[0-5][:.][0-5]\\d)`,
  'iu',
);

/**
 * A security setting changed by nobody the customer knows: "'Two-factor authentication has been
 * disabled on your account' … She didn't do that — she's on holiday".
 */
const SETTING_CHANGED = apostropheTolerant(
  `${W}(?:two-factor(?: authentication)?|2fa|mfa|multi-factor(?: authentication)?|password|e-?mail address|recovery (?:e-?mail|phone)|kaksivaihei\\p{L}*|salasana)(?: \\p{L}+){0,3} (?:has been |have been |was |were |got |on |oli )?(?:disabled|turned off|switched off|removed|changed|reset|poistettu|vaihdettu|kytketty pois|otettu pois)`,
  'iu',
);

/** Content meant for the customer's own team: "internal notes", "private comments", "sisäiset muistiinpanot". */
const INTERNAL_CONTENT = apostropheTolerant(
  `${W}(?:internal|private|confidential|sisäi${OPEN}|yksityi${OPEN}|luottamuksellis${OPEN}) (?:\\p{L}+ )?(?:notes?|comments?|messages?|data|documents?|fields?|conversations?|discussions?|tickets?|muistiinpan${OPEN}|kommen${OPEN}|viest${OPEN}|tiedo${OPEN}|tieto${OPEN}|keskustelu${OPEN}|asiakirj${OPEN})`,
  'iu',
);
/** Who must not see internal content: the customer's own customers, the public. */
const OUTSIDE_AUDIENCE = apostropheTolerant(
  `${W}(?:end[- ]?(?:customers?|users?)|customers|clients|the public|everyone|visitors|asiakka${OPEN}|loppukäyttäj${OPEN}|kaikille|julkisesti)`,
  'iu',
);
/** "are not visible", "eivät näy": the customer states the wanted state, reports nothing. */
const NOT_VISIBLE =
  /(?<![\p{L}])(?:not|never|no longer|\p{L}+n['’]t|ei|eivät|eikä)\s+(?:\p{L}+\s+)?(?:be\s+)?(?:visible|shown|see|seen|näy\p{L}*|näe\p{L}*)/iu;

/** A negator or a supposition earlier in the sentence: "no one else can see", "what if". */
const NOT_REPORTED = /(?<![\p{L}])(?:if|whether|how|can we|could we|should|jos|miten|voiko)(?![\p{L}])/iu;

/**
 * One person's personal data shown to everyone: "every payslip in the portal now shows Jukka from
 * accounting's name, salary and bank account".
 */
const ONE_PERSON_TO_ALL = apostropheTolerant(
  `${W}(?:(?:meant|intended) (?:only )?for (?:one|a single|just one|only one) (?:\\p{L}+ ){0,2}(?:to|went to|reached) (?:every|all|each|the whole)|(?:every|all|each|everyone['’]s|kaikki|jokainen|jokaisen) (?:\\p{L}+ ){0,4}(?:now )?(?:shows?|showing|displays?|näyttää|näkyy)(?: [\\p{L}\\p{N}]+){1,5}['’]s? (?:name|salary|salaries|bank (?:account|details)|personal (?:data|details|information)|address|phone number|ssn|social security number|henkilötunnu${OPEN}|palk${OPEN}|tilinumer${OPEN}))`,
  'iu',
);

/** "now publicly viewable by anyone with the link and indexed by Google. It was set to Private." */
const MADE_PUBLIC = apostropheTolerant(
  `${W}(?:(?:is|are|was|were|now|became|become) (?:now )?(?:publicly|public(?:ly)?) (?:viewable|visible|accessible|available|readable)|(?:viewable|visible|accessible|readable) (?:by|to) anyone(?: with the link)?|indexed by (?:google|bing|search engines))`,
  'iu',
);
const MEANT_PRIVATE =
  /(?<![\p{L}])(?:(?:was|were|is|are) (?:set to |marked (?:as )?)?(?:private|internal|confidential|restricted)|yksityise\p{L}*|sisäise\p{L}*)(?![\p{L}])/iu;

/**
 * "parents can now open the team page … and see the private 'medical notes' field for every kid on
 * the roster – allergies, an ADHD diagnosis": someone's health or bank data open to a whole group.
 * The scope word (every, all, other, everyone's) keeps "coaches can see allergies" a feature.
 */
const SEES_EVERYONES_SENSITIVE = apostropheTolerant(
  `${W}(?:can|could|are able to|were able to) (?:now |still |also )?(?:see|view|open|read|access)(?:[^.!?\\n]{0,100}?)(?<![\\p{L}])(?:medical (?:notes|records|data|history|information|details)|health (?:records|data|information)|allergies|diagnos[ei]s|bank details|salar(?:y|ies)|social security numbers?|henkilötunnu${OPEN}|terveystie${OPEN}|potilastie${OPEN})(?=[^.!?\\n]{0,120}(?<![\\p{L}])(?:every|all|each|other|everyone['’]s|kaikkien|jokaisen|muiden)(?![\\p{L}]))`,
  'iu',
);

/**
 * "the share link now opens the tracking view for ALL our customers' orders": every customer's
 * records in front of whoever has the link.
 */
const ALL_CUSTOMERS_RECORDS = apostropheTolerant(
  `${W}(?:opens?|opened|shows?|showed|exposes?|exposed|lists?|listed|displays?|displayed|returns?|returned|gives? access to)(?: (?:the |a )?[\\p{L}-]+ (?:view|page|list)s?)?(?: for| to)? (?:all|every|each) (?:of )?(?:our |the |their )?(?:customers|clients|users|members|tenants|patients|students|families|parents)['’] (?:[\\p{L}-]+ )?(?:orders|data|records|details|files|drawings|addresses|invoices|bookings|information|accounts|documents)`,
  'iu',
);

/** "she could see the full supporter list including bank details": data no one should see. */
const SEES_SENSITIVE = apostropheTolerant(
  `${W}(?:could|can|was able to|were able to) (?:see|view|open|read|access) (?:[\\p{L}\\p{N}'’-]+ ){0,6}(?:bank details|bank accounts?|card (?:numbers|details)|salar(?:y|ies)|medical (?:records|notes|data)|health records|passwords?|social security numbers?|henkilötunnu${OPEN}|tilinumero${OPEN}|potilastie${OPEN})`,
  'iu',
);

/**
 * Other people's personal records in front of someone: "hän näkee muiden opiskelijoiden laskut
 * nimineen, henkilötunnuksineen", "I could open other patients' X-ray reports". Other people alone
 * ("teachers see other teachers' courses") is how shared tools work; their records are not.
 */
const OTHER_PEOPLE = apostropheTolerant(
  `${W}(?:(?:residents|tenants|customers|clients|patients|members|families|pupils|students|people|households) (?:from|of|in) (?:other|different) (?:buildings|blocks|sites|schools|clubs|companies|branches|properties|households|estates|agents)|(?:everyone|everybody) else['’]s|each other['’]s|toistensa|kaikkien muiden|other (?:students|patients|pupils|members|employees|residents|tenants|guests|passengers|borrowers|patrons|policyholders|parents|learners|applicants|claimants|instructors|staff)['’]|muiden (?:\\p{L}+ )?(?:asiakkaiden|opiskelijoiden|potilaiden|oppilaiden|henkilöiden|työntekijöiden|jäsenten|asukkaiden|huoltajien|lainaajien|vakuutettujen|hakijoiden))`,
  'iu',
);
const PERSONAL_RECORDS = apostropheTolerant(
  `${W}(?:names|details|loans|bookings|appointments|applications|tax numbers|veronumer${OPEN}|hakemu${OPEN}|invoices?|records?|payslips?|salar(?:y|ies)|home address(?:es)?|addresses|bank (?:details|accounts?)|card (?:details|numbers?)|medical|allerg${OPEN}|care plans?|diagnos${OPEN}|x-?rays?|grades|social security|date of birth|personal (?:data|details|information)|lasku${OPEN}|henkilötunnu${OPEN}|osoit${OPEN}|tilinumer${OPEN}|potilastie${OPEN}|palkka${OPEN}|arvosan${OPEN}|tiedo${OPEN}|tiedot)`,
  'iu',
);

/**
 * One person's document sent to everyone: "the invoice run attached the same PDF (one private
 * student's invoice, with her home address …) to all 412 invoice emails". All three halves in one
 * sentence: the one document, the many recipients, and that it went out.
 */
const ONE_DOCUMENT = apostropheTolerant(
  `${W}(?:the same (?:\\p{L}+ )?(?:pdf|file|attachment|document|invoice|payslip|letter|report|statement)|one (?:[\\p{L}-]+ )?(?:person|student|patient|customer|client|employee|member|pupil|guest|tenant|resident|user|parent|policyholder)['’]s|saman (?:\\p{L}+ )?(?:liitteen|tiedoston|laskun|pdf${OPEN}|kirjeen|raportin)|yhden (?:\\p{L}+ )?(?:asiakkaan|opiskelijan|potilaan|työntekijän|henkilön|oppilaan|jäsenen))`,
  'iu',
);
const TO_EVERYONE = apostropheTolerant(
  `${W}(?:to (?:all|every|each|everyone|everybody)(?: (?:of )?(?:our |the )?\\d+)?|kaikille|jokaiselle)`,
  'iu',
);
const WENT_OUT = apostropheTolerant(
  `${W}(?:attached|sent|went out|gone out|delivered|e-?mailed|mailed|included|lähti|lähtivät|lähetti|lähetettiin|liitettiin|liitti)`,
  'iu',
);

/**
 * Data gone to an outsider: "raportti on lähtenyt ihan vieraalle vastaanottajalle … jossa on
 * työntekijöiden nimet ja veronumerot", "the payslips went to the wrong employees". Personal
 * records must be in the message: a brochure sent to the wrong address is no incident.
 */
const WRONG_RECIPIENT = apostropheTolerant(
  `${W}(?:(?:mixed up|mixed-up|swapped|scrambled|jumbled|shuffled) (?:\\p{L}+ ){0,2}(?:e-?mail )?(?:addresses|recipients)|(?:sekoitt\\p{L}*|sekoi\\p{L}*) (?:\\p{L}+ )?(?:sähköposti)?(?:osoitteet|vastaanottajat)|(?:sent|went|gone|e-?mailed|delivered|mailed|posted) (?:out )?(?:\\p{L}+ ){0,3}to (?:the wrong|a different|an unrelated|another|other) (?:recipients?|customers?|clients?|compan(?:y|ies)|people|persons?|tenants?|patients?|parents|famil(?:y|ies)|employees|residents|members|policyholders)|(?:also|accidentally|mistakenly|by mistake) (?:been )?(?:sent|went|gone|e-?mailed|delivered|mailed) (?:out )?to (?:the )?(?:parents|famil(?:y|ies)|customers|clients|patients|members|tenants|residents|employees|recipients|people) of|(?:is|are) now with (?:~|about |around |some |over )?\\d+ (?:\\p{L}+ ){0,2}(?:who|that) (?:shouldn['’]t|should not|should never) (?:have|see) (?:it|them|this|that|these)|(?:lähtenyt|lähteneet|lähti|lähtivät|mennyt|menneet|meni|menivät|päätynyt|päätyi|päätyneet|lähetetty|lähetettiin|lähetti|lähettivät|lähettänyt) (?:\\p{L}+ ){0,2}(?:väärälle|vieraalle|ulkopuoliselle|toiselle|väärille|vieraille|toisille) (?:vastaanottaj|asiakka|yritykse|henkilö|taho|asukka|työntekijö|huoltaj)${OPEN})`,
  'iu',
);

/**
 * "the email that went out to them included a second attachment with the timesheets of Klaipėda
 * Hull Works – 86 workers, names, personal ID codes": another party's records attached by mistake.
 * Personal records must be in the message, as for a wrong recipient.
 */
const EXTRA_ATTACHMENT = apostropheTolerant(
  `${W}(?:included|contained|had|carried|came with) (?:a |an )?(?:second|extra|additional|another|unexpected|wrong) (?:attachment|file|pdf|spreadsheet|sheet|report|export)`,
  'iu',
);

/** What a staff list shows besides names: "with mobile numbers, home postcodes and medical … dates". */
const CONTACT_DETAILS = /(?<![\p{L}])(?:mobile|phone) numbers|postcodes|medical/iu;

/** Someone seeing the whole list where they should see their own part of it. */
const WHOLE_LIST_SEEN = apostropheTolerant(
  `${W}(?:could|can|was able to|were able to) (?:see|view|access|open) (?:our|the) (?:entire|whole|full|complete) (?:[\\p{L}-]+ ){0,2}(?:roster|list|database|register|records|directory|staff list|client list|customer list)(?=[^.!?\\n]{0,200}not (?:just|only) (?:his|her|their) own)`,
  'iu',
);

/** "bitewings are being saved to the PREVIOUS patient's record": records filed under someone else. */
const WRONG_RECORD = apostropheTolerant(
  `${W}(?:saved|attached|filed|stored|linked|posted|assigned|written|going|showing up) (?:\\p{L}+ ){0,2}(?:to|on|under|into|in) (?:the )?(?:wrong|previous|next|another|a different|other) (?:patient|customer|client|student|member|person|policyholder|guest|tenant|pupil|claimant)['’]?s? (?:record|file|account|chart|folio|profile|notes)s?`,
  'iu',
);

export interface ComposedSecurity {
  phrase: string;
  start: number;
}

/** The first sentence that reports an incident by composition; null otherwise. */
export function findComposedSecurity(text: string): ComposedSecurity | null {
  let offset = 0;
  let previous = '';
  for (const sentence of text.split(/(?<=[.!?\n])\s+/u)) {
    const at = text.indexOf(sentence, offset);
    offset = at + sentence.length;
    const before = previous;
    previous = sentence;
    if (NOT_REPORTED.test(sentence) && sentence.trimEnd().endsWith('?')) continue;
    const hit =
      UNFAMILIAR.exec(sentence) ??
      NOBODY_THERE.exec(sentence) ??
      // "We offboarded a contractor on Friday … The audit log says he exported the contact list."
      (REVOKED_PERSON.test(sentence) || REVOKED_PERSON.test(before) ? USED_ACCESS.exec(sentence) : null) ??
      ONE_PERSON_TO_ALL.exec(sentence) ??
      SEES_SENSITIVE.exec(sentence) ??
      SEES_EVERYONES_SENSITIVE.exec(sentence) ??
      ALL_CUSTOMERS_RECORDS.exec(sentence) ??
      // "could see our entire crew roster — all 212 staff, with mobile numbers … — not just his own gang"
      (PERSONAL_RECORDS.test(sentence) || CONTACT_DETAILS.test(sentence)
        ? WHOLE_LIST_SEEN.exec(sentence)
        : null) ??
      (SEES.test(sentence) && PERSONAL_RECORDS.test(sentence) ? OTHER_PEOPLE.exec(sentence) : null) ??
      (TO_EVERYONE.test(sentence) && WENT_OUT.test(sentence) ? ONE_DOCUMENT.exec(sentence) : null) ??
      (PERSONAL_RECORDS.test(text) ? WRONG_RECIPIENT.exec(sentence) : null) ??
      (PERSONAL_RECORDS.test(text) && WENT_OUT.test(sentence) ? EXTRA_ATTACHMENT.exec(sentence) : null) ??
      WRONG_RECORD.exec(sentence) ??
      (MEANT_PRIVATE.test(text) ? MADE_PUBLIC.exec(sentence) : null) ??
      // "Is there a report of what was accessed?" asks about a feature.
      (sentence.trimEnd().endsWith('?') ? null : WHAT_WAS_TAKEN.exec(sentence)) ??
      (FELL_FOR.test(sentence) && LURE.test(text) && !NOTHING_ENTERED.test(text)
        ? FELL_FOR.exec(sentence)
        : null) ??
      (LURE.test(sentence) && FELL_FOR.test(text) && !NOTHING_ENTERED.test(text)
        ? LURE.exec(sentence)
        : null) ??
      (FROM_ADDRESS.test(sentence) && NOT_ME.test(text) ? SIGN_IN.exec(sentence) : null) ??
      (NOT_ME.test(text) || UNINITIATED.test(text) ? SETTING_CHANGED.exec(sentence) : null) ??
      (ACCESS_OBJECT.test(sentence) ? UNINITIATED.exec(sentence) : null) ??
      (CREDENTIAL.test(sentence) ? EXPOSED.exec(sentence) : null) ??
      // "… a rent statement she received this morning. It isn't hers and it isn't even one of ours"
      (SEES.test(sentence) || SEES.test(before) ? OTHER_PARTY.exec(sentence) : null) ??
      // Internal content in front of outsiders: "Internal notes are visible to end customers".
      (SEES.test(sentence) && OUTSIDE_AUDIENCE.test(sentence) && !NOT_VISIBLE.test(sentence)
        ? INTERNAL_CONTENT.exec(sentence)
        : null);
    if (hit) return { phrase: hit[0], start: at + hit.index };
  }
  return null;
}

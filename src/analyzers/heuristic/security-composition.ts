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

const UNINITIATED = new RegExp(
  `${W}(?:(?:we|i|he|she|they|nobody|no one)(?: \\p{L}+)? (?:never|didn't|did not|hadn't|had not|don't|do not) (?:create|created|request|requested|authori[sz]e|authori[sz]ed|make|made|initiate|initiated|recogni[sz]e|approve|approved|set up|do this|do that)|(?:emme|en|ei|eivät) (?:ole )?(?:luoneet|luonut|pyytäneet|pyytänyt|tehneet|tehnyt|tunnista|hyväksyneet|hyväksynyt))`,
  'iu',
);
/** What an uninitiated act must concern to be a security matter ("a report we never created" is not). */
const ACCESS_OBJECT = new RegExp(
  `${W}(?:logins?|log-ins?|sign-ins?|sessions?|tokens?|api keys?|keys?|admins?|accounts?|users?|passwords?|password resets?|mfa|2fa|push(?:es)?|exports?|devices?|permissions?|kirjautumi${OPEN}|istun${OPEN}|avaim${OPEN}|tunnu${OPEN}|käyttäj${OPEN}|salasan${OPEN}|laitte${OPEN}|laite|oikeu${OPEN})`,
  'iu',
);
/** Access from somewhere the customer does not know is an incident by itself. */
const UNFAMILIAR = new RegExp(
  `${W}(?:(?:someone|somebody|an unknown \\p{L}+|a stranger|joku|tuntematon) (?:has |on )?(?:logged|signed|got into|gained|accessed|exported|downloaded|kirjautu${OPEN}|päässyt|vienyt|ladannut)|(?:unknown|unrecogni[sz]ed|unexpected|unfamiliar|foreign) (?:login|log-in|sign-in|device|session|ip|admin|user|token|api key|location|country)s?|tuntemat${OPEN} (?:kirjautumi|laite|laitte|istun|käyttäj|ip)${OPEN}|(?:kirjautu|kirjaut)${OPEN} (?:\\p{L}+ ){0,3}ulkomail${OPEN})`,
  'iu',
);
const CREDENTIAL = new RegExp(
  `${W}(?:passwords?|credentials?|api keys?|tokens?|secrets?|logins?|private keys?|salasan${OPEN}|tunnu${OPEN}|api-avai${OPEN}|avaim${OPEN})`,
  'iu',
);
const EXPOSED = new RegExp(
  `${W}(?:leak${OPEN}|exposed|posted|published|pasted (?:\\p{L}+ ){0,3}(?:public|publicly)|(?:shared|visible) (?:\\p{L}+ ){0,3}(?:public|publicly|openly)|in a public|for sale|being sold|sold on|dark web|pastebin|vuo${OPEN}|julki${OPEN}|myydään|myytävänä|pimeä${OPEN})`,
  'iu',
);
const OTHER_PARTY = new RegExp(
  `${W}(?:another (?:company|customer|client|organi[sz]ation|tenant)'?s?|other (?:companies|customers|clients|organi[sz]ations|tenants)'?|(?:someone|somebody) else'?s?|a company that isn't ours|the public|strangers|toise${OPEN} (?:yritykse|asiakka|organisaatio)${OPEN}|toisten (?:yritysten|asiakkaiden)|vieraa${OPEN} (?:yritykse|asiakka)${OPEN}|ulkopuolis${OPEN})`,
  'iu',
);
const SEES = new RegExp(
  `${W}(?:see|sees|seeing|saw|seen|visible|shown|showing|shows? up|showed up|appear(?:s|ed|ing)?|received|receives|got|gets|access|accessed|opened|näke${OPEN}|näky${OPEN}|näkyi${OPEN}|näkivät|sai${OPEN}|saanut|saaneet|pääse${OPEN})`,
  'iu',
);

/** Content meant for the customer's own team: "internal notes", "private comments", "sisäiset muistiinpanot". */
const INTERNAL_CONTENT = new RegExp(
  `${W}(?:internal|private|confidential|sisäi${OPEN}|yksityi${OPEN}|luottamuksellis${OPEN}) (?:\\p{L}+ )?(?:notes?|comments?|messages?|data|documents?|fields?|conversations?|discussions?|tickets?|muistiinpan${OPEN}|kommen${OPEN}|viest${OPEN}|tiedo${OPEN}|tieto${OPEN}|keskustelu${OPEN}|asiakirj${OPEN})`,
  'iu',
);
/** Who must not see internal content: the customer's own customers, the public. */
const OUTSIDE_AUDIENCE = new RegExp(
  `${W}(?:end[- ]?(?:customers?|users?)|customers|clients|the public|everyone|visitors|asiakka${OPEN}|loppukäyttäj${OPEN}|kaikille|julkisesti)`,
  'iu',
);
/** "are not visible", "eivät näy": the customer states the wanted state, reports nothing. */
const NOT_VISIBLE =
  /(?<![\p{L}])(?:not|never|no longer|\p{L}+n['’]t|ei|eivät|eikä)\s+(?:\p{L}+\s+)?(?:be\s+)?(?:visible|shown|see|seen|näy\p{L}*|näe\p{L}*)/iu;

/** A negator or a supposition earlier in the sentence: "no one else can see", "what if". */
const NOT_REPORTED = /(?<![\p{L}])(?:if|whether|how|can we|could we|should|jos|miten|voiko)(?![\p{L}])/iu;

export interface ComposedSecurity {
  phrase: string;
  start: number;
}

/** The first sentence that reports an incident by composition; null otherwise. */
export function findComposedSecurity(text: string): ComposedSecurity | null {
  let offset = 0;
  for (const sentence of text.split(/(?<=[.!?\n])\s+/u)) {
    const at = text.indexOf(sentence, offset);
    offset = at + sentence.length;
    if (NOT_REPORTED.test(sentence) && sentence.trimEnd().endsWith('?')) continue;
    const hit =
      UNFAMILIAR.exec(sentence) ??
      (ACCESS_OBJECT.test(sentence) ? UNINITIATED.exec(sentence) : null) ??
      (CREDENTIAL.test(sentence) ? EXPOSED.exec(sentence) : null) ??
      (SEES.test(sentence) ? OTHER_PARTY.exec(sentence) : null) ??
      // Internal content in front of outsiders: "Internal notes are visible to end customers".
      (SEES.test(sentence) && OUTSIDE_AUDIENCE.test(sentence) && !NOT_VISIBLE.test(sentence)
        ? INTERNAL_CONTENT.exec(sentence)
        : null);
    if (hit) return { phrase: hit[0], start: at + hit.index };
  }
  return null;
}

/**
 * The customer says the problem is theirs alone, or one corner of the product: "my colleagues
 * say for them it is normal", "kaikilla muilla toimii normaalisti", "muut makrot toimii". An
 * outage is broad by definition, and a single user's trouble is a normal request, however
 * strongly worded — so these words keep a message from paging anyone or being raised on tone.
 */
const NARROW_SCOPE = new RegExp(
  `(?<![\\p{L}])(?:${[
    // English
    // Not "probably just me but …": a hedge before the report.
    '(?<!(?:probably|maybe|prob|might be|could be) )(?:only|just) (?:for )?(?:me|my (?:account|user|login|laptop|machine|computer|browser))(?!,? but)',
    "(?:it(?:['’]s| is)|seems) (?:only|just) (?:me|my)",
    String.raw`(?:my )?(?:colleagues?|teammates?|coworkers?|co-workers?) (?:\p{L}+ ){0,2}(?:fine|normal(?:ly)?|without (?:any )?(?:problems?|issues?))`,
    String.raw`for (?:them|others|my colleagues|the others|everyone else) it(?:['’]s| is| works)(?: \p{L}+)? (?:normal|fine|ok|okay|working)`,
    String.raw`(?:everyone|everybody|all the others|the others|other (?:users|agents|colleagues|people)) (?:else )?(?:\p{L}+ ){0,2}(?:is|are|seems?|can|works?) (?:fine|ok|okay|normal(?:ly)?|able to|working)`,
    'works (?:fine |normally )?for (?:everyone|everybody) else',
    // "Standard-rated invoices go through fine": one kind of record fails, the rest do not.
    String.raw`(?:standard|other|the rest of the|all other|normal)(?:[- ]\p{L}+)? (?:invoices|orders|items|records|files|payments|ones|messages) (?:go|goes|went|sync|syncs|work|are|get) (?:through )?(?:fine|ok|okay|normally)`,
    // Finnish
    // Not "muut tiimit pääsee": a whole team shut out is a blocker, not one user's trouble.
    String.raw`(?:kaikilla )?muilla (?:(?!tiim)\p{L}+ )?(?:toimii|on ok|ei ole ongelmia|ei ongelmia)`,
    // Nor "muut palvelut toimii normaalisti": other systems working point at ours, not at one user.
    String.raw`muut (?:(?!tiim|palvelu|järjestelm|sovellu|sivusto|ohjelm|verkko|osa)\p{L}+ )?(?:toimii|toimivat|pääsee|pääsevät)`,
    String.raw`(?:kollegat|kollegoilla|työkaverit|työkavereilla) (?:\p{L}+ ){0,2}(?:toimii|pääsee|pääsevät|normaalisti)`,
    '(?:vain|pelkästään|ainoastaan) (?:minulla|mulla|minun|mun)',
    // "Muille ohjaajille se tulee normaalisti": the link reaches everyone but one.
    String.raw`muille (?:(?!tiim)\p{L}+ )?(?:se |ne )?(?:tulee|tulevat|toimii|toimivat|näkyy|näkyvät|menee|menevät) normaalisti`,
  ].join('|')})(?![\\p{L}])`,
  'iu',
);

export function isNarrowScope(text: string): boolean {
  return NARROW_SCOPE.test(text);
}

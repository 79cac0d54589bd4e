/**
 * A newsletter or other bulk mail that reached the inbound address ("You are receiving this email
 * because you subscribed … Unsubscribe"): nobody wrote it to us, so it is noise. A customer who
 * forwards one with a note of their own ("Why did our customers get this?") is a request, so a
 * forward marker or a question near the top keeps it one.
 */
const UNSUBSCRIBE =
  /(?<![\p{L}])(?:unsubscribe|opt[- ]out|manage (?:your )?(?:email )?preferences|peruuta tilaus|peru tilaus|tilauksen peruminen|lopeta tilaus|jos et (?:enää )?halua (?:vastaanottaa|saada) (?:\p{L}+ )?(?:tiedottei\p{L}*|uutiskirje\p{L}*|viestejä))(?![\p{L}])/iu;
// The list footer's own words; "newsletter" alone is a topic customers write about.
const BULK_MARKER =
  /(?<![\p{L}])(?:you(?:['’]re| are) receiving this(?: (?:e-?mail|message|newsletter))? because|you(?:['’]re| are) receiving this (?:e-?mail|message|newsletter)|you received this (?:e-?mail|message) because|if you (?:no longer )?wish to (?:unsubscribe|stop receiving)|you (?:have )?subscribed (?:to|at|on|via)|saat tämän (?:viestin|sähköpostin|uutiskirjeen),? koska|olet tilannut (?:uutiskirjeemme|tämän uutiskirjeen)|view (?:it |this (?:e-?mail )?)?in (?:your |a |the )?browser|read (?:it )?online|to unsubscribe from these|tämä viesti (?:on )?lähetettiin kaikille (?:jäsenille|asiakkaille)|tämä viesti on lähetetty kaikille (?:jäsenille|asiakkaille)|(?:this|the) (?:message|e-?mail) (?:was|is|has been) sent to all (?:members|customers|subscribers))(?![\p{L}])/iu;
const FORWARDED =
  /(?:forwarded message|begin forwarded message|original message|välitetty viesti|alkuperäinen viesti|^\s*(?:from|lähettäjä):)/imu;

const FOOTER_CHARS = 600;
const OPENING_CHARS = 200;

/** "Thanks for subscribing to The Pass – our monthly newsletter": a list's own greeting, up top. */
const WELCOME_MARKER =
  /(?<![\p{L}])(?:thanks for subscribing to|thank you for subscribing to|welcome to (?:our|the) (?:\p{L}+ )?newsletter|kiitos (?:kun tilasit|uutiskirjeen tilaamisesta))(?![\p{L}])/iu;

/** The list's table of contents: "In this issue:". */
const IN_THIS_ISSUE = /(?<![\p{L}])in this (?:issue|edition)(?![\p{L}])/iu;

/** "Brightside Monthly 🐾 | November edition": a list's masthead as its first line. */
const MASTHEAD = new RegExp(
  String.raw`^[^\n?？]{0,60}(?:(?<![\p{L}])(?:newsletter|edition|weekly|bulletin|digest|client update)|\p{L}*(?:uutiskirje|tiedote|viikkokirje))(?![\p{L}])[^\n?？]{0,80}(?:\n|[|·•])|` +
    IN_THIS_ISSUE.source,
  'iu',
);

/** "Subject: October newsletter 🏒" in a forwarded header: the list named in the mail it forwards. */
const FORWARDED_SUBJECT_MASTHEAD =
  /^\s*(?:subject|aihe):[^\n?？]{0,60}(?<![\p{L}])(?:newsletter|bulletin|digest|\p{L}*uutiskirje|\p{L}*tiedote)(?![\p{L}])/imu;

export function isBulkMail(text: string): boolean {
  const footer = text.slice(-FOOTER_CHARS);
  const opening = text.slice(0, OPENING_CHARS * 2);
  const masthead = MASTHEAD.test(opening.trimStart()) || FORWARDED_SUBJECT_MASTHEAD.test(opening);
  // "Operations Bulletin #42 … You are receiving this because you are on the distribution list":
  // an internal list may have no unsubscribe link, but then it names itself twice.
  if (!UNSUBSCRIBE.test(footer) && !(masthead && BULK_MARKER.test(footer))) return false;
  if (!BULK_MARKER.test(footer) && !WELCOME_MARKER.test(opening) && !masthead) return false;
  // A forward with a note of the customer's own is theirs; a bare forward of a newsletter is not.
  const forward = FORWARDED.exec(text);
  // "Fwd: SIMA Member Update — December" above the forward is its subject line, not a note.
  const note = forward
    ? text.slice(0, forward.index).replace(/^\s*(?:fwd?|fw|vs|wg|tr)\s*:[^\n]*\n/iu, '')
    : '';
  if (forward && note.replace(/[-–—_=*\s]/gu, '') !== '') return false;
  // "In this issue: • What happens when your systems go down?": the list's own contents ask.
  const head = text.trimStart().slice(0, OPENING_CHARS);
  const question = /[?？]/u.exec(head);
  const contents = IN_THIS_ISSUE.exec(head);
  return question === null || (contents !== null && question.index > contents.index);
}

/**
 * The writer's job title under their sign-off ("Ystävällisin terveisin / Johanna Aho / Lakimies",
 * "Kind regards / Grace / Vendor Risk Analyst | Legal"): who wrote, not what they say. A lawyer
 * who signs a request for a DPA template threatens nobody.
 */
const SIGN_OFF_BEFORE =
  /(?:regards|terveisin|ystävällisin terveisin|best|cheers|thanks|kiitos|sincerely|faithfully|t\.)[,.!]?\s*\n(?:[^\n]*\n){0,2}$/iu;

/** A short line under a sign-off that holds the cue: a job title, not something the customer says. */
export function isSignatureTitle(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const next = text.indexOf('\n', end);
  const line = text.slice(lineStart, next === -1 ? text.length : next);
  if (/[.?!:]\s*$/u.test(line) || line.trim().split(/\s+/u).length > 6) return false;
  return SIGN_OFF_BEFORE.test(text.slice(Math.max(0, lineStart - 160), lineStart));
}

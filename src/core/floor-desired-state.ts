/**
 * "Enforce SAML SSO so that nobody can log in with a password" describes a state the customer
 * wants, not an incident. An incident cue preceded, in its own sentence, by one of these words
 * of purpose or requirement is read as a wish. English and Finnish.
 */
const PURPOSE_BEFORE =
  /(?<![\p{L}\p{N}])(?:so that|so nobody|so no one|so no-one|in order to|in order that|ensure|make sure|enforc\p{L}*|requir\p{L}*|mandat\p{L}*|should|shall|must|jotta|ettei|pitäisi|pitää|pakot\p{L}*|vaadi\p{L}*|vaatii|varmist\p{L}*|estää|estä)(?![\p{L}\p{N}])/iu;
const SENTENCE_END = /[.!?\n]/gu;

/** True when the sentence holding `at` says, before `at`, that what follows is wanted or required. */
export function isDesiredState(text: string, at: number): boolean {
  let start = 0;
  for (const match of text.slice(0, at).matchAll(SENTENCE_END)) start = match.index + 1;
  return PURPOSE_BEFORE.test(text.slice(start, at));
}

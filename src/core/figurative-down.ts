/**
 * "Our whole team is down… with the flu": the idiom for being ill, not a service that is down. Only
 * the illness words right after "down" count, so "down with a 503" stays an outage.
 */
const WITH_ILLNESS =
  /^\s*(?:\.{2,3}|…)?\s*with (?:the |a |an )?(?:flu|cold|covid|covid-19|fever|virus|stomach bug|tummy bug|migraine|sickness|illness|norovirus|chickenpox)(?![\p{L}])/iu;

export function isDownWithIllness(text: string, end: number): boolean {
  return WITH_ILLNESS.test(text.slice(end, end + 40));
}

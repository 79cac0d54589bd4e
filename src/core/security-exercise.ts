import { sentenceAround } from './sentence-around.ts';

/**
 * A security word inside a planned exercise is no incident: "our IT is running a phishing
 * simulation this week", "a tabletop exercise", "tietoturvaharjoitus". The customer announces
 * it so nobody reacts; paging for it would be the false alarm it warns about. A penetration test
 * is not on the list: what it finds is real.
 */
export const SECURITY_EXERCISE =
  '(?<![\\p{L}])(?:penetration tests?|pen ?tests?|pentests?|tunkeutumistest\\p{L}*|(?:breach|security|virus|phishing|malware) scares?|simulat\\p{L}*|simuloi\\p{L}*|valmiusharjoitu\\p{L}*|only an? (?:exercise|drill)|vain harjoitus|simulations?|drills?|exercises?|awareness (?:training|campaign|test)s?|phishing ?tests?|tabletop|simulaatio\\p{L}*|harjoitu\\p{L}*|tietoturvaharjoitu\\p{L}*|\\p{L}*harjoitu\\p{L}*|skenaario\\p{L}*|scenarios?|table-?top|phishing-?testi\\p{L}*|kalastelutesti\\p{L}*)(?![\\p{L}])';

const EXERCISE = new RegExp(SECURITY_EXERCISE, 'iu');

/** Whether the sentence around the security words at `start` speaks of an exercise. */
export function isSecurityExercise(text: string, start: number): boolean {
  return EXERCISE.test(sentenceAround(text, start).text);
}

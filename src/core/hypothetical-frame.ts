import { sentenceAround } from './sentence-around.ts';

/**
 * "Hypothetically - if your service went down during our payroll cut-off …", "Quick hypothetical
 * from our business continuity lead": a plan or a policy asked about, not something happening.
 */
export const HYPOTHETICAL =
  /(?<![\p{L}])(?:hypothetical(?:ly)?|what (?:would|will) happen|what happens (?:to|if|when)|in theory|business continuity|continuity plan|(?:our|an) internal (?:security )?policy|mitä tapahtuu(?:isi)?|entä jos|teoriassa|jatkuvuussuunnitelm\p{L}*)(?![\p{L}])/iu;

/** Whether the message opens with such a frame, which then covers all of it. */
export function isFramedAsHypothetical(text: string): boolean {
  return HYPOTHETICAL.test(sentenceAround(text, 0).text);
}

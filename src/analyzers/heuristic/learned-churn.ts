import type { ChurnDriver } from '../../core/churn-driver.ts';
import { scoreFeatures } from '../learned/logistic-model.ts';
import { textFeatures } from '../learned/text-features.ts';
import type { TriageModels } from '../learned/triage-models.ts';
import type { DetectedChurnSignal } from './churn-cues.ts';
import { weightiestSentence } from './weightiest-sentence.ts';

/**
 * The learned churn signal as a second opinion on the churn cues: when they found nothing but the
 * text reads like the churn messages the models were trained on, one signal is added — its driver
 * the driver model that scores highest, its phrase the customer's sentence that weighs most for
 * churn (verbatim, so the health page and the post can quote it). It is reported as a hint, not an
 * explicit statement: it shows on the post and feeds account health, but on its own it does not
 * raise the priority.
 */
export function learnedChurnSignal(
  text: string,
  found: readonly DetectedChurnSignal[],
  models: Pick<TriageModels, 'churn' | 'drivers'> | null,
): DetectedChurnSignal | null {
  if (models === null || found.length > 0) return null;
  const features = textFeatures(text);
  const churn = scoreFeatures(models.churn, features);
  if (churn.probability < models.churn.threshold) return null;
  const phrase = weightiestSentence(text, churn.wordWeights);
  if (phrase === null) return null;
  let best: { driver: ChurnDriver; probability: number } | null = null;
  for (const [driver, model] of Object.entries(models.drivers) as Array<[ChurnDriver, typeof models.churn]>) {
    const { probability } = scoreFeatures(model, features);
    if (best === null || probability > best.probability) best = { driver, probability };
  }
  return best === null ? null : { signal: { driver: best.driver, phrase }, explicit: false };
}

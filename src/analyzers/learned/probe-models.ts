import { ChurnDriverSchema } from '../../core/churn-driver.ts';
import type { LogisticModel } from './logistic-model.ts';
import { textFeatures } from './text-features.ts';
import type { TriageModels } from './triage-models.ts';

/**
 * Models that say yes to every text, with a weight on every word of the given texts so a learned
 * churn signal can always quote a sentence. Run through the analyzer, they show where a learned
 * signal is allowed to act at all — the rules are silent and no gate (a test environment, trouble
 * taken back, good news…) holds it back — so training chooses thresholds on exactly those texts.
 */
export function alwaysYesModels(texts: readonly string[]): TriageModels {
  const weights: Record<string, number> = {};
  for (const text of texts)
    for (const feature of textFeatures(text)) if (feature.startsWith('w:')) weights[feature] = 1;
  const yes: LogisticModel = {
    threshold: 0,
    bias: 1e6,
    weights,
    crossValidation: { folds: 0, recall: 1, precision: 0 },
  };
  return {
    kind: 'verbatim-triage-models',
    version: 1,
    trainedOn: [],
    urgency: yes,
    churn: yes,
    drivers: Object.fromEntries(
      ChurnDriverSchema.options.map((driver) => [driver, yes]),
    ) as TriageModels['drivers'],
  };
}

import { z } from 'zod';
import { textFeatures } from './text-features.ts';

/**
 * One logistic-regression model over a text's presence features (text-features.ts), trained
 * offline by `verbatim train-triage` (train-logistic-model.ts). Only the scoring lives here: a
 * weighted sum of the features present, scaled by the text's size and squashed to 0…1.
 */
export const LogisticModelSchema = z.object({
  /** Score at or above which the model says yes. */
  threshold: z.number().min(0).max(1),
  bias: z.number(),
  weights: z.record(z.string(), z.number()),
  /** Out-of-fold figures of the model alone at `threshold`, from the training run. */
  crossValidation: z.object({
    folds: z.number().int(),
    recall: z.number(),
    precision: z.number(),
  }),
});
export type LogisticModel = z.infer<typeof LogisticModelSchema>;

export interface TextScore {
  /** 0…1. */
  probability: number;
  /** Weight of each word present, for quoting the sentence that weighs most. */
  wordWeights: Map<string, number>;
}

export function scoreText(model: LogisticModel, text: string): TextScore {
  return scoreFeatures(model, textFeatures(text));
}

/** The score of features already extracted, so several models can read one text's features. */
export function scoreFeatures(model: LogisticModel, features: readonly string[]): TextScore {
  let sum = model.bias;
  const wordWeights = new Map<string, number>();
  for (const feature of features) {
    const weight = model.weights[feature];
    if (weight === undefined) continue;
    sum += weight;
    if (feature.startsWith('w:')) wordWeights.set(feature.slice(2), weight);
  }
  return { probability: squash(sum, features.length), wordWeights };
}

/** The logistic function over a sum scaled by the text's size, as in training. */
export function squash(sum: number, featureCount: number): number {
  return 1 / (1 + Math.exp(-sum / Math.sqrt(Math.max(1, featureCount))));
}

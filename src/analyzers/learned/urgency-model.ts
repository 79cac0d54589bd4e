import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { textFeatures } from './text-features.ts';

/**
 * A logistic-regression model of "a human triager would call this P1 or P2", trained offline by
 * `verbatim train-triage` on the labelled sets in test/fixtures and committed as JSON. Only the
 * scoring lives here: a weighted sum of the text's features, squashed to 0…1.
 */
export const UrgencyModelSchema = z.object({
  kind: z.literal('verbatim-urgency-logistic'),
  version: z.number().int().positive(),
  /** Score at or above which the heuristic raises a P3/P4 request to P2. */
  threshold: z.number().min(0).max(1),
  bias: z.number(),
  weights: z.record(z.string(), z.number()),
  trainedOn: z.array(z.object({ file: z.string(), sha256: z.string(), examples: z.number().int() })),
  /** Out-of-fold figures of the model alone at `threshold`, from the training run. */
  crossValidation: z.object({
    folds: z.number().int(),
    urgentRecall: z.number(),
    urgentPrecision: z.number(),
  }),
});
export type UrgencyModel = z.infer<typeof UrgencyModelSchema>;

export interface UrgencyScore {
  /** 0…1. */
  probability: number;
  /** Weight of each word-level feature present, for explaining the score. */
  wordWeights: Map<string, number>;
}

export function scoreUrgency(model: UrgencyModel, text: string): UrgencyScore {
  const features = textFeatures(text);
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

const MODEL_FILE = new URL('../../../assets/models/urgency-model.json', import.meta.url);

let bundled: UrgencyModel | null | undefined;

/**
 * The model shipped in assets/models, read and validated once. A missing or invalid file gives
 * null: the rules then triage alone, as they did before the model existed, rather than failing.
 */
export function bundledUrgencyModel(): UrgencyModel | null {
  bundled ??= loadUrgencyModel(MODEL_FILE);
  return bundled;
}

export function loadUrgencyModel(file: URL | string): UrgencyModel | null {
  try {
    return UrgencyModelSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
}

import { type LogisticModel, squash } from './logistic-model.ts';
import { textFeatures } from './text-features.ts';

/**
 * Trains one yes/no model of the offline triage (urgent? churn? this driver?): logistic regression by stochastic gradient descent with L2
 * regularisation over presence features, in a seeded order so the same examples always give the
 * same model. A feature must occur in at least `minSupport` training texts to get a weight, which
 * keeps one-off words (names, ticket numbers) from deciding anything and keeps the file small.
 *
 * No JavaScript library we could find trains a sparse logistic regression over text features; a
 * multinomial naive Bayes (wink-naive-bayes-text-classifier) was compared on the same blind
 * batches and was markedly less precise (docs/evaluation.md, "Learned urgency signal").
 */
export interface TrainingExample {
  text: string;
  /** The answer the model learns to give: urgent, carries churn, is this driver. */
  positive: boolean;
  /**
   * Whether the model's answer is used for this text (default yes). The learned signals only act
   * where the rules are silent, so their threshold is chosen on those texts alone: precision among
   * the ones the rules already caught says nothing about the raises the model will make.
   */
  decides?: boolean;
}

export interface TrainingOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  minSupport: number;
  seed: number;
  folds: number;
  /** Precision the model must reach out of fold, over the texts it decides, at the chosen threshold. */
  targetPrecision: number;
}

export const DEFAULT_TRAINING: TrainingOptions = {
  epochs: 40,
  learningRate: 0.1,
  l2: 1e-3,
  minSupport: 2,
  seed: 20261206,
  folds: 5,
  targetPrecision: 0.85,
};

export type TrainedModel = LogisticModel & {
  /** Out-of-fold recall and precision over the texts the model decides, at each candidate threshold. */
  thresholds: Array<{ threshold: number; recall: number; precision: number }>;
};

interface Encoded {
  indices: number[];
  featureCount: number;
  positive: boolean;
}

export function trainLogisticModel(
  examples: readonly TrainingExample[],
  options: TrainingOptions = DEFAULT_TRAINING,
): TrainedModel {
  const outOfFold = crossValidate(examples, options).filter((item) => item.decides);
  const threshold = chooseThreshold(outOfFold, options.targetPrecision);
  const fitted = fitLogistic(examples, options);
  const atThreshold = figuresAt(outOfFold, threshold);
  const thresholds = [];
  for (let step = 10; step <= 19; step++)
    thresholds.push({ threshold: step / 20, ...figuresAt(outOfFold, step / 20) });
  return {
    thresholds,
    threshold,
    bias: round(fitted.bias),
    weights: fitted.weights,
    crossValidation: { folds: options.folds, ...atThreshold },
  };
}

function fitLogistic(examples: readonly TrainingExample[], options: TrainingOptions) {
  const support = new Map<string, number>();
  const featureLists = examples.map((example) => textFeatures(example.text));
  for (const features of featureLists) {
    for (const feature of features) support.set(feature, (support.get(feature) ?? 0) + 1);
  }
  const vocabulary = [...support.entries()]
    .filter(([, count]) => count >= options.minSupport)
    .map(([feature]) => feature)
    .sort();
  const index = new Map(vocabulary.map((feature, at) => [feature, at]));
  const encoded: Encoded[] = examples.map((example, at) => ({
    indices: featureLists[at]!.flatMap((feature) => (index.has(feature) ? [index.get(feature)!] : [])),
    featureCount: featureLists[at]!.length,
    positive: example.positive,
  }));
  const weights = new Float64Array(vocabulary.length);
  let bias = 0;
  const random = seeded(options.seed);
  const order = encoded.map((_, at) => at);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random);
    for (const at of order) {
      const example = encoded[at]!;
      const scale = 1 / Math.sqrt(Math.max(1, example.featureCount));
      let sum = bias;
      for (const feature of example.indices) sum += weights[feature]!;
      const error = squash(sum, example.featureCount) - (example.positive ? 1 : 0);
      for (const feature of example.indices) {
        weights[feature] =
          weights[feature]! - options.learningRate * (error * scale + options.l2 * weights[feature]!);
      }
      bias -= options.learningRate * error;
    }
  }
  const kept: Record<string, number> = {};
  vocabulary.forEach((feature, at) => {
    const weight = round(weights[at]!);
    if (weight !== 0) kept[feature] = weight;
  });
  return { weights: kept, bias };
}

interface Scored {
  probability: number;
  positive: boolean;
  decides: boolean;
}

function crossValidate(examples: readonly TrainingExample[], options: TrainingOptions): Scored[] {
  const scored: Scored[] = [];
  for (let fold = 0; fold < options.folds; fold++) {
    const train = examples.filter((_, at) => at % options.folds !== fold);
    const held = examples.filter((_, at) => at % options.folds === fold);
    const model = fitLogistic(train, options);
    for (const example of held) {
      const features = textFeatures(example.text);
      let sum = model.bias;
      for (const feature of features) sum += model.weights[feature] ?? 0;
      scored.push({
        probability: squash(sum, features.length),
        positive: example.positive,
        decides: example.decides ?? true,
      });
    }
  }
  return scored;
}

/** The lowest threshold (in steps of 0.05) at which the model is precise enough out of fold. */
function chooseThreshold(scored: readonly Scored[], targetPrecision: number): number {
  for (let step = 10; step <= 19; step++) {
    const threshold = step / 20;
    if (figuresAt(scored, threshold).precision >= targetPrecision) return threshold;
  }
  return 0.95;
}

function figuresAt(scored: readonly Scored[], threshold: number) {
  const predicted = scored.filter((item) => item.probability >= threshold);
  const hits = predicted.filter((item) => item.positive).length;
  const positives = scored.filter((item) => item.positive).length;
  return {
    recall: round(positives === 0 ? 1 : hits / positives),
    precision: round(predicted.length === 0 ? 1 : hits / predicted.length),
  };
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}

/** mulberry32: a tiny seeded generator, so training is reproducible without a dependency. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(items: number[], random: () => number): void {
  for (let at = items.length - 1; at > 0; at--) {
    const other = Math.floor(random() * (at + 1));
    [items[at], items[other]] = [items[other]!, items[at]!];
  }
}

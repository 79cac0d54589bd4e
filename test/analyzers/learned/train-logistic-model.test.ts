import { describe, expect, it } from 'vitest';
import { LogisticModelSchema, scoreText } from '../../../src/analyzers/learned/logistic-model.ts';
import {
  DEFAULT_TRAINING,
  type TrainingExample,
  trainLogisticModel,
} from '../../../src/analyzers/learned/train-logistic-model.ts';

/** A toy set where the urgent texts share words the calm ones never use. */
function toySet(): TrainingExample[] {
  const urgent = [
    'everything is broken for all users',
    'all users locked out, broken since 9',
    'broken for everyone, all users stuck',
  ];
  const calm = ['how do I change my avatar', 'where do I change the logo colour', 'how do I export a report'];
  const examples: TrainingExample[] = [];
  for (let round = 0; round < 6; round++) {
    for (const text of urgent) examples.push({ text: `${text} ${round}`, positive: true });
    for (const text of calm) examples.push({ text: `${text} ${round}`, positive: false });
  }
  return examples;
}

const model = (examples: TrainingExample[]) => LogisticModelSchema.parse(trainLogisticModel(examples));

describe('trainLogisticModel', () => {
  it('separates the urgent texts from the calm ones it learned from', () => {
    const trained = model(toySet());
    expect(scoreText(trained, 'broken for all users').probability).toBeGreaterThan(trained.threshold);
    expect(scoreText(trained, 'how do I change the logo').probability).toBeLessThan(trained.threshold);
  });

  it('gives the same model for the same examples (seeded order)', () => {
    expect(trainLogisticModel(toySet())).toEqual(trainLogisticModel(toySet()));
  });

  it('reports out-of-fold figures for every candidate threshold and picks one that is precise enough', () => {
    const trained = trainLogisticModel(toySet());
    expect(trained.thresholds.map((row) => row.threshold)).toEqual([
      0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95,
    ]);
    const chosen = trained.thresholds.find((row) => row.threshold === trained.threshold)!;
    expect(chosen.precision).toBeGreaterThanOrEqual(DEFAULT_TRAINING.targetPrecision);
    expect(trained.crossValidation).toMatchObject({
      folds: 5,
      recall: chosen.recall,
      precision: chosen.precision,
    });
  });

  it('judges its threshold only on the texts it decides (where the rules are silent)', () => {
    // Only the urgent texts are left to the model: no calm text can be raised by mistake there, so
    // every threshold is precise and the lowest is chosen.
    const trained = trainLogisticModel(
      toySet().map((example) => ({ ...example, decides: example.positive })),
    );
    expect(trained.thresholds.every((row) => row.precision === 1)).toBe(true);
    expect(trained.threshold).toBe(0.5);
    // The weights still learn from every text.
    expect(trained.weights).toEqual(trainLogisticModel(toySet()).weights);
  });

  it('gives no weight to a word seen in only one text', () => {
    const examples = [...toySet(), { text: 'zyxwvut', positive: true }];
    expect(trainLogisticModel(examples).weights['w:zyxwvut']).toBeUndefined();
  });
});

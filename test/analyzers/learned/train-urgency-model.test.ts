import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TRAINING,
  type TrainingExample,
  trainUrgencyModel,
} from '../../../src/analyzers/learned/train-urgency-model.ts';
import { scoreUrgency, UrgencyModelSchema } from '../../../src/analyzers/learned/urgency-model.ts';

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
    for (const text of urgent) examples.push({ text: `${text} ${round}`, urgent: true });
    for (const text of calm) examples.push({ text: `${text} ${round}`, urgent: false });
  }
  return examples;
}

const model = (examples: TrainingExample[]) =>
  UrgencyModelSchema.parse({
    kind: 'verbatim-urgency-logistic',
    version: 1,
    trainedOn: [],
    ...(({ thresholds: _thresholds, ...rest }) => rest)(trainUrgencyModel(examples)),
  });

describe('trainUrgencyModel', () => {
  it('separates the urgent texts from the calm ones it learned from', () => {
    const trained = model(toySet());
    expect(scoreUrgency(trained, 'broken for all users').probability).toBeGreaterThan(trained.threshold);
    expect(scoreUrgency(trained, 'how do I change the logo').probability).toBeLessThan(trained.threshold);
  });

  it('gives the same model for the same examples (seeded order)', () => {
    expect(trainUrgencyModel(toySet())).toEqual(trainUrgencyModel(toySet()));
  });

  it('reports out-of-fold figures for every candidate threshold and picks one that is precise enough', () => {
    const trained = trainUrgencyModel(toySet());
    expect(trained.thresholds.map((row) => row.threshold)).toEqual([
      0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95,
    ]);
    const chosen = trained.thresholds.find((row) => row.threshold === trained.threshold)!;
    expect(chosen.urgentPrecision).toBeGreaterThanOrEqual(DEFAULT_TRAINING.targetPrecision);
    expect(trained.crossValidation).toMatchObject({
      folds: 5,
      urgentRecall: chosen.urgentRecall,
      urgentPrecision: chosen.urgentPrecision,
    });
  });

  it('gives no weight to a word seen in only one text', () => {
    const examples = [...toySet(), { text: 'zyxwvut', urgent: true }];
    expect(trainUrgencyModel(examples).weights['w:zyxwvut']).toBeUndefined();
  });
});

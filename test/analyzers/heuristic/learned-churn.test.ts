import { describe, expect, it } from 'vitest';
import type { DetectedChurnSignal } from '../../../src/analyzers/heuristic/churn-cues.ts';
import { learnedChurnSignal } from '../../../src/analyzers/heuristic/learned-churn.ts';
import type { LogisticModel } from '../../../src/analyzers/learned/logistic-model.ts';
import type { TriageModels } from '../../../src/analyzers/learned/triage-models.ts';
import { ChurnDriverSchema } from '../../../src/core/churn-driver.ts';

const model = (weights: Record<string, number>): LogisticModel => ({
  threshold: 0.5,
  bias: -1,
  weights,
  crossValidation: { folds: 5, recall: 1, precision: 1 },
});

/** Hand-made models: "budget" means churn, and it means the involuntary driver most. */
const MODELS: Pick<TriageModels, 'churn' | 'drivers'> = {
  churn: model({ 'w:budget': 20 }),
  drivers: Object.fromEntries(
    ChurnDriverSchema.options.map((driver) => [
      driver,
      model(driver === 'involuntary' ? { 'w:budget': 20 } : {}),
    ]),
  ) as TriageModels['drivers'],
};

const text = 'Hi Tommi! Our budget for next year is much tighter. Can you send the usage figures?';

describe('learnedChurnSignal', () => {
  it('adds one hint with the highest-scoring driver and the customer’s sentence, verbatim', () => {
    expect(learnedChurnSignal(text, [], MODELS)).toEqual({
      signal: { driver: 'involuntary', phrase: 'Our budget for next year is much tighter.' },
      explicit: false,
    });
  });

  it('stays out when the churn cues already found a signal, when it scores low, or without models', () => {
    const found: DetectedChurnSignal[] = [
      { signal: { driver: 'competitor', phrase: 'switching to Zendesk' }, explicit: true },
    ];
    expect(learnedChurnSignal(text, found, MODELS)).toBeNull();
    expect(learnedChurnSignal('Where do I change the logo?', [], MODELS)).toBeNull();
    expect(learnedChurnSignal(text, [], null)).toBeNull();
  });
});

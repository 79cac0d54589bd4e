import { describe, expect, it } from 'vitest';
import type { PriorityDecision } from '../../../src/analyzers/heuristic/decide-priority.ts';
import { raiseByLearnedSignal } from '../../../src/analyzers/heuristic/learned-raise.ts';
import type { LogisticModel } from '../../../src/analyzers/learned/logistic-model.ts';

/** A hand-made model: "payroll" weighs a lot, everything else nothing. */
const MODEL: LogisticModel = {
  threshold: 0.65,
  bias: 0,
  weights: { 'w:payroll': 40, 'w:stuck': 10 },
  crossValidation: { folds: 5, recall: 1, precision: 1 },
};

const p3: PriorityDecision = { priority: 'P3', basis: { rule: 'default', phrase: null } };
const text = 'Hi! Hope you had a nice weekend. Payroll exports are stuck and we pay people on Friday.';

describe('raiseByLearnedSignal', () => {
  it('raises a P3 that reads like the urgent examples to P2 and quotes the weightiest sentence', () => {
    expect(
      raiseByLearnedSignal(p3, text, { model: MODEL, aboutNonProduction: false, narrowScope: false }),
    ).toEqual({
      priority: 'P2',
      basis: { rule: 'learned', phrase: 'Payroll exports are stuck and we pay people on Friday.' },
    });
  });

  it('leaves a text below the threshold alone', () => {
    const calm = 'Where do I change the logo?';
    expect(
      raiseByLearnedSignal(p3, calm, { model: MODEL, aboutNonProduction: false, narrowScope: false }),
    ).toBe(p3);
  });

  it.each<PriorityDecision>([
    { priority: 'P1', basis: { rule: 'outage', phrase: 'down' } },
    { priority: 'P2', basis: { rule: 'blocker', phrase: 'blocked' } },
    { priority: 'P4', basis: { rule: 'patience', phrase: 'no rush' } },
  ])('never changes %j', (decision) => {
    expect(
      raiseByLearnedSignal(decision, text, { model: MODEL, aboutNonProduction: false, narrowScope: false }),
    ).toBe(decision);
  });

  it('leaves a message about a test environment and a missing model alone', () => {
    expect(
      raiseByLearnedSignal(p3, text, { model: MODEL, aboutNonProduction: true, narrowScope: false }),
    ).toBe(p3);
    expect(
      raiseByLearnedSignal(p3, text, { model: null, aboutNonProduction: false, narrowScope: false }),
    ).toBe(p3);
  });

  it('leaves trouble the customer says is theirs alone at the rules’ priority', () => {
    expect(
      raiseByLearnedSignal(p3, text, { model: MODEL, aboutNonProduction: false, narrowScope: true }),
    ).toBe(p3);
  });
});

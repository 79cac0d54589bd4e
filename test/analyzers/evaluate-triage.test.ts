import { describe, expect, it } from 'vitest';
import {
  evaluateTriage,
  isHeldOut,
  type LabelledExample,
  parseLabelledExamples,
  scoreField,
} from '../../src/analyzers/evaluate-triage.ts';

const example = (id: string, overrides: Partial<LabelledExample> = {}): LabelledExample => ({
  id,
  text: id,
  language: 'en',
  noise: false,
  priority: 'P3',
  topic: 'bug',
  churn: null,
  ...overrides,
});

describe('scoreField', () => {
  it('computes accuracy, per-class scores, macro-F1 and the confusion matrix', () => {
    const score = scoreField([
      ['P1', 'P1'],
      ['P1', 'P2'],
      ['P2', 'P2'],
      ['P3', 'P3'],
    ]);
    expect(score.accuracy).toBe(0.75);
    expect(score.classes).toEqual(['P1', 'P2', 'P3']);
    expect(score.perClass['P1']).toEqual({ precision: 1, recall: 0.5, f1: 2 / 3, support: 2 });
    expect(score.perClass['P2']).toEqual({ precision: 0.5, recall: 1, f1: 2 / 3, support: 1 });
    expect(score.macroF1).toBeCloseTo((2 / 3 + 2 / 3 + 1) / 3);
    expect(score.confusion['P1']).toEqual({ P1: 1, P2: 1, P3: 0 });
  });

  it('counts a class that was only predicted, with F1 zero', () => {
    const score = scoreField([
      ['none', 'none'],
      ['none', 'competitor'],
    ]);
    expect(score.classes).toEqual(['competitor', 'none']);
    expect(score.perClass['competitor']?.f1).toBe(0);
  });

  it('scores nothing as zero rather than NaN', () => {
    expect(scoreField([])).toMatchObject({ accuracy: 0, macroF1: 0, classes: [] });
  });
});

describe('evaluateTriage', () => {
  it('counts null labels as the class none in every field', async () => {
    const examples = [
      example('a', { noise: true, priority: null, topic: null }),
      example('b', { churn: 'competitor' }),
    ];
    const evaluation = await evaluateTriage(examples, async (text) =>
      text === 'a'
        ? { noise: false, priority: 'P4', topic: 'praise', churn: null }
        : { noise: false, priority: 'P3', topic: 'bug', churn: null },
    );
    expect(evaluation.n).toBe(2);
    expect(evaluation.noise.accuracy).toBe(0.5);
    expect(evaluation.priority.confusion['none']).toMatchObject({ P4: 1 });
    expect(evaluation.churn.confusion['competitor']).toMatchObject({ none: 1 });
    expect(evaluation.results.map((result) => result.id)).toEqual(['a', 'b']);
  });
});

describe('parseLabelledExamples', () => {
  it('parses JSON lines and skips blank lines', () => {
    const jsonl = `${JSON.stringify(example('t001'))}\n\n${JSON.stringify(example('t002', { language: 'fi' }))}\n`;
    expect(parseLabelledExamples(jsonl).map((parsed) => parsed.id)).toEqual(['t001', 't002']);
  });

  it('names the line of an invalid example', () => {
    expect(() => parseLabelledExamples(`${JSON.stringify(example('t001'))}\n{"id": 1}`)).toThrow(/^line 2: /);
    expect(() => parseLabelledExamples('not json')).toThrow(/^line 1: not JSON/);
    expect(() => parseLabelledExamples(JSON.stringify(example('t1', { noise: true })))).toThrow(
      /exactly when noise/,
    );
  });
});

describe('isHeldOut', () => {
  it.each([
    ['t005', true],
    ['t010', true],
    ['t011', false],
    ['t160', true],
    ['t161', true],
    ['t184', true],
    ['t159', false],
  ])('%s held out: %s', (id, expected) => {
    expect(isHeldOut({ id })).toBe(expected);
  });
});

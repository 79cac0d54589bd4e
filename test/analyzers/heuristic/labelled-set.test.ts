import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  evaluateTriage,
  isHeldOut,
  type LabelledExample,
  parseLabelledExamples,
  scoreResults,
  type TriageEvaluation,
} from '../../../src/analyzers/evaluate-triage.ts';
import { createHeuristicAnalyzer } from '../../../src/analyzers/heuristic/heuristic-analyzer.ts';
import { createEvaluationTriage, readTaxonomy } from '../../../src/cli/commands/evaluate.ts';

/**
 * Regression floors for the offline triage on the labelled set, measured 2026-11-23 (see
 * docs/evaluation.md) minus a margin. Raise them when the rules genuinely improve; a drop below
 * them means a change made triage worse.
 */
const FLOORS = {
  noiseAccuracy: 0.95,
  priorityAccuracy: 0.9,
  priorityMacroF1: 0.9,
  topicAccuracy: 0.75,
  churnMacroF1: 0.92,
  heldOutPriorityAccuracy: 0.9,
  heldOutTopicAccuracy: 0.65,
  englishPriorityMacroF1: 0.88,
  finnishPriorityMacroF1: 0.9,
};

let examples: LabelledExample[];
let evaluation: TriageEvaluation;

beforeAll(async () => {
  const root = new URL('../../fixtures/', import.meta.url);
  examples = parseLabelledExamples(await readFile(new URL('triage-labelled.jsonl', root), 'utf8'));
  const taxonomy = await readTaxonomy(new URL('triage-taxonomy.yaml', root).pathname);
  evaluation = await evaluateTriage(
    examples,
    createEvaluationTriage({ analyzer: createHeuristicAnalyzer(), taxonomy }),
  );
});

describe('the labelled set', () => {
  it('has at least 120 examples, 40 of them Finnish, and some noise', () => {
    expect(examples.length).toBeGreaterThanOrEqual(120);
    expect(examples.filter((example) => example.language === 'fi').length).toBeGreaterThanOrEqual(40);
    expect(examples.filter((example) => example.noise).length).toBeGreaterThanOrEqual(10);
  });

  it('uses unique ids and only topics of the demo taxonomy', async () => {
    const taxonomy = await readTaxonomy(
      new URL('../../fixtures/triage-taxonomy.yaml', import.meta.url).pathname,
    );
    const ids = new Set(taxonomy.map((topic) => topic.id));
    expect(new Set(examples.map((example) => example.id)).size).toBe(examples.length);
    for (const example of examples) if (example.topic !== null) expect(ids).toContain(example.topic);
  });

  it('holds out both languages', () => {
    const heldOut = examples.filter(isHeldOut);
    expect(new Set(heldOut.map((example) => example.language))).toEqual(new Set(['en', 'fi']));
  });
});

describe('heuristic triage on the labelled set', () => {
  it('stays above the measured floors overall', () => {
    expect(evaluation.noise.accuracy).toBeGreaterThanOrEqual(FLOORS.noiseAccuracy);
    expect(evaluation.priority.accuracy).toBeGreaterThanOrEqual(FLOORS.priorityAccuracy);
    expect(evaluation.priority.macroF1).toBeGreaterThanOrEqual(FLOORS.priorityMacroF1);
    expect(evaluation.topic.accuracy).toBeGreaterThanOrEqual(FLOORS.topicAccuracy);
    expect(evaluation.churn.macroF1).toBeGreaterThanOrEqual(FLOORS.churnMacroF1);
  });

  it('stays above the floors on the held-out slice', () => {
    const heldOut = scoreResults(evaluation.results.filter(isHeldOut));
    expect(heldOut.priority.accuracy).toBeGreaterThanOrEqual(FLOORS.heldOutPriorityAccuracy);
    expect(heldOut.topic.accuracy).toBeGreaterThanOrEqual(FLOORS.heldOutTopicAccuracy);
  });

  it('triages English and Finnish comparably', () => {
    const english = scoreResults(evaluation.results.filter((result) => result.language === 'en'));
    const finnish = scoreResults(evaluation.results.filter((result) => result.language === 'fi'));
    expect(english.priority.macroF1).toBeGreaterThanOrEqual(FLOORS.englishPriorityMacroF1);
    expect(finnish.priority.macroF1).toBeGreaterThanOrEqual(FLOORS.finnishPriorityMacroF1);
  });

  it('never calls a P1 incident P4', () => {
    const buried = evaluation.results.filter(
      (result) => result.expected.priority === 'P1' && result.actual.priority === 'P4',
    );
    expect(buried).toEqual([]);
  });
});

import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateTriage, parseLabelledExamples } from '../../../src/analyzers/evaluate-triage.ts';
import { type HeadlineFigures, headlineFigures } from '../../../src/analyzers/headline-figures.ts';
import { createHeuristicAnalyzer } from '../../../src/analyzers/heuristic/heuristic-analyzer.ts';
import { createEvaluationTriage, readTaxonomy } from '../../../src/cli/commands/evaluate.ts';

/**
 * Issue 11's targets for the offline triage (docs/evaluation.md), on the batches written apart
 * from the labelled set. Every batch here has been measured blind once and then tuned on (and, up
 * to batch 50, trained on), so they are regression sets: each floor sits a little below what the
 * batch measured after the round that was tuned on it (51–53: round 22, 54–56: round 23, 57–59: round 24, 60–62: round 25, 63–68: round 26, 2026-12-07), below the
 * targets where a batch misses them, so that a regression shows without pretending it meets them.
 * Blind figures live in docs/evaluation.md; new blind batches are written outside the repository.
 */
const TARGETS: Record<string, Record<keyof HeadlineFigures, number>> = {
  'triage-heldout.jsonl': {
    urgentRecall: 0.95,
    urgentPrecision: 0.85,
    churnRecall: 0.85,
    churnDriverRecall: 0.7,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-2.jsonl': {
    urgentRecall: 0.95,
    urgentPrecision: 0.85,
    churnRecall: 0.85,
    churnDriverRecall: 0.7,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-3.jsonl': {
    urgentRecall: 0.95,
    urgentPrecision: 0.85,
    churnRecall: 0.85,
    churnDriverRecall: 0.8,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-4.jsonl': {
    urgentRecall: 0.95,
    urgentPrecision: 0.85,
    churnRecall: 0.85,
    churnDriverRecall: 0.8,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-5.jsonl': {
    urgentRecall: 0.95,
    urgentPrecision: 0.85,
    churnRecall: 0.85,
    churnDriverRecall: 0.8,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-6.jsonl': {
    urgentRecall: 0.95,
    urgentPrecision: 0.85,
    churnRecall: 0.85,
    churnDriverRecall: 0.8,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-7.jsonl': {
    urgentRecall: 0.9,
    urgentPrecision: 0.85,
    churnRecall: 0.85,
    churnDriverRecall: 0.8,
    noiseAccuracy: 0.95,
  },
  'triage-train-12.jsonl': {
    urgentRecall: 0.93,
    urgentPrecision: 0.85,
    churnRecall: 0.83,
    churnDriverRecall: 0.65,
    noiseAccuracy: 0.95,
  },
  'triage-train-13.jsonl': {
    urgentRecall: 0.95,
    urgentPrecision: 0.85,
    churnRecall: 0.85,
    churnDriverRecall: 0.7,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-10.jsonl': {
    urgentRecall: 0.95,
    urgentPrecision: 0.85,
    churnRecall: 0.85,
    churnDriverRecall: 0.8,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-11.jsonl': {
    urgentRecall: 0.93,
    urgentPrecision: 0.85,
    churnRecall: 0.85,
    churnDriverRecall: 0.8,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-14.jsonl': {
    urgentRecall: 0.93,
    urgentPrecision: 0.85,
    churnRecall: 0.85,
    churnDriverRecall: 0.8,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-15.jsonl': {
    urgentRecall: 0.95,
    urgentPrecision: 0.85,
    churnRecall: 0.85,
    churnDriverRecall: 0.65,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-16.jsonl': {
    urgentRecall: 0.95,
    urgentPrecision: 0.85,
    churnRecall: 0.85,
    churnDriverRecall: 0.8,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-17.jsonl': {
    urgentRecall: 0.95,
    urgentPrecision: 0.85,
    churnRecall: 0.85,
    churnDriverRecall: 0.8,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-18.jsonl': {
    urgentRecall: 0.95,
    urgentPrecision: 0.85,
    churnRecall: 0.85,
    churnDriverRecall: 0.8,
    noiseAccuracy: 0.95,
  },
  'triage-train-22.jsonl': {
    urgentRecall: 0.95,
    urgentPrecision: 0.85,
    churnRecall: 0.85,
    churnDriverRecall: 0.75,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-19.jsonl': {
    urgentRecall: 0.95,
    urgentPrecision: 0.85,
    churnRecall: 0.85,
    churnDriverRecall: 0.8,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-20.jsonl': {
    urgentRecall: 0.95,
    urgentPrecision: 0.85,
    churnRecall: 0.85,
    churnDriverRecall: 0.7,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-21.jsonl': {
    urgentRecall: 0.95,
    urgentPrecision: 0.85,
    churnRecall: 0.85,
    churnDriverRecall: 0.7,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-23.jsonl': {
    urgentRecall: 0.95,
    urgentPrecision: 0.85,
    churnRecall: 0.85,
    churnDriverRecall: 0.8,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-24.jsonl': {
    urgentRecall: 0.95,
    urgentPrecision: 0.85,
    churnRecall: 0.85,
    churnDriverRecall: 0.7,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-25.jsonl': {
    urgentRecall: 0.95,
    urgentPrecision: 0.85,
    churnRecall: 0.85,
    churnDriverRecall: 0.75,
    noiseAccuracy: 0.95,
  },
  'triage-train-29.jsonl': {
    urgentRecall: 0.9,
    urgentPrecision: 0.85,
    churnRecall: 0.9,
    churnDriverRecall: 0.55,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-26.jsonl': {
    urgentRecall: 0.93,
    urgentPrecision: 0.85,
    churnRecall: 0.9,
    churnDriverRecall: 0.75,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-27.jsonl': {
    urgentRecall: 0.95,
    urgentPrecision: 0.85,
    churnRecall: 0.85,
    churnDriverRecall: 0.7,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-28.jsonl': {
    urgentRecall: 0.9,
    urgentPrecision: 0.85,
    churnRecall: 0.9,
    churnDriverRecall: 0.8,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-30.jsonl': {
    urgentRecall: 0.95,
    urgentPrecision: 0.85,
    churnRecall: 0.85,
    churnDriverRecall: 0.7,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-31.jsonl': {
    urgentRecall: 0.95,
    urgentPrecision: 0.85,
    churnRecall: 0.85,
    churnDriverRecall: 0.75,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-32.jsonl': {
    urgentRecall: 0.95,
    urgentPrecision: 0.85,
    churnRecall: 0.85,
    churnDriverRecall: 0.8,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-33.jsonl': {
    urgentRecall: 0.95,
    urgentPrecision: 0.85,
    churnRecall: 0.85,
    churnDriverRecall: 0.6,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-34.jsonl': {
    urgentRecall: 0.95,
    urgentPrecision: 0.85,
    churnRecall: 0.95,
    churnDriverRecall: 0.85,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-35.jsonl': {
    urgentRecall: 0.95,
    urgentPrecision: 0.85,
    churnRecall: 0.9,
    churnDriverRecall: 0.75,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-36.jsonl': {
    urgentRecall: 0.95,
    urgentPrecision: 0.85,
    churnRecall: 0.85,
    churnDriverRecall: 0.75,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-37.jsonl': {
    urgentRecall: 0.95,
    urgentPrecision: 0.85,
    churnRecall: 0.85,
    churnDriverRecall: 0.75,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-38.jsonl': {
    urgentRecall: 0.93,
    urgentPrecision: 0.85,
    churnRecall: 0.85,
    churnDriverRecall: 0.75,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-39.jsonl': {
    urgentRecall: 0.95,
    urgentPrecision: 0.9,
    churnRecall: 0.9,
    churnDriverRecall: 0.85,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-40.jsonl': {
    urgentRecall: 0.93,
    urgentPrecision: 0.85,
    churnRecall: 0.9,
    churnDriverRecall: 0.75,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-41.jsonl': {
    urgentRecall: 0.95,
    urgentPrecision: 0.85,
    churnRecall: 0.9,
    churnDriverRecall: 0.75,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-42.jsonl': {
    urgentRecall: 0.93,
    urgentPrecision: 0.85,
    churnRecall: 0.85,
    churnDriverRecall: 0.6,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-43.jsonl': {
    urgentRecall: 0.93,
    urgentPrecision: 0.85,
    churnRecall: 0.75,
    churnDriverRecall: 0.6,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-44.jsonl': {
    urgentRecall: 0.93,
    urgentPrecision: 0.9,
    churnRecall: 0.9,
    churnDriverRecall: 0.65,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-45.jsonl': {
    urgentRecall: 0.95,
    urgentPrecision: 0.8,
    churnRecall: 0.9,
    churnDriverRecall: 0.75,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-46.jsonl': {
    urgentRecall: 0.95,
    urgentPrecision: 0.9,
    churnRecall: 0.95,
    churnDriverRecall: 0.9,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-47.jsonl': {
    urgentRecall: 0.9,
    urgentPrecision: 0.75,
    churnRecall: 0.9,
    churnDriverRecall: 0.55,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-48.jsonl': {
    urgentRecall: 0.9,
    urgentPrecision: 0.9,
    churnRecall: 0.9,
    churnDriverRecall: 0.7,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-49.jsonl': {
    urgentRecall: 0.88,
    urgentPrecision: 0.85,
    churnRecall: 0.9,
    churnDriverRecall: 0.75,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-50.jsonl': {
    urgentRecall: 0.95,
    urgentPrecision: 0.95,
    churnRecall: 0.95,
    churnDriverRecall: 0.8,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-51.jsonl': {
    urgentRecall: 0.95,
    urgentPrecision: 0.88,
    churnRecall: 0.75,
    churnDriverRecall: 0.6,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-52.jsonl': {
    urgentRecall: 0.95,
    urgentPrecision: 0.85,
    churnRecall: 0.95,
    churnDriverRecall: 0.55,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-53.jsonl': {
    urgentRecall: 0.92,
    urgentPrecision: 0.9,
    churnRecall: 0.85,
    churnDriverRecall: 0.65,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-54.jsonl': {
    urgentRecall: 0.92,
    urgentPrecision: 0.88,
    churnRecall: 0.8,
    churnDriverRecall: 0.5,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-55.jsonl': {
    urgentRecall: 0.9,
    urgentPrecision: 0.9,
    churnRecall: 0.85,
    churnDriverRecall: 0.7,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-56.jsonl': {
    urgentRecall: 0.95,
    urgentPrecision: 0.8,
    churnRecall: 0.9,
    churnDriverRecall: 0.75,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-57.jsonl': {
    urgentRecall: 0.9,
    urgentPrecision: 0.88,
    churnRecall: 0.88,
    churnDriverRecall: 0.65,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-58.jsonl': {
    urgentRecall: 0.92,
    urgentPrecision: 0.88,
    churnRecall: 0.85,
    churnDriverRecall: 0.5,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-59.jsonl': {
    urgentRecall: 0.92,
    urgentPrecision: 0.88,
    churnRecall: 0.9,
    churnDriverRecall: 0.7,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-60.jsonl': {
    urgentRecall: 0.95,
    urgentPrecision: 0.9,
    churnRecall: 0.9,
    churnDriverRecall: 0.6,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-61.jsonl': {
    urgentRecall: 0.92,
    urgentPrecision: 0.85,
    churnRecall: 0.7,
    churnDriverRecall: 0.5,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-62.jsonl': {
    urgentRecall: 0.92,
    urgentPrecision: 0.82,
    churnRecall: 0.9,
    churnDriverRecall: 0.7,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-63.jsonl': {
    urgentRecall: 0.95,
    urgentPrecision: 0.88,
    churnRecall: 0.9,
    churnDriverRecall: 0.6,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-64.jsonl': {
    urgentRecall: 0.92,
    urgentPrecision: 0.88,
    churnRecall: 0.88,
    churnDriverRecall: 0.3,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-65.jsonl': {
    urgentRecall: 0.92,
    urgentPrecision: 0.88,
    churnRecall: 0.95,
    churnDriverRecall: 0.7,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-66.jsonl': {
    urgentRecall: 0.95,
    urgentPrecision: 0.85,
    churnRecall: 0.9,
    churnDriverRecall: 0.55,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-67.jsonl': {
    urgentRecall: 0.88,
    urgentPrecision: 0.88,
    churnRecall: 0.95,
    churnDriverRecall: 0.7,
    noiseAccuracy: 0.95,
  },
  'triage-heldout-68.jsonl': {
    urgentRecall: 0.95,
    urgentPrecision: 0.85,
    churnRecall: 0.9,
    churnDriverRecall: 0.6,
    noiseAccuracy: 0.95,
  },
};

const figures: Record<string, HeadlineFigures> = {};

beforeAll(async () => {
  const root = new URL('../../fixtures/', import.meta.url);
  const taxonomy = await readTaxonomy(new URL('triage-taxonomy.yaml', root).pathname);
  for (const file of Object.keys(TARGETS)) {
    const examples = parseLabelledExamples(await readFile(new URL(file, root), 'utf8'));
    const evaluation = await evaluateTriage(
      examples,
      createEvaluationTriage({ analyzer: createHeuristicAnalyzer(), taxonomy }),
    );
    figures[file] = headlineFigures(evaluation.results);
  }
});

describe.each(Object.keys(TARGETS))('offline triage on %s', (file) => {
  it.each(Object.keys(TARGETS[file]!) as Array<keyof HeadlineFigures>)('%s meets its target', (name) => {
    expect(figures[file]![name].value).toBeGreaterThanOrEqual(TARGETS[file]![name]);
  });
});

import type { ExampleResult } from './evaluate-triage.ts';

/** The figures issue 11 sets targets on, from one evaluation's results. */
export interface HeadlineFigures {
  /** Labelled P1/P2 that were predicted P1/P2. */
  urgentRecall: Ratio;
  /** Predicted P1/P2 that were labelled P1/P2. */
  urgentPrecision: Ratio;
  /** Labelled with a churn driver and given any churn signal. */
  churnRecall: Ratio;
  /** Labelled with a churn driver and given that driver first. */
  churnDriverRecall: Ratio;
  /** Noise called right, both ways. */
  noiseAccuracy: Ratio;
}

export interface Ratio {
  hits: number;
  of: number;
  /** hits / of, or 1 when `of` is 0 (nothing to get wrong). */
  value: number;
}

const isUrgent = (priority: string | null) => priority === 'P1' || priority === 'P2';

export function headlineFigures(results: readonly ExampleResult[]): HeadlineFigures {
  const ratio = (
    keep: (result: ExampleResult) => boolean,
    hit: (result: ExampleResult) => boolean,
  ): Ratio => {
    const kept = results.filter(keep);
    const hits = kept.filter(hit).length;
    return { hits, of: kept.length, value: kept.length === 0 ? 1 : hits / kept.length };
  };
  return {
    urgentRecall: ratio(
      (result) => isUrgent(result.expected.priority),
      (result) => isUrgent(result.actual.priority),
    ),
    urgentPrecision: ratio(
      (result) => isUrgent(result.actual.priority),
      (result) => isUrgent(result.expected.priority),
    ),
    churnRecall: ratio(
      (result) => result.expected.churn !== null,
      (result) => result.actual.churn !== null,
    ),
    churnDriverRecall: ratio(
      (result) => result.expected.churn !== null,
      (result) => result.actual.churn === result.expected.churn,
    ),
    noiseAccuracy: ratio(
      () => true,
      (result) => result.expected.noise === result.actual.noise,
    ),
  };
}

/** One line: "urgent recall 0.97 (31/32), urgent precision …". */
export function formatHeadlineFigures(figures: HeadlineFigures): string {
  const show = (name: string, ratio: Ratio) =>
    `${name} ${ratio.value.toFixed(2)} (${ratio.hits}/${ratio.of})`;
  return [
    show('urgent (P1/P2) recall', figures.urgentRecall),
    show('precision', figures.urgentPrecision),
    show('churn recall', figures.churnRecall),
    show('driver', figures.churnDriverRecall),
    show('noise', figures.noiseAccuracy),
  ].join(', ');
}

import type { Analysis } from '../../src/core/analysis.ts';
import type { Analyzer, AnalyzerInput } from '../../src/core/ports.ts';

/** An Analyzer port fake: answers with `analysis` (or a function of the input), recording every input. */
export function createScriptedAnalyzer(
  analysis: Partial<Analysis> | ((input: AnalyzerInput) => Partial<Analysis>) = {},
  options: { latencyMs?: number } = {},
): Analyzer & { inputs: AnalyzerInput[] } {
  const inputs: AnalyzerInput[] = [];
  return {
    name: 'scripted',
    inputs,
    async analyze(input) {
      inputs.push(input);
      if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
      const partial = typeof analysis === 'function' ? analysis(input) : analysis;
      return {
        summary: input.text.split('\n')[0] ?? '',
        priority: 'P3',
        priorityReason: 'scripted',
        topics: ['bug'],
        sentiment: 0,
        churnSignals: [],
        language: 'en',
        confidence: 0.5,
        engine: 'scripted',
        usage: null,
        ...partial,
      };
    },
  };
}

import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { AnalysisBody } from '../../src/core/analysis.ts';
import type { Topic } from '../../src/core/directory.ts';
import type { Analyzer, AnalyzerInput } from '../../src/core/ports.ts';

/** Shared inputs for the analyzer tests: a small taxonomy, a valid model answer, a stand-in fallback. */

export const taxonomy: Topic[] = [
  {
    id: 'billing',
    label: 'Billing',
    description: 'Invoices, charges and refunds',
    keywords: ['invoice', 'lasku'],
  },
  { id: 'login', label: 'Login and access', keywords: ['login', 'password'] },
  { id: 'reporting', label: 'Reports and exports', keywords: [] },
];

export function analyzerInput(text: string, overrides: Partial<AnalyzerInput> = {}): AnalyzerInput {
  return {
    text,
    account: { id: 'acme', name: 'Acme Oy', tier: 'enterprise', renewalDate: '2027-01-31' },
    taxonomy,
    summaryLanguage: 'en',
    floor: [],
    ...overrides,
  };
}

export const validAnswer: AnalysisBody = {
  summary: 'The customer was charged twice for October and asks for a refund.',
  priority: 'P2',
  priorityReason: 'Duplicate charge with a refund deadline.',
  topics: ['billing'],
  sentiment: -0.4,
  churnSignals: [],
  language: 'en',
  confidence: 0.85,
};

/** A trivial Analyzer implementing the port, standing in for the heuristic engine. */
export function fixedAnalyzer(name = 'heuristic'): Analyzer & { calls: AnalyzerInput[] } {
  const calls: AnalyzerInput[] = [];
  return {
    name,
    calls,
    async analyze(input) {
      calls.push(input);
      return {
        summary: 'Offline summary.',
        priority: 'P3',
        priorityReason: 'Offline rules.',
        topics: [],
        sentiment: 0,
        churnSignals: [],
        language: 'en',
        confidence: 0.5,
        engine: name,
        usage: null,
      };
    },
  };
}

/** Real pino writing JSON lines into memory, so tests can assert on what gets logged. */
export function memoryLogger(level: 'info' | 'debug' = 'info') {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(String(chunk));
      callback();
    },
  });
  const logger = pino({ level }, stream);
  return {
    logger,
    text: () => lines.join(''),
    records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

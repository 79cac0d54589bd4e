import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import {
  type ExampleResult,
  evaluateTriage,
  type FieldScore,
  isHeldOut,
  NONE,
  parseLabelledExamples,
  scoreResults,
  type TriageEvaluation,
  type TriageFunction,
} from '../../analyzers/evaluate-triage.ts';
import { formatHeadlineFigures, headlineFigures } from '../../analyzers/headline-figures.ts';
import { createHeuristicAnalyzer } from '../../analyzers/heuristic/heuristic-analyzer.ts';
import { type Topic, TopicSchema } from '../../core/directory.ts';
import { classifyNoise } from '../../core/noise-filter.ts';
import type { Analyzer } from '../../core/ports.ts';
import { applyFloor, findFloorHits } from '../../core/priority-floor.ts';
import { type CliCommand, type CliIo, UsageError } from '../cli-command.ts';
import { parseCommandArgs } from '../parse-command-args.ts';

const DEFAULT_FILE = 'test/fixtures/triage-labelled.jsonl';
const DEFAULT_TAXONOMY = 'test/fixtures/triage-taxonomy.yaml';

/** The labelled set has no accounts, so the renewal rule of the floor never fires; the date is fixed for reproducibility. */
const EVALUATION_NOW = new Date('2026-11-23T12:00:00Z');
const RENEWAL_WINDOW_DAYS = 90;

export interface EvaluationPipeline {
  analyzer: Analyzer;
  taxonomy: Topic[];
  noisePatterns?: string[];
  now?: Date;
}

/**
 * The triage path of production, minus storage: the noise filter, then the analyzer, then the
 * priority floor. The first topic and the first (strongest) churn signal are compared with the
 * labels.
 */
export function createEvaluationTriage(pipeline: EvaluationPipeline): TriageFunction {
  const now = pipeline.now ?? EVALUATION_NOW;
  return async (text) => {
    if (classifyNoise(text, { patterns: pipeline.noisePatterns ?? [] }).noise) {
      return { noise: true, priority: null, topic: null, churn: null };
    }
    const floor = findFloorHits({
      text,
      account: null,
      sentiment: null,
      now,
      renewalWindowDays: RENEWAL_WINDOW_DAYS,
    });
    const analysis = await pipeline.analyzer.analyze({
      text,
      account: null,
      taxonomy: pipeline.taxonomy,
      summaryLanguage: 'en',
      floor,
    });
    const final = applyFloor(analysis, floor);
    return {
      noise: false,
      priority: final.priority,
      topic: final.topics[0] ?? null,
      churn: final.churnSignals[0]?.driver ?? null,
    };
  };
}

/** Reads a YAML list of topics (the `topics:` shape of the config file); throws on invalid content. */
export async function readTaxonomy(path: string): Promise<Topic[]> {
  const parsed = z.array(TopicSchema).safeParse(parseYaml(await readFile(path, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}

/** Slices reported side by side: everything, each language, and the held-out split. */
function slices(evaluation: TriageEvaluation): Array<[string, TriageEvaluation]> {
  const pick = (keep: (result: ExampleResult) => boolean) => scoreResults(evaluation.results.filter(keep));
  return [
    ['all', evaluation],
    ['en', pick((result) => result.language === 'en')],
    ['fi', pick((result) => result.language === 'fi')],
    ['held-out', pick((result) => isHeldOut(result))],
    ['tuning', pick((result) => !isHeldOut(result))],
  ];
}

function formatTable(evaluation: TriageEvaluation): string {
  const fields = ['noise', 'priority', 'topic', 'churn'] as const;
  const header = `${'slice'.padEnd(9)}${'n'.padStart(5)}${fields.map((field) => `  ${`${field} acc`.padStart(12)} ${'F1'.padStart(5)}`).join('')}`;
  const rows = slices(evaluation).map(
    ([name, slice]) =>
      `${name.padEnd(9)}${String(slice.n).padStart(5)}${fields
        .map(
          (field) =>
            `  ${fixed(slice[field].accuracy).padStart(12)} ${fixed(slice[field].macroF1).padStart(5)}`,
        )
        .join('')}`,
  );
  return [header, ...rows].join('\n');
}

function formatConfusion(score: FieldScore): string {
  const width = Math.max(6, ...score.classes.map((label) => label.length + 1));
  const header = `${'label \\ got'.padEnd(12)}${score.classes.map((label) => label.padStart(width)).join('')}`;
  const rows = score.classes.map(
    (expected) =>
      `${expected.padEnd(12)}${score.classes.map((predicted) => String(score.confusion[expected]![predicted]).padStart(width)).join('')}`,
  );
  return [header, ...rows].join('\n');
}

function formatMistakes(evaluation: TriageEvaluation): string {
  const show = (value: string | boolean | null) => (value === null ? NONE : String(value));
  const lines: string[] = [];
  for (const result of evaluation.results) {
    const wrong = (['priority', 'topic', 'churn'] as const)
      .filter((field) => result.expected[field] !== result.actual[field])
      .map((field) => `${field} ${show(result.expected[field])}→${show(result.actual[field])}`);
    if (result.expected.noise !== result.actual.noise)
      wrong.unshift(`noise ${result.expected.noise}→${result.actual.noise}`);
    if (wrong.length > 0) lines.push(`  ${result.id} (${result.language}) ${wrong.join(', ')}`);
  }
  return lines.join('\n');
}

function fixed(value: number): string {
  return value.toFixed(2);
}

interface EvaluateArgs {
  file: string;
  taxonomy: string;
  json: boolean;
  mistakes: boolean;
}

function parseArgs(args: string[]): EvaluateArgs {
  const { values } = parseCommandArgs(args, {
    file: { type: 'string' },
    taxonomy: { type: 'string' },
    json: { type: 'boolean' },
    mistakes: { type: 'boolean' },
  });
  for (const flag of ['file', 'taxonomy'] as const)
    if (values[flag]?.trim() === '') throw new UsageError(`--${flag} needs a value`);
  return {
    file: values.file ?? DEFAULT_FILE,
    taxonomy: values.taxonomy ?? DEFAULT_TAXONOMY,
    json: values.json === true,
    mistakes: values.mistakes === true,
  };
}

/** `verbatim evaluate`: scores the offline triage against the labelled set. Tests may pass their own analyzer. */
export function createEvaluateCommand(options: { analyzer?: Analyzer } = {}): CliCommand {
  return {
    name: 'evaluate',
    summary: 'score triage (noise, priority, topic, churn) against a labelled set',
    usage: `verbatim evaluate [--file ${DEFAULT_FILE}] [--taxonomy ${DEFAULT_TAXONOMY}] [--json] [--mistakes]`,
    help: [
      `--file FILE      the labelled set, JSON lines (default: ${DEFAULT_FILE})`,
      `--taxonomy FILE  the topics, a YAML list (default: ${DEFAULT_TAXONOMY})`,
      '--json           the scores per slice as JSON',
      '--mistakes       also list every example triaged differently from its label',
    ].join('\n'),
    async run(args: string[], io: CliIo): Promise<number> {
      const parsed = parseArgs(args);
      const file = resolve(io.cwd, parsed.file);
      let examples: ReturnType<typeof parseLabelledExamples>;
      try {
        examples = parseLabelledExamples(await readFile(file, 'utf8'));
      } catch (error) {
        io.stderr.write(
          `verbatim evaluate: ${file}: ${error instanceof Error ? error.message : String(error)}\n`,
        );
        return 1;
      }
      const analyzer = options.analyzer ?? createHeuristicAnalyzer();
      const taxonomyPath = resolve(io.cwd, parsed.taxonomy);
      let taxonomy: Topic[];
      try {
        taxonomy = await readTaxonomy(taxonomyPath);
      } catch (error) {
        io.stderr.write(
          `verbatim evaluate: ${taxonomyPath}: ${error instanceof Error ? error.message : String(error)}\n`,
        );
        return 1;
      }
      const evaluation = await evaluateTriage(examples, createEvaluationTriage({ analyzer, taxonomy }));

      if (parsed.json) {
        const summary = Object.fromEntries(
          slices(evaluation).map(([name, slice]) => [name, { ...slice, results: undefined }]),
        );
        io.stdout.write(
          `${JSON.stringify({ engine: analyzer.name, file: parsed.file, slices: summary }, null, 2)}\n`,
        );
        return 0;
      }
      io.stdout.write(
        [
          `Triage evaluation: engine ${analyzer.name}, ${evaluation.n} examples from ${parsed.file}`,
          'Pipeline: noise filter → analyzer → priority floor. Accuracy and macro-F1 per field;',
          `null labels count as the class "${NONE}"; held-out = ids ending in 0 or 5, and t161 on.`,
          '',
          formatTable(evaluation),
          '',
          `Headline, all examples: ${formatHeadlineFigures(headlineFigures(evaluation.results))}`,
          '',
          'Priority confusion, all examples (rows: label, columns: prediction)',
          formatConfusion(evaluation.priority),
          '',
          ...(parsed.mistakes ? ['Mistakes', formatMistakes(evaluation), ''] : []),
        ].join('\n'),
      );
      return 0;
    },
  };
}

export const evaluateCommand: CliCommand = createEvaluateCommand();

import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type LabelledExample, parseLabelledExamples } from '../../analyzers/evaluate-triage.ts';
import { createHeuristicAnalyzer } from '../../analyzers/heuristic/heuristic-analyzer.ts';
import { alwaysYesModels } from '../../analyzers/learned/probe-models.ts';
import {
  DEFAULT_TRAINING,
  type TrainedModel,
  trainLogisticModel,
} from '../../analyzers/learned/train-logistic-model.ts';
import { type TriageModels, TriageModelsSchema } from '../../analyzers/learned/triage-models.ts';
import { ChurnDriverSchema } from '../../core/churn-driver.ts';
import { type CliCommand, UsageError } from '../cli-command.ts';
import { createEvaluationTriage, readTaxonomy } from './evaluate.ts';

/**
 * The labelled sets the shipped model learns from. The forty-eighth to fiftieth batches are left
 * out on purpose: they were written blind to the engine and stay the held-out measure of it.
 */
const DEFAULT_FILES = [
  'test/fixtures/triage-labelled.jsonl',
  'test/fixtures/triage-heldout.jsonl',
  'test/fixtures/triage-heldout-2.jsonl',
  'test/fixtures/triage-heldout-3.jsonl',
  'test/fixtures/triage-heldout-4.jsonl',
  'test/fixtures/triage-heldout-5.jsonl',
  'test/fixtures/triage-heldout-6.jsonl',
  'test/fixtures/triage-heldout-7.jsonl',
  'test/fixtures/triage-train-8.jsonl',
  'test/fixtures/triage-train-9.jsonl',
  'test/fixtures/triage-heldout-10.jsonl',
  'test/fixtures/triage-heldout-11.jsonl',
  'test/fixtures/triage-train-12.jsonl',
  'test/fixtures/triage-train-13.jsonl',
  'test/fixtures/triage-heldout-14.jsonl',
  'test/fixtures/triage-heldout-15.jsonl',
  'test/fixtures/triage-heldout-16.jsonl',
  'test/fixtures/triage-heldout-17.jsonl',
  'test/fixtures/triage-heldout-18.jsonl',
  'test/fixtures/triage-heldout-19.jsonl',
  'test/fixtures/triage-heldout-20.jsonl',
  'test/fixtures/triage-heldout-21.jsonl',
  'test/fixtures/triage-train-22.jsonl',
  'test/fixtures/triage-heldout-23.jsonl',
  'test/fixtures/triage-heldout-24.jsonl',
  'test/fixtures/triage-heldout-25.jsonl',
  'test/fixtures/triage-heldout-26.jsonl',
  'test/fixtures/triage-heldout-27.jsonl',
  'test/fixtures/triage-heldout-28.jsonl',
  'test/fixtures/triage-train-29.jsonl',
  'test/fixtures/triage-heldout-30.jsonl',
  'test/fixtures/triage-heldout-31.jsonl',
  'test/fixtures/triage-heldout-32.jsonl',
  'test/fixtures/triage-heldout-33.jsonl',
  'test/fixtures/triage-heldout-34.jsonl',
  'test/fixtures/triage-heldout-35.jsonl',
  'test/fixtures/triage-heldout-36.jsonl',
  'test/fixtures/triage-heldout-37.jsonl',
  'test/fixtures/triage-heldout-38.jsonl',
  'test/fixtures/triage-heldout-39.jsonl',
  'test/fixtures/triage-heldout-40.jsonl',
  'test/fixtures/triage-heldout-41.jsonl',
  'test/fixtures/triage-heldout-42.jsonl',
  'test/fixtures/triage-heldout-43.jsonl',
  'test/fixtures/triage-heldout-44.jsonl',
  'test/fixtures/triage-heldout-45.jsonl',
  'test/fixtures/triage-heldout-46.jsonl',
  'test/fixtures/triage-heldout-47.jsonl',
  'test/fixtures/triage-heldout-48.jsonl',
  'test/fixtures/triage-heldout-49.jsonl',
  'test/fixtures/triage-heldout-50.jsonl',
  'test/fixtures/triage-heldout-51.jsonl',
  'test/fixtures/triage-heldout-52.jsonl',
  'test/fixtures/triage-heldout-53.jsonl',
  'test/fixtures/triage-heldout-54.jsonl',
  'test/fixtures/triage-heldout-55.jsonl',
  'test/fixtures/triage-heldout-56.jsonl',
  'test/fixtures/triage-heldout-57.jsonl',
  'test/fixtures/triage-heldout-58.jsonl',
  'test/fixtures/triage-heldout-59.jsonl',
  'test/fixtures/triage-heldout-60.jsonl',
  'test/fixtures/triage-heldout-61.jsonl',
  'test/fixtures/triage-heldout-62.jsonl',
  'test/fixtures/triage-heldout-63.jsonl',
  'test/fixtures/triage-heldout-64.jsonl',
  'test/fixtures/triage-heldout-65.jsonl',
  'test/fixtures/triage-heldout-66.jsonl',
  'test/fixtures/triage-heldout-67.jsonl',
  'test/fixtures/triage-heldout-68.jsonl',
  'test/fixtures/triage-heldout-69.jsonl',
  'test/fixtures/triage-heldout-70.jsonl',
  'test/fixtures/triage-heldout-71.jsonl',
  'test/fixtures/triage-heldout-72.jsonl',
  'test/fixtures/triage-heldout-73.jsonl',
  'test/fixtures/triage-heldout-74.jsonl',
  'test/fixtures/triage-heldout-75.jsonl',
  'test/fixtures/triage-heldout-76.jsonl',
  'test/fixtures/triage-heldout-77.jsonl',
  'test/fixtures/triage-heldout-78.jsonl',
  'test/fixtures/triage-heldout-79.jsonl',
  'test/fixtures/triage-heldout-80.jsonl',
  'test/fixtures/triage-heldout-81.jsonl',
  'test/fixtures/triage-heldout-82.jsonl',
  'test/fixtures/triage-heldout-83.jsonl',
  'test/fixtures/triage-heldout-84.jsonl',
  'test/fixtures/triage-heldout-85.jsonl',
  'test/fixtures/triage-heldout-86.jsonl',
  'test/fixtures/triage-heldout-87.jsonl',
  'test/fixtures/triage-heldout-88.jsonl',
  'test/fixtures/triage-heldout-89.jsonl',
  'test/fixtures/triage-heldout-90.jsonl',
  'test/fixtures/triage-heldout-91.jsonl',
  'test/fixtures/triage-heldout-92.jsonl',
  'test/fixtures/triage-heldout-93.jsonl',
  'test/fixtures/triage-heldout-94.jsonl',
  'test/fixtures/triage-heldout-95.jsonl',
  'test/fixtures/triage-heldout-96.jsonl',
  'test/fixtures/triage-heldout-97.jsonl',
  'test/fixtures/triage-heldout-98.jsonl',
  'test/fixtures/triage-heldout-99.jsonl',
  'test/fixtures/triage-heldout-100.jsonl',
  'test/fixtures/triage-heldout-101.jsonl',
  'test/fixtures/triage-heldout-102.jsonl',
  'test/fixtures/triage-heldout-103.jsonl',
  'test/fixtures/triage-heldout-104.jsonl',
  'test/fixtures/triage-heldout-105.jsonl',
  'test/fixtures/triage-heldout-106.jsonl',
  'test/fixtures/triage-heldout-107.jsonl',
  'test/fixtures/triage-heldout-108.jsonl',
  'test/fixtures/triage-heldout-109.jsonl',
  'test/fixtures/triage-heldout-110.jsonl',
  'test/fixtures/triage-heldout-111.jsonl',
  'test/fixtures/triage-heldout-112.jsonl',
  'test/fixtures/triage-heldout-113.jsonl',
  'test/fixtures/triage-heldout-114.jsonl',
  'test/fixtures/triage-heldout-115.jsonl',
  'test/fixtures/triage-heldout-116.jsonl',
  'test/fixtures/triage-heldout-117.jsonl',
  'test/fixtures/triage-heldout-118.jsonl',
  'test/fixtures/triage-heldout-119.jsonl',
  'test/fixtures/triage-heldout-120.jsonl',
  'test/fixtures/triage-heldout-121.jsonl',
  'test/fixtures/triage-heldout-122.jsonl',
  'test/fixtures/triage-heldout-123.jsonl',
  'test/fixtures/triage-heldout-124.jsonl',
  'test/fixtures/triage-heldout-125.jsonl',
  'test/fixtures/triage-heldout-126.jsonl',
  'test/fixtures/triage-heldout-127.jsonl',
  'test/fixtures/triage-heldout-128.jsonl',
  'test/fixtures/triage-heldout-129.jsonl',
  'test/fixtures/triage-heldout-130.jsonl',
  'test/fixtures/triage-heldout-131.jsonl',
  'test/fixtures/triage-heldout-132.jsonl',
  'test/fixtures/triage-heldout-133.jsonl',
  'test/fixtures/triage-heldout-134.jsonl',
  'test/fixtures/triage-heldout-135.jsonl',
  'test/fixtures/triage-heldout-136.jsonl',
  'test/fixtures/triage-heldout-137.jsonl',
  'test/fixtures/triage-heldout-138.jsonl',
  'test/fixtures/triage-heldout-139.jsonl',
  'test/fixtures/triage-heldout-140.jsonl',
  'test/fixtures/triage-heldout-141.jsonl',
  'test/fixtures/triage-heldout-142.jsonl',
  'test/fixtures/triage-heldout-143.jsonl',
  'test/fixtures/triage-heldout-144.jsonl',
  'test/fixtures/triage-heldout-145.jsonl',
  'test/fixtures/triage-heldout-146.jsonl',
  'test/fixtures/triage-heldout-147.jsonl',
  'test/fixtures/triage-heldout-148.jsonl',
  'test/fixtures/triage-heldout-149.jsonl',
  'test/fixtures/triage-heldout-150.jsonl',
  'test/fixtures/triage-heldout-151.jsonl',
  'test/fixtures/triage-heldout-152.jsonl',
  'test/fixtures/triage-heldout-153.jsonl',
  'test/fixtures/triage-heldout-154.jsonl',
  'test/fixtures/triage-heldout-155.jsonl',
  'test/fixtures/triage-heldout-156.jsonl',
  'test/fixtures/triage-heldout-157.jsonl',
  'test/fixtures/triage-heldout-158.jsonl',
  'test/fixtures/triage-heldout-159.jsonl',
  'test/fixtures/triage-heldout-160.jsonl',
  'test/fixtures/triage-heldout-161.jsonl',
  'test/fixtures/triage-heldout-162.jsonl',
  'test/fixtures/triage-heldout-163.jsonl',
  'test/fixtures/triage-heldout-164.jsonl',
  'test/fixtures/triage-heldout-165.jsonl',
  'test/fixtures/triage-heldout-166.jsonl',
  'test/fixtures/triage-heldout-167.jsonl',
  'test/fixtures/triage-heldout-168.jsonl',
  'test/fixtures/triage-heldout-169.jsonl',
  'test/fixtures/triage-heldout-170.jsonl',
];
const DEFAULT_OUT = 'assets/models/triage-models.json';
const DEFAULT_TAXONOMY = 'test/fixtures/triage-taxonomy.yaml';
const MODEL_VERSION = 1;

function withoutTable({ thresholds: _thresholds, ...model }: TrainedModel) {
  return model;
}

/** The out-of-fold table and the threshold chosen from it, for one model. */
function describeModel(name: string, model: TrainedModel): string {
  return [
    `${name}: ${Object.keys(model.weights).length} features, threshold ${model.threshold} (the lowest at which it is ≥ ${DEFAULT_TRAINING.targetPrecision.toFixed(2)} precise out of fold where the rules are silent)`,
    `${model.crossValidation.folds}-fold cross-validation, where the rules are silent: recall ${model.crossValidation.recall.toFixed(2)}, precision ${model.crossValidation.precision.toFixed(2)}`,
    'threshold  out-of-fold recall  precision',
    ...model.thresholds.map(
      (row) =>
        `${row.threshold.toFixed(2).padStart(9)}  ${row.recall.toFixed(2).padStart(18)}  ${row.precision.toFixed(2).padStart(9)}`,
    ),
  ].join('\n');
}

/** `verbatim train-triage`: retrains the learned signals of the offline triage from labelled sets. */
export const trainTriageCommand: CliCommand = {
  name: 'train-triage',
  summary: 'retrain the offline triage’s learned urgency and churn signals from labelled messages',
  usage: 'verbatim train-triage [--file FILE.jsonl]... [--out FILE.json] [--taxonomy FILE.yaml]',
  help: [
    `--file FILE      a labelled set (repeatable; default: the ${DEFAULT_FILES.length} sets in test/fixtures it ships with)`,
    `--out FILE       where to write the models (default ${DEFAULT_OUT})`,
    `--taxonomy FILE  topics for the rules' run that picks the thresholds (default ${DEFAULT_TAXONOMY})`,
  ].join('\n'),
  async run(args, io) {
    let values: { file?: string[]; out?: string; taxonomy?: string };
    try {
      ({ values } = parseArgs({
        args,
        options: {
          file: { type: 'string', multiple: true },
          out: { type: 'string' },
          taxonomy: { type: 'string' },
        },
        strict: true,
      }));
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error));
    }
    const files = values.file ?? DEFAULT_FILES;
    const examples: LabelledExample[] = [];
    const trainedOn: TriageModels['trainedOn'] = [];
    for (const file of files) {
      const path = resolve(io.cwd, file);
      let content: string;
      try {
        content = await readFile(path, 'utf8');
      } catch (error) {
        io.stderr.write(`verbatim train-triage: cannot read ${file}: ${(error as Error).message}\n`);
        return 1;
      }
      let parsed: ReturnType<typeof parseLabelledExamples>;
      try {
        parsed = parseLabelledExamples(content);
      } catch (error) {
        io.stderr.write(`verbatim train-triage: ${file}: ${(error as Error).message}\n`);
        return 1;
      }
      const requests = parsed.filter((example) => !example.noise);
      examples.push(...requests);
      trainedOn.push({
        file: relative(io.cwd, path),
        sha256: createHash('sha256').update(content).digest('hex'),
        examples: requests.length,
      });
    }
    // What the rules alone make of each text, and where a learned signal may act at all: the
    // thresholds are chosen on the texts each signal would decide (probe-models.ts).
    const taxonomyFile = values.taxonomy ?? DEFAULT_TAXONOMY;
    let rulesTriage: ReturnType<typeof createEvaluationTriage>;
    let probeTriage: ReturnType<typeof createEvaluationTriage>;
    try {
      const taxonomy = await readTaxonomy(resolve(io.cwd, taxonomyFile));
      rulesTriage = createEvaluationTriage({
        analyzer: createHeuristicAnalyzer({ triageModels: null }),
        taxonomy,
      });
      probeTriage = createEvaluationTriage({
        analyzer: createHeuristicAnalyzer({
          triageModels: alwaysYesModels(examples.map((example) => example.text)),
        }),
        taxonomy,
      });
    } catch (error) {
      io.stderr.write(`verbatim train-triage: ${taxonomyFile}: ${(error as Error).message}\n`);
      return 1;
    }
    const byRules: Array<Awaited<ReturnType<typeof rulesTriage>>> = [];
    const byProbe: Array<Awaited<ReturnType<typeof probeTriage>>> = [];
    for (const example of examples) {
      byRules.push(await rulesTriage(example.text));
      byProbe.push(await probeTriage(example.text));
    }
    const urgent = (priority: string | null) => priority === 'P1' || priority === 'P2';
    const urgency = trainLogisticModel(
      examples.map((example, at) => ({
        text: example.text,
        positive: urgent(example.priority),
        decides: !urgent(byRules[at]!.priority) && urgent(byProbe[at]!.priority),
      })),
    );
    const churn = trainLogisticModel(
      examples.map((example, at) => ({
        text: example.text,
        positive: example.churn !== null,
        decides: !byRules[at]!.noise && byRules[at]!.churn === null && byProbe[at]!.churn !== null,
      })),
    );
    const withChurn = examples.filter((example) => example.churn !== null);
    const drivers = Object.fromEntries(
      ChurnDriverSchema.options.map((driver) => [
        driver,
        withoutTable(
          trainLogisticModel(
            withChurn.map((example) => ({ text: example.text, positive: example.churn === driver })),
          ),
        ),
      ]),
    );
    const models = TriageModelsSchema.parse({
      kind: 'verbatim-triage-models',
      version: MODEL_VERSION,
      trainedOn,
      urgency: withoutTable(urgency),
      churn: withoutTable(churn),
      drivers,
    });
    const out = resolve(io.cwd, values.out ?? DEFAULT_OUT);
    await writeFile(out, `${JSON.stringify(models)}\n`);
    io.stdout.write(
      [
        `Trained on ${examples.length} labelled requests (${withChurn.length} with a churn driver) from ${files.length} file(s).`,
        '',
        describeModel('urgent (P1/P2)', urgency),
        '',
        describeModel('churn signal', churn),
        '',
        `Wrote ${relative(io.cwd, out)}.`,
        '',
      ].join('\n'),
    );
    return 0;
  },
};

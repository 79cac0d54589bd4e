import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ChurnDriverSchema } from '../../core/churn-driver.ts';
import { LogisticModelSchema } from './logistic-model.ts';

/**
 * The learned second opinions of the offline triage, trained together by `verbatim train-triage`
 * and committed as assets/models/triage-models.json: is it urgent (P1/P2), does it carry a churn
 * signal, and if so which driver (one model per driver, the highest score names it).
 */
export const TriageModelsSchema = z.object({
  kind: z.literal('verbatim-triage-models'),
  version: z.number().int().positive(),
  trainedOn: z.array(z.object({ file: z.string(), sha256: z.string(), examples: z.number().int() })),
  urgency: LogisticModelSchema,
  churn: LogisticModelSchema,
  drivers: z.record(ChurnDriverSchema, LogisticModelSchema),
});
export type TriageModels = z.infer<typeof TriageModelsSchema>;

const MODEL_FILE = new URL('../../../assets/models/triage-models.json', import.meta.url);

let bundled: TriageModels | null | undefined;

/**
 * The models shipped in assets/models, read and validated once. A missing or invalid file gives
 * null: the rules then triage alone, as they did before the models existed, rather than failing.
 */
export function bundledTriageModels(): TriageModels | null {
  bundled ??= loadTriageModels(MODEL_FILE);
  return bundled;
}

export function loadTriageModels(file: URL | string): TriageModels | null {
  try {
    return TriageModelsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
}

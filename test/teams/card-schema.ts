import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject } from 'ajv';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };

const { id, ...schema } = JSON.parse(
  readFileSync(new URL('./schemas/adaptive-card-1.5.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

/** Validates Adaptive Cards against the official 1.5 schema (microsoft/AdaptiveCards, vendored). */
export function createCardValidator(): (card: unknown) => string[] {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(draft06);
  // The schema's URL formats, checked plainly (ajv-formats is not a dependency).
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\S+$/i);
  ajv.addFormat('uri-reference', /^\S*$/);
  ajv.addFormat('color', /^#?[0-9a-f]{6,8}$/i);
  // The file names itself with draft-04's `id`; draft-06 (its `$schema`) spells it `$id`.
  const validate = ajv.compile({ ...schema, $id: String(id) });
  return (card) =>
    validate(card)
      ? []
      : (validate.errors ?? []).map((error: ErrorObject) => `${error.instancePath} ${error.message}`);
}

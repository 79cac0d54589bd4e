import Fuse from 'fuse.js';
import type { z } from 'zod';

export interface UnknownKey {
  /** Path of the unknown key itself, e.g. `['sla', 'warnat']`. */
  at: PropertyKey[];
  message: string;
}

type AnySchema = z.core.$ZodType;
type Def = { type: string } & Record<string, unknown>;
const defOf = (schema: AnySchema): Def => schema._zod.def as unknown as Def;
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Keys in `raw` that `schema` does not know, at every nesting level, each with a "did you mean"
 * when a known key is close. zod objects strip unknown keys silently; a misspelt `warnat` would
 * otherwise fall back to the default without a word.
 */
export function findUnknownKeys(schema: AnySchema, raw: unknown, at: PropertyKey[] = []): UnknownKey[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return findUnknownKeys(def.innerType as AnySchema, raw, at);
    case 'pipe':
      return findUnknownKeys(def.in as AnySchema, raw, at);
    case 'array':
      return Array.isArray(raw)
        ? raw.flatMap((item, index) => findUnknownKeys(def.element as AnySchema, item, [...at, index]))
        : [];
    case 'tuple':
      return Array.isArray(raw)
        ? (def.items as AnySchema[]).flatMap((item, index) =>
            findUnknownKeys(item, raw[index], [...at, index]),
          )
        : [];
    case 'record':
      return isPlainObject(raw)
        ? Object.entries(raw).flatMap(([key, value]) =>
            findUnknownKeys(def.valueType as AnySchema, value, [...at, key]),
          )
        : [];
    case 'union': {
      const option = pickOption(def.options as AnySchema[], raw);
      return option ? findUnknownKeys(option, raw, at) : [];
    }
    case 'object':
      return isPlainObject(raw) ? objectProblems(def.shape as Record<string, AnySchema>, raw, at) : [];
    default:
      return [];
  }
}

function objectProblems(shape: Record<string, AnySchema>, raw: Record<string, unknown>, at: PropertyKey[]) {
  const known = Object.keys(shape);
  const problems: UnknownKey[] = [];
  for (const [key, value] of Object.entries(raw)) {
    const field = shape[key];
    if (field) {
      problems.push(...findUnknownKeys(field, value, [...at, key]));
      continue;
    }
    const guess = closest(key, known);
    problems.push({
      at: [...at, key],
      message: guess
        ? `unknown key "${key}"; did you mean "${guess}"?`
        : `unknown key "${key}"; known keys here: ${known.join(', ')}`,
    });
  }
  return problems;
}

/** The option of a union that `raw` is meant to be: its literal fields match, and its kind matches. */
function pickOption(options: AnySchema[], raw: unknown): AnySchema | undefined {
  const kind = (schema: AnySchema): string => {
    const def = defOf(schema);
    return ['optional', 'nullable', 'default', 'prefault', 'readonly', 'pipe'].includes(def.type)
      ? kind((def.innerType ?? def.in) as AnySchema)
      : def.type;
  };
  if (Array.isArray(raw)) return options.find((option) => ['array', 'tuple'].includes(kind(option)));
  if (!isPlainObject(raw)) return undefined;
  const objects = options.filter((option) => kind(option) === 'object');
  return (
    objects.find((option) =>
      Object.entries(defOf(option).shape as Record<string, AnySchema>).some(([key, field]) => {
        const fieldDef = defOf(field);
        return fieldDef.type === 'literal' && (fieldDef.values as unknown[]).includes(raw[key]);
      }),
    ) ?? (objects.length === 1 ? objects[0] : undefined)
  );
}

/** The known word closest to `word` (case and small typos forgiven), if any is close enough. */
export function closest(word: string, known: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const exact = known.find((candidate) => candidate.toLowerCase() === lower);
  if (exact) return exact;
  const fuse = new Fuse([...known], { includeScore: true, threshold: 0.4, ignoreLocation: true });
  return fuse.search(word)[0]?.item;
}

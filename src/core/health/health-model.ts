import { z } from 'zod';

/** The factors account health is built from; each is one line of the explanation. */
export const HealthSignalSchema = z.enum([
  'sentiment',
  'open-requests',
  'response-time',
  'engagement',
  'silence',
  'stakeholders',
  'churn-drivers',
  'recurring-topics',
]);
export type HealthSignal = z.infer<typeof HealthSignalSchema>;

export const HealthBandSchema = z.enum(['healthy', 'watch', 'at-risk', 'critical']);
export type HealthBand = z.infer<typeof HealthBandSchema>;

/** Best first: a band later in this list is worse. */
export const HEALTH_BANDS: readonly HealthBand[] = HealthBandSchema.options;

const factor = (weight: number, windowDays: number) =>
  z
    .object({
      /** Relative weight; weights of the factors that have data are rescaled to sum to 100 points. */
      weight: z.number().min(0).default(weight),
      /** How far back the factor looks, in days. */
      windowDays: z.number().int().positive().default(windowDays),
    })
    .prefault({});

/**
 * The health model as data: weights, windows, bands. Everything here is configurable under
 * `health:` in the config file; `modelVersion()` changes whenever any of it does.
 */
export const HealthModelSchema = z.object({
  /** Human name of the model; the version adds a fingerprint of every setting. */
  name: z.string().default('verbatim-health-1'),
  factors: z
    .object({
      sentiment: factor(20, 14),
      'open-requests': factor(15, 90),
      'response-time': factor(15, 30),
      engagement: factor(10, 30),
      silence: factor(10, 90),
      stakeholders: factor(10, 90),
      'churn-drivers': factor(15, 90),
      'recurring-topics': factor(5, 60),
    })
    .prefault({}),
  /** Days of history before a factor's window that form the account's own baseline. */
  baselineDays: z.number().int().positive().default(90),
  /** Half-life of time decay for sentiment and churn-driver mentions, in days. */
  halfLifeDays: z.number().positive().default(14),
  /** Lowest score of each band; below `atRisk` is critical. */
  bands: z
    .object({
      healthy: z.number().min(0).max(100).default(70),
      watch: z.number().min(0).max(100).default(50),
      atRisk: z.number().min(0).max(100).default(30),
    })
    .prefault({}),
  /** Points a score must cross a band boundary by before the band changes (no flapping). */
  hysteresis: z.number().min(0).max(20).default(5),
  /** A topic raised in at least this many requests within its window counts as recurring. */
  recurringTopicMinRequests: z.number().int().min(2).default(3),
});
export type HealthModel = z.infer<typeof HealthModelSchema>;

export const DEFAULT_HEALTH_MODEL: HealthModel = HealthModelSchema.parse({});

/**
 * `name@fingerprint`: a different weight, window or threshold is a different model version, so
 * snapshots made under one are never silently compared with another.
 */
export function modelVersion(model: HealthModel): string {
  const { name, ...settings } = model;
  const text = stableJson(settings);
  // FNV-1a, 32 bit: a short, deterministic fingerprint, not a security measure.
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${name}@${hash.toString(16).padStart(8, '0')}`;
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

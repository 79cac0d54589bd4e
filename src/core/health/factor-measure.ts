import type { Quote } from './account-signals.ts';
import type { HealthSignal } from './health-model.ts';

/**
 * What one factor measured, before weighting: `fraction` is 1 when the factor is as healthy as it
 * can be and 0 when it is as bad as it gets. A factor without data says what is missing instead.
 */
export type FactorMeasure =
  | {
      signal: HealthSignal;
      excluded: false;
      fraction: number;
      /** The measured value in words and figures, e.g. "3 open, 1 overdue". */
      value: string;
      /** One line in plain words: why the factor scores as it does. */
      reason: string;
      evidence: Quote[];
      requestIds: string[];
    }
  | { signal: HealthSignal; excluded: true; missing: string };

export const DAY_MS = 86_400_000;

export function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** Weight of something `ageDays` old under exponential decay with the given half-life. */
export function decay(ageDays: number, halfLifeDays: number): number {
  return 0.5 ** (Math.max(0, ageDays) / halfLifeDays);
}

export function daysBetween(earlier: Date, later: Date): number {
  return (later.getTime() - earlier.getTime()) / DAY_MS;
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}

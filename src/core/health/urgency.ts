import { DAY_MS } from './factor-measure.ts';

/**
 * How soon someone should look at an account, for ordering the risk list; it never changes
 * health. Risk (100 − score) scaled up by ARR (logarithmically: ten times the revenue is not ten
 * times the urgency) and by a renewal within 90 days (up to double on the day, and double after
 * it has passed unrenewed). Accounts with no score get the risk of a neutral 50.
 */
export function urgencyOf(input: {
  score: number | null;
  arr: number | null;
  renewalDate: string | null;
  now: Date;
}): number {
  const risk = (100 - (input.score ?? 50)) / 100;
  const arrFactor = 1 + Math.log10(1 + (input.arr ?? 0) / 10_000);
  const days = daysToRenewal(input.renewalDate, input.now);
  const renewalFactor = days === null ? 1 : days <= 0 ? 2 : days >= 90 ? 1 : 1 + (90 - days) / 90;
  return Math.round(risk * arrFactor * renewalFactor * 1000) / 10;
}

/** Whole days from `now` to an ISO renewal date (negative once passed), or null. */
export function daysToRenewal(renewalDate: string | null, now: Date): number | null {
  if (!renewalDate) return null;
  const renewal = Date.parse(`${renewalDate}T00:00:00Z`);
  if (Number.isNaN(renewal)) return null;
  return Math.ceil((renewal - now.getTime()) / DAY_MS);
}

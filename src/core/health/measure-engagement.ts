import type { AccountSignals } from './account-signals.ts';
import { clamp01, DAY_MS, daysBetween, type FactorMeasure, median, plural } from './factor-measure.ts';
import type { HealthModel } from './health-model.ts';

/**
 * Message volume and active customer contacts in the window against the account's own baseline
 * (the same length of time, averaged over the baseline period). Half the factor each.
 */
export function measureEngagement(signals: AccountSignals, now: Date, model: HealthModel): FactorMeasure {
  const { windowDays } = model.factors.engagement;
  const recentFrom = now.getTime() - windowDays * DAY_MS;
  const baselineFrom = recentFrom - model.baselineDays * DAY_MS;
  const recent = signals.activity.filter((day) => day.day.getTime() >= recentFrom);
  const baseline = signals.activity.filter(
    (day) => day.day.getTime() < recentFrom && day.day.getTime() >= baselineFrom,
  );
  if (baseline.length === 0)
    return {
      signal: 'engagement',
      excluded: true,
      missing: `no customer messages in the ${model.baselineDays} days before the last ${windowDays} (no baseline)`,
    };
  const periods = model.baselineDays / windowDays;
  const recentMessages = recent.reduce((sum, day) => sum + day.messages, 0);
  const usualMessages = baseline.reduce((sum, day) => sum + day.messages, 0) / periods;
  const recentContacts = new Set(recent.flatMap((day) => day.authors)).size;
  const usualContacts = contactsPerPeriod(baseline, baselineFrom, windowDays, periods);
  const volume = Math.min(1, recentMessages / Math.max(usualMessages, 1e-9));
  const contacts = Math.min(1, recentContacts / Math.max(usualContacts, 1e-9));
  const fraction = clamp01(volume * 0.5 + contacts * 0.5);
  const reason =
    fraction >= 0.9
      ? 'Engagement is at or above its usual level'
      : `The customer writes less than usual: ${Math.round(volume * 100)}% of the usual messages, ${Math.round(contacts * 100)}% of the usual contacts`;
  return {
    signal: 'engagement',
    excluded: false,
    fraction,
    value: `${plural(recentMessages, 'message')} from ${plural(recentContacts, 'contact')} in ${windowDays} days; usually ${usualMessages.toFixed(1)} from ${usualContacts.toFixed(1)}`,
    reason,
    evidence: [],
    requestIds: [],
  };
}

function contactsPerPeriod(
  baseline: AccountSignals['activity'],
  baselineFrom: number,
  windowDays: number,
  periods: number,
): number {
  const buckets = new Map<number, Set<string>>();
  for (const day of baseline) {
    const bucket = Math.floor((day.day.getTime() - baselineFrom) / (windowDays * DAY_MS));
    const authors = buckets.get(bucket) ?? new Set<string>();
    for (const author of day.authors) authors.add(author);
    buckets.set(bucket, authors);
  }
  let total = 0;
  for (const authors of buckets.values()) total += authors.size;
  return total / Math.max(1, Math.round(periods));
}

/**
 * Silence: the current gap since the customer last wrote against their usual gap between active
 * days. Up to twice the usual gap is normal; beyond that points fall, to none at five times.
 */
export function measureSilence(signals: AccountSignals, now: Date, model: HealthModel): FactorMeasure {
  const { windowDays } = model.factors.silence;
  const from = now.getTime() - (windowDays + model.baselineDays) * DAY_MS;
  const days = signals.activity
    .filter((day) => day.day.getTime() >= from && day.messages > 0)
    .map((day) => day.day.getTime())
    .sort((a, b) => a - b);
  if (days.length < 3 || !signals.lastCustomerMessageAt)
    return {
      signal: 'silence',
      excluded: true,
      missing: 'fewer than 3 days with customer messages, so there is no usual gap yet',
    };
  const gaps = days.slice(1).map((day, index) => (day - days[index]!) / DAY_MS);
  const usual = Math.max(1, median(gaps) ?? 1);
  const gap = daysBetween(signals.lastCustomerMessageAt, now);
  const ratio = gap / usual;
  const fraction = clamp01(1 - (ratio - 2) / 3);
  return {
    signal: 'silence',
    excluded: false,
    fraction,
    value: `${gap.toFixed(1)} days since the customer last wrote; usual gap ${usual.toFixed(1)} days`,
    reason:
      ratio <= 2
        ? 'The customer writes as often as usual'
        : `Silent for ${Math.round(gap)} days, ${ratio.toFixed(1)}× the usual gap`,
    evidence: [],
    requestIds: [],
  };
}

import type { AccountSignals, Quote } from './account-signals.ts';
import { clamp01, DAY_MS, daysBetween, decay, type FactorMeasure } from './factor-measure.ts';
import type { HealthModel } from './health-model.ts';

/**
 * Sentiment of the recent window, time-decayed, against the account's own baseline (the window
 * before it). Full points for neutral-or-better sentiment no worse than usual; a drop below the
 * baseline and negative sentiment each cost points.
 */
export function measureSentiment(signals: AccountSignals, now: Date, model: HealthModel): FactorMeasure {
  const { windowDays } = model.factors.sentiment;
  const recentFrom = now.getTime() - windowDays * DAY_MS;
  const baselineFrom = recentFrom - model.baselineDays * DAY_MS;
  const rated = signals.requests.filter((request) => request.sentiment !== null);
  const recent = rated.filter((request) => request.openedAt.getTime() >= recentFrom);
  const baseline = rated.filter(
    (request) => request.openedAt.getTime() < recentFrom && request.openedAt.getTime() >= baselineFrom,
  );
  if (recent.length === 0)
    return {
      signal: 'sentiment',
      excluded: true,
      missing: `no triaged requests in the last ${windowDays} days`,
    };

  let weighted = 0;
  let weights = 0;
  for (const request of recent) {
    const weight = decay(daysBetween(request.openedAt, now), model.halfLifeDays);
    weighted += weight * (request.sentiment ?? 0);
    weights += weight;
  }
  const recentMean = weighted / weights;
  const baselineMean =
    baseline.length > 0
      ? baseline.reduce((sum, request) => sum + (request.sentiment ?? 0), 0) / baseline.length
      : null;
  const drop = baselineMean === null ? 0 : Math.max(0, baselineMean - recentMean);
  const fraction = clamp01(1 + Math.min(0, recentMean) - drop);

  const negative = recent
    .filter((request) => (request.sentiment ?? 0) < 0)
    .sort((a, b) => (a.sentiment ?? 0) - (b.sentiment ?? 0))
    .slice(0, 2);
  const evidence: Quote[] = negative.flatMap((request) =>
    request.firstMessage ? [{ ...request.firstMessage, requestId: request.id }] : [],
  );
  const value =
    baselineMean === null
      ? `${format(recentMean)} over ${windowDays} days (no baseline yet)`
      : `${format(recentMean)} over ${windowDays} days vs ${format(baselineMean)} usual`;
  const reason =
    drop >= 0.2
      ? `Sentiment fell from ${format(baselineMean ?? 0)} to ${format(recentMean)}: the customer sounds less happy than usual`
      : recentMean < -0.2
        ? `Recent messages are negative (${format(recentMean)})`
        : 'Sentiment is steady and not negative';
  return {
    signal: 'sentiment',
    excluded: false,
    fraction,
    value,
    reason,
    evidence,
    requestIds: negative.map((request) => request.id),
  };
}

function format(value: number): string {
  return (value >= 0 ? '+' : '') + value.toFixed(2);
}

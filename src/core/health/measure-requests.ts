import type { AccountSignals, Quote, RequestSignal } from './account-signals.ts';
import { clamp01, DAY_MS, type FactorMeasure, median, plural } from './factor-measure.ts';
import type { HealthModel } from './health-model.ts';

/** Open, claimed or snoozed: the next move is ours (answered means it waits on the customer). */
export function isWaitingOnUs(request: RequestSignal): boolean {
  return request.state === 'open' || request.state === 'claimed' || request.state === 'snoozed';
}

function quoteOf(request: RequestSignal): Quote[] {
  return request.firstMessage ? [{ ...request.firstMessage, requestId: request.id }] : [];
}

/**
 * Open, unanswered and overdue requests and SLA breaches in the window. Each costs a share of the
 * factor: an open request a little, an unanswered one more, a breach the most.
 */
export function measureOpenRequests(signals: AccountSignals, now: Date, model: HealthModel): FactorMeasure {
  const { windowDays } = model.factors['open-requests'];
  const from = now.getTime() - windowDays * DAY_MS;
  const inWindow = signals.requests.filter((request) => request.openedAt.getTime() >= from);
  if (inWindow.length === 0)
    return { signal: 'open-requests', excluded: true, missing: `no requests in the last ${windowDays} days` };
  const open = inWindow.filter(isWaitingOnUs);
  const unanswered = open.filter((request) => request.firstResponseAt === null);
  const breached = inWindow.filter((request) => request.breached);
  const fraction = clamp01(1 - open.length * 0.05 - unanswered.length * 0.1 - breached.length * 0.15);
  const worst = [...breached.filter((request) => request.state !== 'resolved'), ...unanswered, ...open]
    .filter((request, index, all) => all.indexOf(request) === index)
    .sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime());
  const value = `${open.length} open, ${unanswered.length} unanswered, ${plural(breached.length, 'SLA breach', 'SLA breaches')}`;
  const reason =
    breached.length > 0
      ? `${plural(breached.length, 'request')} missed the first-response target in ${windowDays} days`
      : unanswered.length > 0
        ? `${plural(unanswered.length, 'request')} still wait for a first answer`
        : open.length > 0
          ? `${plural(open.length, 'request')} open, all answered`
          : 'Nothing open';
  return {
    signal: 'open-requests',
    excluded: false,
    fraction,
    value,
    reason,
    evidence: worst.slice(0, 2).flatMap(quoteOf),
    requestIds: worst.slice(0, 10).map((request) => request.id),
  };
}

/** First-response times against target: the share answered within target, and the median ratio. */
export function measureResponseTime(signals: AccountSignals, now: Date, model: HealthModel): FactorMeasure {
  const { windowDays } = model.factors['response-time'];
  const from = now.getTime() - windowDays * DAY_MS;
  const measured = signals.requests.filter(
    (request) =>
      request.openedAt.getTime() >= from &&
      request.firstResponseMinutes !== null &&
      request.targetMinutes !== null &&
      request.targetMinutes > 0,
  );
  if (measured.length === 0)
    return {
      signal: 'response-time',
      excluded: true,
      missing: `no measured first responses in the last ${windowDays} days`,
    };
  const late = measured.filter((request) => request.firstResponseMinutes! > request.targetMinutes!);
  const within = (measured.length - late.length) / measured.length;
  const medianMinutes = median(measured.map((request) => request.firstResponseMinutes!)) ?? 0;
  const medianTarget = median(measured.map((request) => request.targetMinutes!)) ?? 0;
  const slowest = [...late].sort(
    (a, b) => b.firstResponseMinutes! / b.targetMinutes! - a.firstResponseMinutes! / a.targetMinutes!,
  );
  return {
    signal: 'response-time',
    excluded: false,
    fraction: clamp01(within),
    value: `${Math.round(within * 100)}% within target; median ${Math.round(medianMinutes)} of ${Math.round(medianTarget)} business min`,
    reason:
      late.length === 0
        ? `Every first response in ${windowDays} days came within target`
        : `${plural(late.length, 'first response')} of ${measured.length} came later than the target`,
    evidence: slowest.slice(0, 1).flatMap(quoteOf),
    requestIds: slowest.slice(0, 10).map((request) => request.id),
  };
}

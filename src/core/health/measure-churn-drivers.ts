import type { ShownChurnSignal } from '../analysis.ts';
import type { ChurnDriver } from '../churn-driver.ts';
import { verifyQuote } from '../verify-quote.ts';
import type { AccountSignals, Quote, RequestSignal } from './account-signals.ts';
import { clamp01, DAY_MS, daysBetween, decay, type FactorMeasure, plural } from './factor-measure.ts';
import type { HealthModel } from './health-model.ts';

const DRIVER_WORDS: Record<ChurnDriver, string> = {
  'promise-gap': 'promise gap',
  'unheard-voice': 'unheard voice',
  'complaint-handling': 'complaint handling',
  'weak-value': 'weak value',
  'changed-needs': 'changed needs',
  competitor: 'competitor',
  involuntary: 'involuntary churn',
};

/** Churn-driver mentions (the six drivers, involuntary signals, competitor names), weighted by recency. */
export function measureChurnDrivers(signals: AccountSignals, now: Date, model: HealthModel): FactorMeasure {
  const { windowDays } = model.factors['churn-drivers'];
  const from = now.getTime() - windowDays * DAY_MS;
  const triaged = signals.requests.filter(
    (request) => request.openedAt.getTime() >= from && request.sentiment !== null,
  );
  if (triaged.length === 0)
    return {
      signal: 'churn-drivers',
      excluded: true,
      missing: `no triaged requests in the last ${windowDays} days`,
    };
  const mentions = triaged
    .flatMap((request) => request.churnSignals.map((signal) => ({ request, signal })))
    .sort((a, b) => b.request.openedAt.getTime() - a.request.openedAt.getTime());
  const load = mentions.reduce(
    (sum, mention) => sum + decay(daysBetween(mention.request.openedAt, now), model.halfLifeDays),
    0,
  );
  const drivers = [
    ...new Set(mentions.map((mention) => mention.signal.competitor ?? DRIVER_WORDS[mention.signal.driver])),
  ];
  const evidence = mentions
    .map(({ request, signal }) => churnEvidence(request, signal))
    .filter((quote): quote is Quote => quote !== null)
    .slice(0, 2);
  return {
    signal: 'churn-drivers',
    excluded: false,
    fraction: clamp01(1 - load * 0.35),
    value: `${plural(mentions.length, 'mention')} in ${windowDays} days (recency-weighted ${load.toFixed(2)})`,
    reason:
      mentions.length === 0
        ? 'No churn-driver wording in recent requests'
        : `The customer mentioned ${drivers.slice(0, 3).join(', ')}`,
    evidence,
    requestIds: [...new Set(mentions.map((mention) => mention.request.id))].slice(0, 10),
  };
}

/**
 * What a churn mention shows in quotation marks: only the customer's words. The phrase is looked up
 * in the request's first message and shown as the stored span; a phrase found elsewhere in the
 * request at triage (`quoted`) is shown as triage verified it; a paraphrase never is — the first
 * message itself stands in for it. Without the text at hand, only a verified phrase is shown.
 */
function churnEvidence(request: RequestSignal, signal: ShownChurnSignal): Quote | null {
  const first = request.firstMessage;
  const cite = (quote: string): Quote => ({
    quote,
    link: first?.link ?? null,
    author: first?.author ?? 'customer',
    at: request.openedAt,
    requestId: request.id,
  });
  const inFirst = first ? verifyQuote(signal.phrase, first.quote) : null;
  if (inFirst?.verbatim) return cite(inFirst.quote);
  if (signal.quoted === true) return cite(signal.phrase);
  return first ? cite(first.quote) : null;
}

/** The same topic raised again and again within the window: the unheard voice. */
export function measureRecurringTopics(
  signals: AccountSignals,
  now: Date,
  model: HealthModel,
): FactorMeasure {
  const { windowDays } = model.factors['recurring-topics'];
  const from = now.getTime() - windowDays * DAY_MS;
  const triaged = signals.requests.filter(
    (request) => request.openedAt.getTime() >= from && request.sentiment !== null,
  );
  if (triaged.length === 0)
    return {
      signal: 'recurring-topics',
      excluded: true,
      missing: `no triaged requests in the last ${windowDays} days`,
    };
  const byTopic = new Map<string, typeof triaged>();
  for (const request of triaged)
    for (const topic of request.topics) {
      const list = byTopic.get(topic);
      if (list) list.push(request);
      else byTopic.set(topic, [request]);
    }
  const recurring = [...byTopic.entries()]
    .filter(([, requests]) => requests.length >= model.recurringTopicMinRequests)
    .sort((a, b) => b[1].length - a[1].length);
  const excess = recurring.reduce(
    (sum, [, requests]) => sum + requests.length - model.recurringTopicMinRequests + 1,
    0,
  );
  const top = recurring[0];
  const latest = top ? [...top[1]].sort((a, b) => b.openedAt.getTime() - a.openedAt.getTime()) : [];
  return {
    signal: 'recurring-topics',
    excluded: false,
    fraction: clamp01(1 - excess * 0.2),
    value:
      recurring.length === 0
        ? 'no topic raised repeatedly'
        : recurring.map(([topic, requests]) => `${topic} ×${requests.length}`).join(', '),
    reason: top
      ? `“${top[0]}” raised in ${top[1].length} requests in ${windowDays} days: the customer keeps coming back to it`
      : 'No topic keeps coming back',
    evidence: latest
      .slice(0, 2)
      .flatMap((request) =>
        request.firstMessage ? [{ ...request.firstMessage, requestId: request.id }] : [],
      ),
    requestIds: latest.slice(0, 10).map((request) => request.id),
  };
}

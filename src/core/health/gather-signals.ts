import type { Account } from '../directory.ts';
import type { AccountSignals } from './account-signals.ts';
import type { HealthModel } from './health-model.ts';
import type { HealthStore } from './health-store.ts';
import { isWaitingOnUs } from './measure-requests.ts';
import { scoreAccount } from './score-account.ts';

/** Open requests the health view lists (with their quotes). */
export const VIEW_OPEN_REQUESTS = 10;

/**
 * An account's signals with quotes only where they are shown: a first pass scores without text
 * to learn which requests each factor cites, then only those first messages are read. An account
 * with 10 000 requests costs ~50 quote lookups, not 10 000.
 */
export async function gatherSignals(
  store: HealthStore,
  account: Account,
  now: Date,
  model: HealthModel,
): Promise<AccountSignals> {
  const signals = await store.readSignals(account, now, model);
  const draft = scoreAccount(signals, now, model);
  const cited = new Set(draft.factors.flatMap((factor) => factor.requestIds));
  const waiting = signals.requests
    .filter(isWaitingOnUs)
    .sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime())
    .slice(0, VIEW_OPEN_REQUESTS);
  for (const request of waiting) cited.add(request.id);
  if (cited.size === 0) return signals;
  const quotes = await store.readQuotes([...cited]);
  return {
    ...signals,
    requests: signals.requests.map((request) => {
      const quote = quotes.get(request.id);
      return quote ? { ...request, firstMessage: quote } : request;
    }),
  };
}

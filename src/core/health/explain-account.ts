import type { Account } from '../directory.ts';
import type { Clock } from '../ports.ts';
import { DAY_MS } from './factor-measure.ts';
import { gatherSignals } from './gather-signals.ts';
import type { HealthModel } from './health-model.ts';
import type { HealthStore } from './health-store.ts';
import { type AccountHealthView, buildHealthView } from './health-view.ts';
import { scoreAccount } from './score-account.ts';

/** How a typed account name, id or domain resolved. */
export type AccountMatch =
  | { status: 'found'; account: Account }
  | { status: 'ambiguous'; candidates: Account[] }
  | { status: 'unknown'; suggestions: Account[] };

/** Finds an account by id, name or email domain, tolerant of typos (fuzzy matching lives outside the core). */
export type MatchAccount = (query: string) => AccountMatch;

export type ExplainOutcome =
  | Exclude<AccountMatch, { status: 'found' }>
  | { status: 'explained'; view: AccountHealthView }
  | { status: 'not-enough-data'; account: Account; missing: string[] };

export interface HealthDeps {
  store: HealthStore;
  accounts: () => readonly Account[];
  match: MatchAccount;
  model: HealthModel;
  clock: Clock;
}

/** Weeks of snapshots a trend shows. */
export const TREND_WEEKS = 12;

/**
 * `/churn <account>`: the account's live health (hysteresis from its latest snapshot), its weekly
 * trend and what changed since a week ago (both from snapshots), as a platform-free view.
 */
export async function explainAccount(deps: HealthDeps, query: string): Promise<ExplainOutcome> {
  const match = deps.match(query);
  if (match.status !== 'found') return match;
  return explainFoundAccount(deps, match.account);
}

export async function explainFoundAccount(deps: HealthDeps, account: Account): Promise<ExplainOutcome> {
  const now = deps.clock.now();
  const fromDay = new Date(now.getTime() - (TREND_WEEKS * 7 + 1) * DAY_MS).toISOString().slice(0, 10);
  const today = now.toISOString().slice(0, 10);
  const [signals, snapshots] = await Promise.all([
    gatherSignals(deps.store, account, now, deps.model),
    deps.store.listSnapshots(account.id, fromDay),
  ]);
  const previous = snapshots.filter((snapshot) => snapshot.day < today).at(-1) ?? null;
  const health = scoreAccount({ ...signals, previousBand: previous?.band ?? null }, now, deps.model);
  if (health.score === null)
    return {
      status: 'not-enough-data',
      account,
      missing: health.excluded.map((factor) => `${factor.signal}: ${factor.missing}`),
    };
  return { status: 'explained', view: buildHealthView({ account, health, signals, snapshots }) };
}

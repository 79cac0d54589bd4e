import type { Account } from '../directory.ts';
import type { HealthBand } from './health-model.ts';
import type { HealthSnapshot } from './health-snapshot.ts';
import { urgencyOf } from './urgency.ts';

export type TrendArrow = 'up' | 'down' | 'flat' | 'new';

/** One row of the risk list (`/churn` alone, `verbatim churn`). */
export interface RiskListItem {
  id: string;
  name: string;
  owner: string | null;
  score: number | null;
  band: HealthBand | null;
  urgency: number;
  trend: TrendArrow;
  topReason: string | null;
}

/**
 * Accounts ordered by urgency (most urgent first), from each account's latest snapshot and the
 * one a week before it (for the arrow). Accounts without a snapshot are left out.
 */
export function buildRiskList(input: {
  accounts: readonly Account[];
  latest: Map<string, HealthSnapshot>;
  weekBefore: Map<string, HealthSnapshot>;
  now: Date;
  limit?: number;
}): RiskListItem[] {
  const items: RiskListItem[] = [];
  for (const account of input.accounts) {
    const snapshot = input.latest.get(account.id);
    if (!snapshot) continue;
    const before = input.weekBefore.get(account.id);
    items.push({
      id: account.id,
      name: account.name,
      owner: account.owner ?? null,
      score: snapshot.score,
      band: snapshot.band,
      urgency: urgencyOf({
        score: snapshot.score,
        arr: account.arr ?? null,
        renewalDate: account.renewalDate ?? null,
        now: input.now,
      }),
      trend: arrow(before?.score ?? null, snapshot.score),
      topReason: snapshot.topReason,
    });
  }
  items.sort((a, b) => b.urgency - a.urgency || a.id.localeCompare(b.id));
  return input.limit === undefined ? items : items.slice(0, input.limit);
}

function arrow(before: number | null, now: number | null): TrendArrow {
  if (before === null || now === null) return 'new';
  if (now - before >= 3) return 'up';
  if (before - now >= 3) return 'down';
  return 'flat';
}

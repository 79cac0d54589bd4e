import type { HealthDeps } from './explain-account.ts';
import { DAY_MS } from './factor-measure.ts';
import { RECENT_SNAPSHOT_DAYS } from './health-store.ts';
import { buildRiskList, type RiskListItem } from './risk-list.ts';

/** The risk list: accounts by urgency, from the latest snapshots (fast at any number of accounts). */
export async function listRisks(
  deps: Pick<HealthDeps, 'store' | 'accounts' | 'clock'>,
  limit?: number,
): Promise<RiskListItem[]> {
  const now = deps.clock.now();
  const today = now.toISOString().slice(0, 10);
  const weekAgo = new Date(now.getTime() - 7 * DAY_MS).toISOString().slice(0, 10);
  const [latest, weekBefore] = await Promise.all([
    deps.store.latestSnapshots(today, { factors: false, withinDays: RECENT_SNAPSHOT_DAYS }),
    deps.store.latestSnapshots(weekAgo, { factors: false, withinDays: RECENT_SNAPSHOT_DAYS }),
  ]);
  return buildRiskList({
    accounts: deps.accounts(),
    latest,
    weekBefore,
    now,
    ...(limit === undefined ? {} : { limit }),
  });
}

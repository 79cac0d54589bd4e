import type { Account } from '../directory.ts';
import type { HealthSnapshot } from '../health/health-snapshot.ts';
import { buildRiskList } from '../health/risk-list.ts';
import type { DigestAccounts } from './digest.ts';

/** A drop smaller than this many points is noise, not news (the risk list's arrow uses 3). */
export const MIN_HEALTH_DROP = 5;
const LISTED = 5;

/**
 * The digest's account health: the week's biggest score drops (the latest snapshot by the end of
 * the week against the latest one by its start) and the accounts at risk or critical at the end of
 * the week, most urgent first. `scope` limits both to the accounts that matter to a team's slice.
 */
export function digestHealthAccounts(input: {
  accounts: Account[];
  atEnd: Map<string, HealthSnapshot>;
  atStart: Map<string, HealthSnapshot>;
  weekEnd: Date;
  scope: Set<string> | null;
}): Pick<DigestAccounts, 'healthDrops' | 'atRisk'> {
  const accounts = input.scope
    ? input.accounts.filter((account) => input.scope!.has(account.id))
    : input.accounts;
  const healthDrops = accounts
    .flatMap((account) => {
      const end = input.atEnd.get(account.id);
      const start = input.atStart.get(account.id);
      if (end?.score == null || start?.score == null || end.day <= start.day) return [];
      const drop = start.score - end.score;
      if (drop < MIN_HEALTH_DROP) return [];
      return [
        {
          account: account.id,
          name: account.name,
          scoreFrom: start.score,
          scoreTo: end.score,
          drop,
          band: end.band,
          topReason: end.topReason,
        },
      ];
    })
    .sort((a, b) => b.drop - a.drop || a.account.localeCompare(b.account))
    .slice(0, LISTED);
  const atRisk = buildRiskList({
    accounts,
    latest: input.atEnd,
    weekBefore: input.atStart,
    now: input.weekEnd,
  })
    .filter((item) => item.band === 'at-risk' || item.band === 'critical')
    .slice(0, LISTED)
    .map((item) => ({
      account: item.id,
      name: item.name,
      score: item.score,
      band: item.band,
      urgency: item.urgency,
      topReason: item.topReason,
    }));
  return { healthDrops, atRisk };
}

import type { Account } from '../directory.ts';
import type { AccountSignals, Quote } from './account-signals.ts';
import type { HealthBand, HealthModel } from './health-model.ts';
import type { HealthSnapshot } from './health-snapshot.ts';

/** What account health reads and writes; implemented over Postgres in `src/storage`. */
export interface HealthStore {
  /**
   * The account's signals at `now`, within the model's windows; `previousBand` left null and
   * `firstMessage` null (quotes are read for the cited requests only, see gather-signals.ts).
   */
  readSignals(account: Account, now: Date, model: HealthModel): Promise<AccountSignals>;
  /**
   * `readSignals` for many accounts at once, keyed by account id (every account given has an
   * entry): the nightly snapshot reads a batch per statement instead of four statements per account.
   */
  readManySignals(
    accounts: readonly Account[],
    now: Date,
    model: HealthModel,
  ): Promise<Map<string, AccountSignals>>;
  /** The first customer message of each request, as a quote (excerpt, link, author, time). */
  readQuotes(requestIds: string[]): Promise<Map<string, Quote>>;
  /** One account's snapshots from `fromDay` (inclusive, `YYYY-MM-DD`), oldest first. */
  listSnapshots(accountId: string, fromDay: string): Promise<HealthSnapshot[]>;
  /** Writes (or rewrites) the snapshot of its account and day. */
  saveSnapshot(snapshot: HealthSnapshot): Promise<void>;
  /** `saveSnapshot` for many snapshots in one statement (at most one per account and day). */
  saveSnapshots(snapshots: readonly HealthSnapshot[]): Promise<void>;
  /**
   * Each account's latest snapshot on or before `day`. `factors: false` leaves each snapshot's
   * factors empty: the risk list needs only score, band and top reason, at 10 000 accounts.
   * `withinDays` looks no further back than that many days (a range read by day instead of a walk
   * over every account's history); an account without a snapshot in that window is left out.
   */
  latestSnapshots(
    day: string,
    options?: { factors?: boolean; withinDays?: number },
  ): Promise<Map<string, HealthSnapshot>>;
  /**
   * Claims the alert for one band transition, once across replicas: false when it was claimed
   * before, or when the account had another alert within `cooldownHours` of `now`.
   */
  claimAlert(input: {
    accountId: string;
    fromBand: HealthBand;
    toBand: HealthBand;
    day: string;
    cooldownHours: number;
    now: Date;
  }): Promise<boolean>;
  markAlertSent(key: {
    accountId: string;
    fromBand: HealthBand;
    toBand: HealthBand;
    day: string;
  }): Promise<void>;
}

export function alertKey(input: {
  accountId: string;
  fromBand: HealthBand;
  toBand: HealthBand;
  day: string;
}): string {
  return `health:${input.accountId}:${input.day}:${input.fromBand}->${input.toBand}`;
}

/**
 * How far back the risk list, the digest and the nightly job look for an account's latest
 * snapshot. The nightly job snapshots every account every day, so two weeks leaves room for
 * downtime while keeping the read to a range of recent days.
 */
export const RECENT_SNAPSHOT_DAYS = 14;

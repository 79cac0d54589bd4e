import type { Account, Destination } from '../directory.ts';
import { compareBands } from './choose-band.ts';
import { compareWithSnapshot, type HealthChanges } from './compare-with-snapshot.ts';
import type { HealthDeps } from './explain-account.ts';
import { DAY_MS } from './factor-measure.ts';
import { gatherSignals } from './gather-signals.ts';
import type { HealthBand } from './health-model.ts';
import { type HealthSnapshot, toSnapshot } from './health-snapshot.ts';
import { RECENT_SNAPSHOT_DAYS } from './health-store.ts';
import { type AccountHealth, type HealthFactor, scoreAccount } from './score-account.ts';

/** An account's band changed (after hysteresis) since its previous snapshot. */
export interface HealthAlert {
  account: Account;
  fromBand: HealthBand;
  toBand: HealthBand;
  worse: boolean;
  scoreFrom: number | null;
  scoreTo: number;
  /** The factors that moved since the previous snapshot. */
  changes: HealthChanges;
  /** The factors that hurt most now, with their quotes. */
  factors: HealthFactor[];
  day: string;
}

/** Sends an alert to the account owner (a DM) and the CS channel; one per platform. */
export interface HealthAlertSender {
  send(alert: HealthAlert, to: { owner: string | null; channel: Destination | null }): Promise<void>;
}

export interface AlertSettings {
  /** Where at-risk alerts are posted for the CS team; the owner gets a DM too. */
  channel: Destination | null;
  /** Hours after an alert in which the same account raises no other (default 72). */
  cooldownHours: number;
  /** Announce improvements too, not only worsening. */
  announceImprovements: boolean;
}

export interface SnapshotRunOutcome {
  day: string;
  snapshots: number;
  transitions: Array<{ accountId: string; fromBand: HealthBand; toBand: HealthBand }>;
  alerted: string[];
  /** Alerts not sent: claimed elsewhere, cooling down, or failed (with the error). */
  skipped: Array<{ accountId: string; reason: string }>;
}

/**
 * Accounts scored per batch: one read of their signals and one write of their snapshots, instead
 * of five statements per account (on embedded PGlite, one connection, that alone took minutes for
 * 10,000 accounts). A batch of a few hundred still reads through the (account_id, time) indexes.
 */
export const SNAPSHOT_BATCH = 250;

/**
 * The nightly job: scores every account, stores the day's snapshot, and alerts band changes once
 * (claimed in the store, so two replicas running the job alert once) with a cool-down.
 */
export async function takeDailySnapshots(
  deps: HealthDeps & {
    alerts: HealthAlertSender | null;
    alertSettings: AlertSettings;
    /** Batches read at once (default 8). */
    concurrency?: number;
    /** Accounts per batch (default SNAPSHOT_BATCH). */
    batchSize?: number;
  },
): Promise<SnapshotRunOutcome> {
  const now = deps.clock.now();
  const day = now.toISOString().slice(0, 10);
  const yesterday = new Date(now.getTime() - DAY_MS).toISOString().slice(0, 10);
  const previous = await deps.store.latestSnapshots(yesterday, { withinDays: RECENT_SNAPSHOT_DAYS });
  const outcome: SnapshotRunOutcome = { day, snapshots: 0, transitions: [], alerted: [], skipped: [] };
  const accounts = deps.accounts();
  const size = Math.max(1, deps.batchSize ?? SNAPSHOT_BATCH);
  const queue = Array.from({ length: Math.ceil(accounts.length / size) }, (_, index) =>
    accounts.slice(index * size, (index + 1) * size),
  );
  const alert = async (account: Account, before: HealthSnapshot, health: AccountHealth) => {
    if (!before.band || !health.band || health.score === null || before.band === health.band) return;
    const worse = compareBands(health.band, before.band) > 0;
    outcome.transitions.push({ accountId: account.id, fromBand: before.band, toBand: health.band });
    if (!deps.alerts || (!worse && !deps.alertSettings.announceImprovements)) return;
    const key = { accountId: account.id, fromBand: before.band, toBand: health.band, day };
    const claimed = await deps.store.claimAlert({
      ...key,
      cooldownHours: deps.alertSettings.cooldownHours,
      now,
    });
    if (!claimed) {
      outcome.skipped.push({ accountId: account.id, reason: 'claimed already or cooling down' });
      return;
    }
    try {
      // The snapshot scored without text; the alert quotes the customer, so read the cited words.
      const quoted = await gatherSignals(deps.store, account, now, deps.model);
      const explained = scoreAccount({ ...quoted, previousBand: before.band }, now, deps.model);
      await deps.alerts.send(
        {
          account,
          fromBand: before.band,
          toBand: health.band,
          worse,
          scoreFrom: before.score,
          scoreTo: health.score,
          changes: compareWithSnapshot(health, before),
          factors: explained.factors.filter((factor) => factor.direction !== 'positive').slice(0, 3),
          day,
        },
        { owner: account.owner ?? null, channel: deps.alertSettings.channel },
      );
      await deps.store.markAlertSent(key);
      outcome.alerted.push(account.id);
    } catch (error) {
      outcome.skipped.push({ accountId: account.id, reason: `failed: ${String(error)}` });
    }
  };
  const worker = async () => {
    for (let batch = queue.shift(); batch; batch = queue.shift()) {
      const signals = await deps.store.readManySignals(batch, now, deps.model);
      const scored = batch.flatMap((account) => {
        const read = signals.get(account.id);
        if (!read) return [];
        const before = previous.get(account.id) ?? null;
        const health = scoreAccount({ ...read, previousBand: before?.band ?? null }, now, deps.model);
        return [{ account, before, health }];
      });
      await deps.store.saveSnapshots(scored.map(({ account, health }) => toSnapshot(account.id, health)));
      outcome.snapshots += scored.length;
      for (const { account, before, health } of scored) if (before) await alert(account, before, health);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, deps.concurrency ?? 8) }, worker));
  return outcome;
}

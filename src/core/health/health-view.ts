import type { Account } from '../directory.ts';
import type { Priority } from '../priority.ts';
import type { RequestState } from '../request-state.ts';
import type { AccountSignals } from './account-signals.ts';
import { compareWithSnapshot, type HealthChanges } from './compare-with-snapshot.ts';
import { DAY_MS, median } from './factor-measure.ts';
import type { HealthBand, HealthSignal } from './health-model.ts';
import type { HealthSnapshot } from './health-snapshot.ts';
import { isWaitingOnUs } from './measure-requests.ts';
import type { AccountHealth, ExcludedFactor, FactorDirection } from './score-account.ts';
import { suggestNextStep } from './suggest-next-step.ts';
import { daysToRenewal, urgencyOf } from './urgency.ts';

/**
 * Everything `/churn <account>` shows, platform-free: Slack renders it as Block Kit, Teams as an
 * Adaptive Card, the CLI as text or JSON (field names are the documented JSON shape).
 */
export interface AccountHealthView {
  account: {
    id: string;
    name: string;
    tier: string;
    owner: string | null;
    arr: number | null;
    renewalDate: string | null;
    daysToRenewal: number | null;
  };
  score: number | null;
  band: HealthBand | null;
  bandHeld: boolean;
  urgency: number;
  /** One point a week, oldest first, the last being now. */
  trend: Array<{ date: string; score: number | null }>;
  drivers: Array<{
    signal: HealthSignal;
    value: string;
    points: number;
    maxPoints: number;
    direction: FactorDirection;
    reason: string;
    evidence: Array<{ quote: string; link: string | null; author: string; at: string; requestId?: string }>;
    requestIds: string[];
  }>;
  excluded: ExcludedFactor[];
  note: string | null;
  changes: HealthChanges;
  openRequests: Array<{
    id: string;
    state: RequestState;
    priority: Priority | null;
    openedAt: string;
    quote: string | null;
    link: string | null;
  }>;
  responseTimes: { measured: number; withinTarget: number; medianBusinessMinutes: number | null };
  nextStep: string;
  modelVersion: string;
}

/** Weekly trend points from daily snapshots: the latest snapshot of each of the last `weeks` weeks. */
export function weeklyTrend(
  snapshots: HealthSnapshot[],
  current: AccountHealth,
  weeks = 12,
): AccountHealthView['trend'] {
  const now = current.at.getTime();
  const points: AccountHealthView['trend'] = [];
  for (let week = weeks - 1; week >= 1; week--) {
    const end = new Date(now - week * 7 * DAY_MS).toISOString().slice(0, 10);
    const start = new Date(now - (week + 1) * 7 * DAY_MS).toISOString().slice(0, 10);
    const inWeek = snapshots.filter((snapshot) => snapshot.day > start && snapshot.day <= end);
    const last = inWeek.sort((a, b) => a.day.localeCompare(b.day)).at(-1);
    if (last) points.push({ date: last.day, score: last.score });
  }
  points.push({ date: current.at.toISOString().slice(0, 10), score: current.score });
  return points;
}

/** The snapshot to compare with for "since last week": the latest one at least 7 days old. */
export function snapshotWeekBefore(snapshots: HealthSnapshot[], now: Date): HealthSnapshot | null {
  const cutoff = new Date(now.getTime() - 7 * DAY_MS).toISOString().slice(0, 10);
  return (
    snapshots
      .filter((snapshot) => snapshot.day <= cutoff)
      .sort((a, b) => a.day.localeCompare(b.day))
      .at(-1) ?? null
  );
}

export function buildHealthView(input: {
  account: Account;
  health: AccountHealth;
  signals: AccountSignals;
  snapshots: HealthSnapshot[];
}): AccountHealthView {
  const { account, health, signals, snapshots } = input;
  const now = health.at;
  const open = signals.requests
    .filter(isWaitingOnUs)
    .sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime());
  const measured = signals.requests.filter(
    (request) =>
      request.firstResponseMinutes !== null &&
      request.targetMinutes !== null &&
      now.getTime() - request.openedAt.getTime() <= 30 * DAY_MS,
  );
  return {
    account: {
      id: account.id,
      name: account.name,
      tier: account.tier,
      owner: account.owner ?? null,
      arr: account.arr ?? null,
      renewalDate: account.renewalDate ?? null,
      daysToRenewal: daysToRenewal(account.renewalDate ?? null, now),
    },
    score: health.score,
    band: health.band,
    bandHeld: health.bandHeld,
    urgency: urgencyOf({
      score: health.score,
      arr: account.arr ?? null,
      renewalDate: account.renewalDate ?? null,
      now,
    }),
    trend: weeklyTrend(snapshots, health),
    drivers: health.factors.map((factor) => ({
      ...factor,
      evidence: factor.evidence.map((quote) => ({
        quote: quote.quote,
        link: quote.link,
        author: quote.author,
        at: quote.at.toISOString(),
        ...(quote.requestId ? { requestId: quote.requestId } : {}),
      })),
    })),
    excluded: health.excluded,
    note: health.note,
    changes: compareWithSnapshot(health, snapshotWeekBefore(snapshots, now)),
    openRequests: open.slice(0, 10).map((request) => ({
      id: request.id,
      state: request.state,
      priority: request.priority,
      openedAt: request.openedAt.toISOString(),
      quote: request.firstMessage?.quote ?? null,
      link: request.firstMessage?.link ?? null,
    })),
    responseTimes: {
      measured: measured.length,
      withinTarget: measured.filter((request) => request.firstResponseMinutes! <= request.targetMinutes!)
        .length,
      medianBusinessMinutes: median(measured.map((request) => request.firstResponseMinutes!)),
    },
    nextStep: suggestNextStep(health),
    modelVersion: health.modelVersion,
  };
}

import type { AccountSignals } from './account-signals.ts';
import type { HealthDeps } from './explain-account.ts';
import { DAY_MS } from './factor-measure.ts';
import type { HealthBand } from './health-model.ts';
import { toSnapshot } from './health-snapshot.ts';
import { scoreAccount } from './score-account.ts';

export interface BackfillOutcome {
  fromDay: string;
  toDay: string;
  /** Snapshots written. */
  written: number;
  /** Days an account already had a snapshot for (kept: a nightly snapshot saw the live state). */
  kept: number;
}

/**
 * Scores every account as it stood at the end of past days and stores those snapshots, so trends
 * and `churn backtest` have history from before Verbatim took its first nightly snapshot (a
 * replayed export, an imported history). Signals are read as of each day's end; a request answered
 * after that day counts as still waiting on that day. What is not dated in storage (a request
 * resolved without an answer) is taken as it is now. Existing snapshots are never overwritten.
 */
export async function backfillSnapshots(
  deps: Pick<HealthDeps, 'store' | 'accounts' | 'model'>,
  input: { fromDay: string; toDay: string; everyDays?: number; concurrency?: number },
): Promise<BackfillOutcome> {
  const every = Math.max(1, input.everyDays ?? 1);
  const days: string[] = [];
  for (
    let at = Date.parse(`${input.fromDay}T00:00:00Z`);
    at <= Date.parse(`${input.toDay}T00:00:00Z`);
    at += every * DAY_MS
  )
    days.push(new Date(at).toISOString().slice(0, 10));
  const outcome: BackfillOutcome = { fromDay: input.fromDay, toDay: input.toDay, written: 0, kept: 0 };
  const queue = [...deps.accounts()];
  const worker = async () => {
    for (let account = queue.shift(); account; account = queue.shift()) {
      const existing = new Map(
        (await deps.store.listSnapshots(account.id, input.fromDay)).map((snapshot) => [
          snapshot.day,
          snapshot,
        ]),
      );
      let previousBand: HealthBand | null = null;
      for (const day of days) {
        const kept = existing.get(day);
        if (kept) {
          outcome.kept += 1;
          previousBand = kept.band ?? previousBand;
          continue;
        }
        const endOfDay = new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS - 1);
        const signals = asOf(await deps.store.readSignals(account, endOfDay, deps.model), endOfDay);
        const health = scoreAccount({ ...signals, previousBand }, endOfDay, deps.model);
        await deps.store.saveSnapshot(toSnapshot(account.id, health));
        outcome.written += 1;
        previousBand = health.band ?? previousBand;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, input.concurrency ?? 4) }, worker));
  return outcome;
}

/** Requests as they stood at `at`: an answer that came later had not come yet. */
function asOf(signals: AccountSignals, at: Date): AccountSignals {
  return {
    ...signals,
    requests: signals.requests.map((request) =>
      request.firstResponseAt && request.firstResponseAt.getTime() > at.getTime()
        ? { ...request, state: 'open', firstResponseAt: null, firstResponseMinutes: null }
        : request,
    ),
  };
}

import { allHoursClock, type BusinessClock } from './business-clock.ts';
import type { Priority } from './priority.ts';
import type { SlaPolicy } from './sla-policy.ts';

/**
 * One planned SLA nudge. `elapsedBusinessMinutes` is the point on the request's clock (business
 * minutes since routing) at which it is due; `dueAt` is that point as an instant.
 */
export interface NudgePlanItem {
  kind: 'warning' | 'breach' | 'repeat' | 'escalation';
  /** 1 for warning, breach and escalation; 1…maxRepeats for repeats. Makes each key unique. */
  seq: number;
  dueAt: Date;
  elapsedBusinessMinutes: number;
  targetMinutes: number;
}

export type DueNudge = NudgePlanItem & { key: string; late: boolean };

export type SlaState = 'ok' | 'warned' | 'breached' | 'escalated' | 'stopped';

export interface SlaStatus {
  targetMinutes: number;
  /** Business minutes from routing until now, or until the clock stopped. */
  elapsedBusinessMinutes: number;
  /** When the first-response target is (or was) reached. */
  dueAt: Date;
  state: SlaState;
}

/** Repeats never come closer together than this many business minutes, whatever the fractions say. */
export const MIN_REPEAT_MINUTES = 15;

/** A nudge sent more than this many real minutes after it could first have gone out is `late`. */
export const LATE_AFTER_MINUTES = 15;

const KIND_ORDER: Record<NudgePlanItem['kind'], number> = { warning: 0, breach: 1, repeat: 2, escalation: 3 };

/** First-response target in business minutes: the tier's override when it has one, else the policy's. */
export function slaTargetMinutes(policy: SlaPolicy, priority: Priority, tier: string | null): number {
  const override = tier === null ? undefined : policy.tiers[tier]?.[priority];
  return override ?? policy.targets[priority];
}

/** The clock a priority runs on: 24/7 for the policy's `allHours` priorities, else the team's hours. */
export function clockFor(priority: Priority, policy: SlaPolicy, teamClock: BusinessClock): BusinessClock {
  return policy.allHours.includes(priority) ? allHoursClock : teamClock;
}

/**
 * Every nudge a request can get, in due order: a warning at `warnAt` × target, the breach at the
 * target, up to `maxRepeats` repeats every `repeatEvery` × target after the breach (at least
 * MIN_REPEAT_MINUTES apart), and the escalation at (1 + `escalateAfter`) × target.
 * `clock` is the priority's clock (see `clockFor`); the SLA clock starts at `routedAt`.
 */
export function planNudges(input: {
  routedAt: Date;
  priority: Priority;
  tier: string | null;
  policy: SlaPolicy;
  clock: BusinessClock;
}): NudgePlanItem[] {
  const { routedAt, policy, clock } = input;
  const target = slaTargetMinutes(policy, input.priority, input.tier);
  const item = (kind: NudgePlanItem['kind'], seq: number, elapsed: number): NudgePlanItem => ({
    kind,
    seq,
    dueAt: clock.addBusinessMinutes(routedAt, elapsed),
    elapsedBusinessMinutes: elapsed,
    targetMinutes: target,
  });
  const items = [item('warning', 1, policy.warnAt * target), item('breach', 1, target)];
  const repeatEvery = Math.max(policy.repeatEvery * target, MIN_REPEAT_MINUTES);
  for (let seq = 1; seq <= policy.maxRepeats; seq++)
    items.push(item('repeat', seq, target + seq * repeatEvery));
  items.push(item('escalation', 1, target * (1 + policy.escalateAfter)));
  return items.sort(compareDue);
}

/** Idempotency key of a nudge, claimed atomically when it is sent. */
export function nudgeKey(requestId: string, item: Pick<NudgePlanItem, 'kind' | 'seq'>): string {
  return `${requestId}:${item.kind}:${item.seq}`;
}

/**
 * The nudges to send at `now`. Nothing is sent
 * - once the clock has stopped (`stoppedAt`: first staff reply or resolve, at or before `now`),
 *   and no item due at or after `stoppedAt` is ever sent;
 * - while snoozed (`now` < `snoozedUntil`);
 * - while `clock` is closed (outside business hours; a 24/7 clock is always open).
 *
 * Catching up (after a snooze, a night, a weekend or downtime) never floods a thread: the thread
 * nudges (warning, breach, repeats) collapse to the single latest one that is due, and earlier
 * unsent ones are skipped for good (a warning is stale once the breach is due). The escalation goes
 * to other people, so it is decided on its own. An item that is the latest due one but already
 * in `sent` means nothing more is due.
 *
 * `late` is true when `now` is more than LATE_AFTER_MINUTES real minutes after the first moment the
 * item could have been sent (due, open and not snoozed), i.e. the process was down or behind.
 */
export function dueNudges(input: {
  requestId: string;
  plan: readonly NudgePlanItem[];
  now: Date;
  stoppedAt: Date | null;
  snoozedUntil: Date | null;
  /** Keys (see `nudgeKey`) already sent for this request. */
  sent: ReadonlySet<string>;
  clock: BusinessClock;
}): DueNudge[] {
  const { requestId, plan, now, stoppedAt, snoozedUntil, sent, clock } = input;
  const nowMs = now.getTime();
  if (stoppedAt !== null && stoppedAt.getTime() <= nowMs) return [];
  if (snoozedUntil !== null && nowMs < snoozedUntil.getTime()) return [];
  if (!clock.isOpen(now)) return [];
  const due = plan.filter(
    (item) =>
      item.dueAt.getTime() <= nowMs && (stoppedAt === null || item.dueAt.getTime() < stoppedAt.getTime()),
  );
  const chosen = [
    latestOf(due.filter((item) => item.kind !== 'escalation')),
    latestOf(due.filter((item) => item.kind === 'escalation')),
  ];
  const result: DueNudge[] = [];
  for (const item of chosen) {
    if (item === undefined) continue;
    const key = nudgeKey(requestId, item);
    if (sent.has(key)) continue;
    const sendableFrom = clock.nextOpening(
      new Date(Math.max(item.dueAt.getTime(), snoozedUntil?.getTime() ?? 0)),
    );
    const late = nowMs - sendableFrom.getTime() > LATE_AFTER_MINUTES * 60_000;
    result.push({ ...item, key, late });
  }
  return result;
}

/** Where a request stands against its first-response target, for `verbatim sla` listings. */
export function slaStatus(input: {
  routedAt: Date;
  priority: Priority;
  tier: string | null;
  policy: SlaPolicy;
  clock: BusinessClock;
  now: Date;
  /** First staff reply or resolve; null while the clock runs. */
  stoppedAt: Date | null;
}): SlaStatus {
  const { routedAt, policy, clock, now, stoppedAt } = input;
  const targetMinutes = slaTargetMinutes(policy, input.priority, input.tier);
  const stopped = stoppedAt !== null && stoppedAt.getTime() <= now.getTime();
  const elapsedBusinessMinutes = clock.businessMinutesBetween(routedAt, stopped ? stoppedAt : now);
  const dueAt = clock.addBusinessMinutes(routedAt, targetMinutes);
  let state: SlaState = 'ok';
  if (stopped) state = 'stopped';
  else if (elapsedBusinessMinutes >= targetMinutes * (1 + policy.escalateAfter)) state = 'escalated';
  else if (elapsedBusinessMinutes >= targetMinutes) state = 'breached';
  else if (elapsedBusinessMinutes >= targetMinutes * policy.warnAt) state = 'warned';
  return { targetMinutes, elapsedBusinessMinutes, dueAt, state };
}

function latestOf(items: NudgePlanItem[]): NudgePlanItem | undefined {
  return items.reduce<NudgePlanItem | undefined>(
    (latest, item) => (latest === undefined || compareDue(item, latest) > 0 ? item : latest),
    undefined,
  );
}

/** Orders plan items by their point on the clock, then warning < breach < repeat < escalation. */
function compareDue(a: NudgePlanItem, b: NudgePlanItem): number {
  return (
    a.elapsedBusinessMinutes - b.elapsedBusinessMinutes ||
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    a.seq - b.seq
  );
}

import type { BusinessCalendar } from '../business-calendar.ts';
import { createBusinessClock } from '../business-clock.ts';
import type { Priority } from '../priority.ts';
import type { SlaPolicy } from '../sla-policy.ts';
import { clockFor, dueNudges, type NudgePlanItem, nudgeKey, planNudges } from '../sla-schedule.ts';
import { formatBusinessMinutes, formatLocalTime } from './compose-sla-note.ts';

export interface SimulatedNudge {
  kind: NudgePlanItem['kind'];
  seq: number;
  /** When the every-minute checker would have sent it: the first whole minute it was due and open. */
  at: Date;
  /** Business minutes on the clock at that moment. */
  elapsedBusinessMinutes: number;
  targetMinutes: number;
  /** Thread nudges reply on the routed post; the escalation goes to the team's escalation destination. */
  to: 'thread' | 'escalation';
  /** One line for the demo, e.g. `Mon 16 Mar 10:30 warning: 1 h 30 min of business time, target 2 h`. */
  summary: string;
}

/**
 * The nudges and escalation a request's history would have produced with Verbatim running all
 * along: the same plan and the same `dueNudges` rules as the live checker (business hours, 24/7
 * priorities, catch-up collapse), evaluated at each moment something could become sendable.
 * Pure; the demo prints it for its example history.
 */
export function simulateSla(input: {
  requestId?: string;
  routedAt: Date;
  priority: Priority;
  tier: string | null;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  /** The owning team's calendar. */
  calendar: BusinessCalendar;
  policy: SlaPolicy;
  /** Simulate up to this instant (the demo's "now"); a still-open request has nothing after it. */
  until: Date;
}): SimulatedNudge[] {
  const requestId = input.requestId ?? 'simulated';
  const clock = clockFor(input.priority, input.policy, createBusinessClock(input.calendar));
  const allHours = input.policy.allHours.includes(input.priority);
  const plan = planNudges({
    routedAt: input.routedAt,
    priority: input.priority,
    tier: input.tier,
    policy: input.policy,
    clock,
  });
  const stops = [input.firstResponseAt, input.resolvedAt].filter((at): at is Date => at !== null);
  const stoppedAt = stops.length === 0 ? null : new Date(Math.min(...stops.map((at) => at.getTime())));
  // The live checker ticks on whole minutes (pg-boss cron), so a nudge goes out at the first one.
  const firstTick = (dueAt: Date): number => {
    const tick = Math.ceil(clock.nextOpening(dueAt).getTime() / 60_000) * 60_000;
    // Rounding up may step past the end of a span (due 15:59:30, closed at 16:00): the next opening then.
    return clock.isOpen(new Date(tick)) ? tick : clock.nextOpening(new Date(tick)).getTime();
  };
  const moments = [...new Set(plan.map((item) => firstTick(item.dueAt)))]
    .filter((at) => at <= input.until.getTime() && (stoppedAt === null || at < stoppedAt.getTime()))
    .sort((a, b) => a - b);

  const sent = new Set<string>();
  const produced: SimulatedNudge[] = [];
  for (const moment of moments) {
    const now = new Date(moment);
    for (const item of dueNudges({ requestId, plan, now, stoppedAt, snoozedUntil: null, sent, clock })) {
      sent.add(nudgeKey(requestId, item));
      const elapsed = clock.businessMinutesBetween(input.routedAt, now);
      const clockWords = allHours ? 'round the clock' : 'of business time';
      produced.push({
        kind: item.kind,
        seq: item.seq,
        at: now,
        elapsedBusinessMinutes: elapsed,
        targetMinutes: item.targetMinutes,
        to: item.kind === 'escalation' ? 'escalation' : 'thread',
        summary:
          `${formatLocalTime(now, input.calendar.timezone)} ${item.kind}${item.kind === 'repeat' ? ` ${item.seq}` : ''}: ` +
          `${formatBusinessMinutes(elapsed)} ${clockWords}, target ${formatBusinessMinutes(item.targetMinutes)}`,
      });
    }
  }
  return produced;
}

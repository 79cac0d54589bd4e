import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { BusinessCalendarSchema } from '../../src/core/business-calendar.ts';
import { allHoursClock, type BusinessClock, createBusinessClock } from '../../src/core/business-clock.ts';
import type { Priority } from '../../src/core/priority.ts';
import { type SlaPolicy, SlaPolicySchema } from '../../src/core/sla-policy.ts';
import {
  clockFor,
  dueNudges,
  type NudgePlanItem,
  nudgeKey,
  planNudges,
  slaStatus,
  slaTargetMinutes,
} from '../../src/core/sla-schedule.ts';

const HEL = 'Europe/Helsinki';

/** The instant a Helsinki wall clock reads `YYYY-MM-DD HH:MM` (oracle: @date-fns/tz). */
function hel(wall: string): Date {
  const [y, mo, d, h, mi] = wall.split(/[- :]/).map(Number) as [number, number, number, number, number];
  return new Date(new TZDate(y, mo - 1, d, h, mi, HEL).getTime());
}

const defaults = SlaPolicySchema.parse({});
const team = createBusinessClock(BusinessCalendarSchema.parse({ timezone: HEL }));

function plan(priority: Priority, routedAt: Date, policy: SlaPolicy = defaults, tier: string | null = null) {
  return planNudges({ routedAt, priority, tier, policy, clock: clockFor(priority, policy, team) });
}

const summary = (items: NudgePlanItem[]) =>
  items.map((item) => `${item.kind}#${item.seq} ${item.dueAt.toISOString()}`);

describe('slaTargetMinutes and clockFor', () => {
  const policy = SlaPolicySchema.parse({ tiers: { enterprise: { P3: 240 } } });

  it.each([
    ['P3', 'enterprise', 240],
    ['P3', 'smb', 480],
    ['P3', null, 480],
    ['P2', 'enterprise', 120],
  ] as const)('gives %s for tier %s a target of %i business minutes', (priority, tier, target) => {
    expect(slaTargetMinutes(policy, priority, tier)).toBe(target);
  });

  it('runs P1 on the 24/7 clock and other priorities on the team’s hours, as configured', () => {
    expect(clockFor('P1', defaults, team)).toBe(allHoursClock);
    expect(clockFor('P3', defaults, team)).toBe(team);
    expect(clockFor('P1', SlaPolicySchema.parse({ allHours: [] }), team)).toBe(team);
  });
});

describe('planNudges', () => {
  it('plans warning, breach, capped repeats and escalation for a P2 routed Monday 09:00', () => {
    expect(summary(plan('P2', hel('2026-03-16 09:00')))).toEqual([
      `warning#1 ${hel('2026-03-16 10:30').toISOString()}`,
      `breach#1 ${hel('2026-03-16 11:00').toISOString()}`,
      `repeat#1 ${hel('2026-03-16 13:00').toISOString()}`,
      `escalation#1 ${hel('2026-03-16 13:00').toISOString()}`,
      `repeat#2 ${hel('2026-03-16 15:00').toISOString()}`,
    ]);
  });

  it('counts a P1 routed Friday 22:00 round the clock, but a P3 from Monday’s opening', () => {
    const friday = hel('2026-03-13 22:00');
    const p1 = plan('P1', friday);
    expect(p1.find((item) => item.kind === 'breach')?.dueAt).toEqual(hel('2026-03-13 22:30'));
    expect(p1.find((item) => item.kind === 'escalation')?.dueAt).toEqual(hel('2026-03-13 23:00'));
    const p3 = plan('P3', friday);
    expect(p3.find((item) => item.kind === 'warning')?.dueAt).toEqual(hel('2026-03-16 15:00'));
    expect(p3.find((item) => item.kind === 'breach')?.dueAt).toEqual(hel('2026-03-16 17:00'));
    expect(p3.find((item) => item.kind === 'escalation')?.dueAt).toEqual(hel('2026-03-17 17:00'));
  });

  it('uses the tier’s target and records it on every item', () => {
    const policy = SlaPolicySchema.parse({ tiers: { enterprise: { P3: 240 } } });
    const items = plan('P3', hel('2026-03-16 09:00'), policy, 'enterprise');
    expect(items.every((item) => item.targetMinutes === 240)).toBe(true);
    expect(items.find((item) => item.kind === 'breach')?.dueAt).toEqual(hel('2026-03-16 13:00'));
  });

  it('caps repeats at maxRepeats and numbers them so their keys differ', () => {
    const none = plan('P2', hel('2026-03-16 09:00'), SlaPolicySchema.parse({ maxRepeats: 0 }));
    expect(none.filter((item) => item.kind === 'repeat')).toEqual([]);
    const four = plan(
      'P2',
      hel('2026-03-16 09:00'),
      SlaPolicySchema.parse({ maxRepeats: 4, repeatEvery: 0.5 }),
    );
    const repeats = four.filter((item) => item.kind === 'repeat');
    expect(repeats.map((item) => [item.seq, item.elapsedBusinessMinutes])).toEqual([
      [1, 180],
      [2, 240],
      [3, 300],
      [4, 360],
    ]);
    expect(new Set(four.map((item) => nudgeKey('r1', item))).size).toBe(four.length);
  });

  it('keeps repeats at least 15 business minutes apart whatever the fraction says', () => {
    const policy = SlaPolicySchema.parse({
      targets: { P1: 10, P2: 120, P3: 480, P4: 1440 },
      repeatEvery: 0.1,
    });
    const repeats = plan('P1', hel('2026-03-16 09:00'), policy).filter((item) => item.kind === 'repeat');
    expect(repeats.map((item) => item.elapsedBusinessMinutes)).toEqual([25, 40]);
  });
});

describe('nudgeKey', () => {
  it('is request, kind and sequence number', () => {
    expect(nudgeKey('req-42', { kind: 'repeat', seq: 2 })).toBe('req-42:repeat:2');
  });
});

describe('dueNudges', () => {
  const routedAt = hel('2026-03-16 09:00');
  const p2 = plan('P2', routedAt);
  const due = (
    now: string,
    options: {
      sent?: string[];
      stoppedAt?: string;
      snoozedUntil?: string;
      clock?: BusinessClock;
      items?: NudgePlanItem[];
    } = {},
  ) =>
    dueNudges({
      requestId: 'r1',
      plan: options.items ?? p2,
      now: hel(now),
      stoppedAt: options.stoppedAt ? hel(options.stoppedAt) : null,
      snoozedUntil: options.snoozedUntil ? hel(options.snoozedUntil) : null,
      sent: new Set(options.sent ?? []),
      clock: options.clock ?? team,
    }).map((item) => `${item.key}${item.late ? ' late' : ''}`);

  it('sends nothing before the warning point, then the warning at it', () => {
    expect(due('2026-03-16 10:29')).toEqual([]);
    expect(due('2026-03-16 10:30')).toEqual(['r1:warning:1']);
  });

  it('does not send a nudge twice', () => {
    expect(due('2026-03-16 10:31', { sent: ['r1:warning:1'] })).toEqual([]);
    expect(due('2026-03-16 11:00', { sent: ['r1:warning:1'] })).toEqual(['r1:breach:1']);
  });

  it('stops at the first staff reply: nothing is due after the answer', () => {
    expect(due('2026-03-16 11:05', { stoppedAt: '2026-03-16 10:45', sent: ['r1:warning:1'] })).toEqual([]);
    expect(due('2026-03-16 15:00', { stoppedAt: '2026-03-16 10:45' })).toEqual([]);
  });

  it('stays silent while snoozed, then sends only the latest due thread nudge', () => {
    expect(due('2026-03-16 11:30', { snoozedUntil: '2026-03-16 12:00' })).toEqual([]);
    expect(due('2026-03-16 12:00', { snoozedUntil: '2026-03-16 12:00' })).toEqual(['r1:breach:1']);
    // The warning that fell inside the snooze is superseded for good, not sent a minute later.
    expect(due('2026-03-16 12:01', { snoozedUntil: '2026-03-16 12:00', sent: ['r1:breach:1'] })).toEqual([]);
  });

  it('catches up after downtime with one late thread nudge and the late escalation', () => {
    expect(due('2026-03-16 13:30', { sent: ['r1:warning:1'] })).toEqual([
      'r1:repeat:1 late',
      'r1:escalation:1 late',
    ]);
    expect(due('2026-03-16 13:10', { sent: ['r1:warning:1'] })).toEqual(['r1:repeat:1', 'r1:escalation:1']);
  });

  it('sends nothing outside business hours and catches up at the next opening without calling it late', () => {
    const p3 = plan('P3', hel('2026-03-13 09:00'));
    const sent = ['r1:warning:1'];
    expect(p3.find((item) => item.kind === 'breach')?.dueAt).toEqual(hel('2026-03-13 17:00'));
    expect(due('2026-03-13 17:30', { items: p3, sent })).toEqual([]);
    expect(due('2026-03-14 12:00', { items: p3, sent })).toEqual([]);
    expect(due('2026-03-16 09:00', { items: p3, sent })).toEqual(['r1:breach:1']);
    expect(due('2026-03-16 09:20', { items: p3, sent })).toEqual(['r1:breach:1 late']);
  });

  it('nudges a P1 at night when its policy runs it round the clock', () => {
    const p1 = plan('P1', hel('2026-03-14 02:00'));
    expect(due('2026-03-14 02:30', { items: p1, clock: allHoursClock, sent: ['r1:warning:1'] })).toEqual([
      'r1:breach:1',
    ]);
    expect(due('2026-03-14 02:30', { items: p1, clock: team, sent: ['r1:warning:1'] })).toEqual([]);
  });

  it('never sends more repeats than the cap, however long nobody answers', () => {
    const sent = ['r1:warning:1', 'r1:breach:1', 'r1:repeat:1', 'r1:escalation:1', 'r1:repeat:2'];
    expect(due('2026-03-20 12:00', { sent })).toEqual([]);
  });
});

describe('slaStatus', () => {
  const routedAt = hel('2026-03-16 09:00');
  const status = (now: string, stoppedAt: string | null = null) =>
    slaStatus({
      routedAt,
      priority: 'P2',
      tier: null,
      policy: defaults,
      clock: team,
      now: hel(now),
      stoppedAt: stoppedAt === null ? null : hel(stoppedAt),
    });

  it.each([
    ['2026-03-16 10:00', 'ok', 60],
    ['2026-03-16 10:30', 'warned', 90],
    ['2026-03-16 11:00', 'breached', 120],
    ['2026-03-16 13:00', 'escalated', 240],
    ['2026-03-17 10:00', 'escalated', 540],
  ] as const)('at %s the request is %s after %i business minutes', (now, state, elapsed) => {
    expect(status(now)).toEqual({
      targetMinutes: 120,
      elapsedBusinessMinutes: elapsed,
      dueAt: hel('2026-03-16 11:00'),
      state,
    });
  });

  it('freezes the elapsed minutes when the clock stops', () => {
    expect(status('2026-03-17 10:00', '2026-03-16 10:45')).toMatchObject({
      state: 'stopped',
      elapsedBusinessMinutes: 105,
    });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BusinessCalendarSchema } from '../../../src/core/business-calendar.ts';
import { createBusinessClock } from '../../../src/core/business-clock.ts';
import { simulateSla } from '../../../src/core/pipeline/simulate-sla.ts';
import { PRIORITIES } from '../../../src/core/priority.ts';
import { SlaPolicySchema } from '../../../src/core/sla-policy.ts';
import { clockFor, dueNudges, nudgeKey, planNudges } from '../../../src/core/sla-schedule.ts';
import { hel } from './check-sla-kit.ts';

const calendar = BusinessCalendarSchema.parse({
  timezone: 'Europe/Helsinki',
  hours: [['08:00', '16:00']],
  holidays: ['2026-12-24', '2026-12-25'],
});
const policy = SlaPolicySchema.parse({});
const base = { tier: null, firstResponseAt: null, resolvedAt: null, calendar, policy };

describe('simulateSla', () => {
  it('replays an unanswered P2 from Monday morning: warning, breach, repeats, escalation', () => {
    const produced = simulateSla({
      ...base,
      routedAt: hel('2026-11-23 08:00'),
      priority: 'P2',
      until: hel('2026-11-30 00:00'),
    });
    expect(produced.map((item) => item.summary)).toEqual([
      'Mon 23 Nov 09:30 warning: 1 h 30 min of business time, target 2 h',
      'Mon 23 Nov 10:00 breach: 2 h of business time, target 2 h',
      'Mon 23 Nov 12:00 repeat 1: 4 h of business time, target 2 h',
      'Mon 23 Nov 12:00 escalation: 4 h of business time, target 2 h',
      'Mon 23 Nov 14:00 repeat 2: 6 h of business time, target 2 h',
    ]);
    expect(produced.map((item) => item.to)).toEqual(['thread', 'thread', 'thread', 'escalation', 'thread']);
  });

  it('stops at the first response: a P2 answered at 09:45 only got its warning', () => {
    const produced = simulateSla({
      ...base,
      routedAt: hel('2026-11-23 08:00'),
      priority: 'P2',
      firstResponseAt: hel('2026-11-23 09:45'),
      until: hel('2026-11-30 00:00'),
    });
    expect(produced.map((item) => item.kind)).toEqual(['warning']);
  });

  it('shows only what had happened by `until` for a request still open', () => {
    const produced = simulateSla({
      ...base,
      routedAt: hel('2026-11-23 08:00'),
      priority: 'P2',
      until: hel('2026-11-23 10:30'),
    });
    expect(produced.map((item) => item.kind)).toEqual(['warning', 'breach']);
  });

  it('waits for the next opening over a weekend and a holiday, unless the priority runs 24/7', () => {
    const p3 = simulateSla({
      ...base,
      routedAt: hel('2026-12-23 15:00'),
      priority: 'P3',
      until: hel('2027-01-31 00:00'),
    });
    // Wednesday 15:00 + 360 business minutes: 1 h on Wednesday, Christmas Eve and Day off, 5 h on Monday 28th.
    expect(p3[0]?.summary).toBe('Mon 28 Dec 13:00 warning: 6 h of business time, target 8 h');
    const p1 = simulateSla({
      ...base,
      routedAt: hel('2026-12-24 22:00'),
      priority: 'P1',
      until: hel('2026-12-26 00:00'),
    });
    expect(p1[0]?.summary).toBe('Thu 24 Dec 22:23 warning: 23 min round the clock, target 30 min');
  });

  it('never sends while the team is closed, after the clock stopped, or any nudge twice', () => {
    const clock = createBusinessClock(calendar);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 14 * 24 * 60 }),
        fc.constantFrom(...PRIORITIES),
        fc.option(fc.integer({ min: 0, max: 7 * 24 * 60 }), { nil: null }),
        (startMinute, priority, answerAfter) => {
          const routedAt = new Date(hel('2026-11-23 00:00').getTime() + startMinute * 60_000);
          const firstResponseAt =
            answerAfter === null ? null : new Date(routedAt.getTime() + answerAfter * 60_000);
          const produced = simulateSla({
            ...base,
            routedAt,
            priority,
            firstResponseAt,
            until: new Date(routedAt.getTime() + 30 * 24 * 3_600_000),
          });
          const keys = produced.map((item) => `${item.kind}:${item.seq}`);
          expect(new Set(keys).size).toBe(keys.length);
          expect(produced.length).toBeLessThanOrEqual(3 + policy.maxRepeats);
          for (const item of produced) {
            if (!policy.allHours.includes(priority)) expect(clock.isOpen(item.at)).toBe(true);
            if (firstResponseAt) expect(item.at.getTime()).toBeLessThan(firstResponseAt.getTime());
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('agrees with a checker that ticks every minute', () => {
    const teamClock = createBusinessClock(calendar);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 7 * 24 * 60 * 60 }),
        fc.constantFrom(...PRIORITIES.slice(0, 3)),
        fc.option(fc.integer({ min: 1, max: 2 * 24 * 60 }), { nil: null }),
        (startSecond, priority, answerAfter) => {
          const routedAt = new Date(hel('2026-11-23 00:00').getTime() + startSecond * 1000);
          const firstResponseAt =
            answerAfter === null ? null : new Date(routedAt.getTime() + answerAfter * 60_000);
          const until = new Date(routedAt.getTime() + 3 * 24 * 3_600_000);
          const clock = clockFor(priority, policy, teamClock);
          const plan = planNudges({ routedAt, priority, tier: null, policy, clock });
          const sent = new Set<string>();
          const ticked: string[] = [];
          for (
            let at = Math.ceil(routedAt.getTime() / 60_000) * 60_000;
            at <= until.getTime();
            at += 60_000
          ) {
            const now = new Date(at);
            for (const item of dueNudges({
              requestId: 'r',
              plan,
              now,
              stoppedAt: firstResponseAt,
              snoozedUntil: null,
              sent,
              clock,
            })) {
              sent.add(nudgeKey('r', item));
              ticked.push(`${item.kind}:${item.seq}@${now.toISOString()}`);
            }
          }
          const simulated = simulateSla({ ...base, routedAt, priority, firstResponseAt, until }).map(
            (item) => `${item.kind}:${item.seq}@${item.at.toISOString()}`,
          );
          expect(simulated).toEqual(ticked);
        },
      ),
      { numRuns: 25 },
    );
  });
});

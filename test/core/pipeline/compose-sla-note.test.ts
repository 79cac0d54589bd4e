import { describe, expect, it } from 'vitest';
import {
  composeEscalationNote,
  composeNudgeNote,
  formatBusinessMinutes,
  formatLocalTime,
} from '../../../src/core/pipeline/compose-sla-note.ts';
import { hel } from './check-sla-kit.ts';

const base = {
  elapsedBusinessMinutes: 130.4,
  priority: 'P2' as const,
  allHours: false,
  maxRepeats: 2,
  timezone: 'Europe/Helsinki',
};
const nudge = {
  kind: 'breach' as const,
  seq: 1,
  dueAt: hel('2026-11-23 10:00'),
  targetMinutes: 120,
  late: false,
};

describe('SLA note texts', () => {
  it.each([
    [0, '0 min'],
    [44.6, '45 min'],
    [60, '1 h'],
    [90, '1 h 30 min'],
    [1565, '26 h 5 min'],
  ])('formats %f business minutes as %s', (minutes, text) => {
    expect(formatBusinessMinutes(minutes)).toBe(text);
  });

  it('formats an instant in the team time zone, across the DST change', () => {
    expect(formatLocalTime(new Date('2026-03-29T00:30:00Z'), 'Europe/Helsinki')).toBe('Sun 29 Mar 02:30');
    expect(formatLocalTime(new Date('2026-03-29T01:30:00Z'), 'Europe/Helsinki')).toBe('Sun 29 Mar 04:30');
  });

  it('tells the on-call that nobody claimed the request, and nobody when there is no on-call', () => {
    const onCall = composeNudgeNote({ ...base, nudge, mention: { id: 'S0SUPPORT', who: 'on-call' } });
    expect(onCall).toEqual({
      kind: 'nudge',
      mentions: ['S0SUPPORT'],
      text: 'SLA breached: no first reply to the customer after 2 h 10 min of business time; the P2 target is 2 h. Nobody has claimed it yet.',
    });
    const nobody = composeNudgeNote({ ...base, nudge, mention: null });
    expect(nobody.mentions).toEqual([]);
    expect(nobody.text).toContain('Nobody has claimed it and the team has no on-call set.');
  });

  it('says a late nudge is late, with the time it fell due', () => {
    const late = composeNudgeNote({
      ...base,
      nudge: { ...nudge, kind: 'repeat', seq: 2, late: true },
      mention: { id: 'U0SAM', who: 'claimer' },
    });
    expect(late.text).toBe(
      'Still no first reply to the customer after 2 h 10 min of business time; the P2 target is 2 h. Reminder 2 of 2. You claimed it. Sent late: this reminder fell due Mon 23 Nov 10:00 (Europe/Helsinki) while Verbatim was not running.',
    );
  });

  it('escalates with the account, team, claimer and summary, and links the routed post', () => {
    const link = { destination: { platform: 'slack' as const, channel: 'C0SUPPORT' }, id: '1.2' };
    const note = composeEscalationNote({
      ...base,
      allHours: true,
      nudge: { ...nudge, kind: 'escalation' },
      accountName: 'Acme Logistics',
      teamName: 'Support',
      summary: 'CSV export fails.',
      mention: 'U0MANAGER',
      claimedBy: 'Sam',
      link,
    });
    expect(note).toEqual({
      kind: 'escalation',
      mentions: ['U0MANAGER'],
      link,
      text: 'SLA escalation: a P2 request from Acme Logistics routed to Support has waited 2 h 10 min (round the clock) for a first reply; the target is 2 h. It is claimed by Sam. Summary: CSV export fails.',
    });
  });
});

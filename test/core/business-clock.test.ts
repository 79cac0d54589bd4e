import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { type BusinessCalendar, BusinessCalendarSchema } from '../../src/core/business-calendar.ts';
import { allHoursClock, createBusinessClock } from '../../src/core/business-clock.ts';

const HEL = 'Europe/Helsinki';
const NYC = 'America/New_York';

/** The instant a wall clock in `zone` reads `YYYY-MM-DD HH:MM` (oracle: @date-fns/tz). */
function local(zone: string, wall: string): Date {
  const [y, mo, d, h, mi] = wall.split(/[- :]/).map(Number) as [number, number, number, number, number];
  return new Date(new TZDate(y, mo - 1, d, h, mi, zone).getTime());
}

function calendar(overrides: Partial<BusinessCalendar> & { timezone: string }): BusinessCalendar {
  return BusinessCalendarSchema.parse(overrides);
}

const helsinki = createBusinessClock(calendar({ timezone: HEL }));
const everyDay = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

describe('createBusinessClock: office hours Mon–Fri 09:00–17:00 in Helsinki', () => {
  it.each([
    ['a request arriving Friday 18:00 is due Monday', '2026-03-13 18:00', 60, '2026-03-16 10:00'],
    ['zero minutes outside hours is the next opening', '2026-03-13 18:00', 0, '2026-03-16 09:00'],
    ['zero minutes inside hours is the start itself', '2026-03-11 10:15', 0, '2026-03-11 10:15'],
    ['a request arriving before opening counts from 09:00', '2026-03-11 07:30', 30, '2026-03-11 09:30'],
    ['a request spanning the weekend continues Monday', '2026-03-13 16:30', 60, '2026-03-16 09:30'],
    [
      'minutes that end exactly at closing give the closing time',
      '2026-03-11 09:00',
      480,
      '2026-03-11 17:00',
    ],
    ['a full week of business minutes lands a week later', '2026-03-11 11:00', 5 * 480, '2026-03-18 11:00'],
  ])('%s', (_name, start, minutes, due) => {
    expect(helsinki.addBusinessMinutes(local(HEL, start), minutes)).toEqual(local(HEL, due));
  });

  it('measures a weekend as zero business minutes', () => {
    expect(
      helsinki.businessMinutesBetween(local(HEL, '2026-03-13 17:00'), local(HEL, '2026-03-16 09:00')),
    ).toBe(0);
    expect(
      helsinki.businessMinutesBetween(local(HEL, '2026-03-13 16:00'), local(HEL, '2026-03-16 10:00')),
    ).toBe(120);
  });

  it('returns 0 when the end is not after the start', () => {
    const t = local(HEL, '2026-03-11 12:00');
    expect(helsinki.businessMinutesBetween(t, t)).toBe(0);
    expect(helsinki.businessMinutesBetween(t, local(HEL, '2026-03-11 10:00'))).toBe(0);
  });

  it('counts fractional minutes to the millisecond', () => {
    const t = local(HEL, '2026-03-11 12:00');
    expect(helsinki.businessMinutesBetween(t, new Date(t.getTime() + 1_500))).toBe(0.025);
    expect(helsinki.addBusinessMinutes(t, 0.025)).toEqual(new Date(t.getTime() + 1_500));
  });

  it('is open from the opening minute up to, not including, closing', () => {
    expect(helsinki.isOpen(local(HEL, '2026-03-11 09:00'))).toBe(true);
    expect(helsinki.isOpen(local(HEL, '2026-03-11 16:59'))).toBe(true);
    expect(helsinki.isOpen(local(HEL, '2026-03-11 17:00'))).toBe(false);
    expect(helsinki.isOpen(local(HEL, '2026-03-14 12:00'))).toBe(false);
    expect(helsinki.nextOpening(local(HEL, '2026-03-11 17:00'))).toEqual(local(HEL, '2026-03-12 09:00'));
  });

  it('rejects negative or non-finite minutes', () => {
    const t = local(HEL, '2026-03-11 12:00');
    expect(() => helsinki.addBusinessMinutes(t, -1)).toThrow(/≥ 0/);
    expect(() => helsinki.addBusinessMinutes(t, Number.NaN)).toThrow(/finite/);
  });
});

describe('createBusinessClock: holidays, split days and unusual spans', () => {
  const christmas = createBusinessClock(calendar({ timezone: HEL, holidays: ['2026-12-24', '2026-12-25'] }));

  it('skips holidays: Wednesday 16:00 before Christmas Eve and Day is due the next Monday', () => {
    expect(christmas.addBusinessMinutes(local(HEL, '2026-12-23 16:00'), 120)).toEqual(
      local(HEL, '2026-12-28 10:00'),
    );
    expect(
      christmas.businessMinutesBetween(local(HEL, '2026-12-23 09:00'), local(HEL, '2026-12-28 17:00')),
    ).toBe(960);
    expect(christmas.isOpen(local(HEL, '2026-12-24 12:00'))).toBe(false);
  });

  it('treats holidays as local dates: Christmas Eve starts at local midnight, not UTC midnight', () => {
    const nightShift = createBusinessClock(
      calendar({ timezone: HEL, days: [...everyDay], hours: [['00:00', '24:00']], holidays: ['2026-12-24'] }),
    );
    expect(nightShift.isOpen(local(HEL, '2026-12-23 23:59'))).toBe(true);
    expect(nightShift.isOpen(local(HEL, '2026-12-24 00:30'))).toBe(false);
    expect(nightShift.nextOpening(local(HEL, '2026-12-24 00:30'))).toEqual(local(HEL, '2026-12-25 00:00'));
  });

  const split = createBusinessClock(
    calendar({
      timezone: HEL,
      hours: [
        ['13:00', '17:00'],
        ['09:00', '12:00'],
      ],
    }),
  );

  it('pauses over a split day’s lunch break', () => {
    expect(split.addBusinessMinutes(local(HEL, '2026-03-11 11:30'), 60)).toEqual(
      local(HEL, '2026-03-11 13:30'),
    );
    expect(split.businessMinutesBetween(local(HEL, '2026-03-11 11:00'), local(HEL, '2026-03-11 14:00'))).toBe(
      120,
    );
    expect(split.businessMinutesBetween(local(HEL, '2026-03-11 00:00'), local(HEL, '2026-03-12 00:00'))).toBe(
      420,
    );
    expect(split.isOpen(local(HEL, '2026-03-11 12:30'))).toBe(false);
    expect(split.nextOpening(local(HEL, '2026-03-11 12:30'))).toEqual(local(HEL, '2026-03-11 13:00'));
  });

  it('merges overlapping spans instead of counting them twice', () => {
    const overlapping = createBusinessClock(
      calendar({
        timezone: HEL,
        hours: [
          ['09:00', '12:00'],
          ['11:00', '14:00'],
        ],
      }),
    );
    expect(
      overlapping.businessMinutesBetween(local(HEL, '2026-03-11 00:00'), local(HEL, '2026-03-12 00:00')),
    ).toBe(300);
  });

  it('runs an evening span ending 24:00 into the next evening', () => {
    const evenings = createBusinessClock(
      calendar({ timezone: HEL, days: [...everyDay], hours: [['18:00', '24:00']] }),
    );
    expect(evenings.addBusinessMinutes(local(HEL, '2026-03-11 23:30'), 60)).toEqual(
      local(HEL, '2026-03-12 18:30'),
    );
    expect(evenings.isOpen(local(HEL, '2026-03-11 23:59'))).toBe(true);
    expect(evenings.isOpen(local(HEL, '2026-03-12 00:00'))).toBe(false);
  });

  it('throws a clear error for a calendar with no working time instead of looping', () => {
    const saturdays: string[] = [];
    for (
      let day = new Date('2026-01-03');
      day < new Date('2030-01-01');
      day.setUTCDate(day.getUTCDate() + 7)
    ) {
      saturdays.push(day.toISOString().slice(0, 10));
    }
    const never = createBusinessClock(calendar({ timezone: HEL, days: ['sat'], holidays: saturdays }));
    expect(() => never.addBusinessMinutes(local(HEL, '2026-01-01 12:00'), 1)).toThrow(/no working time/);
    expect(() => createBusinessClock({ timezone: HEL, days: [], hours: [], holidays: [] })).toThrow(
      /no working time/,
    );
    expect(() =>
      createBusinessClock({ timezone: 'Mars/Olympus', days: ['mon'], hours: [], holidays: [] }),
    ).toThrow(/unknown time zone/);
  });
});

describe('createBusinessClock across daylight-saving changes', () => {
  it('keeps 09:00–17:00 at 8 h on both sides of a change outside the span (Helsinki, spring)', () => {
    const weekly = createBusinessClock(calendar({ timezone: HEL, days: [...everyDay] }));
    // Clocks go forward at 03:00 on Sunday 2026-03-29.
    expect(
      weekly.businessMinutesBetween(local(HEL, '2026-03-29 00:00'), local(HEL, '2026-03-30 00:00')),
    ).toBe(480);
    expect(weekly.addBusinessMinutes(local(HEL, '2026-03-28 16:00'), 120)).toEqual(
      local(HEL, '2026-03-29 10:00'),
    );
    expect(helsinki.addBusinessMinutes(local(HEL, '2026-03-27 16:00'), 120)).toEqual(
      local(HEL, '2026-03-30 10:00'),
    );
    expect(helsinki.addBusinessMinutes(local(HEL, '2026-03-27 16:00'), 120).toISOString()).toBe(
      '2026-03-30T07:00:00.000Z',
    );
  });

  it('keeps 09:00–17:00 at 8 h across the autumn change (New York)', () => {
    const newYork = createBusinessClock(calendar({ timezone: NYC, days: [...everyDay] }));
    expect(
      newYork.businessMinutesBetween(local(NYC, '2026-11-01 00:00'), local(NYC, '2026-11-02 00:00')),
    ).toBe(480);
    expect(newYork.addBusinessMinutes(local(NYC, '2026-10-31 16:00'), 120).toISOString()).toBe(
      '2026-11-01T15:00:00.000Z',
    );
  });

  const roundTheClock = (zone: string) =>
    createBusinessClock(calendar({ timezone: zone, days: [...everyDay], hours: [['00:00', '24:00']] }));

  it.each([
    ['Helsinki spring-forward day lasts 23 h', HEL, '2026-03-29', '2026-03-30', 23 * 60],
    ['Helsinki fall-back day lasts 25 h', HEL, '2026-10-25', '2026-10-26', 25 * 60],
    ['New York spring-forward day lasts 23 h', NYC, '2026-03-08', '2026-03-09', 23 * 60],
    ['New York fall-back day lasts 25 h', NYC, '2026-11-01', '2026-11-02', 25 * 60],
  ])('counts real time when the change falls inside the span: %s', (_name, zone, day, next, minutes) => {
    const clock = roundTheClock(zone);
    expect(clock.businessMinutesBetween(local(zone, `${day} 00:00`), local(zone, `${next} 00:00`))).toBe(
      minutes,
    );
    expect(clock.addBusinessMinutes(local(zone, `${day} 00:00`), minutes)).toEqual(
      local(zone, `${next} 00:00`),
    );
  });

  it('adds real minutes through the change: 24 h from Helsinki midnight before fall-back ends at 23:00', () => {
    expect(roundTheClock(HEL).addBusinessMinutes(local(HEL, '2026-10-25 00:00'), 24 * 60)).toEqual(
      local(HEL, '2026-10-25 23:00'),
    );
  });

  const earlyShift = createBusinessClock(
    calendar({ timezone: NYC, days: [...everyDay], hours: [['01:00', '05:00']] }),
  );

  it('shortens a New York 01:00–05:00 span to 3 h when clocks skip 02:00–03:00', () => {
    expect(
      earlyShift.businessMinutesBetween(local(NYC, '2026-03-08 00:00'), local(NYC, '2026-03-09 00:00')),
    ).toBe(180);
    // 01:30 EST + 60 business minutes = 03:30 EDT (07:30Z), one real hour later.
    expect(earlyShift.addBusinessMinutes(new Date('2026-03-08T06:30:00Z'), 60).toISOString()).toBe(
      '2026-03-08T07:30:00.000Z',
    );
  });

  it('lengthens a New York 01:00–05:00 span to 5 h when 01:00–02:00 repeats', () => {
    expect(
      earlyShift.businessMinutesBetween(local(NYC, '2026-11-01 00:00'), local(NYC, '2026-11-02 00:00')),
    ).toBe(300);
    // Opens at the first 01:00 (EDT, 05:00Z) and closes at 05:00 EST (10:00Z).
    expect(earlyShift.nextOpening(new Date('2026-11-01T04:00:00Z')).toISOString()).toBe(
      '2026-11-01T05:00:00.000Z',
    );
    expect(earlyShift.isOpen(new Date('2026-11-01T09:59:00Z'))).toBe(true);
    expect(earlyShift.isOpen(new Date('2026-11-01T10:00:00Z'))).toBe(false);
  });

  it('opens a span that starts inside the skipped hour when the clock jumps', () => {
    const twoToFive = createBusinessClock(
      calendar({ timezone: NYC, days: [...everyDay], hours: [['02:00', '05:00']] }),
    );
    expect(twoToFive.isOpen(new Date('2026-03-08T06:59:59Z'))).toBe(false);
    expect(twoToFive.nextOpening(new Date('2026-03-08T06:30:00Z')).toISOString()).toBe(
      '2026-03-08T07:00:00.000Z',
    );
    expect(
      twoToFive.businessMinutesBetween(local(NYC, '2026-03-08 00:00'), local(NYC, '2026-03-09 00:00')),
    ).toBe(120);
  });

  it('gives a span lying wholly inside the skipped hour no time that day', () => {
    const skipped = createBusinessClock(
      calendar({ timezone: NYC, days: [...everyDay], hours: [['02:00', '02:30']] }),
    );
    expect(
      skipped.businessMinutesBetween(local(NYC, '2026-03-08 00:00'), local(NYC, '2026-03-09 00:00')),
    ).toBe(0);
    expect(
      skipped.businessMinutesBetween(local(NYC, '2026-03-09 00:00'), local(NYC, '2026-03-10 00:00')),
    ).toBe(30);
  });

  it('counts the repeated Helsinki hour once inside 03:00–05:00 on fall-back day (3 h of real time)', () => {
    const small = createBusinessClock(
      calendar({ timezone: HEL, days: [...everyDay], hours: [['03:00', '05:00']] }),
    );
    // 03:00 EEST is 00:00Z; 05:00 EET is 03:00Z.
    expect(small.businessMinutesBetween(local(HEL, '2026-10-25 00:00'), local(HEL, '2026-10-26 00:00'))).toBe(
      180,
    );
    expect(small.nextOpening(local(HEL, '2026-10-25 01:00')).toISOString()).toBe('2026-10-25T00:00:00.000Z');
  });
});

describe('allHoursClock', () => {
  const t = new Date('2026-03-14T23:50:00Z');

  it('counts every minute, nights and weekends included', () => {
    expect(allHoursClock.addBusinessMinutes(t, 30)).toEqual(new Date('2026-03-15T00:20:00Z'));
    expect(allHoursClock.businessMinutesBetween(t, new Date('2026-03-16T23:50:00Z'))).toBe(2 * 24 * 60);
    expect(allHoursClock.businessMinutesBetween(t, new Date('2026-03-13T00:00:00Z'))).toBe(0);
  });

  it('is always open', () => {
    expect(allHoursClock.isOpen(t)).toBe(true);
    expect(allHoursClock.nextOpening(t)).toEqual(t);
    expect(allHoursClock.addBusinessMinutes(t, 0)).toEqual(t);
  });
});

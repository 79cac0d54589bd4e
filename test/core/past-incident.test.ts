import { describe, expect, it } from 'vitest';
import { isPastIncident } from '../../src/core/past-incident.ts';
import { findFloorHits } from '../../src/core/priority-floor.ts';

/** The span of `words` in `text`, as the floor and the heuristic hand it over. */
function at(text: string, words: string): [number, number] {
  const start = text.indexOf(words);
  return [start, start + words.length];
}

describe('isPastIncident', () => {
  it.each([
    [
      'From what my team tells me: an export broken since September, a two-hour outage on Tuesday, and a log.',
      'outage',
    ],
    ["Last week's outage cost us a day of orders; we want a credit.", 'outage'],
    ['We had some downtime yesterday, please send the report.', 'downtime'],
    ['Eilinen käyttökatko maksoi meille päivän myynnit.', 'käyttökatko'],
    ['Viime viikon katko näkyi asiakkaillemme.', 'katko'],
  ])('reads %j as a past incident', (text, words) => {
    expect(isPastIncident(text, ...at(text, words))).toBe(true);
  });

  it.each([
    ['We have an outage right now, nothing loads.', 'outage'],
    ['The outage on Tuesday is still affecting our invoicing.', 'outage'],
    ['Another outage again today, the third this week.', 'outage'],
    ['Käyttökatko jatkuu edelleen, kukaan ei pääse sisään.', 'Käyttökatko'],
    // a state, not an event noun: it may still hold, so the rules decide
    ['The site went down on Tuesday and nobody has fixed it.', 'went down'],
  ])('does not read %j as a past incident', (text, words) => {
    expect(isPastIncident(text, ...at(text, words))).toBe(false);
  });
});

describe('the priority floor and past incidents', () => {
  const floor = (text: string) =>
    findFloorHits({
      text,
      account: null,
      sentiment: null,
      now: new Date('2026-11-12T08:00:00Z'),
      renewalWindowDays: 90,
    });

  it('does not page anyone for an outage recounted among grievances', () => {
    const text =
      'I am the CFO. From what my team tells me: an export that has been broken since September, a two-hour outage on Tuesday, and a log we have sent you twice.';
    expect(floor(text).map((hit) => hit.rule)).not.toContain('outage');
  });

  it('still fires for an outage that goes on', () => {
    expect(
      floor('The outage since Tuesday is still not fixed, nothing loads.').map((hit) => hit.rule),
    ).toContain('outage');
  });

  it('quotes the sentence that states the dissatisfaction, not the opening line', () => {
    const [hit] = findFloorHits({
      text: "Tested after yesterday's release. Exports now finish, but rows are missing. So now it is broken in a different way :disappointed:",
      account: { tier: 'enterprise', renewalDate: '2026-12-28' },
      sentiment: -0.89,
      now: new Date('2026-11-12T08:00:00Z'),
      renewalWindowDays: 90,
    }).filter((h) => h.rule === 'renewal-risk');
    expect(hit?.phrase).toBe('So now it is broken in a different way :disappointed:');
  });
});

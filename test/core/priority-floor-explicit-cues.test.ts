import { describe, expect, it } from 'vitest';
import { isDesiredState } from '../../src/core/floor-desired-state.ts';
import { applyFloor, findDissatisfaction, findFloorHits } from '../../src/core/priority-floor.ts';

const NOW = new Date('2026-12-05T12:00:00Z');
const rules = (text: string, account: { tier: string; renewalDate?: string } | null = null, sentiment = 0) =>
  findFloorHits({ text, account, sentiment, now: NOW, renewalWindowDays: 90 }).map((hit) => hit.rule);
const renewing = { tier: 'enterprise', renewalDate: '2026-12-20' };

describe('the floor rests on explicit cues', () => {
  it('does not fire renewal risk on a negative lexicon score alone', () => {
    expect(
      rules('A new colleague cannot see the Reports tab. Which role does she need?', renewing, -0.46),
    ).toEqual([]);
  });

  it.each([
    'We are frustrated: the export has been broken for weeks.',
    'This is unacceptable, nothing has improved since the last call.',
    'Olemme todella pettyneitä raportointiin.',
    'Harkitsemme sopimuksen jatkoa tämän takia.',
  ])('fires renewal risk when the customer says it: %j', (text) => {
    expect(rules(text, renewing, -0.5)).toContain('renewal-risk');
  });

  it('does not take "not disappointed" for dissatisfaction', () => {
    expect(findDissatisfaction('We are not disappointed at all.')).toBeNull();
  });

  it('does not call a wanted state an outage', () => {
    expect(rules('Please enforce SAML SSO so that nobody can log in with a password.')).not.toContain(
      'outage',
    );
    expect(rules('Voitteko pakottaa SSO:n, jotta kukaan ei pääse kirjautumaan salasanalla?')).not.toContain(
      'outage',
    );
    expect(rules('Since 9:00 nobody can log in.')).toContain('outage');
    expect(isDesiredState('We require that nobody can log in', 'We require that '.length)).toBe(true);
    expect(isDesiredState('Help! Nobody can log in', 'Help! '.length)).toBe(false);
  });

  it.each([
    'Tuotanto on kaatunut.',
    'Tuotantojärjestelmä kaatui yöllä eikä ole noussut.',
    'Our production system has crashed.',
  ])('treats %j as an outage', (text) => {
    expect(rules(text)).toContain('outage');
  });

  it('does not take outage cues from a pasted log or code block', () => {
    const log = [
      'Here is the log of the nightly job:',
      '2026-10-14T23:00:40.200Z ERROR [tms-sync] -> 504 Gateway Timeout (attempt 1/5)',
      '```',
      'HTTP/1.1 503 Service Unavailable',
      '```',
      'The export job fails every night.',
    ].join('\n');
    expect(rules(log)).toEqual([]);
    expect(rules(`${log}\nNow the whole site is down.`)).toContain('outage');
  });

  it('sees a Finnish considered switch as a competitor switch', () => {
    expect(rules('Zendesk on halvempi. Harkitsemme vaihtoa.')).toContain('competitor-switch');
  });

  it('appends its note without doubled punctuation', () => {
    const raised = applyFloor(
      { priority: 'P3' as const, priorityReason: 'A question without urgency cues.' },
      [{ rule: 'outage', priority: 'P1', reason: 'mentions an outage', phrase: 'down' }],
    );
    expect(raised.priorityReason).toBe('A question without urgency cues; floor: mentions an outage');
  });
});

describe('the floor reads what a word is about (round 4)', () => {
  it.each([
    'Could you move the competitor dashboard back to the first tab?',
    'Our competitor-tracking widget shows old numbers.',
    'Kilpailija-analyysi näyttää väärää kuukautta.',
    'Kilpailijaraportti puuttuu uudesta näkymästä.',
  ])('does not read a feature named after competitors as a switch: %j', (text) => {
    expect(rules(text)).not.toContain('competitor-switch');
  });

  it.each(['Our biggest competitor is half your price.', 'Kilpailijanne tarjosi meille saman halvemmalla.'])(
    'still reads a rival: %j',
    (text) => {
      expect(rules(text)).toContain('competitor-switch');
    },
  );

  it.each([
    'The Merge button has disappeared from the toolbar since Monday.',
    'Tulosta-painike on kadonnut valikosta.',
  ])('does not call a missing UI element lost data: %j', (text) => {
    expect(rules(text)).not.toContain('data-loss');
  });

  it.each([
    'All our saved views vanished from the sidebar overnight.',
    'Kaikki raportit ovat kadonneet valikosta ja tiedostoista.',
    'Our invoices have disappeared.',
  ])('still calls lost data lost: %j', (text) => {
    expect(rules(text)).toContain('data-loss');
  });
});

import { describe, expect, it } from 'vitest';
import { decidePriority } from '../../../src/analyzers/heuristic/decide-priority.ts';
import { scoreSentiment } from '../../../src/analyzers/heuristic/score-sentiment.ts';
import { tokenizeWords } from '../../../src/analyzers/heuristic/tokenize-words.ts';
import { findUrgencyCues } from '../../../src/analyzers/heuristic/urgency-cues.ts';
import { findDissatisfaction } from '../../../src/core/priority-floor.ts';

const cues = (text: string) => findUrgencyCues(text, tokenizeWords(text));

function priorityOf(text: string, tier: 'enterprise' | 'growth' | null = null) {
  const tokens = tokenizeWords(text);
  const sentiment = scoreSentiment(text, tokens);
  return decidePriority({
    cues: findUrgencyCues(text, tokens),
    sentiment: sentiment.score,
    negativeWeight: sentiment.cues.reduce((sum, cue) => sum + Math.min(0, cue.weight), 0),
    statesDissatisfaction:
      findDissatisfaction(text) !== null || sentiment.cues.some((cue) => cue.weight <= -3),
    outrightAnger: sentiment.cues.some((cue) => cue.weight <= -3),
    churnSignals: [],
    tier,
    asksQuestion: text.includes('?'),
  });
}

describe('findUrgencyCues', () => {
  it.each([
    ['The site is down for everyone', 'critical', 'outage', 'is down'],
    ['Palvelu on alhaalla', 'critical', 'outage', 'alhaalla'],
    ['We had a data breach last night', 'critical', 'security', 'data breach'],
    ['Tietovuoto asiakasrekisterissä', 'critical', 'security', 'Tietovuoto'],
    ['This is blocking our launch', 'high', 'blocker', 'blocking'],
    ['URGENT: payroll export failed', 'high', 'stated-urgency', 'URGENT'],
    ['Tämä on kiireellinen asia', 'high', 'stated-urgency', 'kiireellinen'],
    ['Tämä estää laskutuksen', 'high', 'blocker', 'estää'],
    ['Our lawyer will contact you', 'high', 'legal', 'lawyer'],
    ['Would be nice to have dark mode', 'low', 'idea', 'Would be nice'],
    ['Ei kiirettä tämän kanssa', 'low', 'patience', 'Ei kiirettä'],
  ])('finds the cue in %j', (text, level, kind, phrase) => {
    expect(cues(text)).toContainEqual(expect.objectContaining({ level, kind, phrase }));
  });

  it('drops negated incident cues ("no data loss", "ei katkoa")', () => {
    expect(cues('There was no data loss and no outage')).toEqual([]);
    expect(cues('Meillä ei ollut katkoa')).toEqual([]);
  });

  it('reads "not urgent" as patience, not urgency', () => {
    expect(cues('This is not urgent')).toEqual([
      expect.objectContaining({ kind: 'patience', phrase: 'not urgent' }),
    ]);
  });
});

describe('decidePriority', () => {
  it.each([
    ['Production is down, nobody can log in', 'P1'],
    ['Koko palvelu on alhaalla', 'P1'],
    ['We can see another company’s data in our contact list', 'P1'],
    ['URGENT: the payroll export failed', 'P2'],
    ['Tämä estää koko julkaisun', 'P2'],
    ['The CSV export puts dates in the wrong column', 'P3'],
    ['Laskussa on virhe', 'P3'],
    ['Would be nice to have dark mode', 'P4'],
    ['Olisi kiva, jos raportit voisi ajastaa', 'P4'],
    ['The export is broken, but no rush', 'P4'],
    ['Great job on the new timeline, the team loves it!', 'P4'],
  ])('gives %j priority %s', (text, priority) => {
    expect(priorityOf(text).priority).toBe(priority);
  });

  it('takes a very negative tone seriously sooner for an enterprise account', () => {
    const text = 'The reports are wrong and it is frustrating';
    expect(priorityOf(text, 'growth').priority).toBe('P3');
    expect(priorityOf(text, 'enterprise').priority).toBe('P2');
  });

  it('never makes a neutral question urgent on the lexicon score alone, even for an enterprise', () => {
    const text = 'A new colleague cannot see the Reports tab. Which role does she need?';
    expect(scoreSentiment(text, tokenizeWords(text)).score).toBeLessThan(-0.4);
    expect(priorityOf(text, 'enterprise').priority).toBe('P3');
  });

  it('does not read "enforce SSO so that nobody can log in with a password" as an outage', () => {
    const text = 'Could you enforce SAML SSO for our workspace so that nobody can log in with a password?';
    expect(cues(text).map((cue) => cue.kind)).not.toContain('outage');
    expect(priorityOf(text).priority).toBe('P3');
    expect(priorityOf('Since this morning nobody can log in to the portal.').priority).toBe('P1');
  });

  it('treats a Finnish report that production has crashed as an outage', () => {
    expect(priorityOf('Tuotanto on kaatunut, mikään ei toimi.').priority).toBe('P1');
    expect(priorityOf('Tuotantojärjestelmä on kaatunut yöllä.').priority).toBe('P1');
  });

  it('does not call a question praise', () => {
    expect(priorityOf('Great, can we change the billing email?').priority).toBe('P3');
  });
});

describe('composed urgency cues (sentences in no fixture)', () => {
  it.each([
    ['Nobody in our team can sign in this morning, the page just keeps loading.', 'outage'],
    ['Koko toimisto on ilman järjestelmää, sivu ei lataudu.', 'outage'],
    ['The nightly job wiped all custom fields on our 4,000 contacts.', 'data-loss'],
    ["We've decided not to renew our subscription when it ends in June.", 'cancellation'],
    ['Emme aio jatkaa tilausta ensi vuonna.', 'cancellation'],
  ])('finds %j as %s', (text, kind) => {
    expect(cues(text).map((cue) => cue.kind)).toContain(kind);
  });

  it.each([
    'Can we cancel our meeting tomorrow? Something came up.',
    'How do I terminate an agent session remotely?',
    'Does the SDK retry for everyone automatically?',
    'The export button gives an error for me, but my colleagues are fine.',
  ])('finds no incident or leaving in %j', (text) => {
    expect(cues(text).filter((cue) => cue.level === 'critical' || cue.kind === 'cancellation')).toEqual([]);
  });

  it('does not read "Any idea?" as an idea', () => {
    expect(cues('The sync stopped overnight. Any idea?').map((cue) => cue.kind)).not.toContain('idea');
  });
});

import { describe, expect, it } from 'vitest';
import { scoreSentiment } from '../../../src/analyzers/heuristic/score-sentiment.ts';
import { tokenizeWords } from '../../../src/analyzers/heuristic/tokenize-words.ts';

const score = (text: string) => scoreSentiment(text, tokenizeWords(text));

describe('scoreSentiment', () => {
  it.each([
    'Great job on the new release, the team loves it!',
    'Thank you, excellent service 🎉',
    'Uusi näkymä on loistava, kiitos!',
    'Tosi hyvä päivitys, homma toimii sujuvasti 😊',
    'The export is not bad at all',
  ])('is positive for %j', (text) => {
    expect(score(text).score).toBeGreaterThan(0);
  });

  it.each([
    'This is unacceptable, the export is broken again 😡',
    'The app is not working and we are frustrated',
    'Raportointi ei toimi ja olemme todella pettyneitä',
    'Surkea palvelu, kukaan ei vastaa',
    'The new editor is not good',
    'Lasku ei ole hyvä',
  ])('is negative for %j', (text) => {
    expect(score(text).score).toBeLessThan(0);
  });

  it('flips a negated cue: "not good" is negative, "no problem" is not negative', () => {
    expect(score('not good').score).toBeLessThan(0);
    expect(score('no problem at all').score).toBeGreaterThanOrEqual(0);
  });

  it('reads "ei toimi" as one negative cue rather than a negated positive', () => {
    expect(score('ei toimi').cues).toEqual([{ phrase: 'ei toimi', weight: -2, intensity: -2 }]);
  });

  it('strengthens a cue after an intensifier and in capitals', () => {
    expect(score('very slow').score).toBeLessThan(score('slow').score);
    expect(score('todella hidas').score).toBeLessThan(score('hidas').score);
    expect(score('BROKEN').score).toBeLessThan(score('broken').score);
  });

  it('does not count the "good" of a greeting', () => {
    expect(score('Good morning, can we change the invoice address').score).toBe(0);
  });

  it('stays within −1…1 for a wall of cues', () => {
    const text = 'terrible awful useless broken 😡 '.repeat(200);
    expect(score(text).score).toBeGreaterThanOrEqual(-1);
    expect(score(`${'love amazing 🎉 '.repeat(200)}`).score).toBeLessThanOrEqual(1);
  });

  it('is neutral for text without cues', () => {
    expect(score('Invoice 2026-0456 for order 12').score).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { asksNoticePeriodCalmly, isUndecidedQuestion } from '../../src/core/undecided-churn.ts';

describe('isUndecidedQuestion', () => {
  it.each([
    'Could you remind me what our notice period is? Nothing decided yet.',
    'Mikä on irtisanomisaika? Mitään päätöksiä ei vielä ole, mutta tiedot pitää toimittaa.',
    'Ei mitään päätöksiä vielä, halutaan vaan tietää vaihtoehdot. Meneekö se kalenterivuoden mukaan?',
    'We have had a change of ownership (nothing else changes). Could you update the billing contact?',
    'No decision made and our main site stays with you. Is multi-language on the roadmap?',
  ])('reads %j as a calm question under review', (text) => {
    expect(isUndecidedQuestion(text)).toBe(true);
  });

  it.each([
    // No question asked.
    'Our board is reviewing all contracts. Nothing decided yet.',
    // Decided.
    'We decided to leave. What is the notice period?',
    // "päätöksiä" without the denial.
    'Teimme päätöksiä eilen. Mikä on irtisanomisaika?',
    // An alternative already in view.
    'The group runs everything on its own in-house CTMS. What is our notice period? Nothing decided yet.',
    'We were asked to get proposals from two other vendors. Nothing is decided. Can we talk?',
  ])('does not read %j as undecided', (text) => {
    expect(isUndecidedQuestion(text)).toBe(false);
  });
});

describe('asksNoticePeriodCalmly', () => {
  it('tells the notice period asked about calmly from notice given', () => {
    const asked = 'Mikä on meidän irtisanomisaika? Ei mitään päätöksiä vielä.';
    const given = 'Irtisanomme sopimuksen. Ei mitään päätöksiä vielä muista, ok?';
    expect(asksNoticePeriodCalmly(asked, asked.indexOf('irtisanomisaika'))).toBe(true);
    expect(asksNoticePeriodCalmly(given, 0)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { redactPersonNames } from '../../src/analyzers/redact-person-names.ts';
import { redactPersonalData } from '../../src/analyzers/redact-personal-data.ts';

describe('redactPersonNames', () => {
  it.each([
    ['Hi Anna,\nthe export fails.', '[name],\nthe export fails.'],
    ['Hei Matti!\nLasku on väärin.', '[name]!\nLasku on väärin.'],
    ['Dear Mr Smith:\nplease call.', '[name]:\nplease call.'],
    ['The export fails.\n\nBest regards,\nJohn Smith', 'The export fails.\n\nBest regards,\n[name]'],
    [
      'Lasku on väärin.\n\nYstävällisin terveisin\nMatti Meikäläinen',
      'Lasku on väärin.\n\nYstävällisin terveisin\n[name]',
    ],
    ['Please fix it.\nThanks, Ann', 'Please fix it.\nThanks, [name]'],
    ['Fixed now.\nMvh\nAnna-Liisa K. Virtanen', 'Fixed now.\nMvh\n[name]'],
  ])('redacts the name in %j', (text, expected) => {
    const result = redactPersonNames(text);
    expect(result.text).toContain(expected);
    expect(result.redactions).toBe(1);
  });

  it('leaves greetings to a group and names in running text alone', () => {
    for (const text of [
      'Hi team,\nall good.',
      'Hello everyone!',
      'Hei kaikki,\nkiitos.',
      'Anna from finance says the invoice is wrong.',
    ]) {
      expect(redactPersonNames(text)).toEqual({ text, redactions: 0 });
    }
  });

  it('is part of the redaction before the LLM, counted with the rest', () => {
    const result = redactPersonalData('Hi Anna,\ncall me at +358 40 123 4567.\n\nBest regards,\nJohn Smith');
    expect(result.text).toBe('Hi [name],\ncall me at [phone].\n\nBest regards,\n[name]');
    expect(result.redactions).toBe(3);
  });
});

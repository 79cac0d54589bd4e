import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/email/detect-language.ts';

describe('detectLanguage', () => {
  it.each([
    [
      'en',
      'The new format drops the per-depot breakdown, which is the only part our finance team uses. Please bring it back.',
    ],
    ['fi', 'Uusi hinnasto nostaa kustannuksiamme 18 prosenttia. Se ei ole sitä, mistä sovimme syksyllä.'],
    ['sv', 'Planen fungerar inte för oss, vi behöver leveranser på lördagar också.'],
    ['de', 'Das ist zu spät. Wir brauchen die Teile spätestens am Mittwoch, sonst steht die Produktion.'],
  ])('recognises %s', (code, text) => {
    expect(detectLanguage(text)).toBe(code);
  });

  it('does not guess on a few words', () => {
    expect(detectLanguage('ok thanks')).toBeNull();
  });

  it('prefers the Content-Language the sender declared', () => {
    expect(detectLanguage('The new format drops the per-depot breakdown entirely.', 'fi-FI')).toBe('fi');
  });
});

import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../src/analyzers/heuristic/detect-language.ts';

describe('detectLanguage', () => {
  it.each([
    ['The export to CSV has been failing since this morning and we need it for the board meeting.', 'en'],
    [
      'Raporttien vienti CSV-tiedostoon on epäonnistunut aamusta asti, ja tarvitsemme sitä hallituksen kokoukseen.',
      'fi',
    ],
    ['Vi kan inte logga in i systemet sedan i morse, vad händer?', 'sv'],
    ['Wir können uns seit heute Morgen nicht mehr anmelden, bitte helfen Sie uns.', 'de'],
    ['Lasku on väärin', 'fi'],
    ['Hei, raportit eivät lataudu', 'fi'],
  ])('reads %j as %s', (text, language) => {
    expect(detectLanguage(text).language).toBe(language);
  });

  it.each([
    ['kiitos', 'fi'],
    ['Kiitos 👍', 'fi'],
    ['thanks!', 'en'],
    ['ok', 'en'],
    ['tack så mycket', 'sv'],
  ])('decides a short text like %j from its words (%s)', (text, language) => {
    expect(detectLanguage(text)).toEqual({ language, basis: 'words' });
  });

  it.each(['', '🙂🙂', '12345', '   '])('falls back to English for %j, saying so', (text) => {
    expect(detectLanguage(text)).toEqual({ language: 'en', basis: 'default' });
  });

  it('returns ISO 639-1 codes, never franc’s 639-3 or "und"', () => {
    for (const text of [
      'Bonjour, notre facture est incorrecte ce mois-ci.',
      'Hola, la factura de este mes es incorrecta.',
    ]) {
      expect(detectLanguage(text).language).toMatch(/^[a-z]{2}$/);
    }
  });
});

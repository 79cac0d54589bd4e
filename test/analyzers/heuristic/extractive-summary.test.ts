import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarizeExtractively } from '../../../src/analyzers/heuristic/extractive-summary.ts';
import { splitSentences } from '../../../src/analyzers/heuristic/split-sentences.ts';

const compact = (text: string) => text.replace(/\s+/gu, ' ');

/** Every part of a summary is a (whitespace-compacted) piece of the text: nothing invented. */
function expectExtractive(summary: string, text: string): void {
  const source = compact(text);
  const parts = summary.replace(/…$/u, '').split(/(?<=[.!?])\s+/u);
  for (const part of parts) expect(source).toContain(part.trim());
}

describe('splitSentences', () => {
  it.each([
    ['The export fails. The import works too slowly! Can you help?', 3],
    ['See https://app.example.com/reports?id=1.2 for details. Thanks.', 2],
    ['Mail jane.doe@example.com about it. Now.', 2],
    ['We use e.g. the API and i.e. webhooks. That is all.', 2],
    ['Käytämme esim. rajapintaa ja mm. webhookeja. Siinä kaikki.', 2],
    ['Kokous on 15. marraskuuta klo 14.30. Tervetuloa!', 2],
    ['Päivitys 23.11. rikkoi viennin. Korjatkaa pian.', 2],
    ['Version 2.3.1 broke the export. Please roll back.', 2],
    ['Hi team,\n\nThe export fails.\n\nBest regards,\nMaria', 4],
    ['This line is hard\nwrapped in the middle of a sentence.', 1],
    // A blank line ends a sentence even when the next paragraph starts in lower case.
    ['Hei,\n\nhyvinvointialue ottaa suunnittelun omaan järjestelmäänsä.', 2],
    ['Hi,\n  \nthe export fails.', 2],
  ])('splits %j into %i sentences', (text, count) => {
    expect(splitSentences(text)).toHaveLength(count);
  });

  it('keeps offsets that point at each sentence in the original text', () => {
    const text = '  First one.   Second one?\nThird.';
    for (const sentence of splitSentences(text))
      expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
  });
});

describe('summarizeExtractively', () => {
  it('picks the sentence with the evidence, not the greeting or the signature', () => {
    const text =
      'Hi team,\n\nHope you are well. Since 9:00 the dashboard is down for everyone.\n\nBest regards,\nMaria Virtanen\nHead of Support';
    const at = text.indexOf('is down');
    const summary = summarizeExtractively(text, [{ at, weight: 3 }]);
    expect(summary).toBe('Since 9:00 the dashboard is down for everyone.');
  });

  it('drops a leading greeting inside the chosen sentence', () => {
    const text = 'Hi team, our invoices show the wrong VAT rate this month.';
    expect(summarizeExtractively(text, [{ at: text.indexOf('invoices'), weight: 1 }])).toBe(
      'our invoices show the wrong VAT rate this month.',
    );
  });

  it('keeps Finnish text in Finnish: extractive, never translated', () => {
    const text = 'Hei! Laskussa on veloitettu 12 käyttäjää, vaikka meillä on 8 lisenssiä. Korjatkaa lasku.';
    const summary = summarizeExtractively(text, [{ at: text.indexOf('veloitettu'), weight: 2 }]);
    expect(summary).toContain('veloitettu 12 käyttäjää');
    expectExtractive(summary, text);
  });

  it('adds a second sentence only when it carries comparable evidence, in text order', () => {
    const text = 'The sync failed overnight. Nice weather today. Our payroll run is tomorrow morning.';
    const summary = summarizeExtractively(text, [
      { at: text.indexOf('failed'), weight: 2 },
      { at: text.indexOf('payroll'), weight: 2 },
    ]);
    expect(summary).toBe('The sync failed overnight. Our payroll run is tomorrow morning.');
  });

  it('cuts an overlong sentence at a word and marks the cut', () => {
    const text = `${'word '.repeat(200)}end.`;
    const summary = summarizeExtractively(text, [], { maxLength: 100 });
    expect(summary.length).toBeLessThanOrEqual(100);
    expect(summary.endsWith('…')).toBe(true);
  });

  it('returns an empty summary for empty text', () => {
    expect(summarizeExtractively('', [])).toBe('');
    expect(summarizeExtractively('   \n  ', [])).toBe('');
  });

  it('never invents text (property)', () => {
    const word = fc.stringMatching(/^[A-Za-zÄÖäö]{1,8}$/);
    const sentence = fc
      .tuple(fc.array(word, { minLength: 1, maxLength: 12 }), fc.constantFrom('.', '!', '?'))
      .map(([words, mark]) => `${words.join(' ')}${mark}`);
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 8 }), fc.nat(), (sentences, seed) => {
        const text = sentences.join(' ');
        const summary = summarizeExtractively(text, [{ at: seed % text.length, weight: 1 }]);
        expectExtractive(summary, text);
      }),
    );
  });
});

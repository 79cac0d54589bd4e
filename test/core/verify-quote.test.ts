import { describe, expect, it } from 'vitest';
import { verifyQuote } from '../../src/core/verify-quote.ts';

describe('verifyQuote', () => {
  const stored = 'Hi team,\r\nwe have told you  this before: the export is “still” broken.\nBest, Ann';

  it('finds a span of the stored text and returns the stored span, not the proposal', () => {
    expect(verifyQuote('we have told you this before', stored)).toEqual({
      verbatim: true,
      quote: 'we have told you  this before',
    });
    // Typographic quotes and line breaks compare equal to their plain forms; the stored form is shown.
    expect(verifyQuote('the export is "still" broken', stored)).toEqual({
      verbatim: true,
      quote: 'the export is “still” broken',
    });
    expect(verifyQuote('Hi team, we have', stored)).toEqual({ verbatim: true, quote: 'Hi team,\r\nwe have' });
  });

  it('rejects a paraphrase, a translation, a change of case and a too-short phrase', () => {
    expect(verifyQuote('you have been told this before', stored)).toEqual({ verbatim: false });
    expect(verifyQuote('olemme kertoneet tästä ennenkin', stored)).toEqual({ verbatim: false });
    expect(verifyQuote('We Have Told You This Before', stored)).toEqual({ verbatim: false });
    expect(verifyQuote('is', stored)).toEqual({ verbatim: false });
    expect(verifyQuote('', stored)).toEqual({ verbatim: false });
  });

  it('compares composed and decomposed letters alike and keeps emoji whole', () => {
    const finnish = 'Raportti kaatuu taas 😡 ja se on pielessä.';
    expect(verifyQuote('taas 😡', finnish)).toEqual({ verbatim: true, quote: 'taas 😡' });
    expect(verifyQuote('pielessa\u0308', finnish)).toEqual({ verbatim: true, quote: 'pielessä' });
  });
});

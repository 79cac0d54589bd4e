import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textFeatures } from '../../../src/analyzers/learned/text-features.ts';

describe('textFeatures', () => {
  it('gives words, adjacent pairs and four-letter slices, each once', () => {
    const features = textFeatures('Nobody can log in. Nobody!');
    expect(features).toContain('w:nobody');
    expect(features).toContain('b:nobody can');
    expect(features).toContain('c: nob');
    expect(features.filter((feature) => feature === 'w:nobody')).toHaveLength(1);
  });

  it('lets Finnish inflections share slices', () => {
    const shared = (a: string, b: string) =>
      textFeatures(a).filter((feature) => feature.startsWith('c:') && textFeatures(b).includes(feature));
    expect(shared('kaatui', 'kaatunut')).toContain('c:kaat');
  });

  it('reads a typographic apostrophe as a straight one', () => {
    expect(textFeatures('we can’t')).toEqual(textFeatures("we can't"));
  });

  it('never throws and never returns duplicates (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        const features = textFeatures(text);
        expect(new Set(features).size).toBe(features.length);
      }),
    );
  });
});

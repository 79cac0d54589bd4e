import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitVerbatim } from '../../../src/slack/views/split-verbatim.ts';

describe('splitVerbatim', () => {
  it('never loses, reorders or splits a character, and respects the size', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 3000 }),
        fc.integer({ min: 2, max: 200 }),
        (text, max) => {
          const pieces = splitVerbatim(text, max);
          expect(pieces.join('')).toBe(text);
          for (const piece of pieces) {
            expect(piece.length).toBeLessThanOrEqual(max);
            // No piece starts with a lone low surrogate (the pair would have been split).
            const first = piece.charCodeAt(0);
            expect(first >= 0xdc00 && first <= 0xdfff).toBe(false);
          }
        },
      ),
    );
  });

  it('prefers to end a piece after a line break', () => {
    expect(splitVerbatim('aaaa\nbbbb\ncc', 8)).toEqual(['aaaa\n', 'bbbb\ncc']);
  });

  it('returns one empty piece for empty text', () => {
    expect(splitVerbatim('', 10)).toEqual(['']);
  });
});

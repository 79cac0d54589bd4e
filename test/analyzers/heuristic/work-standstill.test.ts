import { describe, expect, it } from 'vitest';
import { findWorkStandstill } from '../../../src/analyzers/heuristic/work-standstill.ts';

describe('findWorkStandstill', () => {
  it.each([
    [
      'Nothing can go to the sandblast room, so the whole workshop has stopped.',
      'the whole workshop has stopped',
    ],
    ['Three letter cutters standing around since 8.', 'Three letter cutters standing around'],
    ['Koko verstas on seis, kun tiedostot ei aukea.', 'Koko verstas on seis'],
    ['The entire warehouse team is at a standstill.', 'The entire warehouse team is at a standstill'],
  ])('finds the standstill in %j', (text, phrase) => {
    expect(findWorkStandstill(text)?.phrase).toBe(phrase);
  });

  it.each([
    'If the export fails again, the whole line stops.',
    'Jos tiedostot ei aukea, koko verstas on seis.',
    'We stopped the whole team meeting early.',
  ])('reads %j as no standstill now', (text) => {
    expect(findWorkStandstill(text)).toBeNull();
  });
});

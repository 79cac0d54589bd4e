import { describe, expect, it } from 'vitest';
import {
  listMessageIds,
  normalizeMessageId,
  synthesizeMessageId,
} from '../../src/email/normalize-message-id.ts';

describe('normalizeMessageId', () => {
  it.each([
    ['<abc@mail.example>', 'abc@mail.example'],
    ['  <abc@mail.example> (comment)', 'abc@mail.example'],
    ['abc@mail.example', 'abc@mail.example'],
    ['', null],
    ['<>', null],
    ['<has space@x>', null],
  ])('%j → %j', (value, expected) => {
    expect(normalizeMessageId(value)).toBe(expected);
  });

  it('hashes ids too long to be keys, the same way every time', () => {
    const long = `<${'a'.repeat(400)}@x.example>`;
    expect(normalizeMessageId(long)).toMatch(/^[0-9a-f]{40}@long-id\.invalid$/);
    expect(normalizeMessageId(long)).toBe(normalizeMessageId(long));
  });
});

describe('listMessageIds', () => {
  it('reads every id of a References value in order, once each', () => {
    expect(listMessageIds('<a@x> <b@y>\r\n <a@x>')).toEqual(['a@x', 'b@y']);
    expect(listMessageIds(['<a@x>', '<c@z>'])).toEqual(['a@x', 'c@z']);
    expect(listMessageIds(null)).toEqual([]);
  });
});

describe('synthesizeMessageId', () => {
  it('is stable for the same content and differs for different content', () => {
    expect(synthesizeMessageId(['a', 'b'])).toBe(synthesizeMessageId(['a', 'b']));
    expect(synthesizeMessageId(['a', 'b'])).not.toBe(synthesizeMessageId(['a', 'c']));
  });
});

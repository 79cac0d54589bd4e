import { describe, expect, it } from 'vitest';
import { createAccountMatcher } from '../../src/accounts/create-account-matcher.ts';
import type { Account } from '../../src/core/directory.ts';

const account = (id: string, name: string, domains: string[]): Account => ({
  id,
  name,
  domains,
  channels: [],
  tier: 'growth',
  routing: {},
});
const accounts = [
  account('acme', 'Acme Logistics', ['acme-logistics.example']),
  account('acme-labs', 'Acme Labs', ['acmelabs.example']),
  account('pohjola', 'Pohjola Foods', ['pohjola-foods.example']),
  account('nimbus', 'Nimbus Health', ['nimbus.example']),
];
const match = createAccountMatcher(() => accounts);

describe('createAccountMatcher', () => {
  const found: Array<[string, string]> = [
    ['acme', 'acme'],
    ['ACME', 'acme'],
    ['Acme Logistics', 'acme'],
    ['acme logstics', 'acme'],
    ['jane@acme-logistics.example', 'acme'],
    ['eu.acme-logistics.example', 'acme'],
    ['pohjola', 'pohjola'],
    ['pohjla foods', 'pohjola'],
    ['nimbus.example', 'nimbus'],
  ];
  for (const [query, id] of found)
    it(`finds ${id} for "${query}"`, () => {
      const result = match(query);
      expect(result.status === 'found' && result.account.id).toBe(id);
    });

  it('asks which one when several accounts match about as well', () => {
    const result = match('acm');
    expect(result.status).toBe('ambiguous');
    if (result.status === 'ambiguous')
      expect(result.candidates.map((candidate) => candidate.id).sort()).toEqual(['acme', 'acme-labs']);
  });

  it('suggests the closest accounts for an unknown one', () => {
    const result = match('zzzz-unknown-corp');
    expect(result.status).toBe('unknown');
  });
});

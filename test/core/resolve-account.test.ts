import { describe, expect, it } from 'vitest';
import { type Account, AccountSchema } from '../../src/core/directory.ts';
import { emailDomain, isOwnDomain, resolveAccount } from '../../src/core/resolve-account.ts';

const account = (id: string, domains: string[], channels: string[] = []): Account =>
  AccountSchema.parse({ id, name: id, domains, channels });

const ACCOUNTS: Account[] = [
  account('acme', ['acme.com'], ['slack:C0ACME']),
  account('acme-europe', ['eu.acme.com']),
  account('globex', ['Globex.FI', 'globex-mail.com'], ['teams:19:abc@thread.tacv2']),
  account('initech', ['initech.io'], ['slack:C0SHARED']),
];

/** [clue, expected account id or null] */
const CASES: Array<[{ conversation?: string | null; email?: string | null }, string | null]> = [
  [{ conversation: 'slack:C0ACME' }, 'acme'],
  [{ conversation: 'teams:19:abc@thread.tacv2' }, 'globex'],
  [{ conversation: 'slack:C0ACME', email: 'x@initech.io' }, 'acme'],
  [{ conversation: 'slack:C0UNKNOWN', email: 'x@initech.io' }, 'initech'],
  [{ conversation: 'slack:c0acme' }, null],
  [{ email: 'anna@acme.com' }, 'acme'],
  [{ email: 'Anna@ACME.COM' }, 'acme'],
  [{ email: 'anna@mail.acme.com' }, 'acme'],
  [{ email: 'pierre@eu.acme.com' }, 'acme-europe'],
  [{ email: 'pierre@paris.eu.acme.com' }, 'acme-europe'],
  [{ email: 'matti@globex.fi' }, 'globex'],
  [{ email: 'Matti Meikäläinen <matti@globex-mail.com>' }, 'globex'],
  [{ email: 'eve@notacme.com' }, null],
  [{ email: 'eve@acme.com.evil.io' }, null],
  [{ email: 'not-an-address' }, null],
  [{ email: null, conversation: null }, null],
  [{}, null],
];

describe('resolveAccount', () => {
  it.each(CASES)('%j → %s', (clue, expected) => {
    expect(resolveAccount(ACCOUNTS, clue)?.id ?? null).toBe(expected);
  });

  it('prefers the longest matching domain whatever the account order', () => {
    const reversed = [...ACCOUNTS].reverse();
    expect(resolveAccount(reversed, { email: 'a@eu.acme.com' })?.id).toBe('acme-europe');
    expect(resolveAccount(reversed, { email: 'a@acme.com' })?.id).toBe('acme');
  });
});

describe('isOwnDomain', () => {
  it.each([
    [['verbatim.example'], 'me@verbatim.example', true],
    [['verbatim.example'], 'me@support.Verbatim.Example', true],
    [['verbatim.example'], 'me@notverbatim.example', false],
    [['verbatim.example', 'vb.fi'], 'Tiimi <tuki@vb.fi>', true],
    [[], 'me@verbatim.example', false],
    [['verbatim.example'], 'garbage', false],
  ])('%j owns %s: %s', (own, email, expected) => {
    expect(isOwnDomain(own, email)).toBe(expected);
  });
});

describe('emailDomain', () => {
  it.each([
    ['a@B.com', 'b.com'],
    ['a@b.com.', 'b.com'],
    ['"x@y" <a@b.com>', 'b.com'],
    ['a@localhost', null],
    ['a@', null],
  ])('%s → %s', (email, expected) => {
    expect(emailDomain(email)).toBe(expected);
  });
});

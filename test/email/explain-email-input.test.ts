import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Account } from '../../src/core/directory.ts';
import { looksLikeEmail, readExplainInputFromEml } from '../../src/email/explain-email-input.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/email');
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
const accounts: Account[] = [
  {
    id: 'acme',
    name: 'Acme Logistics',
    domains: ['acme-logistics.example'],
    channels: [],
    tier: 'enterprise',
    routing: {},
  },
];
const options = { accounts, ownDomains: ['verbatim-demo.example'] };

describe('readExplainInputFromEml', () => {
  it('credits a staff forward to the original customer, with the forwarder and the original subject', async () => {
    const read = await readExplainInputFromEml(fixture('apple-mail-forward-en.eml'), options);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.message.author).toMatchObject({
      email: 'mark.ellison@acme-logistics.example',
      external: true,
    });
    expect(read.message.forwardedBy).toEqual({
      name: expect.any(String),
      email: 'anna.virtanen@verbatim-demo.example',
    });
    expect(read.message.accountId).toBe('acme');
    expect(read.message.subject).not.toMatch(/^fwd?:/i);
    expect(read.message.text).toContain('the cold-chain temperature log has gaps of up to 40 minutes');
  });

  it('gives null forwardedBy for a customer writing directly, and no account for an unknown domain', async () => {
    const read = await readExplainInputFromEml(fixture('unknown-domain.eml'), options);
    expect(read).toMatchObject({ ok: true, message: { forwardedBy: null, accountId: null } });
  });

  it('explains why an unreadable mail cannot be explained', async () => {
    expect(await readExplainInputFromEml(fixture('missing-from.eml'), options)).toEqual({
      ok: false,
      reason: expect.stringMatching(/no sender/),
    });
  });
});

describe('looksLikeEmail', () => {
  it('recognises every readable fixture as a mail', () => {
    for (const name of [
      'gmail-forward-fi.eml',
      'crlf-line-endings.eml',
      'missing-date.eml',
      'threaded-reply.eml',
    ]) {
      expect(looksLikeEmail(fixture(name)), name).toBe(true);
    }
  });

  it('does not mistake plain text, even text that starts like a header, for a mail', () => {
    const text = (value: string) => new TextEncoder().encode(value);
    expect(looksLikeEmail(text('Our invoice is wrong again, please fix.'))).toBe(false);
    expect(looksLikeEmail(text('Note: the export is broken\nsince Monday.\n'))).toBe(false);
    expect(looksLikeEmail(text(''))).toBe(false);
    expect(looksLikeEmail(fixture('not-an-email.eml'))).toBe(false);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import EmailForwardParser from 'email-forward-parser';
import { type ParsedMail, simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../src/config/load-config.ts';

const EMAIL_DIR = new URL('../../examples/emails/', import.meta.url);
const config = loadConfigFile(new URL('../../examples/verbatim.config.yaml', import.meta.url).pathname);
if (!config.ok) throw new Error('example config invalid');
const { accounts, ownDomains } = config.value;

const names = readdirSync(EMAIL_DIR)
  .filter((name) => name.endsWith('.eml'))
  .sort();
const parsed = new Map<string, ParsedMail>();

function domainOf(address: string | undefined): string {
  return (address ?? '').split('@')[1]?.toLowerCase() ?? '';
}

function accountFor(domain: string): string | undefined {
  return accounts.find((a) => a.domains.some((d) => domain === d || domain.endsWith(`.${d}`)))?.id;
}

function mail(name: string): ParsedMail {
  const found = parsed.get(name);
  if (!found) throw new Error(`no email ${name}`);
  return found;
}

beforeAll(async () => {
  for (const name of names) parsed.set(name, await simpleParser(readFileSync(new URL(name, EMAIL_DIR))));
});

describe('examples/emails', () => {
  it('holds 12–20 parseable messages, each with sender, subject, date, Message-ID and text', () => {
    expect(names.length).toBeGreaterThanOrEqual(12);
    expect(names.length).toBeLessThanOrEqual(20);
    for (const name of names) {
      const m = mail(name);
      expect(m.from?.value[0]?.address, name).toMatch(/@/);
      expect(m.subject, name).toBeTruthy();
      expect(m.date?.getUTCFullYear(), name).toBe(2026);
      expect(m.messageId, name).toMatch(/^<.+@.+>$/);
      expect(m.text?.length ?? 0, name).toBeGreaterThan(40);
    }
  });

  it('comes from configured customers, our own staff, or one unknown domain', () => {
    const unknown = names.filter((name) => {
      const domain = domainOf(mail(name).from?.value[0]?.address);
      return !ownDomains.includes(domain) && !accountFor(domain);
    });
    expect(unknown).toEqual(['08-unknown-domain-prospect.eml']);
  });

  it('reveals the original customer behind every forward by our staff (Gmail and Outlook, EN and FI)', () => {
    const forwarded = names.filter((name) => /^(fwd?|fw|vl):/i.test(mail(name).subject ?? ''));
    expect(forwarded.length).toBeGreaterThanOrEqual(4);
    const originals = forwarded.map((name) => {
      const m = mail(name);
      expect(ownDomains).toContain(domainOf(m.from?.value[0]?.address));
      const result = new EmailForwardParser().read(m.text ?? '', m.subject);
      expect(result.forwarded, name).toBe(true);
      return accountFor(domainOf(result.email?.from?.address ?? undefined));
    });
    expect(originals.sort()).toEqual([
      'kestrel-health',
      'maple-insurance',
      'pohjola-energia',
      'saimaa-software',
    ]);
  });

  it('threads the Harbor Finance conversation with In-Reply-To and References', () => {
    const [first, second, third] = ['02', '03', '04'].map((n) =>
      mail(names.find((x) => x.startsWith(n)) ?? ''),
    );
    expect(second?.inReplyTo).toBe(first?.messageId);
    expect(third?.inReplyTo).toBe(second?.messageId);
    expect(third?.references).toEqual([first?.messageId, second?.messageId]);
    expect(domainOf(second?.from?.value[0]?.address)).toBe('verbatim-demo.example');
  });

  it('includes Finnish, HTML and attachment cases', () => {
    const finnish = names.filter((name) => /[äö]/.test(`${mail(name).subject} ${mail(name).text}`));
    expect(finnish.length).toBeGreaterThanOrEqual(4);
    expect(names.filter((name) => mail(name).html).length).toBeGreaterThanOrEqual(3);
    const withAttachment = names.flatMap((name) => mail(name).attachments);
    expect(withAttachment.map((a) => [a.filename, a.contentType])).toEqual([
      ['aurora-stores-2027-01.csv', 'text/csv'],
    ]);
    expect(withAttachment[0]?.content.toString('utf8')).toContain('AR-1000,Aurora Stockholm 1,Stockholm');
  });
});

import { describe, expect, it } from 'vitest';
import { readImapUrl } from '../../src/email/read-imap-url.ts';

describe('readImapUrl', () => {
  it('reads host, port, TLS and percent-decoded credentials, and describes itself without the password', () => {
    expect(readImapUrl('imaps://support%40acme.example:p%3Ass%40rd@mail.example.com')).toEqual({
      ok: true,
      endpoint: {
        host: 'mail.example.com',
        port: 993,
        secure: true,
        user: 'support@acme.example',
        password: 'p:ss@rd',
        describe: 'imaps://support%40acme.example@mail.example.com:993',
      },
    });
    const plain = readImapUrl('imap://bot:secret@127.0.0.1:1143');
    expect(plain).toMatchObject({ ok: true, endpoint: { host: '127.0.0.1', port: 1143, secure: false } });
    expect(readImapUrl('imap://bot:secret@[::1]')).toMatchObject({ endpoint: { host: '::1', port: 143 } });
  });

  it.each([
    ['not a url', /not a URL/],
    ['https://bot:secret@mail.example.com', /imap:\/\/ or imaps:\/\//],
    ['imap://mail.example.com', /needs a user and a password/],
    ['imap://bot@mail.example.com', /needs a user and a password/],
    ['imap://bot:%E0%A4%A@mail.example.com', /badly percent-encoded/],
  ])('refuses %j with a reason', (url, reason) => {
    const read = readImapUrl(url);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.reason).toMatch(reason);
  });

  it('never puts the password in the description', () => {
    const read = readImapUrl('imaps://bot:hunter2@mail.example.com:993');
    expect(read.ok && read.endpoint.describe).not.toContain('hunter2');
  });
});

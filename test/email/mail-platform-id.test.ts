import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mailPlatformId } from '../../src/email/mail-platform-id.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/email');
const sha256 = (bytes: Buffer) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

describe('the inbox key of a mail', () => {
  it('is the Message-ID and the sender address, read from the header block only', () => {
    const raw = Buffer.from(
      [
        'Received: from relay.example',
        'FROM: "Ellison, Mark"',
        '  <Mark.Ellison@Acme-Logistics.example>',
        'message-id:',
        '  <folded-1@acme-logistics.example>',
        '',
        'Message-ID: <in-the-body@elsewhere.example>',
        '',
      ].join('\r\n'),
    );
    expect(mailPlatformId(raw, 'message/rfc822')).toEqual({
      platformId: 'msgid:folded-1@acme-logistics.example from:mark.ellison@acme-logistics.example',
      messageId: 'folded-1@acme-logistics.example',
    });
  });

  it('tells apart two senders who use the same Message-ID', () => {
    const mail = (from: string) => Buffer.from(`From: ${from}\nMessage-ID: <same@x.example>\n\nHi\n`);
    const one = mailPlatformId(mail('a@one.example'), 'message/rfc822').platformId;
    const other = mailPlatformId(mail('Someone <b@two.example>'), 'message/rfc822').platformId;
    expect(one).not.toBe(other);
    expect(mailPlatformId(mail('a@one.example'), 'message/rfc822').platformId).toBe(one);
  });

  it('is a hash of the bytes for a mail without a Message-ID, and for anything that is not a message', () => {
    const noId = Buffer.from('From: a@one.example\r\nSubject: x\r\n\r\nbody\r\n');
    expect(mailPlatformId(noId, 'message/rfc822')).toEqual({ platformId: sha256(noId), messageId: null });
    const form = Buffer.from('recipient=inbox%40verbatim-demo.example');
    expect(mailPlatformId(form, 'application/x-www-form-urlencoded').platformId).toBe(sha256(form));
    const broken = Buffer.from('{"FromFull": ');
    expect(mailPlatformId(broken, 'application/json').platformId).toBe(sha256(broken));
  });

  it('reads Postmark JSON: the mail’s own Message-ID header, else Postmark’s id', () => {
    const payload = readFileSync(join(FIXTURES, 'providers/postmark-reply.json'));
    expect(mailPlatformId(payload, 'application/json')).toEqual({
      platformId: 'msgid:CAGpm-0001@mail.acme-logistics.example from:mark.ellison@acme-logistics.example',
      messageId: 'CAGpm-0001@mail.acme-logistics.example',
    });
    const bare = Buffer.from(JSON.stringify({ From: 'x@y.example', MessageID: 'pm-42' }));
    expect(mailPlatformId(bare, 'application/json').platformId).toBe(
      'msgid:pm-42@postmark.invalid from:x@y.example',
    );
  });
});

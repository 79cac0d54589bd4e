import { describe, expect, it } from 'vitest';
import { attributeForwardChain } from '../../src/email/attribute-forward-chain.ts';

const OWN = ['verbatim-demo.example'];
const anna = { name: 'Anna Virtanen', email: 'anna@verbatim-demo.example' };
const mark = { name: 'Mark Ellison', email: 'mark@acme-logistics.example' };

function gmailForward(from: string, body: string, note = ''): string {
  return [
    note,
    '',
    '---------- Forwarded message ---------',
    `From: ${from}`,
    'Date: Tue, Jun 3, 2025 at 9:01 AM',
    'Subject: Late',
    'To: someone@example.com',
    '',
    '',
    body,
  ].join('\n');
}

describe('attributeForwardChain', () => {
  it('credits a customer mail forwarded by our staff to the customer, the staff member as forwarder', () => {
    const result = attributeForwardChain({
      envelopeFrom: anna,
      body: gmailForward('Mark Ellison <mark@acme-logistics.example>', 'The truck is late.', 'FYI'),
      subject: 'Fwd: Late',
      ownDomains: OWN,
    });
    expect(result.author).toEqual(mark);
    expect(result.forwardedBy).toEqual(anna);
    expect(result.text).toBe('The truck is late.');
    expect(result.quotedText).toContain('FYI');
    expect(result.quotedText).toContain('From: Mark Ellison <mark@acme-logistics.example>');
  });

  it('unwraps staff forwards of staff forwards down to the customer', () => {
    const inner = gmailForward(
      'Mark Ellison <mark@acme-logistics.example>',
      'The truck is late.',
      'Ben, see this',
    );
    const result = attributeForwardChain({
      envelopeFrom: { name: 'Ben', email: 'ben@verbatim-demo.example' },
      body: gmailForward('Anna Virtanen <anna@verbatim-demo.example>', inner, 'Support, please'),
      subject: 'Fwd: Fwd: Late',
      ownDomains: OWN,
    });
    expect(result.author).toEqual(mark);
    expect(result.forwardedBy?.email).toBe('ben@verbatim-demo.example');
    expect(result.hops.map((hop) => hop.from.email)).toEqual([
      'anna@verbatim-demo.example',
      'mark@acme-logistics.example',
    ]);
    expect(result.text).toBe('The truck is late.');
  });

  it('credits a customer who forwards something with a note for the note, keeping the forwarded mail as quoted', () => {
    const result = attributeForwardChain({
      envelopeFrom: mark,
      body: gmailForward(
        'Billing <billing@verbatim-demo.example>',
        'Your invoice 12.',
        'This invoice is wrong.',
      ),
      subject: 'Fwd: Invoice',
      ownDomains: OWN,
    });
    expect(result.author).toEqual(mark);
    expect(result.forwardedBy).toBeNull();
    expect(result.text).toBe('This invoice is wrong.');
    expect(result.quotedText).toContain('Your invoice 12.');
  });

  it('credits the original sender when a customer forwards without a note', () => {
    const result = attributeForwardChain({
      envelopeFrom: mark,
      body: gmailForward('Sam <sam@acme-logistics.example>', 'Your driver hit our door.'),
      subject: 'Fwd: Door',
      ownDomains: OWN,
    });
    expect(result.author?.email).toBe('sam@acme-logistics.example');
    expect(result.forwardedBy).toBeNull();
    expect(result.text).toBe('Your driver hit our door.');
  });

  it('does not read a customer reply that quotes our staff under an Outlook line as a forward', () => {
    const body = [
      'No, that does not work.',
      '',
      '________________________________',
      'From: Anna Virtanen <anna@verbatim-demo.example>',
      'Sent: Monday',
      'Subject: Window',
      '',
      'New window is 14-16.',
    ].join('\n');
    const result = attributeForwardChain({
      envelopeFrom: mark,
      body,
      subject: 'RE: Window',
      ownDomains: OWN,
    });
    expect(result.author).toEqual(mark);
    expect(result.hops).toEqual([]);
    expect(result.text).toBe('No, that does not work.');
    expect(result.quotedText).toContain('New window is 14-16.');
  });

  it('reads the same Outlook block as a forward when the subject says FW:', () => {
    const body = [
      'Please handle.',
      '',
      '________________________________',
      'From: Mark Ellison <mark@acme-logistics.example>',
      'Sent: Monday',
      'Subject: Window',
      '',
      'The window does not work.',
    ].join('\n');
    const result = attributeForwardChain({
      envelopeFrom: anna,
      body,
      subject: 'FW: Window',
      ownDomains: OWN,
    });
    expect(result.author).toEqual(mark);
    expect(result.text).toBe('The window does not work.');
  });

  it('treats Finnish Outlook "VS:" as a reply, not as a Danish forward', () => {
    const body = [
      'Ei käy.',
      '',
      '________________________________',
      'Lähettäjä: Anna Virtanen <anna@verbatim-demo.example>',
      'Lähetetty: maanantai',
      'Aihe: Aikataulu',
      '',
      'Uusi aikataulu.',
    ].join('\n');
    const result = attributeForwardChain({
      envelopeFrom: mark,
      body,
      subject: 'VS: Aikataulu',
      ownDomains: OWN,
    });
    expect(result.author).toEqual(mark);
    expect(result.text).toBe('Ei käy.');
  });

  it('leaves a mail without any forward to its sender', () => {
    const result = attributeForwardChain({
      envelopeFrom: mark,
      body: 'Hello.\n\n-- \nMark',
      subject: 'Hi',
      ownDomains: OWN,
    });
    expect(result).toMatchObject({
      author: mark,
      forwardedBy: null,
      hop: null,
      hops: [],
      text: 'Hello.',
      quotedText: '-- \nMark',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { createUnwrapEmailText } from '../../src/email/unwrap-email-text.ts';

const unwrap = createUnwrapEmailText(['verbatim-demo.example']);

describe('createUnwrapEmailText', () => {
  it('credits an email a salesperson forwarded into Slack to the customer who wrote it', () => {
    const text = [
      'FYI, see below.',
      '',
      '---------- Forwarded message ---------',
      'From: Mark Ellison <mark.ellison@acme-logistics.example>',
      'Date: Mon, 2 Jun 2025 at 09:12',
      'Subject: Export broken',
      'To: Anna Virtanen <anna.virtanen@verbatim-demo.example>',
      '',
      'The CSV export has been broken since Friday. We need it for payroll.',
      '',
      'Best regards,',
      'Mark',
    ].join('\r\n');
    const result = unwrap({
      from: { name: 'Anna Virtanen', email: 'anna.virtanen@verbatim-demo.example' },
      subject: 'Fwd: Export broken',
      text,
    });
    expect(result.author).toEqual({ name: 'Mark Ellison', email: 'mark.ellison@acme-logistics.example' });
    expect(result.forwardedBy).toEqual({
      name: 'Anna Virtanen',
      email: 'anna.virtanen@verbatim-demo.example',
    });
    expect(result.subject).toBe('Export broken');
    expect(result.text).toBe('The CSV export has been broken since Friday. We need it for payroll.');
    expect(result.quotedText).toContain('FYI, see below.');
    expect(result.quotedText).toContain('Best regards');
  });

  it('keeps a customer’s own mail as theirs, with the quoted chain aside', () => {
    const result = unwrap({
      from: { name: '', email: 'Liisa.Korhonen@pohjola-foods.example' },
      subject: 'Re: Lasku',
      text: 'Lasku on edelleen väärin.\n\nOn Mon, 2 Jun 2025 at 09:12, Tuki <tuki@verbatim-demo.example> wrote:\n> Korjaamme laskun.\n',
    });
    expect(result.author).toEqual({
      name: 'liisa.korhonen@pohjola-foods.example',
      email: 'liisa.korhonen@pohjola-foods.example',
    });
    expect(result.forwardedBy).toBeNull();
    expect(result.text).toBe('Lasku on edelleen väärin.');
    expect(result.quotedText).toContain('> Korjaamme laskun.');
    expect(result.subject).toBe('Re: Lasku');
  });
});

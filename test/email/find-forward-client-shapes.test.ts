import { describe, expect, it } from 'vitest';
import { findForward } from '../../src/email/find-forward.ts';

const lines = (...text: string[]) => text.join('\n');

describe('findForward on the shapes of Apple Mail, IONOS, Missive and new Outlook (Danish)', () => {
  it('reads an Apple Mail forward whose separator is quoted too, in any language', () => {
    for (const separator of [
      'Begin forwarded message:',
      'Välitetty viesti alkaa:',
      'Vidarebefordrat mejl:',
    ]) {
      const split = findForward(
        lines(
          `> ${separator}`,
          '>',
          '> From: Mark <mark@acme-logistics.example>',
          '> Subject: Gate',
          '>',
          '> Gate is shut.',
        ),
        null,
      );
      expect(split?.from.email).toBe('mark@acme-logistics.example');
      expect(split?.header.startsWith(separator)).toBe(true);
      expect(split?.inner).toBe('Gate is shut.');
    }
  });

  it('does not read a quoted forward below an "On … wrote:" line or in a reply as a forward', () => {
    const quoted = lines(
      '> Begin forwarded message:',
      '>',
      '> From: Priya <priya@acme-logistics.example>',
      '> Subject: Printer',
      '>',
      '> Broken.',
    );
    expect(
      findForward(lines('Any news?', '', 'On Tue, Anna <anna@verbatim-demo.example> wrote:', quoted), null),
    ).toBeNull();
    expect(findForward(lines('Any news?', '', quoted), 'Re: Printer')).toBeNull();
    expect(findForward(lines('Please look at this.', '', quoted), 'Fwd: Printer')?.from.email).toBe(
      'priya@acme-logistics.example',
    );
  });

  it('reads an IONOS forward (quoted "Original Message" banner) when the subject says forward', () => {
    const body = lines(
      '> ---------- Original Message ----------',
      '> From: Mark <mark@acme-logistics.example>',
      '> Date: 12/02/2025 4:52 PM EET',
      '> Subject: Depot',
      '>  ',
      '> Wrong depot.',
    );
    expect(findForward(body, 'Fwd: Depot')?.from.email).toBe('mark@acme-logistics.example');
    expect(findForward(body, null)).toBeNull();
  });

  it('removes the quote level Missive puts on the forwarded body only', () => {
    const split = findForward(
      lines(
        '---------- Forwarded message ----------',
        'From: Liisa <liisa@pohjola-foods.example>',
        'Subject: Alerts',
        '',
        '> No alerts since Friday.',
        '> > an older quote',
      ),
      'Fwd: Alerts',
    );
    expect(split?.inner).toBe('No alerts since Friday.\n> an older quote');
  });

  it('reads "VS:" as a Danish forward only when no note stands above the header block', () => {
    const block = lines(
      'Fra: Mark <mark@acme-logistics.example>',
      'Dato: tirsdag, 2. december 2025 kl. 12.06',
      'Emne: Levering',
      'Leveringen er forsinket.',
    );
    expect(findForward(block, 'VS: Levering')?.from.email).toBe('mark@acme-logistics.example');
    expect(findForward(lines('Kiitos, katsotaan.', '', block), 'VS: Levering')).toBeNull();
  });
});

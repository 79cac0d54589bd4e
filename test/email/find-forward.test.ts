import { describe, expect, it } from 'vitest';
import { findForward, isForwardSubject } from '../../src/email/find-forward.ts';

describe('isForwardSubject', () => {
  it.each([
    ['Fwd: Late', true],
    ['FW: Late', true],
    ['VL: Lasku', true],
    ['WG: Rechnung', true],
    ['RE: FW: Late', false],
    ['VS: Lasku', false],
    ['Late delivery', false],
  ])('%s → %s', (subject, expected) => {
    expect(isForwardSubject(subject)).toBe(expected);
  });
});

describe('findForward', () => {
  it('splits note, header block and forwarded body by line, removing one level of > quotes', () => {
    const text = [
      'See below.',
      '',
      'Begin forwarded message:',
      '',
      '> From: Mark Ellison <mark@acme-logistics.example>',
      '> Subject: Gate',
      '> Date: 2 June 2025 at 18:22:10 EEST',
      '>',
      '> The gate is closed.',
      '> > an older quote of Mark’s own',
    ].join('\n');
    const split = findForward(text, 'Fwd: Gate');
    expect(split).toEqual({
      note: 'See below.\n',
      header: [
        'Begin forwarded message:',
        '',
        'From: Mark Ellison <mark@acme-logistics.example>',
        'Subject: Gate',
        'Date: 2 June 2025 at 18:22:10 EEST',
        '',
      ].join('\n'),
      inner: 'The gate is closed.\n> an older quote of Mark’s own',
      from: { name: 'Mark Ellison', email: 'mark@acme-logistics.example' },
      date: '2 June 2025 at 18:22:10 EEST',
      subject: 'Gate',
    });
  });

  it('ignores a forward separator inside a quoted reply chain', () => {
    const text = [
      'Yes, that one.',
      '',
      '> Begin forwarded message:',
      '>',
      '> > From: Priya <priya@acme-logistics.example>',
      '> > Subject: Printer',
      '> >',
      '> > Broken.',
    ].join('\n');
    expect(findForward(text, 'Re: Printer')).toBeNull();
  });

  it('needs a sender address: a forward block naming only a person is left as text', () => {
    const text = [
      '---------- Forwarded message ---------',
      'From: Mark Ellison',
      'Subject: x',
      '',
      'Body',
    ].join('\n');
    expect(findForward(text, 'Fwd: x')).toBeNull();
  });

  it('stays fast on bodies built to make backtracking regular expressions slow', () => {
    const line = 'Dne , x <a> '.repeat(30);
    const text = Array.from({ length: 5000 }, () => line).join('\n');
    const started = performance.now();
    findForward(text, 'Fwd: x');
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

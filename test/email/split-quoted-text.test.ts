import { describe, expect, it } from 'vitest';
import { splitQuotedText } from '../../src/email/split-quoted-text.ts';

const lines = (...parts: string[]) => parts.join('\n');

describe('splitQuotedText', () => {
  it.each([
    {
      case: 'a top-posted reply with an "On … wrote:" chain',
      body: lines(
        'Still broken.',
        '',
        'On Mon, Jun 2, 2025 at 9:00 AM Anna <anna@x.example> wrote:',
        '> Fixed?',
        '> Anna',
      ),
      text: 'Still broken.',
      quoted: lines('On Mon, Jun 2, 2025 at 9:00 AM Anna <anna@x.example> wrote:', '> Fixed?', '> Anna'),
    },
    {
      case: 'a Gmail reply header wrapped over two lines',
      body: lines(
        'No.',
        '',
        'On Mon, Jun 2, 2025 at 4:01 PM Anna Virtanen <',
        'anna@x.example> wrote:',
        '',
        '> Does it work?',
      ),
      text: 'No.',
      quoted: lines(
        'On Mon, Jun 2, 2025 at 4:01 PM Anna Virtanen <',
        'anna@x.example> wrote:',
        '',
        '> Does it work?',
      ),
    },
    {
      case: 'a Finnish "kirjoitti:" chain',
      body: lines('Ei käy.', '', 'ma 2.6.2025 klo 15.20 Anna (anna@x.example) kirjoitti:', '> Käykö tämä?'),
      text: 'Ei käy.',
      quoted: lines('ma 2.6.2025 klo 15.20 Anna (anna@x.example) kirjoitti:', '> Käykö tämä?'),
    },
    {
      case: 'an Outlook reply under an underscore line and a From/Sent block',
      body: lines(
        'No thanks.',
        '',
        '________________________________',
        'From: Anna <anna@x.example>',
        'Sent: Monday',
        'Subject: Offer',
        '',
        'Offer text',
      ),
      text: 'No thanks.',
      quoted: lines(
        '________________________________',
        'From: Anna <anna@x.example>',
        'Sent: Monday',
        'Subject: Offer',
        '',
        'Offer text',
      ),
    },
    {
      case: 'a Finnish Outlook header block without an underscore line',
      body: lines(
        'Ei sovi.',
        '',
        'Lähettäjä: Anna <anna@x.example>',
        'Lähetetty: maanantai',
        'Aihe: Aikataulu',
        '',
        'Aikataulu muuttuu.',
      ),
      text: 'Ei sovi.',
      quoted: lines(
        'Lähettäjä: Anna <anna@x.example>',
        'Lähetetty: maanantai',
        'Aihe: Aikataulu',
        '',
        'Aikataulu muuttuu.',
      ),
    },
    {
      case: 'an "Original Message" banner',
      body: lines('See below.', '-----Original Message-----', 'From: Anna', 'old text'),
      text: 'See below.',
      quoted: lines('-----Original Message-----', 'From: Anna', 'old text'),
    },
    {
      case: 'a bottom-posted reply',
      body: lines('On Mon Anna <anna@x.example> wrote:', '> Works now?', '', 'No, it does not.'),
      text: 'No, it does not.',
      quoted: lines('On Mon Anna <anna@x.example> wrote:', '> Works now?'),
    },
  ])('separates $case', ({ body, text, quoted }) => {
    expect(splitQuotedText(body)).toEqual({ text, quoted });
  });

  it('keeps answers written between quoted lines whole, quotes included', () => {
    const body = lines('> When did it start?', 'At six.', '> Which depot?', 'Leeds.');
    expect(splitQuotedText(body)).toEqual({ text: body, quoted: null });
  });

  it('does not treat a decorative underscore line as a quoted mail', () => {
    const body = lines('Part one', '________________________________', 'Part two');
    expect(splitQuotedText(body)).toEqual({ text: body, quoted: null });
  });

  it.each([
    {
      case: 'the "-- " delimiter',
      body: lines('Please fix.', '', '-- ', 'Priya', 'Acme'),
      text: 'Please fix.',
      quoted: lines('-- ', 'Priya', 'Acme'),
    },
    {
      case: '"Best regards"',
      body: lines('Please fix.', '', 'Best regards,', 'Mark', 'Acme'),
      text: 'Please fix.',
      quoted: lines('Best regards,', 'Mark', 'Acme'),
    },
    {
      case: '"Ystävällisin terveisin"',
      body: lines('Korjatkaa.', 'Ystävällisin terveisin', 'Liisa'),
      text: 'Korjatkaa.',
      quoted: lines('Ystävällisin terveisin', 'Liisa'),
    },
    {
      case: '"Mit freundlichen Grüßen"',
      body: lines('Bitte.', 'Mit freundlichen Grüßen', 'Jonas'),
      text: 'Bitte.',
      quoted: lines('Mit freundlichen Grüßen', 'Jonas'),
    },
    {
      case: 'a mobile footer',
      body: lines('On my way.', '', 'Sent from my iPhone'),
      text: 'On my way.',
      quoted: 'Sent from my iPhone',
    },
    {
      case: '"Thanks," before a short name',
      body: lines('Check order 5.', 'Thanks,', 'Mark'),
      text: 'Check order 5.',
      quoted: lines('Thanks,', 'Mark'),
    },
  ])('moves a signature starting with $case to the quoted text', ({ body, text, quoted }) => {
    expect(splitQuotedText(body)).toEqual({ text, quoted });
  });

  it.each([
    { case: 'a question follows "Regards"', body: lines('Hello.', 'Regards', 'Could you call me today?') },
    {
      case: 'sentences follow "Thanks."',
      body: lines('Invoice is wrong.', 'Thanks.', 'Also the portal is down.'),
    },
    { case: 'the message is only "Thanks!"', body: 'Thanks!' },
    { case: 'the "-- " line is the first line', body: lines('-- ', 'just a dash line') },
  ])('keeps words in the text when $case', ({ body }) => {
    expect(splitQuotedText(body)).toEqual({ text: body, quoted: null });
  });

  it('cuts only blank lines at the ends of the text, never the words inside', () => {
    expect(splitQuotedText('\n\n  indented first line\n\nsecond  \n\n')).toEqual({
      text: '  indented first line\n\nsecond',
      quoted: null,
    });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSlackText } from '../../src/slack/decode-slack-text.ts';
import { escapeMrkdwn, unescapeMrkdwn } from '../../src/slack/escape-mrkdwn.ts';

/** Every Slack token that pings, links or spoofs needs `<…>`. */
const LIVE_TOKEN = /<[@#!]|<https?:|<mailto:|<[^>]*\|/;

/** Strings rich in the characters and tokens that matter. */
const hostile = fc
  .array(
    fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom(
        '<!here>',
        '<!channel>',
        '<!everyone>',
        '<@U0STAFF01>',
        '<@U0STAFF01|ann>',
        '<!subteam^S0ONCALL|@oncall>',
        '<#C0SUPPORT|support>',
        '<https://evil.example|https://bank.example>',
        '&amp;',
        '&lt;',
        '&gt;',
        '&',
        '<',
        '>',
        '|',
        '@here',
      ),
    ),
  )
  .map((parts) => parts.join(''));

describe('escapeMrkdwn', () => {
  it('leaves no live mention, broadcast or link token, whatever the input', () => {
    fc.assert(
      fc.property(hostile, (input) => {
        expect(escapeMrkdwn(input)).not.toMatch(LIVE_TOKEN);
        expect(escapeMrkdwn(input)).not.toMatch(/[<>]/);
      }),
    );
  });

  it('gives back exactly the customer characters when unescaped', () => {
    fc.assert(
      fc.property(hostile, (input) => {
        expect(unescapeMrkdwn(escapeMrkdwn(input))).toBe(input);
      }),
    );
  });

  it('neutralises Slack wire text end to end: decoded, escaped, nothing live', () => {
    fc.assert(
      fc.property(hostile, (wire) => {
        expect(escapeMrkdwn(decodeSlackText(wire))).not.toMatch(/[<>]/);
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { decodeSlackText, findMentionedUsers } from '../../src/slack/decode-slack-text.ts';

describe('decodeSlackText', () => {
  it.each([
    ['<!here> help', '@here help'],
    ['<!here|here> help', '@here help'],
    ['<!channel>', '@channel'],
    ['<!everyone>', '@everyone'],
    ['<!subteam^S0ONCALL|@oncall>', '@oncall'],
    ['<!subteam^S0ONCALL>', '@S0ONCALL'],
    ['<#C0SUPPORT|support>', '#support'],
    ['<#C0SUPPORT>', '#C0SUPPORT'],
    ['<@U0STAFF01>', '@U0STAFF01'],
    ['<@U0STAFF01|ann>', '@ann'],
    ['<!date^1392734382^{date_short}|Feb 18, 2014>', 'Feb 18, 2014'],
  ])('turns the token in %j into plain text', (wire, plain) => {
    expect(decodeSlackText(wire)).toBe(plain);
  });

  it('names mentioned users when their names are known', () => {
    expect(decodeSlackText('hi <@U1> and <@U2>', { users: new Map([['U1', 'Ann']]) })).toBe(
      'hi @Ann and @U2',
    );
  });

  it('decodes the three entities Slack escapes, and only those', () => {
    expect(decodeSlackText('a &amp; b &lt;c&gt; &amp;lt; &quot;')).toBe('a & b <c> &lt; &quot;');
  });

  it('shows a disguised link with its real target', () => {
    expect(decodeSlackText('<https://evil.example/login|https://bank.example>')).toBe(
      'https://bank.example (https://evil.example/login)',
    );
  });

  it('keeps an honest link as its URL', () => {
    expect(decodeSlackText('see <https://docs.example/faq|docs.example/faq> or <https://x.example>')).toBe(
      'see docs.example/faq or https://x.example',
    );
  });

  it('shows mailto links as the address', () => {
    expect(decodeSlackText('<mailto:ann@acme.example|ann@acme.example>')).toBe('ann@acme.example');
    expect(decodeSlackText('<mailto:evil@x.example|ceo@acme.example>')).toBe(
      'ceo@acme.example (evil@x.example)',
    );
  });

  it('lists the users a text mentions, once each', () => {
    expect(findMentionedUsers('<@U1> <@U2|b> <@U1> <!here>')).toEqual(['U1', 'U2']);
  });
});

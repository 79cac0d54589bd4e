import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { neutralizeRichText, richTextToPlain } from '../../src/slack/neutralize-rich-text.ts';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as {
    event: { blocks: unknown[] };
  };

const PINGING = new Set(['user', 'usergroup', 'broadcast', 'channel', 'team']);

function elementTypes(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(elementTypes);
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  return [String(record['type']), ...elementTypes(record['elements'])];
}

describe('neutralizeRichText', () => {
  it.each([
    [{ type: 'user', user_id: 'U0STAFF01' }, '@U0STAFF01'],
    [{ type: 'usergroup', usergroup_id: 'S0ONCALL' }, '@S0ONCALL'],
    [{ type: 'broadcast', range: 'here' }, '@here'],
    [{ type: 'broadcast', range: 'channel' }, '@channel'],
    [{ type: 'broadcast', range: 'everyone' }, '@everyone'],
    [{ type: 'channel', channel_id: 'C0SUPPORT' }, '#C0SUPPORT'],
    [{ type: 'team', team_id: 'T0OTHER' }, '@T0OTHER'],
  ])('rewrites %j to a text element', (element, text) => {
    const [block] = neutralizeRichText([
      { type: 'rich_text', elements: [{ type: 'rich_text_section', elements: [element] }] },
    ]);
    expect(elementTypes(block)).toEqual(['rich_text', 'rich_text_section', 'text']);
    expect(richTextToPlain([block])).toBe(text);
  });

  it('shows a disguised link with its real target and keeps honest links', () => {
    const blocks = neutralizeRichText([
      {
        type: 'rich_text',
        elements: [
          {
            type: 'rich_text_section',
            elements: [
              { type: 'link', url: 'https://evil.example', text: 'https://bank.example' },
              { type: 'link', url: 'https://docs.example' },
            ],
          },
        ],
      },
    ]);
    expect(richTextToPlain(blocks)).toBe('https://bank.example (https://evil.example)https://docs.example');
  });

  it('uses known names for users and channels', () => {
    const blocks = neutralizeRichText(
      [
        {
          type: 'rich_text',
          elements: [{ type: 'rich_text_quote', elements: [{ type: 'user', user_id: 'U1' }] }],
        },
      ],
      { users: new Map([['U1', 'Ann']]) },
    );
    expect(richTextToPlain(blocks)).toBe('@Ann');
  });

  it('leaves nothing that pings in a hostile Slack Connect message, keeping the words', () => {
    const blocks = neutralizeRichText(fixture('slack_connect_hostile.json').event.blocks);
    expect(elementTypes(blocks).filter((type) => PINGING.has(type))).toEqual([]);
    expect(richTextToPlain(blocks)).toContain(
      '@here @channel @everyone ping @U0STAFF01 and @S0ONCALL in #C0SUPPORT',
    );
    expect(richTextToPlain(blocks)).toContain('https://bank.example (https://evil.example/login)');
  });

  it('keeps real rich text (emoji, links, text) from a recorded message', () => {
    const blocks = neutralizeRichText(fixture('message_rich_text.json').event.blocks);
    expect(richTextToPlain(blocks)).toBe('#C043YJGBY49 :cat: @U043H11ES4V https://google.com text text text');
  });
});

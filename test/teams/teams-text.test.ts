import { describe, expect, it } from 'vitest';
import { teamsMessageText } from '../../src/teams/teams-html-to-text.ts';
import { reactionName } from '../../src/teams/teams-reaction-names.ts';
import { neutralizeTeamsMarkdown, neutralizeTeamsText } from '../../src/teams/views/neutralize-teams-text.ts';
import { splitTextParts } from '../../src/teams/views/split-text-parts.ts';
import { CHANNEL_FIXTURE } from './teams-harness.ts';

describe('Teams text', () => {
  it('turns the recorded HTML body with a mention span into plain text without losing a word', () => {
    const attachments = CHANNEL_FIXTURE.mention.attachments as Array<{ content: string }>;
    expect(
      teamsMessageText({ text: String(CHANNEL_FIXTURE.mention.text), html: attachments[0]!.content }),
    ).toBe('@Chat SDK Demo Hey');
  });

  it('keeps emoji, shows link targets, keeps plain text exactly as sent', () => {
    expect(
      teamsMessageText({
        text: '<p>Pay <a href="https://evil.example">https://bank.example</a> now <img alt="😡" src="x"></p><p>Second &amp; last</p>',
      }),
    ).toBe('Pay https://bank.example (https://evil.example) now 😡\n\nSecond & last');
    expect(teamsMessageText({ text: 'a  <3  b\n\n  c ' })).toBe('a  <3  b\n\n  c ');
  });

  it('breaks tags with an invisible joiner and escapes markdown where Teams renders it', () => {
    const hostile = '<at>All</at> <a href="x">y</a>';
    expect(neutralizeTeamsText(hostile)).not.toMatch(/<at>|<a /);
    expect(neutralizeTeamsText(hostile).replaceAll('\u2060', '')).toBe(hostile);
    expect(neutralizeTeamsMarkdown('[a](b) **c**')).toBe('\\[a\\]\\(b\\) \\*\\*c\\*\\*');
  });

  it('splits long text into parts that join back exactly, never inside a surrogate pair', () => {
    const text = `${'word '.repeat(50)}${'😀'.repeat(40)}`;
    const parts = splitTextParts(text, 33);
    expect(parts.join('')).toBe(text);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(33);
    for (const part of parts) expect(/[\ud800-\udbff]$/.test(part)).toBe(false);
  });

  it('maps Teams reaction types to the configured emoji names', () => {
    expect(reactionName('1f440_eyes')).toBe('eyes');
    expect(reactionName('2705_whiteheavycheckmark')).toBe('white_check_mark');
    expect(reactionName('like')).toBe('thumbsup');
    expect(reactionName('heart')).toBe('heart');
  });
});

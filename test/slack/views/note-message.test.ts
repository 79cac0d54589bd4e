import { describe, expect, it } from 'vitest';
import { richTextToPlain } from '../../../src/slack/neutralize-rich-text.ts';
import { renderNote } from '../../../src/slack/views/note-message.ts';
import { findBlockLimitError } from '../../fakes/slack-block-limits.ts';
import { sampleMessage } from './sample-routed-post-view.ts';

const quotes = (blocks: unknown[]) =>
  (blocks as Array<Record<string, unknown>>).filter((b) => b['type'] === 'rich_text');

describe('renderNote', () => {
  it('mentions only staff and group ids from config, and escapes the note text', () => {
    const [body] = renderNote({
      kind: 'nudge',
      text: 'P1 from Acme <!here> is unanswered',
      mentions: ['S0ONCALL', 'U0MANAGER', '<!channel>', 'here'],
    });
    const rendered = JSON.stringify(body);
    expect(rendered).toContain('<!subteam^S0ONCALL>');
    expect(rendered).toContain('<@U0MANAGER>');
    expect(rendered).not.toContain('<!channel>');
    expect(rendered).not.toContain('<!here>');
    expect(rendered).toContain('&lt;!here&gt;');
  });

  it('links an escalation to the routed post', () => {
    const [body] = renderNote(
      { kind: 'escalation', text: 'P1 breached', mentions: [] },
      { linkUrl: 'https://verbatim.slack.com/archives/C0SUPPORT/p1' },
    );
    expect(JSON.stringify(body)).toContain(
      '<https://verbatim.slack.com/archives/C0SUPPORT/p1|Open the routed post>',
    );
  });

  it('carries a long customer follow-up whole, in ordered parts within limits', () => {
    const text = 'x'.repeat(25_000);
    const parts = renderNote({ kind: 'follow-up', text, mentions: [], message: sampleMessage({ text }) });
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(findBlockLimitError(part.blocks, 'message')).toBeUndefined();
    expect(parts.map((part) => richTextToPlain(quotes(part.blocks))).join('')).toBe(text);
  });
});

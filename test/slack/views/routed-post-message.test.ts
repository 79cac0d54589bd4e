import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeSlackText } from '../../../src/slack/decode-slack-text.ts';
import { richTextToPlain } from '../../../src/slack/neutralize-rich-text.ts';
import { ACTION_IDS } from '../../../src/slack/views/action-ids.ts';
import { renderRoutedPost } from '../../../src/slack/views/routed-post-message.ts';
import { findBlockLimitError, findMessageTextError } from '../../fakes/slack-block-limits.ts';
import { sampleMessage, sampleView } from './sample-routed-post-view.ts';

const hostileWire = (
  JSON.parse(readFileSync(new URL('../fixtures/slack_connect_hostile.json', import.meta.url), 'utf8')) as {
    event: { text: string };
  }
).event.text;

/** Live Slack tokens that would ping or spoof; our own `<!date^…>` tokens are fine. */
const LIVE = /<!here|<!channel|<!everyone|<@U0STAFF01|<!subteam|<#C|<https:\/\/evil/;

const quotesOf = (blocks: unknown[]) =>
  (blocks as Array<Record<string, unknown>>).filter((block) => block['type'] === 'rich_text');

const actionIds = (blocks: unknown[]) =>
  (blocks as Array<Record<string, unknown>>)
    .filter((block) => block['type'] === 'actions')
    .flatMap((block) =>
      (block['elements'] as Array<{ action_id: string }>).map((element) => element.action_id),
    );

describe('renderRoutedPost', () => {
  it('heads the post with priority and account and quotes the customer verbatim', () => {
    const post = renderRoutedPost(sampleView());
    expect(post.blocks[0]).toMatchObject({
      type: 'header',
      text: { text: ':large_orange_circle: P2 · Acme Logistics (enterprise)' },
    });
    expect(richTextToPlain(quotesOf(post.blocks))).toBe(sampleView().messages[0]!.text);
    expect(JSON.stringify(post.blocks)).toContain('Export broken since Monday; invoices wrong.');
    expect(JSON.stringify(post.blocks)).toContain(
      '<https://verbatim.slack.com/archives/C1ACME/p1767000000000100|View original>',
    );
    expect(post.continuation).toEqual([]);
    expect(actionIds(post.blocks)).toEqual([
      ACTION_IDS.claim,
      ACTION_IDS.resolve,
      ACTION_IDS.reassign,
      ACTION_IDS.snooze,
      ACTION_IDS.overflow,
    ]);
  });

  it('says who claimed it and when, and offers Unclaim', () => {
    const at = new Date('2026-03-02T09:15:00Z');
    const post = renderRoutedPost(
      sampleView({
        state: 'claimed',
        claimedBy: { id: 'U0ANN', name: 'Ann' },
        lastChange: { kind: 'claim', actor: { id: 'U0ANN' }, at },
      }),
    );
    expect(JSON.stringify(post.blocks[1])).toContain(
      `:eyes: *Claimed* by <@U0ANN> · <!date^${at.getTime() / 1000}^`,
    );
    expect(actionIds(post.blocks)).toContain(ACTION_IDS.unclaim);
  });

  it('offers only Reopen once resolved, naming who resolved it', () => {
    const post = renderRoutedPost(
      sampleView({
        state: 'resolved',
        lastChange: { kind: 'resolve', actor: { id: 'U0BOB' }, at: new Date() },
      }),
    );
    expect(actionIds(post.blocks)).toEqual([ACTION_IDS.reopen, ACTION_IDS.overflow]);
    expect(JSON.stringify(post.blocks[1])).toContain(':white_check_mark: *Resolved* by <@U0BOB>');
  });

  it('neutralises every injection token from customer text, names and analysis, fallback included', () => {
    const text = decodeSlackText(hostileWire);
    const post = renderRoutedPost(
      sampleView({
        messages: [
          sampleMessage({
            text,
            author: { id: 'U0CUST001', name: 'Casey <!here> <@U0STAFF01>', external: true },
          }),
        ],
        analysis: { ...sampleView().analysis, summary: 'Customer wrote <!channel> and <@U0STAFF01>' },
      }),
    );
    const rendered = JSON.stringify(post);
    expect(rendered).not.toMatch(LIVE);
    expect(post.text).not.toMatch(/[<>]/);
    // The quote holds only text elements: no user, usergroup, broadcast or channel element.
    expect(JSON.stringify(quotesOf(post.blocks))).not.toMatch(
      /"type":"(user|usergroup|broadcast|channel|team)"/,
    );
    expect(richTextToPlain(quotesOf(post.blocks))).toBe(text);
    expect(richTextToPlain(quotesOf(post.blocks))).toContain(
      'https://bank.example (https://evil.example/login)',
    );
  });

  it('carries a 40,000-character message complete and in order across the post and thread replies, within Slack limits', () => {
    const text = Array.from({ length: 4000 }, (_, i) => `w${String(i).padStart(4, '0')}😀 `)
      .join('')
      .slice(0, 40_000);
    const post = renderRoutedPost(sampleView({ messages: [sampleMessage({ text })] }));
    expect(post.continuation.length).toBeGreaterThan(1);
    for (const body of [post, ...post.continuation]) {
      expect(findBlockLimitError(body.blocks, 'message')).toBeUndefined();
      expect(findMessageTextError(body.text)).toBeUndefined();
    }
    const all = [post, ...post.continuation].map((body) => richTextToPlain(quotesOf(body.blocks))).join('');
    expect(all).toBe(text);
    expect(JSON.stringify(post.blocks)).toContain(
      `continues in this thread: ${post.continuation.length} more parts`,
    );
    expect(post.continuation[0]!.text).toBe(`Continued — part 2 of ${post.continuation.length + 1}`);
  });

  it('keeps a burst of sixty grouped messages within 50 blocks per message', () => {
    const messages = Array.from({ length: 60 }, (_, i) =>
      sampleMessage({ id: `slack:C1ACME:${i}.0`, text: `message ${i}` }),
    );
    const post = renderRoutedPost(sampleView({ messages }));
    for (const body of [post, ...post.continuation])
      expect(findBlockLimitError(body.blocks, 'message')).toBeUndefined();
    const quotes = [post, ...post.continuation].flatMap((body) =>
      quotesOf(body.blocks).map((quote) => richTextToPlain([quote])),
    );
    expect(quotes).toEqual(messages.map((message) => message.text));
    expect(post.continuation.length).toBeGreaterThan(0);
  });

  it('shows edits and deletions instead of hiding them', () => {
    const post = renderRoutedPost(
      sampleView({
        messages: [
          sampleMessage({ editedAt: new Date('2026-03-02T08:05:00Z') }),
          sampleMessage({
            id: 'slack:C1ACME:2.0',
            text: 'oops',
            deletedAt: new Date('2026-03-02T08:06:00Z'),
          }),
        ],
      }),
    );
    const rendered = JSON.stringify(post.blocks);
    expect(rendered).toContain('_edited <!date^');
    expect(rendered).toContain('*deleted by the customer*');
    expect(richTextToPlain(quotesOf(post.blocks))).toContain('oops');
  });

  it('lists attachments with names and sizes, and marks emails with subject and forwarder', () => {
    const post = renderRoutedPost(
      sampleView({
        messages: [
          sampleMessage({
            attachments: [{ name: 'export<1>.csv', sizeBytes: 2048 }],
            subject: 'Invoice & export',
            forwardedBy: { name: 'Sam', email: 'sam@verbatim-demo.example' },
            author: { id: 'olli@acme.example', name: 'Olli', email: 'olli@acme.example', external: true },
          }),
        ],
      }),
    );
    const rendered = JSON.stringify(post.blocks);
    expect(rendered).toContain(':paperclip: export&lt;1&gt;.csv (2.0 KB)');
    expect(rendered).toContain('*Subject:* Invoice &amp; export');
    expect(rendered).toContain('forwarded by Sam &lt;sam@verbatim-demo.example&gt;');
  });

  it('offers to map an unmapped conversation to an account', () => {
    const post = renderRoutedPost(sampleView({ account: null, unmapped: true }), {
      accounts: [
        { id: 'pohjola', name: 'Pohjola Foods' },
        { id: 'acme', name: 'Acme Logistics' },
      ],
    });
    expect(post.blocks[0]).toMatchObject({
      text: { text: ':large_orange_circle: P2 · Unmapped conversation' },
    });
    const select = (
      post.blocks.find((block) => block['type'] === 'actions')!['elements'] as Array<Record<string, unknown>>
    ).find((element) => element['action_id'] === ACTION_IDS.mapAccount);
    expect((select!['options'] as Array<{ value: string }>).map((option) => option.value)).toEqual([
      'acme',
      'pohjola',
    ]);
  });
});

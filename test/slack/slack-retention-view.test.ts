import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RetentionSchema } from '../../src/config/retention-schema.ts';
import { richTextToPlain } from '../../src/slack/neutralize-rich-text.ts';
import { ACTION_IDS, requestBlockId } from '../../src/slack/views/action-ids.ts';
import { applyRetention } from '../../src/storage/apply-retention.ts';
import type { SlackMessage } from '../fakes/slack-fake-workspace.ts';
import { blockAction, customerMessage, type SlackHarness, startSlackHarness } from './slack-harness.ts';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(async () => {
  await h?.close();
});

const quotes = (message: SlackMessage | undefined) =>
  richTextToPlain(
    ((message?.blocks ?? []) as Array<Record<string, unknown>>).filter(
      (block) => block['type'] === 'rich_text',
    ),
  );

describe('a routed post re-rendered after retention blanked its words (Slack)', () => {
  it('says the words were removed by the retention policy, with the date, instead of an empty quote', async () => {
    const text = 'Our export is broken again and the CSV has no header row';
    await h.sendEvent(customerMessage({ text, channel: 'C1ACME', user: 'U0CUST001' }), { extShared: true });
    const post = await h.waitFor('routed post', () =>
      h.slack.api
        .messages('C0SUPPORT')
        .find((message) => message.thread_ts === undefined && quotes(message).includes(text)),
    );
    const request = await h.waitFor('request linked to the post', () =>
      h.verbatim.store.findRequestByPost({
        destination: { platform: 'slack', channel: 'C0SUPPORT' },
        id: post.ts,
      }),
    );

    // Retention runs as if a year had passed: bodies and the analysis's words are blanked.
    const ranAt = new Date(Date.now() + 400 * 86_400_000);
    const report = await applyRetention(
      h.verbatim.storage.db,
      RetentionSchema.parse({ messageBodiesDays: 30, auditWordsDays: 30 }),
      ranAt,
    );
    expect(report['message bodies']).toBeGreaterThan(0);

    // A button press re-renders the post from what is stored now.
    const ack = await h.sendInteraction(
      blockAction({
        user: 'U0ANN',
        channel: 'C0SUPPORT',
        messageTs: post.ts,
        action: {
          block_id: requestBlockId(request.id),
          type: 'button',
          action_id: ACTION_IDS.claim,
          value: request.id,
        },
      }),
    );
    expect(ack.status).toBe(200);
    const updated = await h.waitFor('post re-rendered after the claim', () => {
      const message = h.slack.api.message('C0SUPPORT', post.ts);
      return JSON.stringify(message?.blocks).includes('*Claimed* by <@U0ANN>') ? message : null;
    });
    const shown = JSON.stringify(updated.blocks);
    const day = ranAt.toISOString().slice(0, 10);
    expect(shown).toContain(`The customer’s words were removed by the retention policy on ${day}.`);
    expect(shown).toContain(`Removed by the retention policy on ${day}.`);
    expect(shown).toContain('Customer (name removed)');
    expect(updated.text).toContain('removed by the retention policy');
    // No quote box at all, empty or otherwise, and none of the words.
    expect(
      (updated.blocks as Array<Record<string, unknown>>).filter((block) => block['type'] === 'rich_text'),
    ).toEqual([]);
    expect(shown).not.toContain('CSV has no header row');
  });
});

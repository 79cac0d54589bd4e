import { afterEach, describe, expect, it } from 'vitest';
import { RetentionSchema } from '../../src/config/retention-schema.ts';
import { applyRetention } from '../../src/storage/apply-retention.ts';
import { createCardValidator } from './card-schema.ts';
import {
  ACTIONS_FIXTURE,
  channelMessage,
  STAFF,
  SUPPORT_CHANNEL,
  startTeamsHarness,
  type TeamsHarness,
} from './teams-harness.ts';

const validateCard = createCardValidator();
let harness: TeamsHarness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

function cardOf(activity: Record<string, unknown>): Record<string, unknown> {
  const attachments = activity.attachments as Array<{
    contentType: string;
    content: Record<string, unknown>;
  }>;
  const card = attachments.find(
    (attachment) => attachment.contentType === 'application/vnd.microsoft.card.adaptive',
  );
  if (!card) throw new Error('no adaptive card in the activity');
  return card.content;
}

/** An Action.Execute invoke on the routed card, shaped like the recorded one. */
function cardAction(postId: string, verb: string, requestId: string) {
  const template = structuredClone(ACTIONS_FIXTURE.action) as Record<string, unknown>;
  return {
    ...template,
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `f:${postId}-${verb}`,
    from: STAFF,
    replyToId: postId,
    conversation: { ...(template.conversation as object), id: `${SUPPORT_CHANNEL};messageid=${postId}` },
    channelData: { ...(template.channelData as object), channel: { id: SUPPORT_CHANNEL } },
    value: { action: { type: 'Action.Execute', verb, data: { requestId, action: verb } } },
  };
}

/** Every string a card shows to people (TextBlock and TextRun texts, fact values). */
function shownTexts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(shownTexts);
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) =>
    (key === 'text' || key === 'value') && typeof value === 'string' ? [value] : shownTexts(value),
  );
}

describe('a routed card re-rendered after retention blanked its words (Teams)', () => {
  it('says the words were removed by the retention policy, with the date, never an empty quote', async () => {
    harness = await startTeamsHarness();
    const h = harness;
    const words = 'Our export is broken again and the CSV has no header row';
    await h.send(channelMessage({ text: words }));
    const routed = await h.waitFor('routed card', () =>
      h.connector.calls.find((call) => call.kind === 'send' && call.conversationId === SUPPORT_CHANNEL),
    );
    expect(JSON.stringify(cardOf(routed.activity))).toContain(words);
    const request = await h.waitFor('stored request', () =>
      h.verbatim.store.findRequestByPost({
        destination: { platform: 'teams', conversationId: SUPPORT_CHANNEL },
        id: routed.activityId,
      }),
    );

    const ranAt = new Date(Date.now() + 400 * 86_400_000);
    await applyRetention(
      h.verbatim.storage.db,
      RetentionSchema.parse({ messageBodiesDays: 30, auditWordsDays: 30 }),
      ranAt,
    );

    const claim = await h.send(cardAction(routed.activityId, 'verbatim.claim', request.id));
    expect(claim.status).toBe(200);
    const update = await h.waitFor('card updated after the claim', () =>
      h.connector.calls.find(
        (call) =>
          call.kind === 'update' &&
          call.activityId === routed.activityId &&
          JSON.stringify(call.activity).includes('Claimed by Ann Agent'),
      ),
    );
    const card = cardOf(update.activity);
    expect(validateCard(card)).toEqual([]);
    const texts = shownTexts(card);
    const day = ranAt.toISOString().slice(0, 10);
    expect(texts).toContain(`The customer’s words were removed by the retention policy on ${day}.`);
    expect(texts.some((text) => text.includes(`Removed by the retention policy on ${day}.`))).toBe(true);
    expect(texts.some((text) => text.startsWith('Customer (name removed) · '))).toBe(true);
    // Nothing blank where words were, no "(no text)" placeholder, none of the words.
    expect(texts.filter((text) => text.trim() === '' || text === '(no text)')).toEqual([]);
    expect(JSON.stringify(update.activity)).not.toContain('CSV has no header row');
  }, 60_000);
});

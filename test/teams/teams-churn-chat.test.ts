import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createCardValidator } from './card-schema.ts';
import {
  BOT_ID,
  CUSTOMER,
  channelMessage,
  MANAGER,
  SHARED_CHANNEL,
  SUPPORT_CHANNEL,
  startTeamsHarness,
  type TeamsHarness,
} from './teams-harness.ts';

const DM = JSON.parse(readFileSync(new URL('./fixtures/chat-replay-dm.json', import.meta.url), 'utf8')) as {
  dmMessage: Record<string, unknown>;
};
const DM_ID = (DM.dmMessage.conversation as { id: string }).id;

let harness: TeamsHarness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

function dm(text: string) {
  return { ...structuredClone(DM.dmMessage), id: String(Date.now()), from: MANAGER, text, attachments: [] };
}

describe('churn <account> in a personal chat', () => {
  it('answers with the explained health card, quotes inert; says so when health is not available', async () => {
    harness = await startTeamsHarness({
      adapter: {
        readHealth: async (account) =>
          account.id === 'fjord'
            ? {
                accountName: account.name,
                score: 38,
                band: 'at-risk',
                signals: [
                  {
                    label: 'Sentiment trend',
                    value: '−0.4 vs baseline',
                    direction: 'worse',
                    evidence: [
                      {
                        quote: 'We are <at>looking</at> at [Rival](https://evil.example)',
                        at: new Date('2026-03-01T09:00:00Z'),
                        link: null,
                      },
                    ],
                  },
                ],
              }
            : null,
      },
    });
    const h = harness;
    expect((await h.send(dm('churn Fjord Travel'))).status).toBe(200);
    const answer = await h.waitFor('churn card', () =>
      h.connector.calls.find((call) => call.conversationId.startsWith(DM_ID)),
    );
    const card = (answer.activity.attachments as Array<{ content: unknown }>)[0]!.content;
    expect(createCardValidator()(card)).toEqual([]);
    const json = JSON.stringify(card);
    expect(json).toContain('38/100 · at-risk');
    expect(json).toContain('Sentiment trend');
    expect(json).not.toContain('<at>looking');

    h.connector.calls.length = 0;
    await h.send(dm('churn nobody-inc'));
    const unknown = await h.waitFor('answer', () =>
      h.connector.calls.find((call) => call.conversationId.startsWith(DM_ID)),
    );
    expect(JSON.stringify(unknown.activity)).toContain('No account matches');
    // A personal chat is never ingested as customer words.
    expect(h.logs.some((line) => line.msg === 'teams message ingested')).toBe(false);
  }, 60_000);
  it('answers @Verbatim churn in a channel privately, and only to our own people', async () => {
    harness = await startTeamsHarness();
    const h = harness;
    const mention = (from: typeof MANAGER, channel: string) => ({
      ...channelMessage({ html: '<p><at>Verbatim</at> churn fjord</p>', from, channel }),
      entities: [{ type: 'mention', text: '<at>Verbatim</at>', mentioned: { id: BOT_ID, name: 'Verbatim' } }],
      recipient: { id: BOT_ID, name: 'Verbatim' },
    });
    await h.send(mention(MANAGER, SUPPORT_CHANNEL));
    const answer = await h.waitFor('private answer', () =>
      h.connector.calls.find((call) => call.conversationId === `a:personal-${MANAGER.id}`),
    );
    expect(JSON.stringify(answer.activity)).toContain('not available yet');
    expect(h.connector.calls.filter((call) => call.conversationId.startsWith(SUPPORT_CHANNEL))).toEqual([]);

    // A customer trying it in the shared channel gets nothing back: their words are ingested like any others.
    await h.send(mention(CUSTOMER, SHARED_CHANNEL));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(h.connector.created.map((chat) => chat.id)).toEqual([`a:personal-${MANAGER.id}`]);
    await h.waitFor('ingested', () =>
      h.logs.some((line) => line.msg === 'teams message ingested' && line.external === true),
    );
  }, 60_000);
});

import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createCardValidator } from './card-schema.ts';
import { MANAGER, startTeamsHarness, type TeamsHarness } from './teams-harness.ts';

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
});

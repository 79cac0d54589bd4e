import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_HEALTH_MODEL, modelVersion } from '../../src/core/health/health-model.ts';
import { createHealthStore } from '../../src/storage/health-store.ts';
import { seedDecliningAccount, seedRequest } from '../support/seed-health-data.ts';
import { createCardValidator } from './card-schema.ts';
import {
  BOT_ID,
  CUSTOMER,
  CUSTOMER_TENANT,
  channelMessage,
  MANAGER,
  SHARED_CHANNEL,
  STAFF,
  SUPPORT_CHANNEL,
  startTeamsHarness,
  TEAMS_CONFIG_YAML,
  type TeamsHarness,
} from './teams-harness.ts';

const DM = JSON.parse(readFileSync(new URL('./fixtures/chat-replay-dm.json', import.meta.url), 'utf8')) as {
  dmMessage: Record<string, unknown>;
};
const DM_ID = (DM.dmMessage.conversation as { id: string }).id;
const CS_CHANNEL = '19:customer-success@thread.tacv2';
const DAY = 86_400_000;

let harness: TeamsHarness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

function dm(text: string, from: typeof MANAGER = MANAGER): Record<string, unknown> {
  return {
    ...structuredClone(DM.dmMessage),
    id: String(Date.now() + Math.random()),
    from,
    text,
    attachments: [],
  };
}

/** The card of the bot's next answer in the personal chat. */
async function nextAnswer(h: TeamsHarness, text: string, from: typeof MANAGER = MANAGER): Promise<string> {
  h.connector.calls.length = 0;
  expect((await h.send(dm(text, from))).status).toBe(200);
  const answer = await h.waitFor(`answer to “${text}”`, () =>
    h.connector.calls.find((call) => call.conversationId.startsWith(DM_ID)),
  );
  const card = (answer.activity.attachments as Array<{ content: unknown }>)[0]!.content;
  expect(createCardValidator()(card)).toEqual([]);
  return JSON.stringify(card);
}

async function seedFjord(h: TeamsHarness): Promise<void> {
  const { db } = h.verbatim.storage;
  const now = new Date();
  await seedDecliningAccount(db, 'fjord', now);
  await seedRequest(db, {
    accountId: 'fjord',
    openedAt: new Date(now.getTime() - 2 * DAY),
    text: 'We are <at>looking</at> at [Rival](https://evil.example) now.',
    sentiment: -0.5,
    churnSignals: [
      {
        driver: 'competitor',
        phrase: 'We are <at>looking</at> at [Rival](https://evil.example)',
        competitor: 'Rival',
      },
    ],
  });
}

describe('churn in a Teams personal chat', () => {
  it('explains an account from its real health: score, what changed, drivers and the customer’s words, inert', async () => {
    harness = await startTeamsHarness();
    const h = harness;
    await seedFjord(h);
    const card = await nextAnswer(h, 'churn Fjord Travel');
    expect(card).toMatch(/\d+\/100 · (watch|at-risk|critical)/);
    expect(card).toContain('Fjord Travel');
    expect(card).toContain('What changed since last week');
    expect(card).toContain('Zendesk offered us the same for half the price');
    expect(card).toContain('Next step');
    // Customer words never turn into a mention or a disguised link.
    expect(card).not.toContain('<at>looking');
    expect(card).toContain('<\u2060at>looking');
    // A typo still finds the account; an unknown name says so.
    expect(await nextAnswer(h, 'churn fjord travl')).toMatch(/\d+\/100/);
    expect(await nextAnswer(h, 'churn nobody-inc')).toContain('No account matches');
    expect(await nextAnswer(h, 'churn help')).toContain('churn acme');
    // A personal chat is never ingested as customer words.
    expect(h.logs.some((line) => line.msg === 'teams message ingested')).toBe(false);
  }, 60_000);

  it('lists the riskiest accounts for churn alone, from the nightly snapshots', async () => {
    harness = await startTeamsHarness();
    const h = harness;
    expect(await nextAnswer(h, 'churn')).toContain('No account health yet');
    await seedFjord(h);
    await h.verbatim.takeHealthSnapshots();
    const card = await nextAnswer(h, 'churn');
    expect(card).toContain('Accounts most at risk');
    expect(card).toMatch(/1\. Fjord Travel/);
  }, 60_000);

  it('says what is missing for an account without data', async () => {
    harness = await startTeamsHarness();
    expect(await nextAnswer(harness, 'churn fjord')).toContain('not enough data yet');
  }, 60_000);

  it('answers only the people churn.allowedUsers lists, and only in our tenant', async () => {
    harness = await startTeamsHarness({
      yaml: `${TEAMS_CONFIG_YAML}\nchurn:\n  allowedUsers: ["${MANAGER.aadObjectId}"]\n`,
    });
    const h = harness;
    await seedFjord(h);
    expect(await nextAnswer(h, 'churn fjord')).toMatch(/\d+\/100/);
    const refused = await nextAnswer(h, 'churn fjord', STAFF);
    expect(refused).toContain('only available to the people');
    expect(refused).not.toMatch(/\d+\/100/);
    // Someone from another tenant in a chat with the bot learns nothing either.
    h.connector.calls.length = 0;
    const foreign = dm('churn fjord');
    (foreign.conversation as Record<string, unknown>).tenantId = CUSTOMER_TENANT;
    (foreign.channelData as { tenant: { id: string } }).tenant.id = CUSTOMER_TENANT;
    await h.send(foreign);
    const answer = await h.waitFor('answer', () =>
      h.connector.calls.find((call) => call.conversationId.startsWith(DM_ID)),
    );
    expect(JSON.stringify(answer.activity)).toContain('only available to the people');
  }, 60_000);

  it('answers @Verbatim churn in a channel privately, and only to our own people', async () => {
    harness = await startTeamsHarness();
    const h = harness;
    await seedFjord(h);
    const mention = (from: typeof MANAGER, channel: string) => ({
      ...channelMessage({ html: '<p><at>Verbatim</at> churn fjord</p>', from, channel }),
      entities: [{ type: 'mention', text: '<at>Verbatim</at>', mentioned: { id: BOT_ID, name: 'Verbatim' } }],
      recipient: { id: BOT_ID, name: 'Verbatim' },
    });
    await h.send(mention(MANAGER, SUPPORT_CHANNEL));
    const answer = await h.waitFor('private answer', () =>
      h.connector.calls.find((call) => call.conversationId === `a:personal-${MANAGER.id}`),
    );
    expect(JSON.stringify(answer.activity)).toMatch(/\d+\/100/);
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

describe('at-risk alerts on Teams', () => {
  const yaml = (alertChannel: string) =>
    `${TEAMS_CONFIG_YAML.replace('    tier: enterprise', `    tier: enterprise\n    owner: ${MANAGER.aadObjectId}`)}
churn:
  alertChannel: { platform: teams, conversationId: "${alertChannel}" }
`;

  async function seedBandChange(h: TeamsHarness): Promise<void> {
    await seedFjord(h);
    await createHealthStore(h.verbatim.storage.db).saveSnapshot({
      accountId: 'fjord',
      day: new Date(Date.now() - DAY).toISOString().slice(0, 10),
      score: 90,
      band: 'healthy',
      factors: { stakeholders: { points: 10, maxPoints: 10, reason: 'No contacts left in 90 days' } },
      topReason: null,
      modelVersion: modelVersion(DEFAULT_HEALTH_MODEL),
    });
  }

  it('posts the alert card to the CS channel and to the owner’s 1:1 chat, once', async () => {
    harness = await startTeamsHarness({ yaml: yaml(CS_CHANNEL) });
    const h = harness;
    h.connector.rosters.set(CS_CHANNEL, h.connector.rosters.get(SUPPORT_CHANNEL)!);
    await seedBandChange(h);
    const run = await h.verbatim.takeHealthSnapshots();
    expect(run.alerted).toEqual(['fjord']);
    const inChannel = h.connector.calls.filter((call) => call.conversationId.startsWith(CS_CHANNEL));
    expect(inChannel).toHaveLength(1);
    const card = (inChannel[0]!.activity.attachments as Array<{ content: unknown }>)[0]!.content;
    expect(createCardValidator()(card)).toEqual([]);
    expect(JSON.stringify(card)).toMatch(/Fjord Travel is now (watch|at-risk|critical) \(was healthy\)/);
    expect(JSON.stringify(card)).toContain('What moved');
    expect(h.connector.created.map((chat) => chat.id)).toEqual([`a:personal-${MANAGER.aadObjectId}`]);
    expect(
      h.connector.calls.filter((call) => call.conversationId === `a:personal-${MANAGER.aadObjectId}`),
    ).toHaveLength(1);
    expect((await h.verbatim.takeHealthSnapshots()).alerted).toEqual([]);
  }, 60_000);

  it('refuses to post account health into a channel shared with the customer', async () => {
    harness = await startTeamsHarness({ yaml: yaml(SHARED_CHANNEL) });
    const h = harness;
    await seedBandChange(h);
    const run = await h.verbatim.takeHealthSnapshots();
    expect(run.alerted).toEqual([]);
    expect(run.skipped).toEqual([{ accountId: 'fjord', reason: expect.stringMatching(/another tenant/) }]);
    expect(h.connector.calls.filter((call) => call.conversationId.startsWith(SHARED_CHANNEL))).toEqual([]);
    // Checked before anything is sent: a refused alert reaches nobody, the owner included.
    expect(h.connector.created).toEqual([]);
  }, 60_000);
});

describe('home in a Teams personal chat (Slack’s App Home)', () => {
  it('lists the open requests of the teams whose channel the person is in, and what they claimed', async () => {
    harness = await startTeamsHarness();
    const h = harness;
    await h.send(channelMessage({ html: '<p>Our export is broken since Monday</p>' }));
    await h.waitFor('routed card', () =>
      h.connector.calls.find((call) => call.kind === 'send' && call.conversationId === SUPPORT_CHANNEL),
    );
    const card = await nextAnswer(h, 'home');
    expect(card).toContain('Claimed by you (0)');
    expect(card).toContain('Open in Support (1)');
    expect(card).toMatch(/P\d · Fjord Travel · open/);
    // Someone from another tenant learns nothing.
    h.connector.calls.length = 0;
    const foreign = dm('home');
    (foreign.conversation as Record<string, unknown>).tenantId = CUSTOMER_TENANT;
    (foreign.channelData as { tenant: { id: string } }).tenant.id = CUSTOMER_TENANT;
    expect((await h.send(foreign)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.connector.calls.filter((call) => call.conversationId.startsWith(DM_ID))).toEqual([]);
  }, 60_000);
});

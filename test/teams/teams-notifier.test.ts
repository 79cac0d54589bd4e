import { App } from '@microsoft/teams.apps';
import Keyv from 'keyv';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RoutedPostView } from '../../src/core/ports.ts';
import { createDeliveryRecords, DeliveryUncertainError } from '../../src/teams/delivery-records.ts';
import { createTeamsPacer } from '../../src/teams/pace-teams-calls.ts';
import { createTeamsChannelGuard, ExternalMembersError } from '../../src/teams/teams-channel-guard.ts';
import { createTeamsConnector } from '../../src/teams/teams-connector.ts';
import { createTeamsNotifier } from '../../src/teams/teams-notifier.ts';
import { toTeamsLogger } from '../../src/teams/to-teams-logger.ts';
import { ANCHOR_TEXT_CHARS } from '../../src/teams/views/routed-post-card.ts';
import { type FakeConnector, startFakeConnector } from '../fakes/bot-framework-connector.ts';
import { createCardValidator } from './card-schema.ts';
import { CLIENT_ID, CUSTOMER_TENANT, FAKE_BOT_TOKEN, MANAGER, OUR_TENANT, STAFF } from './teams-harness.ts';

const CHANNEL = '19:support-internal@thread.tacv2';
const SHARED = '19:shared-with-customer@thread.tacv2';
const destination = { platform: 'teams' as const, conversationId: CHANNEL };
const validateCard = createCardValidator();
const logger = pino({ level: 'silent' });

let connector: FakeConnector;
let keyv: Keyv;
beforeEach(async () => {
  connector = await startFakeConnector();
  connector.rosters.set(CHANNEL, [
    { ...STAFF, tenantId: OUR_TENANT },
    { ...MANAGER, tenantId: OUR_TENANT },
  ]);
  connector.rosters.set(SHARED, [
    { ...STAFF, tenantId: OUR_TENANT },
    { id: '29:c', name: 'Cust', tenantId: CUSTOMER_TENANT },
  ]);
  keyv = new Keyv();
});
afterEach(async () => {
  await connector.close();
});

function notifier() {
  const app = new App({
    clientId: CLIENT_ID,
    tenantId: OUR_TENANT,
    token: async () => FAKE_BOT_TOKEN,
    serviceUrl: connector.url,
    logger: toTeamsLogger(logger),
  });
  const teamsConnector = createTeamsConnector(
    app,
    createTeamsPacer({ logger, baseDelayMs: 5, maxWaitMs: 10_000 }),
  );
  const records = createDeliveryRecords(keyv);
  return {
    records,
    notifier: createTeamsNotifier({
      connector: teamsConnector,
      guard: createTeamsChannelGuard({ connector: teamsConnector, keyv, ourTenantId: OUR_TENANT }),
      records,
      keyv,
      logger,
    }),
  };
}

function view(text: string, overrides: Partial<RoutedPostView> = {}): RoutedPostView {
  return {
    requestId: 'req-1',
    priority: 'P2',
    account: { id: 'fjord', name: 'Fjord Travel', tier: 'enterprise' },
    team: { id: 'support', name: 'Support' },
    messages: [
      {
        id: 'teams:x:1',
        platform: 'teams',
        conversation: 'teams:x',
        thread: 'teams:x:1',
        isReply: false,
        accountId: 'fjord',
        author: { id: 'c', name: 'Casey <at>Customer</at>', external: true },
        text,
        sentAt: new Date('2026-03-03T10:04:00Z'),
        permalink: 'https://teams.microsoft.com/l/message/x/1',
        attachments: [],
        language: 'en',
        subject: null,
        forwardedBy: null,
        quotedText: null,
      },
    ],
    analysis: {
      summary: 'Export broken [click](https://evil.example) **now**',
      priority: 'P2',
      priorityReason: 'customer blocked',
      topics: ['bug'],
      sentiment: -0.6,
      churnSignals: [{ driver: 'competitor', phrase: 'we are looking at Rival', competitor: 'Rival' }],
      language: 'en',
      confidence: 0.8,
      engine: 'heuristic',
      usage: null,
    },
    floor: [],
    state: 'open',
    claimedBy: null,
    snoozedUntil: null,
    lastChange: null,
    unmapped: false,
    reassignTargets: [
      { id: 'support', name: 'Support' },
      { id: 'billing', name: 'Billing' },
    ],
    ...overrides,
  };
}

function cardsSent() {
  return connector.calls.map((call) => {
    const attachments = (call.activity.attachments ?? []) as Array<{ content: Record<string, unknown> }>;
    return { call, card: attachments[0]?.content ?? null };
  });
}

/** Every TextRun text of a card, in order: the verbatim text as the reader sees it. */
function runsOf(card: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === 'TextRun') out.push(String(record.text));
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return out;
}

describe('Teams notifier (real SDK app, fake connector)', () => {
  it('neutralises mention, HTML and markdown-link injection without dropping a character', async () => {
    const { notifier: teams } = notifier();
    const hostile =
      '<at>Everyone</at> pay to [bank.example](https://evil.example) <a href="https://evil.example">x</a> **urgent**';
    await teams.postRoutedPost(destination, view(hostile), 'post:req-1:teams');
    const [{ card, call }] = cardsSent() as [
      { card: Record<string, unknown>; call: (typeof connector.calls)[number] },
    ];
    expect(validateCard(card)).toEqual([]);
    const runs = runsOf(card).join('');
    expect(runs.replaceAll('\u2060', '')).toContain(hostile);
    expect(runs).not.toContain('<at>');
    expect(runs).not.toContain('<a ');
    // No mention entities on a routed post: nothing can ping.
    expect(call.activity.entities ?? []).toEqual([]);
    // The notification preview and fact values render markdown: escaped there.
    expect(String(call.activity.summary)).toContain('\\[click\\]\\(https://evil.example\\)');
  });

  it('continues a long text in ordered thread replies, nothing cut, every card valid', async () => {
    const { notifier: teams } = notifier();
    const words = Array.from({ length: 4000 }, (_, index) => `word${index}`).join(' ');
    expect(words.length).toBeGreaterThan(ANCHOR_TEXT_CHARS * 3);
    const ref = await teams.postRoutedPost(destination, view(words), 'post:req-1:teams');
    const sent = cardsSent();
    expect(sent[0]!.call.kind).toBe('send');
    expect(
      sent
        .slice(1)
        .every(
          ({ call }) => call.kind === 'reply' && call.conversationId === `${CHANNEL};messageid=${ref.id}`,
        ),
    ).toBe(true);
    for (const { card } of sent) expect(validateCard(card)).toEqual([]);
    const verbatim = sent
      .flatMap(({ card }) =>
        runsOf(card)
          .filter((run) => !run.endsWith('\n'))
          .filter((run) => run.startsWith('word') || run.startsWith(' ') || /^\d/.test(run)),
      )
      .join('');
    expect(verbatim).toBe(words);
    expect(JSON.stringify(sent[0]!.card)).toContain(`continues in ${sent.length - 1} replies`);
  });

  it('refuses loudly to post where members of another tenant can read', async () => {
    const { notifier: teams } = notifier();
    await expect(
      teams.postRoutedPost(
        { platform: 'teams', conversationId: SHARED },
        view('internal'),
        'post:req-1:shared',
      ),
    ).rejects.toBeInstanceOf(ExternalMembersError);
    expect(connector.calls).toEqual([]);
  });

  it('mentions the on-call person for real in a nudge (AAD object id → <at> tag + mention entity)', async () => {
    const { notifier: teams } = notifier();
    const ref = { destination, id: '1767000000999' };
    await teams.postNote(
      ref,
      {
        kind: 'nudge',
        text: 'SLA breach in 30 min: <at>x</at>',
        mentions: [STAFF.aadObjectId, 'U0SLACKONLY'],
      },
      'nudge:req-1:warn',
    );
    const [call] = connector.calls;
    expect(call!.kind).toBe('reply');
    expect(call!.conversationId).toBe(`${CHANNEL};messageid=${ref.id}`);
    expect(call!.activity.text).toContain('<at>Ann Agent</at>');
    expect(call!.activity.text).not.toContain('<at>x');
    expect(call!.activity.entities).toEqual([
      {
        type: 'mention',
        text: '<at>Ann Agent</at>',
        mentioned: { id: STAFF.aadObjectId, name: 'Ann Agent' },
      },
    ]);
  });

  it('crash window: an answer lost after Teams posted is never posted again, it is left to reconcile', async () => {
    const { notifier: teams, records } = notifier();
    connector.dropAnswerOfNextSend();
    await expect(teams.postRoutedPost(destination, view('once'), 'post:req-1:teams')).rejects.toThrow();
    expect(connector.calls.filter((call) => call.kind === 'send')).toHaveLength(1);
    // The pipeline's recovery path asks findDelivery, then would post: both refuse to guess.
    await expect(teams.findDelivery(destination, 'post:req-1:teams', new Date(0))).rejects.toBeInstanceOf(
      DeliveryUncertainError,
    );
    await expect(teams.postRoutedPost(destination, view('once'), 'post:req-1:teams')).rejects.toBeInstanceOf(
      DeliveryUncertainError,
    );
    expect(connector.calls.filter((call) => call.kind === 'send')).toHaveLength(1);
    // An operator who finds no post releases the attempt; then it posts once.
    expect(await records.release('post:req-1:teams')).toBe(true);
    await teams.postRoutedPost(destination, view('once'), 'post:req-1:teams');
    expect(connector.calls.filter((call) => call.kind === 'send')).toHaveLength(2);
  });

  it('crash window: a post recorded but not linked (crash before the database write) is found, not repeated', async () => {
    const { notifier: teams } = notifier();
    const first = await teams.postRoutedPost(destination, view('once'), 'post:req-1:teams');
    const found = await teams.findDelivery(destination, 'post:req-1:teams', new Date(0));
    expect(found).toEqual(first);
    const again = await teams.postRoutedPost(destination, view('once'), 'post:req-1:teams');
    expect(again.id).toBe(first.id);
    expect(connector.calls.filter((call) => call.kind === 'send')).toHaveLength(1);
  });

  it('waits out 429 Retry-After and 5xx answers: the post is made exactly once', async () => {
    const { notifier: teams } = notifier();
    connector.failNext(2, 429, 1);
    connector.failNext(1, 503);
    const started = Date.now();
    await teams.postRoutedPost(destination, view('through the storm'), 'post:req-1:teams');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    expect(connector.calls.filter((call) => call.kind === 'send')).toHaveLength(1);
  });
});

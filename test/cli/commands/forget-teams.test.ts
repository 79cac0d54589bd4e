import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from '@microsoft/teams.apps';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerMessageInput } from '../../../src/core/customer-message.ts';
import { deliverRequest } from '../../../src/core/pipeline/deliver-request.ts';
import { ingestMessage } from '../../../src/core/pipeline/ingest-message.ts';
import type { Notifier } from '../../../src/core/ports.ts';
import { openStorage, type Storage } from '../../../src/storage/open-storage.ts';
import { createDeliveryRecords } from '../../../src/teams/delivery-records.ts';
import { createTeamsPacer } from '../../../src/teams/pace-teams-calls.ts';
import { createTeamsChannelGuard } from '../../../src/teams/teams-channel-guard.ts';
import { createTeamsConnector } from '../../../src/teams/teams-connector.ts';
import { createTeamsNotifier } from '../../../src/teams/teams-notifier.ts';
import { TEAMS_REMOVAL_NOTICE } from '../../../src/teams/views/removal-card.ts';
import { type FakeConnector, startFakeConnector } from '../../fakes/bot-framework-connector.ts';
import { runVerbatim } from '../../support/cli-harness.ts';
import { seedRequestHistory } from '../../support/seed-request-history.ts';
import { testConfig } from '../../support/test-config.ts';
import { createCardValidator } from '../../teams/card-schema.ts';
import {
  CLIENT_ID,
  ESCALATION_CHANNEL,
  FAKE_BOT_TOKEN,
  MANAGER,
  OUR_TENANT,
  STAFF,
  TEAMS_CONFIG_YAML,
  TRIAGE_CHANNEL,
} from '../../teams/teams-harness.ts';

const validateCard = createCardValidator();
const SECRET = 'forget-test-secret';
const ANN = { id: 'UANN', name: 'Ann Customer', email: 'ann@acme-logistics.example', external: true };
const BOB = { id: 'UBOB', name: 'Bob Buyer', email: 'bob@pohjola-foods.example', external: true };
/** Long enough for a continuation card in the routed post's thread. */
const ANN_FIRST = `Production is down for all our users since 9:00. ${'Every export fails with error 500 again. '.repeat(170)}`;
const ANN_FOLLOW_UP = `Still down, and the status page says nothing. ${'Our drivers cannot see their routes today. '.repeat(180)}`;
const ANN_TRACES = [
  'Production is down for all our users',
  'the same outage happened last month',
  'Ann Customer',
  'Still down, and the status page',
  'Every export fails with error 500',
];
const BOB_FIRST = `Our invoice for October is wrong, please check the VAT line. ${'The totals do not add up at all. '.repeat(200)}`;

/** The real Teams notifier over a Teams SDK app that talks to the fake connector. */
function teamsNotifier(connector: FakeConnector, storage: Storage): Notifier {
  const logger = pino({ level: 'silent' });
  const app = new App({
    clientId: CLIENT_ID,
    tenantId: OUR_TENANT,
    token: async () => FAKE_BOT_TOKEN,
    serviceUrl: connector.url,
  });
  const teams = createTeamsConnector(app, createTeamsPacer({ logger, baseDelayMs: 10 }));
  return createTeamsNotifier({
    connector: teams,
    guard: createTeamsChannelGuard({ connector: teams, keyv: storage.keyv, ourTenantId: OUR_TENANT }),
    records: createDeliveryRecords(storage.keyv),
    keyv: storage.keyv,
    logger,
  });
}

/** Seeds a request routed as a Teams card (with a continuation reply) and a long follow-up in its thread. */
async function seedTeamsRequest(
  storage: Storage,
  notifier: Notifier,
  options: {
    author: typeof ANN;
    channel: string;
    texts: [string, string];
    followUp?: string;
    at: Date;
    analysis?: Parameters<typeof seedRequestHistory>[1]['analysis'];
  },
) {
  const seeded = await seedRequestHistory(storage, {
    notifier,
    config: testConfig({ yaml: TEAMS_CONFIG_YAML }),
    author: options.author,
    channel: options.channel,
    texts: options.texts,
    at: options.at,
    ...(options.analysis ? { analysis: options.analysis } : {}),
  });
  if (options.followUp) {
    const thread = seeded.messageIds[0]!;
    const followUp: CustomerMessageInput = {
      id: `slack:${options.channel}:${Math.floor(options.at.getTime() / 1000) + 600}.000100`,
      platform: 'slack',
      conversation: `slack:${options.channel}`,
      thread,
      isReply: true,
      accountId: 'acme',
      author: options.author,
      text: options.followUp,
      sentAt: new Date(options.at.getTime() + 600_000),
    };
    const outcome = await ingestMessage(seeded.deps, followUp);
    expect(outcome.status).toBe('follow-up');
    const posted = await deliverRequest(
      { ...seeded.deps, notifiers: [notifier] },
      { requestId: seeded.requestId, kind: 'follow-up', messageId: followUp.id },
    );
    expect(posted.status).toBe('follow-up-posted');
  }
  return seeded;
}

describe('verbatim forget edits the Teams cards that quoted the person', () => {
  let cwd: string;
  let connector: FakeConnector;
  let env: Record<string, string>;

  beforeAll(async () => {
    connector = await startFakeConnector();
    connector.credentials = { clientId: CLIENT_ID, clientSecret: SECRET };
    for (const channel of [TRIAGE_CHANNEL, ESCALATION_CHANNEL])
      connector.rosters.set(channel, [
        { ...STAFF, tenantId: OUR_TENANT },
        { ...MANAGER, tenantId: OUR_TENANT },
      ]);
    env = {
      VERBATIM_DATA_DIR: './data',
      TEAMS_CLIENT_ID: CLIENT_ID,
      TEAMS_CLIENT_SECRET: SECRET,
      TEAMS_TENANT_ID: OUR_TENANT,
      TEAMS_SERVICE_URL: connector.url,
      TEAMS_LOGIN_URL: connector.url,
    };
    cwd = await mkdtemp(join(tmpdir(), 'verbatim-forget-teams-'));
    await writeFile(join(cwd, 'verbatim.config.yaml'), TEAMS_CONFIG_YAML);
    const storage = await openStorage({ dataDir: join(cwd, 'data') });
    try {
      const notifier = teamsNotifier(connector, storage);
      await seedTeamsRequest(storage, notifier, {
        author: ANN,
        channel: 'C1ACME',
        texts: [ANN_FIRST, 'We have told you this before: the same outage happened last month.'],
        followUp: ANN_FOLLOW_UP,
        at: new Date('2026-11-23T08:00:00Z'),
      });
      await seedTeamsRequest(storage, notifier, {
        author: BOB,
        channel: 'C1POHJOLA',
        texts: [BOB_FIRST, 'Also the PDF export shows the old logo.'],
        // His own analysis: the seed's default quotes Ann's words.
        analysis: {
          topics: ['billing'],
          churnSignals: [],
          translations: [{ language: 'en', summary: 'Wrong VAT on an invoice.', priorityReason: 'Billing.' }],
        },
        at: new Date('2026-11-24T08:00:00Z'),
      });
    } finally {
      await storage.close();
    }
  });
  afterAll(() => connector.close());

  /** Every message Verbatim posted (card or reply) that showed one of `traces`. */
  const postedWith = (traces: string[]) =>
    connector.calls.filter(
      (call) =>
        call.kind !== 'update' && traces.some((trace) => JSON.stringify(call.activity).includes(trace)),
    );

  async function storedText(): Promise<string> {
    const storage = await openStorage({ dataDir: join(cwd, 'data') });
    try {
      const tables = await storage.db.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
      );
      let dump = '';
      for (const { table_name } of tables.rows)
        dump += `${table_name}: ${JSON.stringify((await storage.db.query(`SELECT * FROM "${table_name}"`)).rows)}\n`;
      return dump;
    } finally {
      await storage.close();
    }
  }

  it('updates the card, its continuation and the follow-ups in place to a schema-valid removal card', async () => {
    const shown = postedWith(ANN_TRACES);
    // The routed card, the P1 alert at the escalation channel, the card's continuation reply, and
    // a follow-up in two parts.
    expect(shown.filter((call) => call.kind === 'send').map((call) => call.conversationId)).toEqual([
      TRIAGE_CHANNEL,
      ESCALATION_CHANNEL,
    ]);
    expect(shown.filter((call) => call.kind === 'reply').length).toBeGreaterThanOrEqual(3);

    const { code, stdout, stderr } = await runVerbatim(['forget', '--email', ANN.email, '--by', 'dpo'], {
      cwd,
      env,
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('✓ erased in one transaction');
    expect(stdout).toMatch(new RegExp(`✓ ${shown.length} Teams message\\(s\\) edited to a removal notice`));

    for (const call of shown) {
      const update = connector.calls.findLast(
        (candidate) => candidate.kind === 'update' && candidate.activityId === call.activityId,
      );
      expect(update, `update of ${call.kind} ${call.activityId}`).toBeDefined();
      // Updated under the bot's identity, by the token the command got from Entra's endpoint.
      expect(update!.authorization).toMatch(/^Bearer ey/);
      const text = JSON.stringify(update!.activity);
      for (const trace of ANN_TRACES) expect(text, trace).not.toContain(trace);
      expect(text).toContain(TEAMS_REMOVAL_NOTICE);
      const attachments = update!.activity['attachments'] as Array<{ contentType: string; content: unknown }>;
      expect(attachments).toHaveLength(1);
      expect(attachments[0]!.contentType).toBe('application/vnd.microsoft.card.adaptive');
      expect(validateCard(attachments[0]!.content)).toEqual([]);
    }
    // Bob's card was not touched; nothing of Ann is left in the database, the reply records included.
    for (const call of postedWith(['Our invoice for October is wrong']))
      expect(
        connector.calls.some(
          (candidate) => candidate.kind === 'update' && candidate.activityId === call.activityId,
        ),
      ).toBe(false);
    const dump = await storedText();
    for (const trace of ANN_TRACES) expect(dump, trace).not.toContain(trace);
    for (const call of shown) expect(dump).not.toContain(`:${call.activityId}"`);
    expect(dump).toMatch(/erasures: \[\{[^\n]*"actor":"dpo"[^\n]*"posts_edited":\d+/);
  });

  it('reports a deleted message and one rate limited beyond the pacer, edits the rest, and the erasure stands', async () => {
    const shown = postedWith(['Our invoice for October is wrong', 'The totals do not add up']);
    const card = shown.find((call) => call.kind === 'send')!;
    const part = shown.find((call) => call.kind === 'reply')!;
    expect(card && part).toBeTruthy();
    connector.deleteActivity(part.activityId);
    // The first update (the card) meets a 429 whose Retry-After is longer than the pacer waits.
    connector.failNext(1, 429, 3600);

    const { code, stdout, stderr } = await runVerbatim(['forget', '--email', BOB.email], { cwd, env });
    expect(code).toBe(1);
    expect(stdout).toContain('✓ erased in one transaction');
    expect(stderr).toContain(
      `✗ could not edit teams:${TRIAGE_CHANNEL} message ${card.activityId}: rate limited beyond the pacer`,
    );
    expect(stderr).toContain(
      `✗ could not edit teams:${TRIAGE_CHANNEL} message ${part.activityId}: not found (404)`,
    );
    expect(stderr).toMatch(/✗ 2 message\(s\) may still show the erased words/);
    // The erasure itself completed.
    const dump = await storedText();
    expect(dump).not.toContain('Our invoice for October is wrong');
    expect(dump).not.toContain(BOB.email);
  });
});

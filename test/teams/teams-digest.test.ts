import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDigestCommand } from '../../src/cli/commands/digest.ts';
import { openStorage } from '../../src/storage/open-storage.ts';
import { type FakeConnector, startFakeConnector } from '../fakes/bot-framework-connector.ts';
import { type SeedRequest, seedDigestRequests } from '../support/seed-digest-history.ts';
import { createCardValidator } from './card-schema.ts';
import {
  CLIENT_ID,
  CUSTOMER,
  CUSTOMER_TENANT,
  FAKE_BOT_TOKEN,
  MANAGER,
  OUR_TENANT,
  STAFF,
  startTeamsHarness,
  TEAMS_CONFIG_YAML,
  type TeamsHarness,
} from './teams-harness.ts';

const LEADERS = '19:leaders@thread.tacv2';
const BILLING = '19:billing-internal@thread.tacv2';
const JOINER = '\u2060';
// The company-wide digest goes to an internal channel; the Billing slice to Billing's channel,
// which (below) gets a member of the customer's tenant.
const YAML = TEAMS_CONFIG_YAML.replace(
  'ownDomains:',
  `  - id: acme
    name: Acme Logistics
    channels: [slack:C1ACME]
  - id: pohjola
    name: Pohjola Foods
    channels: [slack:C1POHJOLA]
  - id: nimbus
    name: Nimbus Health
    channels: [slack:C1NIMBUS]
digest:
  schedule: '0 9 * * 1'
  timezone: Europe/Helsinki
  destination: { platform: teams, conversationId: "${LEADERS}" }
  teams: [billing]
ownDomains:`,
);
// Monday 23 November 2026, 09:10 in Helsinki: ten minutes after the run that posts 2026-W47.
const NOW = new Date('2026-11-23T07:10:00Z');
const DAY = 86_400_000;
const noon = (weeksBefore: number, day = 0) =>
  new Date(Date.UTC(2026, 10, 16, 12) - weeksBefore * 7 * DAY + day * DAY);

function history(): SeedRequest[] {
  const requests: SeedRequest[] = [];
  const add = (at: Date, request: Omit<SeedRequest, 'id' | 'at'>) =>
    requests.push({ id: `req-${requests.length + 1}`, at, ...request });
  for (let week = 1; week <= 8; week++) {
    add(noon(week), { account: 'acme', teamId: 'support', topics: ['bug'], priority: 'P2', text: 'slow' });
    for (const account of ['acme', 'pohjola', 'nimbus', 'acme', 'pohjola'])
      add(noon(week, 1), {
        account,
        teamId: 'billing',
        topics: ['billing'],
        priority: 'P3',
        text: 'invoice',
      });
  }
  const bugs: Array<[string, string]> = [
    ['acme', 'Kaikki on rikki <at>Ann Agent</at> — see [status](https://evil.example) **now**'],
    ['pohjola', 'Dashboard returns 502 since 9:00'],
    ['nimbus', 'Everything is broken for us'],
    ['acme', 'Still broken, warehouse stopped'],
    ['fjord', 'Error on every page'],
  ];
  for (const [index, [account, text]] of bugs.entries())
    add(noon(0, index), {
      account,
      teamId: 'support',
      topics: ['bug'],
      priority: 'P1',
      text,
      sentiment: -0.9 + index * 0.1,
      author: `${account} <at>ops</at>`,
      responseMinutes: 20 + index * 10,
      target: 60,
    });
  return requests;
}

describe('weekly digest on Teams', () => {
  let harness: TeamsHarness;

  beforeAll(async () => {
    harness = await startTeamsHarness({ yaml: YAML, clock: { now: () => NOW }, workers: false });
    const internal = [
      { ...STAFF, tenantId: OUR_TENANT },
      { ...MANAGER, tenantId: OUR_TENANT },
    ];
    harness.connector.rosters.set(LEADERS, internal);
    harness.connector.rosters.set(BILLING, [...internal, { ...CUSTOMER, tenantId: CUSTOMER_TENANT }]);
    await seedDigestRequests(harness.verbatim.storage.db, history());
    // The digest worker's start-up catch-up posts the week that was due at 09:00.
    await harness.verbatim.startWorkers();
  });
  afterAll(async () => harness?.close());

  it('posts the company-wide digest as one Adaptive Card into the internal channel', async () => {
    const [call] = await harness.waitFor('the digest card', () => {
      const sends = harness.connector.calls.filter((c) => c.kind === 'send' && c.conversationId === LEADERS);
      return sends.length > 0 && sends;
    });
    const activity = call!.activity as {
      summary: string;
      attachments: Array<{ contentType: string; content: { body: unknown[] } }>;
    };
    expect(activity.summary).toBe('Weekly digest 2026\\-W47');
    expect(activity.attachments).toHaveLength(1);
    const [attachment] = activity.attachments;
    expect(attachment!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(createCardValidator()(attachment!.content)).toEqual([]);
    const card = JSON.stringify(attachment!.content);
    expect(card).toContain('Weekly digest 2026-W47');
    expect(card).toContain('5 requests (baseline 6.0/week) from 4 accounts');
    expect(card).toMatch(/"text":"\\n5 this week vs 1.0\/week · ×5.0 \(95% CI [\d.]+–[\d.]+\) · q=0.0\d\d"/);
    expect(card).toContain('Falling');
    // The customer's words, verbatim and inert: the mention tag is broken, the markdown stays literal.
    expect(card).toContain(
      `Kaikki on rikki <${JOINER}at>Ann Agent<${JOINER}/at> — see [status](https://evil.example) **now**`,
    );
    expect(card).toContain(`— acme <${JOINER}at>ops<${JOINER}/at>, Acme Logistics · 2026-11-16`);
    expect(card).not.toMatch(/<at>/);
    expect(card).toContain('"url":"https://example.slack.com/archives/C1/preq-');
    expect(card).toContain('First response');
    // The rendered chart rides inline as base64, which Teams does not count toward the message size.
    expect(card).toContain('"type":"Image","url":"data:image/png;base64,iVBORw0KGgo');
    expect(card).not.toContain('The chart is too large for a Teams message');
    const imageData = /"url":"(data:image\/png;base64,[^"]+)"/.exec(card)![1]!.length;
    expect(Buffer.byteLength(JSON.stringify(activity)) - imageData).toBeLessThanOrEqual(28_000);
    // (Logs redact conversation ids, which look like e-mail addresses.)
    await harness.waitFor('the post recorded', () =>
      harness.logs.find((line) => line['msg'] === 'digest posted'),
    );
  });

  it('refuses the slice whose channel is shared with another tenant, posting nothing there', async () => {
    const refusal = await harness.waitFor('the refusal', () =>
      harness.logs.find(
        (line) =>
          typeof line['msg'] === 'string' &&
          line['msg'].startsWith('refusing to post into Teams conversation 19:'),
      ),
    );
    expect(refusal['msg']).toContain('1 member(s) belong to another tenant');
    await harness.waitFor('the failed target', () =>
      harness.logs.find((line) => line['msg'] === 'digest not posted'),
    );
    expect(harness.logs.filter((line) => line['msg'] === 'digest posted')).toHaveLength(1);
    expect(harness.connector.calls.filter((c) => c.conversationId === BILLING)).toEqual([]);
    // The internal channel still got its digest exactly once.
    expect(harness.connector.calls.filter((c) => c.conversationId === LEADERS)).toHaveLength(1);
  });
});

describe('verbatim digest --post to Teams', () => {
  let cwd: string;
  let connector: FakeConnector;
  const command = createDigestCommand({ clock: { now: () => NOW }, teamsToken: async () => FAKE_BOT_TOKEN });

  beforeAll(async () => {
    cwd = await mkdtemp(join(tmpdir(), 'verbatim-teams-digest-cli-'));
    await writeFile(join(cwd, 'verbatim.config.yaml'), YAML);
    const storage = await openStorage({ dataDir: join(cwd, 'data') });
    try {
      await seedDigestRequests(storage.db, history());
    } finally {
      await storage.close();
    }
    connector = await startFakeConnector();
    const internal = [
      { ...STAFF, tenantId: OUR_TENANT },
      { ...MANAGER, tenantId: OUR_TENANT },
    ];
    connector.rosters.set(LEADERS, internal);
    connector.rosters.set(BILLING, [...internal, { ...CUSTOMER, tenantId: CUSTOMER_TENANT }]);
  });
  afterAll(async () => connector?.close());

  function captureIo() {
    const stderr = new PassThrough();
    const err: string[] = [];
    stderr.on('data', (chunk) => err.push(String(chunk)));
    return {
      io: {
        stdout: new PassThrough(),
        stderr,
        stdin: new PassThrough(),
        env: {
          VERBATIM_DATA_DIR: './data',
          LOG_LEVEL: 'silent',
          TEAMS_CLIENT_ID: CLIENT_ID,
          TEAMS_CLIENT_SECRET: 'test-secret',
          TEAMS_TENANT_ID: OUR_TENANT,
          TEAMS_SERVICE_URL: connector.url,
        },
        cwd,
      },
      err: () => err.join(''),
    };
  }

  it('posts the card once, and refuses a channel shared with another tenant', async () => {
    const first = captureIo();
    expect(await command.run(['--post'], first.io)).toBe(0);
    expect(first.err()).toContain(`Posted the 2026-W47 digest to teams:${LEADERS} with its chart.`);
    const sends = connector.calls.filter((call) => call.kind === 'send');
    expect(sends).toHaveLength(1);
    expect(sends[0]!.conversationId).toBe(LEADERS);
    const content = (sends[0]!.activity['attachments'] as Array<{ content: unknown }>)[0]!.content;
    expect(createCardValidator()(content)).toEqual([]);
    expect(JSON.stringify(content)).toContain(`Kaikki on rikki <${JOINER}at>Ann Agent<${JOINER}/at>`);

    const again = captureIo();
    expect(await command.run(['--post'], again.io)).toBe(0);
    expect(again.err()).toContain('already posted');
    expect(connector.calls.filter((call) => call.kind === 'send')).toHaveLength(1);

    await expect(command.run(['--post', '--team', 'billing'], captureIo().io)).rejects.toThrow(
      /refusing to post into Teams conversation 19:billing-internal@thread.tacv2: 1 member\(s\) belong to another tenant/,
    );
    expect(connector.calls.filter((call) => call.conversationId === BILLING)).toEqual([]);
  });
});

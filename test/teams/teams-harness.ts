import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import type { AdapterContext, PlatformAdapter } from '../../src/adapter-contract.ts';
import { type StartOptions, startVerbatim, type Verbatim } from '../../src/compose-verbatim.ts';
import type { Analyzer, Clock } from '../../src/core/ports.ts';
import { createTeamsAdapter, type TeamsAdapterOptions } from '../../src/teams/create-teams-adapter.ts';
import { type FakeConnector, startFakeConnector } from '../fakes/bot-framework-connector.ts';
import { fixedAnalyzer } from '../slack/slack-harness.ts';
import { testConfig } from '../support/test-config.ts';

/** Real payload shapes: recorded Teams activities (see fixtures/README.md). */
export const CHANNEL_FIXTURE = JSON.parse(
  readFileSync(new URL('./fixtures/chat-replay-channel.json', import.meta.url), 'utf8'),
) as { mention: Record<string, unknown>; channel_post_action: Record<string, unknown> };
export const ACTIONS_FIXTURE = JSON.parse(
  readFileSync(new URL('./fixtures/chat-replay-actions-reactions.json', import.meta.url), 'utf8'),
) as { reaction: Record<string, unknown>; action: Record<string, unknown> };

export const OUR_TENANT = 'a1b2c3d4-e5f6-7890-abcd-ef1234567890';
export const CUSTOMER_TENANT = 'c0570000-0000-4000-8000-00000000c057';
export const BOT_ID = '28:11111111-2222-3333-4444-555555555555';
export const CLIENT_ID = '11111111-2222-3333-4444-555555555555';
/** The customer's shared channel (the fixture's channel). */
export const SHARED_CHANNEL = '19:d441d38c655c47a085215b2726e76927@thread.tacv2';
export const SUPPORT_CHANNEL = '19:support-internal@thread.tacv2';
export const ESCALATION_CHANNEL = '19:escalations@thread.tacv2';
export const TRIAGE_CHANNEL = '19:triage@thread.tacv2';
export const CUSTOMER = {
  id: '29:customer-casey',
  aadObjectId: '00000000-1111-2222-3333-444444444444',
  name: 'Casey Customer',
};
export const STAFF = {
  id: '29:staff-ann',
  aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000a11',
  name: 'Ann Agent',
};
export const MANAGER = {
  id: '29:staff-max',
  aadObjectId: 'bbbbbbbb-0000-4000-8000-000000000b22',
  name: 'Max Manager',
};

export const TEAMS_CONFIG_YAML = `
calendar:
  timezone: Europe/Helsinki
  days: [mon, tue, wed, thu, fri, sat, sun]
  hours: [["00:00", "24:00"]]
grouping:
  windowMinutes: 5
  triageDelaySeconds: 0
teams:
  - id: support
    name: Support
    destination: { platform: teams, conversationId: "${SUPPORT_CHANNEL}" }
    topics: [bug]
    escalation: { platform: teams, conversationId: "${ESCALATION_CHANNEL}" }
    onCall: ${STAFF.aadObjectId}
    manager: ${MANAGER.aadObjectId}
  - id: billing
    name: Billing
    destination: { platform: teams, conversationId: "19:billing-internal@thread.tacv2" }
    topics: [billing]
topics:
  - { id: bug, label: Bug, keywords: [bug, error, broken] }
  - { id: billing, label: Billing, keywords: [invoice, billing] }
routing:
  defaultTeam: support
  unmapped: { platform: teams, conversationId: "${TRIAGE_CHANNEL}" }
accounts:
  - id: fjord
    name: Fjord Travel
    channels: ["teams:${SHARED_CHANNEL}"]
    tier: enterprise
ownDomains: [verbatim-demo.example]
`;

/** An unsigned JWT-shaped bot token (the SDK decodes its claims; the fake connector does not verify it). */
export const FAKE_BOT_TOKEN = [
  { alg: 'none', typ: 'JWT' },
  { aud: 'https://api.botframework.com', appid: CLIENT_ID, tid: OUR_TENANT, exp: 4_102_444_800 },
]
  .map((part) => Buffer.from(JSON.stringify(part)).toString('base64url'))
  .concat('unsigned')
  .join('.');

export interface TeamsHarness {
  connector: FakeConnector;
  verbatim: Verbatim;
  logs: Array<Record<string, unknown>>;
  /** POSTs an activity to /api/messages (unsigned: the harness runs with auth off unless told). */
  send(
    activity: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: unknown }>;
  waitFor<T>(
    what: string,
    probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
    timeoutMs?: number,
  ): Promise<T>;
  close(): Promise<void>;
}

let activityCounter = 1_771_290_200_000;
/** A numeric Teams message id, unique per call. */
export function nextActivityId(): string {
  activityCounter += 1000;
  return String(activityCounter);
}

/** A channel message shaped like the recorded one, from `from`, in `channel`, top-level or in `threadRootId`'s thread. */
export function channelMessage(fields: {
  text?: string;
  html?: string;
  from?: { id: string; aadObjectId: string; name: string };
  channel?: string;
  id?: string;
  threadRootId?: string;
  timestamp?: string;
}): Record<string, unknown> {
  const id = fields.id ?? nextActivityId();
  const root = fields.threadRootId ?? id;
  const channel = fields.channel ?? SHARED_CHANNEL;
  const template = structuredClone(CHANNEL_FIXTURE.mention) as Record<string, unknown>;
  const conversation = { ...(template.conversation as object), id: `${channel};messageid=${root}` };
  return {
    ...template,
    id,
    timestamp: fields.timestamp ?? new Date().toISOString(),
    from: fields.from ?? CUSTOMER,
    conversation,
    text: fields.text ?? fields.html ?? '',
    attachments: fields.html ? [{ contentType: 'text/html', content: fields.html }] : [],
    entities: [],
    channelData: { ...(template.channelData as object), channel: { id: channel }, teamsChannelId: channel },
    ...(fields.threadRootId ? { replyToId: fields.threadRootId } : {}),
  };
}

export async function startTeamsHarness(
  options: {
    yaml?: string;
    adapter?: TeamsAdapterOptions;
    env?: Record<string, string>;
    clock?: Clock;
    analyzer?: Analyzer;
    extraAdapters?: Array<(context: AdapterContext) => Promise<PlatformAdapter | null>>;
    /** false: job workers wait for `verbatim.startWorkers()` (seed the database first). */
    workers?: boolean;
    /** Inbox timing (retry delay, attempts); polled every 100 ms unless told. */
    inbox?: StartOptions['inboxOptions'];
  } = {},
): Promise<TeamsHarness> {
  const connector = await startFakeConnector();
  const internal = [
    { ...STAFF, tenantId: OUR_TENANT },
    { ...MANAGER, tenantId: OUR_TENANT },
  ];
  connector.rosters.set(SHARED_CHANNEL, [...internal, { ...CUSTOMER, tenantId: CUSTOMER_TENANT }]);
  for (const channel of [
    SUPPORT_CHANNEL,
    ESCALATION_CHANNEL,
    TRIAGE_CHANNEL,
    '19:billing-internal@thread.tacv2',
  ])
    connector.rosters.set(channel, internal);
  const config = testConfig({
    yaml: options.yaml ?? TEAMS_CONFIG_YAML,
    env: {
      LOG_LEVEL: 'debug',
      TEAMS_CLIENT_ID: CLIENT_ID,
      TEAMS_CLIENT_SECRET: 'test-secret',
      TEAMS_TENANT_ID: OUR_TENANT,
      TEAMS_SERVICE_URL: connector.url,
      TEAMS_ALLOW_UNAUTHENTICATED: 'true',
      ...options.env,
    },
  });
  const logs: Array<Record<string, unknown>> = [];
  const logDestination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n'))
        if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const verbatim = await startVerbatim({
    config,
    logDestination,
    pollingIntervalSeconds: 0.5,
    settings: { triageDelaySeconds: 0 },
    inboxOptions: { pollMs: 100, ...options.inbox },
    analyzer: options.analyzer ?? fixedAnalyzer(),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.workers === false ? { workers: false } : {}),
    adapters: [
      (context) =>
        createTeamsAdapter(context, {
          token: async () => FAKE_BOT_TOKEN,
          maxRateLimitWaitMs: 5000,
          baseRetryDelayMs: 10,
          ...options.adapter,
        }),
      ...(options.extraAdapters ?? []),
    ],
  });
  const endpoint = `http://127.0.0.1:${verbatim.port}/api/messages`;
  return {
    connector,
    verbatim,
    logs,
    async send(activity, headers = {}) {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ ...activity, serviceUrl: connector.url }),
      });
      const text = await response.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {}
      return { status: response.status, body };
    },
    async waitFor(what, probe, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = await probe();
        if (value) return value;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async close() {
      await verbatim.stop();
      await connector.close();
    },
  };
}

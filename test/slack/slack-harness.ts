import { Writable } from 'node:stream';
import { type StartOptions, startVerbatim, type Verbatim } from '../../src/compose-verbatim.ts';
import type { Analysis } from '../../src/core/analysis.ts';
import type { Analyzer } from '../../src/core/ports.ts';
import { createSlackAdapter, type SlackAdapterOptions } from '../../src/slack/create-slack-adapter.ts';
import { SLACK_BOT_SCOPES } from '../../src/slack/slack-app-requirements.ts';
import { signSlackRequest } from '../fakes/sign-slack-request.ts';
import { type FakeSlack, startFakeSlack } from '../fakes/slack-fake.ts';
import type { AckPayload, DeliverOptions } from '../fakes/slack-socket-mode.ts';
import { TEST_CONFIG_YAML, testConfig } from '../support/test-config.ts';

export const TEAM_ID = 'T0VERBATIM';
export const CUSTOMER_TEAM = 'T0CUSTOMER';
export const BOT_USER = 'U0VERBATIMBOT';
export const SIGNING_SECRET = 'test-signing-secret';

/** Seconds since epoch of the first synthetic message; each new top-level message is a day later, so none group by accident. */
let clock = 1_767_000_000;
export function nextTs(): string {
  clock += 86_400;
  return `${clock}.000100`;
}
export function replyTs(threadTs: string, seconds: number): string {
  return `${Math.floor(Number(threadTs)) + seconds}.000200`;
}

/** Deterministic triage: "invoice" → billing, anything else → bug (support). */
export function fixedAnalyzer(delayMs = 0): Analyzer {
  return {
    name: 'fixed',
    async analyze(input): Promise<Analysis> {
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      const billing = /invoice/i.test(input.text);
      return {
        summary: `Summary of ${input.text.slice(0, 40)}`,
        priority: 'P3',
        priorityReason: 'test analyzer',
        topics: [billing ? 'billing' : 'bug'],
        sentiment: -0.2,
        churnSignals: [],
        language: 'en',
        confidence: 0.5,
        engine: 'fixed',
        usage: null,
      };
    },
  };
}

export interface SlackHarness {
  slack: FakeSlack;
  verbatim: Verbatim;
  /** Every log line, parsed. */
  logs: Array<Record<string, unknown>>;
  /** Delivers an Events API event; resolves with the ack (socket) or HTTP status (http). */
  sendEvent(
    event: Record<string, unknown>,
    options?: { eventId?: string; extShared?: boolean; retry?: number; ackTimeoutMs?: number },
  ): Promise<{ status: number; body: unknown }>;
  /** Whether the durable inbox holds the Slack event of the message with this ts. */
  inboxHolds(ts: string): Promise<boolean>;
  /** The stored message with this ts in C1ACME (or `channel`), once the inbox worker ingested it. */
  storedMessage(ts: string, channel?: string): ReturnType<Verbatim['store']['getMessage']>;
  sendInteraction(payload: Record<string, unknown>): Promise<{ status: number; body: unknown }>;
  sendCommand(command: Record<string, string>): Promise<{ status: number; body: unknown }>;
  waitFor<T>(
    what: string,
    probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
    timeoutMs?: number,
  ): Promise<T>;
  close(): Promise<void>;
}

let eventCounter = 0;

export function envelope(
  event: Record<string, unknown>,
  options: { eventId?: string; extShared?: boolean } = {},
) {
  eventCounter += 1;
  return {
    token: 'legacy-token',
    team_id: TEAM_ID,
    context_team_id: TEAM_ID,
    api_app_id: 'A0FAKEAPP',
    event,
    type: 'event_callback',
    event_id: options.eventId ?? `Ev${Date.now()}${eventCounter}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      {
        enterprise_id: null,
        team_id: TEAM_ID,
        user_id: BOT_USER,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: options.extShared ?? true,
  };
}

/** A message from the customer's side of a Slack Connect channel. */
export function customerMessage(fields: {
  text: string;
  ts?: string;
  thread_ts?: string;
  channel?: string;
  user?: string;
  files?: unknown[];
}) {
  const ts = fields.ts ?? nextTs();
  return {
    type: 'message',
    channel: fields.channel ?? 'C1ACME',
    user: fields.user ?? 'U0CUST001',
    text: fields.text,
    ts,
    ...(fields.thread_ts ? { thread_ts: fields.thread_ts } : {}),
    team: CUSTOMER_TEAM,
    user_team: CUSTOMER_TEAM,
    source_team: CUSTOMER_TEAM,
    user_profile: { real_name: 'Casey Customer', display_name: 'casey', team: CUSTOMER_TEAM },
    ...(fields.files ? { files: fields.files, subtype: 'file_share', upload: true } : {}),
    channel_type: 'channel',
    event_ts: ts,
  };
}

export function staffMessage(fields: {
  text: string;
  ts?: string;
  thread_ts?: string;
  channel?: string;
  user?: string;
}) {
  const ts = fields.ts ?? nextTs();
  return {
    type: 'message',
    channel: fields.channel ?? 'C1ACME',
    user: fields.user ?? 'U0ANN',
    text: fields.text,
    ts,
    ...(fields.thread_ts ? { thread_ts: fields.thread_ts } : {}),
    team: TEAM_ID,
    channel_type: 'channel',
    event_ts: ts,
  };
}

/** A block_actions payload as Slack sends it for a button or select on a routed post. */
export function blockAction(fields: {
  user: string;
  channel: string;
  messageTs: string;
  action: Record<string, unknown>;
}) {
  return {
    type: 'block_actions',
    user: {
      id: fields.user,
      username: fields.user.toLowerCase(),
      name: fields.user.toLowerCase(),
      team_id: TEAM_ID,
    },
    api_app_id: 'A0FAKEAPP',
    token: 'legacy-token',
    container: {
      type: 'message',
      message_ts: fields.messageTs,
      channel_id: fields.channel,
      is_ephemeral: false,
    },
    trigger_id: '1.2.3',
    team: { id: TEAM_ID, domain: 'verbatim' },
    channel: { id: fields.channel, name: fields.channel.toLowerCase() },
    message: { type: 'message', ts: fields.messageTs, user: BOT_USER },
    actions: [{ action_ts: '1.0', ...fields.action }],
    response_url: 'https://hooks.slack.invalid/actions/1',
  };
}

export async function startSlackHarness(
  options: {
    mode?: 'socket' | 'http';
    yaml?: string;
    analyzer?: Analyzer;
    adapter?: SlackAdapterOptions;
    inbox?: StartOptions['inboxOptions'];
  } = {},
): Promise<SlackHarness> {
  const mode = options.mode ?? 'socket';
  const slack = await startFakeSlack({
    api: {
      team: { teamId: TEAM_ID, botUserId: BOT_USER, botId: 'B0VERBATIM', domain: 'verbatim' },
      scopes: [...SLACK_BOT_SCOPES],
    },
  });
  seedWorkspace(slack);
  const config = testConfig({
    yaml: options.yaml ?? `${TEST_CONFIG_YAML}\nfeedbackChannels: [slack:C0FEEDBACK]\n`,
    env: {
      LOG_LEVEL: 'debug',
      SLACK_BOT_TOKEN: slack.api.botToken,
      SLACK_API_URL: slack.api.url,
      ...(mode === 'socket'
        ? { SLACK_APP_TOKEN: slack.api.appToken }
        : { SLACK_SIGNING_SECRET: SIGNING_SECRET }),
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
    listen: mode === 'http',
    pollingIntervalSeconds: 0.5,
    settings: { triageDelaySeconds: 0 },
    analyzer: options.analyzer ?? fixedAnalyzer(),
    adapters: [(context) => createSlackAdapter(context, { postIntervalMs: 20, ...options.adapter })],
    inboxOptions: { pollMs: 100, ...options.inbox },
  });
  if (mode === 'socket') await slack.socketMode.waitForConnection();
  const eventsUrl = `http://127.0.0.1:${verbatim.port}/slack/events`;

  async function post(body: string, extraHeaders: Record<string, string> = {}) {
    const response = await fetch(eventsUrl, {
      method: 'POST',
      headers: { ...signSlackRequest({ body, signingSecret: SIGNING_SECRET }), ...extraHeaders },
      body,
    });
    const text = await response.text();
    return { status: response.status, body: text ? safeJson(text) : null };
  }

  async function socket(
    type: 'events_api' | 'interactive' | 'slash_commands',
    payload: unknown,
    deliver: DeliverOptions = {},
  ) {
    const ack: AckPayload = await slack.socketMode.deliver(type, payload, deliver);
    return { status: 200, body: ack };
  }

  const waitFor: SlackHarness['waitFor'] = async (what, probe, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  return {
    slack,
    verbatim,
    logs,
    sendEvent(event, eventOptions = {}) {
      const body = envelope(event, eventOptions);
      if (mode === 'socket') {
        return socket('events_api', body, {
          ...(eventOptions.retry ? { retryAttempt: eventOptions.retry, retryReason: 'timeout' } : {}),
          ...(eventOptions.ackTimeoutMs ? { ackTimeoutMs: eventOptions.ackTimeoutMs } : {}),
        });
      }
      return post(
        JSON.stringify(body),
        eventOptions.retry
          ? { 'x-slack-retry-num': String(eventOptions.retry), 'x-slack-retry-reason': 'http_timeout' }
          : {},
      );
    },
    async inboxHolds(ts) {
      const found = await verbatim.storage.db.query(
        `SELECT 1 FROM inbox WHERE source = 'slack' AND payload->'event'->>'ts' = $1`,
        [ts],
      );
      return found.rows.length > 0;
    },
    storedMessage(ts, channel = 'C1ACME') {
      return waitFor(`message ${ts} ingested`, () => verbatim.store.getMessage(`slack:${channel}:${ts}`));
    },
    sendInteraction(payload) {
      if (mode === 'socket') return socket('interactive', payload);
      return post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
    },
    sendCommand(command) {
      if (mode === 'socket') return socket('slash_commands', command);
      return post(new URLSearchParams(command).toString());
    },
    waitFor,
    async close() {
      await verbatim.stop();
      await slack.close();
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function seedWorkspace(slack: FakeSlack): void {
  const { api } = slack;
  for (const [id, name] of [
    ['C0SUPPORT', 'support'],
    ['C0BILLING', 'billing'],
    ['C0ENGINEER', 'engineering'],
    ['C0TRIAGE', 'triage'],
    ['C0ESCALATE', 'support-escalations'],
    ['C0INCIDENT', 'incidents'],
    ['C0FEEDBACK', 'customer-feedback'],
  ] as const) {
    api.setConversation(id, { name });
  }
  for (const [id, name] of [
    ['C1ACME', 'acme-verbatim'],
    ['C1POHJOLA', 'pohjola-verbatim'],
    ['C1NIMBUS', 'nimbus-verbatim'],
    ['C1KAUPPA', 'kauppa-verbatim'],
    ['C1STRANGER', 'newco-verbatim'],
  ] as const) {
    api.setConversation(id, {
      name,
      is_shared: true,
      is_ext_shared: true,
      connected_team_ids: [CUSTOMER_TEAM],
    });
  }
  api.setMembers('C0SUPPORT', ['U0ANN', 'U0BOB', BOT_USER]);
  api.setMembers('C0BILLING', ['U0BOB', BOT_USER]);
  api.setUser('U0CUST001', {
    name: 'casey',
    real_name: 'Casey Customer',
    team_id: CUSTOMER_TEAM,
    is_stranger: true,
    profile: { display_name: 'Casey Customer', email: 'casey@acme-logistics.example' },
  });
  api.setUser('U0NEWCO', { name: 'nora', real_name: 'Nora Newco', team_id: 'T0NEWCO', is_stranger: true });
  api.setUser('U0ANN', { name: 'ann', real_name: 'Ann Agent', profile: { display_name: 'Ann' } });
  api.setUser('U0BOB', { name: 'bob', real_name: 'Bob Biller', profile: { display_name: 'Bob' } });
  api.setUser('U0STAFF01', { name: 'staff01', real_name: 'Sam Staff', profile: { display_name: 'Sam' } });
}

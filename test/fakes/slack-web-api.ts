/**
 * A loopback fake of Slack's Web API for tests that drive the REAL `@slack/web-api` WebClient and
 * the REAL `@slack/bolt` App. Test infrastructure only; never import it from `src/`.
 *
 *   const slack = await startFakeSlackApi();
 *   const client = new WebClient(slack.botToken, { slackApiUrl: slack.url, retryConfig: { retries: 0 } });
 *   // Bolt: new App({ token: slack.botToken, clientOptions: { slackApiUrl: slack.url }, … })
 *   await client.chat.postMessage({ channel: 'C1', text: 'hi' });
 *   slack.messages('C1');              // what was posted (thread replies included), oldest first
 *   slack.callsTo('chat.postMessage'); // [{ method, args, token, time, status, response }]
 *   await slack.close();
 *
 * Seeding: setTeam(teamId, botUserId) (auth.test), setUser(id, partial users.info user),
 * setConversation(id, partial conversations.info channel; merges), setMembers(channel, users),
 * setUsergroupUsers(id, users), setFile(id, file), seedMessage(channel, message).
 * Scripting: failNext(method, failure, times = 1) with
 *   { status: 429, retryAfter: seconds } → HTTP 429, `Retry-After`, `{ ok: false, error: 'ratelimited' }`
 *   { status: 500 }                      → HTTP 500 (WebClient throws WebAPIHTTPError, or retries)
 *   { error: 'channel_not_found' }       → HTTP 200 `{ ok: false, error }` (WebAPIPlatformError)
 * Failures are consumed in order and the failed attempts are still recorded in `calls`.
 *
 * Auth: the bearer token (or `token` field) must be one of `botTokens` (xoxb-) or, for
 * apps.connections.open only, `appTokens` (xapp-): otherwise `not_authed` / `invalid_auth` /
 * `not_allowed_token_type`. Unknown methods answer `unknown_method`. Block Kit and text limits:
 * slack-block-limits.ts. Method behaviour: slack-chat-methods.ts, slack-conversation-methods.ts,
 * slack-file-methods.ts. Socket Mode: pass `socketMode` (slack-socket-mode.ts) so
 * apps.connections.open hands out its URLs, or use startFakeSlack() from slack-fake.ts.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type SlackBlockLimits, slackBlockLimits } from './slack-block-limits.ts';
import { chatMethods } from './slack-chat-methods.ts';
import { conversationMethods } from './slack-conversation-methods.ts';
import {
  type EphemeralMessage,
  type FakeSlackTeam,
  FakeSlackWorkspace,
  type SlackMessage,
  type SlackObject,
} from './slack-fake-workspace.ts';
import { acceptUpload, fileMethods, uploadPathPrefix } from './slack-file-methods.ts';
import { type SlackMethodHandler, slackError } from './slack-method-handler.ts';
import { readBearerToken, readSlackRequestBody } from './slack-request-body.ts';

export type SlackFailure =
  | { status: 429; retryAfter: number }
  | { status: number; body?: string }
  | { error: string; extra?: SlackObject };

export interface SlackApiCall {
  method: string;
  /** Parsed arguments without `token`; form values stay strings, JSON fields (blocks, view, …) are objects. */
  args: Record<string, unknown>;
  token: string | undefined;
  /** When the fake received the call, ms since epoch. */
  time: number;
  /** HTTP status the fake answered with. */
  status: number;
  /** The JSON body sent back (or the text body of a scripted 5xx). */
  response: SlackObject | string;
}

export interface FakeSlackApiOptions {
  /** Valid bot tokens; default ['xoxb-fake-bot-token']. */
  botTokens?: string[];
  /** Valid app-level tokens (Socket Mode); default ['xapp-fake-app-token']. */
  appTokens?: string[];
  team?: Partial<FakeSlackTeam>;
  /** Granted bot scopes, sent in `x-oauth-scopes` (WebClient exposes them as response_metadata.scopes). */
  scopes?: string[];
  blockLimits?: Partial<SlackBlockLimits>;
  /** Where apps.connections.open gets WebSocket URLs (a FakeSocketMode). */
  socketMode?: { issueUrl(): string };
  /** Clock for message timestamps, ms since epoch. */
  now?: () => number;
}

export interface FakeSlackApi {
  /** Base URL ending in `/api/`: WebClient `slackApiUrl`, Bolt `clientOptions.slackApiUrl`. */
  readonly url: string;
  readonly origin: string;
  readonly botToken: string;
  readonly appToken: string;
  readonly team: FakeSlackTeam;
  readonly calls: readonly SlackApiCall[];
  callsTo(method: string): SlackApiCall[];
  failNext(method: string, failure: SlackFailure, times?: number): void;
  setTeam(teamId: string, botUserId: string, more?: Partial<FakeSlackTeam>): void;
  setUser(id: string, user: SlackObject): void;
  setConversation(id: string, channel: SlackObject): void;
  setMembers(channel: string, users: string[]): void;
  setUsergroupUsers(id: string, users: string[]): void;
  setFile(id: string, file: SlackObject): void;
  setScopes(scopes: string[]): void;
  attachSocketMode(socketMode: { issueUrl(): string }): void;
  /** Stores a message as if someone had posted it (ts assigned when absent). */
  seedMessage(channel: string, message: Partial<SlackMessage>): SlackMessage;
  messages(channel: string): SlackMessage[];
  message(channel: string, ts: string): SlackMessage | undefined;
  thread(channel: string, ts: string): SlackMessage[];
  ephemerals(channel?: string): EphemeralMessage[];
  reactions(channel: string, ts: string): Array<{ name: string; users: string[]; count: number }>;
  homeView(userId: string): SlackObject | undefined;
  fileContent(fileId: string): Buffer | undefined;
  /** Forgets calls, scripted failures and everything seeded or posted; keeps tokens and team. */
  reset(): void;
  close(): Promise<void>;
}

export const defaultBotScopes = [
  'channels:history',
  'groups:history',
  'chat:write',
  'commands',
  'reactions:read',
  'reactions:write',
  'users:read',
  'channels:read',
  'groups:read',
  'files:read',
];

const methods: Record<string, SlackMethodHandler> = {
  ...chatMethods,
  ...conversationMethods,
  ...fileMethods,
};
const appTokenMethods = new Set(['apps.connections.open']);
const eitherTokenMethods = new Set(['auth.test']);

export async function startFakeSlackApi(options: FakeSlackApiOptions = {}): Promise<FakeSlackApi> {
  const botTokens = options.botTokens ?? ['xoxb-fake-bot-token'];
  const appTokens = options.appTokens ?? ['xapp-fake-app-token'];
  const limits = { ...slackBlockLimits, ...options.blockLimits };
  const now = options.now ?? Date.now;
  let scopes = options.scopes ?? defaultBotScopes;
  let socketMode = options.socketMode;
  let workspace = newWorkspace();
  let calls: SlackApiCall[] = [];
  let failures = new Map<string, SlackFailure[]>();

  function newWorkspace(team?: FakeSlackTeam): FakeSlackWorkspace {
    const created = new FakeSlackWorkspace(now);
    created.team = team ?? { ...created.team, ...options.team };
    return created;
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`fake Slack API crashed: ${error instanceof Error ? error.stack : String(error)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', origin);
    const body = await readSlackRequestBody(req);
    if (path.pathname.startsWith(uploadPathPrefix)) {
      const { status, text } = await acceptUpload(
        workspace,
        path.pathname.slice(uploadPathPrefix.length),
        body,
      );
      res.writeHead(status, { 'content-type': 'text/plain' }).end(text);
      return;
    }
    if (!path.pathname.startsWith('/api/')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const method = path.pathname.slice('/api/'.length);
    const args: Record<string, unknown> = { ...Object.fromEntries(path.searchParams), ...body.args };
    const token = readBearerToken(req, args);
    delete args['token'];
    const call: SlackApiCall = { method, args, token, time: Date.now(), status: 200, response: {} };
    calls.push(call);
    const reply = (status: number, response: SlackObject | string, headers: Record<string, string> = {}) => {
      call.status = status;
      call.response = response;
      const isJson = typeof response !== 'string';
      res.writeHead(status, {
        'content-type': isJson ? 'application/json; charset=utf-8' : 'text/plain',
        ...headers,
      });
      res.end(isJson ? JSON.stringify(response) : response);
    };

    const failure = failures.get(method)?.shift();
    if (failure) {
      if ('error' in failure) return reply(200, slackError(failure.error, failure.extra));
      if (failure.status === 429) {
        const retryAfter = 'retryAfter' in failure ? failure.retryAfter : 1;
        return reply(429, slackError('ratelimited'), { 'retry-after': String(retryAfter) });
      }
      return reply(
        failure.status,
        'body' in failure && failure.body ? failure.body : 'Internal Server Error',
      );
    }
    const handler = methods[method];
    if (!handler && !appTokenMethods.has(method))
      return reply(200, slackError('unknown_method', { req_method: method }));
    if (!token) return reply(200, slackError('not_authed'));
    const kind = botTokens.includes(token) ? 'bot' : appTokens.includes(token) ? 'app' : undefined;
    if (!kind) return reply(200, slackError('invalid_auth'));
    const wantsApp = appTokenMethods.has(method);
    if (!eitherTokenMethods.has(method) && (kind === 'app') !== wantsApp) {
      return reply(200, slackError('not_allowed_token_type'));
    }
    const scopeHeaders: Record<string, string> = kind === 'bot' ? { 'x-oauth-scopes': scopes.join(',') } : {};
    if (method === 'apps.connections.open') {
      return reply(
        200,
        socketMode ? { ok: true, url: socketMode.issueUrl() } : slackError('socket_mode_not_enabled'),
      );
    }
    reply(200, handler!({ args, workspace, limits, origin }), scopeHeaders);
  }

  return {
    url: `${origin}/api/`,
    origin,
    botToken: botTokens[0] ?? '',
    appToken: appTokens[0] ?? '',
    get team() {
      return workspace.team;
    },
    get calls() {
      return calls;
    },
    callsTo: (method) => calls.filter((call) => call.method === method),
    failNext(method, failure, times = 1) {
      const queue = failures.get(method) ?? [];
      for (let i = 0; i < times; i += 1) queue.push(failure);
      failures.set(method, queue);
    },
    setTeam(teamId, botUserId, more = {}) {
      workspace.team = { ...workspace.team, ...more, teamId, botUserId };
    },
    setUser: (id, user) => void workspace.users.set(id, { ...workspace.users.get(id), ...user }),
    setConversation: (id, channel) =>
      void workspace.conversations.set(id, { ...workspace.conversations.get(id), ...channel }),
    setMembers: (channel, users) => void workspace.members.set(channel, [...users]),
    setUsergroupUsers: (id, users) => void workspace.usergroups.set(id, [...users]),
    setFile: (id, file) => void workspace.files.set(id, { file: { id, ...file } }),
    setScopes(next) {
      scopes = [...next];
    },
    attachSocketMode(next) {
      socketMode = next;
    },
    seedMessage: (channel, message) => workspace.addMessage(channel, message),
    messages: (channel) => workspace.messages(channel),
    message: (channel, ts) => workspace.message(channel, ts),
    thread: (channel, ts) => workspace.thread(channel, ts),
    ephemerals: (channel) =>
      workspace.ephemerals.filter((m) => channel === undefined || m.channel === channel),
    reactions: (channel, ts) => workspace.reactionsOn(channel, ts),
    homeView: (userId) => workspace.homeViews.get(userId),
    fileContent: (fileId) => workspace.files.get(fileId)?.content,
    reset() {
      calls = [];
      failures = new Map();
      workspace = newWorkspace(workspace.team);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

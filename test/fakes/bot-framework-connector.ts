import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback fake of the Bot Framework connector the Teams SDK talks to (`SERVICE_URL`): it
 * records every activity sent, replied and updated, answers the members API from a roster, issues
 * client-credential tokens (for `verbatim doctor`), and can answer 429 with Retry-After or a 5xx
 * for the next calls, or fail the next member look-ups. Activity ids are numeric, as the real service's are.
 */

export interface RecordedCall {
  kind: 'send' | 'reply' | 'update';
  /** Conversation id from the URL (a `;messageid=` suffix marks a thread reply). */
  conversationId: string;
  /** The id Teams gave the activity (send/reply) or the id updated. */
  activityId: string;
  activity: Record<string, unknown>;
  authorization: string | undefined;
}

export interface FakeMember {
  id: string;
  name: string;
  aadObjectId?: string;
  tenantId?: string;
  email?: string;
}

export interface FakeConnector {
  url: string;
  /** Every successful send/reply/update, in order. */
  calls: RecordedCall[];
  /** Every request received (failed ones included), as `METHOD path`. */
  requests: string[];
  /** Members per base conversation id (`19:…@thread.tacv2`). */
  rosters: Map<string, FakeMember[]>;
  /** The next `count` activity requests (send/reply/update) fail with `status` (and Retry-After seconds). */
  failNext(count: number, status: number, retryAfterSeconds?: number): void;
  /** Someone deleted this message in Teams: updating it answers 404, as the real service does. */
  deleteActivity(activityId: string): void;
  /** The next `count` member look-ups (one member or the paged roster) fail with `status`. */
  failMembersNext(count: number, status: number): void;
  /** The next send is recorded as delivered but the connection is then destroyed (no answer). */
  dropAnswerOfNextSend(): void;
  /** Token requests: `client_id` and `client_secret` that are accepted. */
  credentials: { clientId: string; clientSecret: string } | null;
  tokenRequests: Array<Record<string, string>>;
  /** Conversations the bot created (1:1 chats), with the body it sent. */
  created: Array<{ id: string; body: Record<string, unknown> }>;
  /** Latest version of each activity (after updates), keyed by activity id. */
  latest(activityId: string): Record<string, unknown> | undefined;
  close(): Promise<void>;
}

export async function startFakeConnector(): Promise<FakeConnector> {
  let nextId = 1_767_000_000_000;
  const calls: RecordedCall[] = [];
  const requests: string[] = [];
  const rosters = new Map<string, FakeMember[]>();
  const latestById = new Map<string, Record<string, unknown>>();
  let failures: Array<{ status: number; retryAfterSeconds?: number }> = [];
  let memberFailures: number[] = [];
  let dropNextSend = false;
  const deleted = new Set<string>();
  const tokenRequests: Array<Record<string, string>> = [];

  const fake: FakeConnector = {
    url: '',
    calls,
    requests,
    rosters,
    credentials: null,
    tokenRequests,
    created: [],
    failNext(count, status, retryAfterSeconds) {
      failures = [...failures, ...Array.from({ length: count }, () => ({ status, retryAfterSeconds }))];
    },
    deleteActivity(activityId) {
      deleted.add(activityId);
    },
    failMembersNext(count, status) {
      memberFailures = [...memberFailures, ...Array.from({ length: count }, () => status)];
    },
    dropAnswerOfNextSend() {
      dropNextSend = true;
    },
    latest: (id) => latestById.get(id),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  const server: Server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { code: 'FakeError', message: String(error) } }));
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const raw = await readBody(request);
    const url = new URL(request.url ?? '/', 'http://fake');
    const path = decodeURIComponent(url.pathname);
    requests.push(`${request.method} ${path}`);
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(JSON.stringify(body));
    };

    const token = path.match(/^\/([^/]+)\/oauth2\/v2\.0\/token$/);
    if (token && request.method === 'POST') {
      const form = Object.fromEntries(new URLSearchParams(raw));
      tokenRequests.push(form);
      const ok =
        fake.credentials &&
        form.client_id === fake.credentials.clientId &&
        form.client_secret === fake.credentials.clientSecret &&
        form.grant_type === 'client_credentials';
      if (!ok)
        return json(401, {
          error: 'invalid_client',
          error_description: 'AADSTS7000215: Invalid client secret provided.',
        });
      return json(200, {
        token_type: 'Bearer',
        expires_in: 3599,
        // JWT-shaped and unsigned: the Teams SDK decodes a token's claims, and nothing here verifies it.
        access_token: unsignedJwt({
          aud: 'https://api.botframework.com',
          appid: form.client_id,
          tid: token[1],
          exp: 4_102_444_800,
        }),
      });
    }

    if (path === '/v3/conversations' && request.method === 'POST') {
      const body = JSON.parse(raw || '{}') as { members?: Array<{ id: string }> };
      const id = `a:personal-${body.members?.[0]?.id ?? 'unknown'}`;
      fake.created.push({ id, body: body as Record<string, unknown> });
      return json(201, { id });
    }

    const activity = path.match(/^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/);
    if (activity) {
      const failure = failures.shift();
      if (failure) {
        const headers: Record<string, string> =
          failure.retryAfterSeconds !== undefined ? { 'retry-after': String(failure.retryAfterSeconds) } : {};
        return json(failure.status, { error: { code: 'Throttled', message: 'fake failure' } }, headers);
      }
      const conversationId = activity[1]!;
      const body = JSON.parse(raw || '{}') as Record<string, unknown>;
      const authorization = request.headers.authorization;
      if (request.method === 'PUT' && activity[2]) {
        if (deleted.has(activity[2]))
          return json(404, { error: { code: 'NotFound', message: 'The message was deleted.' } });
        calls.push({
          kind: 'update',
          conversationId,
          activityId: activity[2],
          activity: body,
          authorization,
        });
        latestById.set(activity[2], body);
        return json(200, { id: activity[2] });
      }
      if (request.method === 'POST') {
        nextId += 1;
        const id = String(nextId);
        const kind = activity[2] || conversationId.includes(';messageid=') ? 'reply' : 'send';
        calls.push({ kind, conversationId, activityId: id, activity: body, authorization });
        latestById.set(id, body);
        if (dropNextSend) {
          dropNextSend = false;
          request.socket.destroy();
          return;
        }
        return json(201, { id });
      }
    }

    const isMemberLookup =
      request.method === 'GET' && /^\/v3\/conversations\/[^/]+\/(pagedmembers|members\/[^/]+)$/i.test(path);
    const memberFailure = isMemberLookup ? memberFailures.shift() : undefined;
    if (memberFailure !== undefined)
      return json(memberFailure, { error: { code: 'Forbidden', message: 'fake member look-up failure' } });
    const paged = path.match(/^\/v3\/conversations\/([^/]+)\/pagedmembers$/i);
    if (paged && request.method === 'GET') {
      const members = rosters.get(paged[1]!.split(';')[0]!);
      // Like the real service for a conversation the bot is not installed in.
      if (!members)
        return json(404, { error: { code: 'ConversationNotFound', message: 'Conversation not found.' } });
      return json(200, { members });
    }
    const member = path.match(/^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/);
    if (member && request.method === 'GET') {
      const found = (rosters.get(member[1]!.split(';')[0]!) ?? []).find(
        (candidate) => candidate.id === member[2] || candidate.aadObjectId === member[2],
      );
      return found
        ? json(200, found)
        : json(404, { error: { code: 'MemberNotFoundInConversation', message: 'not found' } });
    }
    json(404, { error: { code: 'NotFound', message: `fake connector has no ${request.method} ${path}` } });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function unsignedJwt(claims: Record<string, unknown>): string {
  return [{ alg: 'none', typ: 'JWT' }, claims]
    .map((part) => Buffer.from(JSON.stringify(part)).toString('base64url'))
    .concat('unsigned')
    .join('.');
}

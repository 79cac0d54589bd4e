import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback fake of the Anthropic Messages API (`POST /v1/messages`, non-streaming) for tests that
 * drive the real `@anthropic-ai/sdk` client. It speaks the real wire shapes (message object, usage,
 * error envelope, `retry-after`), records every request, and answers from a scripted queue.
 *
 * Like the real API at version `2026-10-21` (the SDK 1.x default), it rejects `temperature`,
 * `top_p` and `top_k` with a 400 `invalid_request_error`.
 */

/** One request as the fake received it. Header names are lower-case. */
export interface RecordedAnthropicRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** Parsed JSON body, or null when the body was not JSON. */
  body: Record<string, unknown> | null;
  rawBody: string;
}

/** Token figures the fake reports in `usage`. Omitted figures are estimated from the request. */
export interface FakeUsage {
  input_tokens?: number;
  output_tokens?: number;
  cache_creation_input_tokens?: number;
  cache_read_input_tokens?: number;
}

/** A structured-output answer: any JSON value, or a function of the request that returns one. */
export type FakeAnswer =
  | Record<string, unknown>
  | unknown[]
  | string
  | number
  | boolean
  | null
  | ((request: RecordedAnthropicRequest) => unknown);

export interface FakeReplyOptions {
  usage?: FakeUsage;
  stopReason?: 'end_turn' | 'max_tokens' | 'refusal' | 'stop_sequence';
}

type Step =
  | {
      kind: 'text';
      text: (request: RecordedAnthropicRequest) => string;
      options: FakeReplyOptions;
      delayMs: number;
    }
  | {
      kind: 'error';
      status: number;
      type: string;
      message: string;
      headers: Record<string, string>;
      delayMs: number;
    }
  | { kind: 'hang' };

export interface FakeAnthropicOptions {
  /** When set, requests without `Authorization: Bearer <key>` or `x-api-key: <key>` get 401. */
  apiKey?: string;
  /**
   * Smallest system prefix (estimated tokens, ~4 characters each) the fake will "cache". Below it,
   * like the real API, caching silently does not happen. Default 1024.
   */
  minCacheableTokens?: number;
}

export interface FakeAnthropic {
  /** Pass as `baseURL` to the SDK client. */
  readonly baseURL: string;
  /** Every request received, in order, including rejected ones. */
  readonly requests: RecordedAnthropicRequest[];
  /** Requests that reached `POST /v1/messages`. */
  messageRequests(): RecordedAnthropicRequest[];
  lastRequest(): RecordedAnthropicRequest;
  /** Queues a structured-output reply: the text content is `JSON.stringify(body)`. */
  respondWith(body: FakeAnswer, options?: FakeReplyOptions): this;
  /** Queues a reply whose text content is exactly `text` (e.g. not JSON at all). */
  respondWithText(text: string, options?: FakeReplyOptions): this;
  /** Makes the next queued reply (of any kind) wait this many milliseconds before answering. */
  delay(ms: number): this;
  /** Queues a 429 `rate_limit_error` with `retry-after` in seconds. */
  rateLimit(retryAfterSeconds: number): this;
  /** Queues a 500 `api_error`. */
  serverError(): this;
  /** Queues a 529 `overloaded_error`. */
  overloaded(): this;
  /** Queues any Anthropic-shaped error. */
  failWith(status: number, type: string, message: string, headers?: Record<string, string>): this;
  /** Queues a request that is never answered (until `close`). */
  hang(): this;
  /** Reply used whenever the queue is empty; without one the fake answers 500 and says why. */
  respondByDefaultWith(body: FakeAnswer): this;
  /** Number of scripted steps not yet consumed. */
  pending(): number;
  close(): Promise<void>;
}

/** The request fields the real API removed in version 2026-10-21 (platform-facts §10). */
const REMOVED_SAMPLING_PARAMS = ['temperature', 'top_p', 'top_k'] as const;
const SAMPLING_REMOVED_IN_VERSION = '2026-10-21';

export async function startFakeAnthropic(options: FakeAnthropicOptions = {}): Promise<FakeAnthropic> {
  const minCacheableTokens = options.minCacheableTokens ?? 1024;
  const requests: RecordedAnthropicRequest[] = [];
  const queue: Step[] = [];
  const seenPrefixes = new Set<string>();
  let defaultReply: Step | null = null;
  let pendingDelayMs = 0;
  let messageCount = 0;

  const enqueue = (step: Step) => {
    if (step.kind !== 'hang') step.delayMs = pendingDelayMs;
    pendingDelayMs = 0;
    queue.push(step);
  };

  const toTextStep = (body: FakeAnswer, replyOptions: FakeReplyOptions = {}): Step => ({
    kind: 'text',
    text: (request) => JSON.stringify(typeof body === 'function' ? body(request) : body),
    options: replyOptions,
    delayMs: 0,
  });

  const server: Server = createServer((req, res) => {
    void handle(req, res);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawBody = await readBody(req);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
    const body = parseJsonObject(rawBody);
    const request: RecordedAnthropicRequest = {
      method: req.method ?? '',
      path: (req.url ?? '').split('?')[0] ?? '',
      headers,
      body,
      rawBody,
    };
    requests.push(request);

    if (request.method !== 'POST' || request.path !== '/v1/messages') {
      return sendError(res, 404, 'not_found_error', `Not found: ${request.method} ${request.path}`);
    }
    if (options.apiKey !== undefined && !isAuthorised(headers, options.apiKey)) {
      return sendError(res, 401, 'authentication_error', 'invalid x-api-key');
    }
    const version = headers['anthropic-version'];
    if (!version) {
      return sendError(res, 400, 'invalid_request_error', 'anthropic-version: header is required');
    }
    if (body === null) {
      return sendError(
        res,
        400,
        'invalid_request_error',
        'There was an issue with your request body: not JSON',
      );
    }
    const invalid = validateMessageRequest(body, version);
    if (invalid) return sendError(res, 400, 'invalid_request_error', invalid);

    const step = queue.shift() ?? defaultReply;
    if (!step) {
      return sendError(res, 500, 'api_error', 'fake anthropic: no scripted response left in the queue');
    }
    if (step.kind === 'hang') return; // Never answered; `close()` destroys the socket.
    if (step.delayMs > 0) await sleep(step.delayMs);
    if (step.kind === 'error') {
      return sendError(res, step.status, step.type, step.message, step.headers);
    }
    messageCount += 1;
    const text = step.text(request);
    const usage = estimateUsage(body, text, step.options.usage ?? {});
    sendJson(res, 200, {
      id: `msg_fake_${String(messageCount).padStart(4, '0')}`,
      type: 'message',
      role: 'assistant',
      model: body['model'],
      content: [{ type: 'text', text, citations: null }],
      stop_reason: step.options.stopReason ?? 'end_turn',
      stop_sequence: null,
      stop_details: null,
      container: null,
      diagnostics: null,
      usage,
    });
  }

  /**
   * Simulates prompt caching: the text up to and including the last `cache_control` block of
   * `system` is the prefix; a prefix seen before is a read, a new one a write, and a prefix below
   * `minCacheableTokens` is silently not cached.
   */
  function estimateUsage(body: Record<string, unknown>, outputText: string, scripted: FakeUsage) {
    const prefix = cacheablePrefix(body);
    const prefixTokens = estimateTokens(prefix);
    let cacheRead = 0;
    let cacheWrite = 0;
    if (prefix && prefixTokens >= minCacheableTokens) {
      const key = `${String(body['model'])}\u0000${prefix}`;
      if (seenPrefixes.has(key)) cacheRead = prefixTokens;
      else {
        cacheWrite = prefixTokens;
        seenPrefixes.add(key);
      }
    }
    const totalInput = estimateTokens(
      JSON.stringify(body['system'] ?? '') + JSON.stringify(body['messages']),
    );
    const cacheCreation = scripted.cache_creation_input_tokens ?? cacheWrite;
    return {
      input_tokens: scripted.input_tokens ?? Math.max(1, totalInput - cacheRead - cacheWrite),
      output_tokens: scripted.output_tokens ?? Math.max(1, estimateTokens(outputText)),
      cache_creation_input_tokens: cacheCreation,
      cache_read_input_tokens: scripted.cache_read_input_tokens ?? cacheRead,
      cache_creation: { ephemeral_5m_input_tokens: cacheCreation, ephemeral_1h_input_tokens: 0 },
      inference_geo: null,
      output_tokens_details: null,
      server_tool_use: null,
      service_tier: 'standard',
      speed: null,
    };
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  const fake: FakeAnthropic = {
    baseURL: `http://127.0.0.1:${port}`,
    requests,
    messageRequests: () => requests.filter((r) => r.method === 'POST' && r.path === '/v1/messages'),
    lastRequest() {
      const last = requests.at(-1);
      if (!last) throw new Error('fake anthropic: no request received yet');
      return last;
    },
    respondWith(body, replyOptions) {
      enqueue(toTextStep(body, replyOptions));
      return this;
    },
    respondWithText(text, replyOptions = {}) {
      enqueue({ kind: 'text', text: () => text, options: replyOptions, delayMs: 0 });
      return this;
    },
    delay(ms) {
      pendingDelayMs = ms;
      return this;
    },
    rateLimit(retryAfterSeconds) {
      return this.failWith(
        429,
        'rate_limit_error',
        'Number of request tokens has exceeded your per-minute rate limit',
        {
          'retry-after': String(retryAfterSeconds),
        },
      );
    },
    serverError() {
      return this.failWith(500, 'api_error', 'Internal server error');
    },
    overloaded() {
      return this.failWith(529, 'overloaded_error', 'Overloaded');
    },
    failWith(status, type, message, headers = {}) {
      enqueue({ kind: 'error', status, type, message, headers, delayMs: 0 });
      return this;
    },
    hang() {
      enqueue({ kind: 'hang' });
      return this;
    },
    respondByDefaultWith(body) {
      defaultReply = toTextStep(body);
      return this;
    },
    pending: () => queue.length,
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}

/** Rough token estimate used only for fake usage figures: ~4 characters per token. */
function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

function cacheablePrefix(body: Record<string, unknown>): string {
  const system = body['system'];
  if (!Array.isArray(system)) return '';
  let lastMarked = -1;
  system.forEach((block, index) => {
    if (isObject(block) && isObject(block['cache_control'])) lastMarked = index;
  });
  if (lastMarked < 0) return '';
  return system
    .slice(0, lastMarked + 1)
    .map((block) => (isObject(block) && typeof block['text'] === 'string' ? block['text'] : ''))
    .join('');
}

/** Returns the API's complaint about a request body, or null when it would be accepted. */
function validateMessageRequest(body: Record<string, unknown>, version: string): string | null {
  if (version >= SAMPLING_REMOVED_IN_VERSION) {
    for (const param of REMOVED_SAMPLING_PARAMS) {
      if (param in body) {
        return `${param}: Extra inputs are not permitted. \`${param}\` is not supported in API version ${version}.`;
      }
    }
  }
  if (typeof body['model'] !== 'string' || body['model'] === '') return 'model: Field required';
  if (
    typeof body['max_tokens'] !== 'number' ||
    !Number.isInteger(body['max_tokens']) ||
    body['max_tokens'] < 0
  ) {
    return 'max_tokens: Field required';
  }
  const messages = body['messages'];
  if (!Array.isArray(messages) || messages.length === 0) return 'messages: at least one message is required';
  for (const message of messages) {
    if (!isObject(message) || (message['role'] !== 'user' && message['role'] !== 'assistant')) {
      return 'messages: each message needs role user or assistant';
    }
  }
  if (body['stream'] === true) return 'stream: the fake anthropic API only speaks non-streaming';
  const outputConfig = body['output_config'];
  if (outputConfig !== undefined) {
    const format = isObject(outputConfig) ? outputConfig['format'] : undefined;
    if (format !== undefined && format !== null) {
      if (!isObject(format) || format['type'] !== 'json_schema' || !isObject(format['schema'])) {
        return 'output_config.format: expected {type: "json_schema", schema: {...}}';
      }
    }
  }
  const system = body['system'];
  if (Array.isArray(system)) {
    for (const block of system) {
      const cacheControl = isObject(block) ? block['cache_control'] : undefined;
      if (cacheControl !== undefined && cacheControl !== null) {
        if (!isObject(cacheControl) || cacheControl['type'] !== 'ephemeral') {
          return 'system.cache_control.type: Input should be "ephemeral"';
        }
      }
    }
  }
  return null;
}

function isAuthorised(headers: Record<string, string>, apiKey: string): boolean {
  return headers['authorization'] === `Bearer ${apiKey}` || headers['x-api-key'] === apiKey;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJsonObject(raw: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(raw);
    return isObject(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  if (res.destroyed) return;
  res.writeHead(status, {
    'content-type': 'application/json',
    'request-id': `req_fake_${randomUUID().replaceAll('-', '')}`,
    ...headers,
  });
  res.end(JSON.stringify(body));
}

/** Anthropic's error envelope: `{type: 'error', error: {type, message}, request_id}`. */
function sendError(
  res: ServerResponse,
  status: number,
  type: string,
  message: string,
  headers: Record<string, string> = {},
) {
  const requestId = `req_fake_${randomUUID().replaceAll('-', '')}`;
  sendJson(
    res,
    status,
    { type: 'error', error: { type, message }, request_id: requestId },
    { 'request-id': requestId, ...headers },
  );
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

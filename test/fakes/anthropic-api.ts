import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback fake of the Anthropic Messages API (`POST /v1/messages`, non-streaming) and Message
 * Batches API (`POST /v1/messages/batches`, `GET /v1/messages/batches/:id`, `GET …/:id/results`)
 * for tests that drive the real `@anthropic-ai/sdk` client. It speaks the real wire shapes (message
 * and message-batch objects, usage, JSONL results, error envelope, `retry-after`), records every
 * request, and answers from a scripted queue: a batch takes one queued step per request when it
 * ends, in request order.
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

/** A message batch as the fake holds it. */
export interface FakeMessageBatch {
  id: string;
  requests: Array<{ custom_id: string; params: Record<string, unknown> }>;
  /** `in_progress` until it has been retrieved `pollsBeforeEnd` times, then `ended`. */
  status: 'in_progress' | 'ended';
  retrieves: number;
  pollsBeforeEnd: number;
  createdAt: Date;
  endedAt: Date | null;
  /** One JSONL line per request, fixed when the batch ends. */
  results: Array<{ custom_id: string; result: Record<string, unknown> }>;
}

export interface FakeAnthropic {
  /** Pass as `baseURL` to the SDK client. */
  readonly baseURL: string;
  /** Every request received, in order, including rejected ones. */
  readonly requests: RecordedAnthropicRequest[];
  /** Requests that reached `POST /v1/messages`. */
  messageRequests(): RecordedAnthropicRequest[];
  /** Requests that reached `POST /v1/messages/batches`. */
  batchRequests(): RecordedAnthropicRequest[];
  /** Batches created, in order. */
  readonly batches: FakeMessageBatch[];
  /**
   * Batches created from now on report `in_progress` to this many retrieves and `ended` after
   * (default 1: the first look sees it running, the next sees it ended). `Infinity`: never ends.
   */
  batchPollsBeforeEnd(polls: number): this;
  /** The next call to a batch endpoint fails with this Anthropic-shaped error. */
  failNextBatchCall(status: number, type: string, message: string): this;
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
  const batches: FakeMessageBatch[] = [];
  let pollsBeforeEnd = 1;
  const batchFailures: Array<{ status: number; type: string; message: string }> = [];

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

    const batchRoute = /^\/v1\/messages\/batches(?:\/([^/]+)(\/results)?)?$/.exec(request.path);
    const isMessages = request.method === 'POST' && request.path === '/v1/messages';
    if (!isMessages && !batchRoute) {
      return sendError(res, 404, 'not_found_error', `Not found: ${request.method} ${request.path}`);
    }
    if (options.apiKey !== undefined && !isAuthorised(headers, options.apiKey)) {
      return sendError(res, 401, 'authentication_error', 'invalid x-api-key');
    }
    const version = headers['anthropic-version'];
    if (!version) {
      return sendError(res, 400, 'invalid_request_error', 'anthropic-version: header is required');
    }
    if (batchRoute) return handleBatch(req, res, request, version, batchRoute[1], Boolean(batchRoute[2]));
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
    sendJson(res, 200, messageFor(body, step, request));
  }

  /** The message object the API answers a text step with. */
  function messageFor(
    body: Record<string, unknown>,
    step: Extract<Step, { kind: 'text' }>,
    request: RecordedAnthropicRequest,
  ) {
    messageCount += 1;
    const text = step.text(request);
    const usage = estimateUsage(body, text, step.options.usage ?? {});
    return {
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
    };
  }

  /** `POST /v1/messages/batches`, `GET /v1/messages/batches/:id`, `GET …/:id/results`. */
  function handleBatch(
    req: IncomingMessage,
    res: ServerResponse,
    request: RecordedAnthropicRequest,
    version: string,
    id: string | undefined,
    results: boolean,
  ) {
    const failure = batchFailures.shift();
    if (failure) return sendError(res, failure.status, failure.type, failure.message);
    if (id === undefined) {
      if (request.method !== 'POST')
        return sendError(res, 405, 'invalid_request_error', 'method not allowed');
      const invalid = validateBatchRequest(request.body, version);
      if (invalid) return sendError(res, 400, 'invalid_request_error', invalid);
      const batch: FakeMessageBatch = {
        id: `msgbatch_fake_${String(batches.length + 1).padStart(4, '0')}`,
        requests: request.body!['requests'] as FakeMessageBatch['requests'],
        status: 'in_progress',
        retrieves: 0,
        pollsBeforeEnd,
        createdAt: new Date(),
        endedAt: null,
        results: [],
      };
      batches.push(batch);
      return sendJson(res, 200, batchObject(batch, req));
    }
    if (request.method !== 'GET') return sendError(res, 405, 'invalid_request_error', 'method not allowed');
    const batch = batches.find((candidate) => candidate.id === id);
    if (!batch) return sendError(res, 404, 'not_found_error', `message batch ${id} not found`);
    if (results) {
      if (batch.status !== 'ended') {
        return sendError(res, 400, 'invalid_request_error', `message batch ${id} is still processing`);
      }
      const jsonl = batch.results.map((line) => `${JSON.stringify(line)}\n`).join('');
      if (res.destroyed) return;
      res.writeHead(200, {
        'content-type': 'application/binary',
        'request-id': `req_fake_${randomUUID().replaceAll('-', '')}`,
      });
      return void res.end(jsonl);
    }
    batch.retrieves += 1;
    if (batch.status === 'in_progress' && batch.retrieves > batch.pollsBeforeEnd) endBatch(batch);
    return sendJson(res, 200, batchObject(batch, req));
  }

  /** Ends a batch: each request takes the next scripted step, as the API would have answered it. */
  function endBatch(batch: FakeMessageBatch): void {
    batch.status = 'ended';
    batch.endedAt = new Date();
    batch.results = batch.requests.map(({ custom_id, params }) => {
      const step = queue.shift() ?? defaultReply;
      const recorded: RecordedAnthropicRequest = {
        method: 'POST',
        path: '/v1/messages',
        headers: {},
        body: params,
        rawBody: JSON.stringify(params),
      };
      if (step?.kind === 'text') {
        return { custom_id, result: { type: 'succeeded', message: messageFor(params, step, recorded) } };
      }
      const error =
        step?.kind === 'error'
          ? { type: step.type, message: step.message }
          : { type: 'api_error', message: 'fake anthropic: no scripted response left in the queue' };
      return {
        custom_id,
        result: {
          type: 'errored',
          error: { type: 'error', error, request_id: `req_fake_${randomUUID().replaceAll('-', '')}` },
        },
      };
    });
  }

  /** The `message_batch` object, with `results_url` pointing back at this server once ended. */
  function batchObject(batch: FakeMessageBatch, req: IncomingMessage) {
    const counts = { processing: 0, succeeded: 0, errored: 0, canceled: 0, expired: 0 };
    if (batch.status === 'in_progress') counts.processing = batch.requests.length;
    else
      for (const line of batch.results) {
        if (line.result['type'] === 'succeeded') counts.succeeded += 1;
        else counts.errored += 1;
      }
    const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
    return {
      id: batch.id,
      type: 'message_batch',
      processing_status: batch.status,
      request_counts: counts,
      ended_at: batch.endedAt?.toISOString() ?? null,
      created_at: batch.createdAt.toISOString(),
      expires_at: new Date(batch.createdAt.getTime() + 24 * 3_600_000).toISOString(),
      archived_at: null,
      cancel_initiated_at: null,
      results_url: batch.status === 'ended' ? `${origin}/v1/messages/batches/${batch.id}/results` : null,
    };
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
    batchRequests: () => requests.filter((r) => r.method === 'POST' && r.path === '/v1/messages/batches'),
    batches,
    batchPollsBeforeEnd(polls) {
      pollsBeforeEnd = polls;
      return this;
    },
    failNextBatchCall(status, type, message) {
      batchFailures.push({ status, type, message });
      return this;
    },
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

/** The API's complaint about a batch creation body, or null when it would be accepted. */
function validateBatchRequest(body: Record<string, unknown> | null, version: string): string | null {
  if (body === null) return 'There was an issue with your request body: not JSON';
  const list = body['requests'];
  if (!Array.isArray(list) || list.length === 0) return 'requests: at least one request is required';
  if (list.length > 100_000) return 'requests: at most 100,000 requests per batch';
  const seen = new Set<string>();
  for (const [index, item] of list.entries()) {
    if (!isObject(item)) return `requests.${index}: expected an object`;
    const customId = item['custom_id'];
    if (typeof customId !== 'string' || !/^[a-zA-Z0-9_-]{1,64}$/.test(customId)) {
      return `requests.${index}.custom_id: String should match pattern '^[a-zA-Z0-9_-]{1,64}$'`;
    }
    if (seen.has(customId)) return `requests.${index}.custom_id: duplicate custom_id ${customId}`;
    seen.add(customId);
    if (!isObject(item['params'])) return `requests.${index}.params: Field required`;
    const invalid = validateMessageRequest(item['params'], version);
    if (invalid) return `requests.${index}.params.${invalid}`;
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

/**
 * A loopback fake of Slack's Socket Mode WebSocket service, speaking the protocol the REAL
 * `@slack/socket-mode` client (inside Bolt's SocketModeReceiver) expects. Test infrastructure only.
 *
 *   const socketMode = await startFakeSocketMode();
 *   const api = await startFakeSlackApi({ socketMode }); // apps.connections.open → socketMode.issueUrl()
 *   const app = new App({ token: api.botToken, appToken: api.appToken, socketMode: true,
 *                         clientOptions: { slackApiUrl: api.url } });
 *   await app.start(); await socketMode.waitForConnection();
 *   const ack = await socketMode.deliver('slash_commands', command); // resolves with the ack payload
 *
 * Protocol (docs.slack.dev "Using Socket Mode"; node-slack-sdk packages/socket-mode/src):
 * - issueUrl() hands out a single-use `ws://…/link/?ticket=…&app_id=…`, as apps.connections.open
 *   does; an unknown or reused ticket is refused at the upgrade (HTTP 401).
 * - On connect the server sends `{ type: 'hello', num_connections, debug_info, connection_info }`;
 *   the client counts as connected only after it.
 * - deliver(type, payload, options) sends `{ envelope_id, type, payload, accepts_response_payload,
 *   retry_attempt, retry_reason }` (retry fields on events_api only) to one open connection
 *   (round robin, as Slack may pick any) and resolves with the `payload` of the client's
 *   `{ envelope_id, payload? }` ack (`{}` for a bare ack); it rejects after `ackTimeoutMs`
 *   (default 3000, Slack's deadline) or at once when nothing is connected.
 * - The client pings every clientPingTimeout/3 ms; `ws` answers pongs automatically. With
 *   `pingIntervalMs` the server pings too (the client then watches serverPingTimeout).
 * - sendDisconnect(reason) sends `{ type: 'disconnect', reason, debug_info }`; the real client
 *   closes and reconnects through apps.connections.open. dropConnections() cuts sockets without a
 *   close frame. Stop the Bolt app before close(), or it keeps reconnecting.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

export type SocketModeEnvelopeType = 'events_api' | 'slash_commands' | 'interactive';

/** What the app sent back in its ack: the optional `payload` of `{ envelope_id, payload }`. */
export type AckPayload = Record<string, unknown>;

export interface DeliverOptions {
  retryAttempt?: number;
  /** e.g. 'timeout', 'http_timeout', 'connection_failed'. */
  retryReason?: string;
  /** Default: false for events_api, true for slash_commands and interactive. */
  acceptsResponsePayload?: boolean;
  ackTimeoutMs?: number;
  envelopeId?: string;
}

export interface ReceivedAck {
  envelope_id: string;
  payload: AckPayload;
  /** ms since epoch. */
  time: number;
}

export interface FakeSocketModeOptions {
  appId?: string;
  ackTimeoutMs?: number;
  /** Server → client ping period in ms; off by default. */
  pingIntervalMs?: number;
}

export interface FakeSocketMode {
  readonly appId: string;
  /** Open connections that have been sent `hello`. */
  readonly connections: number;
  /** Connections accepted since start (reconnects included). */
  readonly totalConnections: number;
  /** Pongs received in answer to server pings. */
  readonly pongs: number;
  /** Every ack received, in order, matched or not. */
  readonly acks: readonly ReceivedAck[];
  issueUrl(): string;
  waitForConnection(timeoutMs?: number): Promise<void>;
  deliver(type: SocketModeEnvelopeType, payload: unknown, options?: DeliverOptions): Promise<AckPayload>;
  sendDisconnect(reason?: 'refresh_requested' | 'warning' | 'link_disabled'): void;
  dropConnections(): void;
  close(): Promise<void>;
}

interface PendingAck {
  resolve: (payload: AckPayload) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export async function startFakeSocketMode(options: FakeSocketModeOptions = {}): Promise<FakeSocketMode> {
  const appId = options.appId ?? 'A0FAKEAPP';
  const defaultAckTimeoutMs = options.ackTimeoutMs ?? 3000;
  const tickets = new Set<string>();
  const open: WebSocket[] = [];
  const pending = new Map<string, PendingAck>();
  const acks: ReceivedAck[] = [];
  const connectionWaiters: Array<() => void> = [];
  let totalConnections = 0;
  let pongs = 0;
  let nextConnection = 0;

  const server = createServer((_req, res) => res.writeHead(404).end());
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    const ticket = url.searchParams.get('ticket') ?? '';
    if (url.pathname !== '/link/' || !tickets.delete(ticket)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;

  function accept(ws: WebSocket): void {
    totalConnections += 1;
    open.push(ws);
    const pinger = options.pingIntervalMs
      ? setInterval(() => ws.ping('ping'), options.pingIntervalMs)
      : undefined;
    ws.on('pong', () => {
      pongs += 1;
    });
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      let message: { envelope_id?: unknown; payload?: unknown };
      try {
        message = JSON.parse(data.toString());
      } catch {
        return; // Slack ignores what it cannot parse; so do we.
      }
      if (typeof message.envelope_id !== 'string') return;
      const payload = (
        typeof message.payload === 'object' && message.payload !== null ? message.payload : {}
      ) as AckPayload;
      acks.push({ envelope_id: message.envelope_id, payload, time: Date.now() });
      const waiting = pending.get(message.envelope_id);
      if (waiting) {
        clearTimeout(waiting.timer);
        pending.delete(message.envelope_id);
        waiting.resolve(payload);
      }
    });
    ws.on('close', () => {
      clearInterval(pinger);
      const index = open.indexOf(ws);
      if (index >= 0) open.splice(index, 1);
    });
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: open.length,
        debug_info: {
          host: 'applink-fake-1',
          started: new Date().toISOString(),
          build_number: 1,
          approximate_connection_time: 18060,
        },
        connection_info: { app_id: appId },
      }),
    );
    for (const wake of connectionWaiters.splice(0)) wake();
  }

  return {
    appId,
    get connections() {
      return open.length;
    },
    get totalConnections() {
      return totalConnections;
    },
    get pongs() {
      return pongs;
    },
    acks,
    issueUrl() {
      const ticket = randomUUID();
      tickets.add(ticket);
      return `${origin}/link/?ticket=${ticket}&app_id=${appId}`;
    },
    waitForConnection(timeoutMs = 5000) {
      if (open.length > 0) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no Socket Mode connection within ${timeoutMs} ms`)),
          timeoutMs,
        );
        connectionWaiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
    deliver(type, payload, deliverOptions = {}) {
      const ws = open[nextConnection++ % Math.max(open.length, 1)];
      if (!ws) return Promise.reject(new Error('no open Socket Mode connection to deliver to'));
      const envelopeId = deliverOptions.envelopeId ?? randomUUID();
      const envelope: Record<string, unknown> = {
        envelope_id: envelopeId,
        payload,
        type,
        accepts_response_payload: deliverOptions.acceptsResponsePayload ?? type !== 'events_api',
      };
      if (type === 'events_api') {
        envelope['retry_attempt'] = deliverOptions.retryAttempt ?? 0;
        envelope['retry_reason'] = deliverOptions.retryReason ?? '';
      }
      const timeoutMs = deliverOptions.ackTimeoutMs ?? defaultAckTimeoutMs;
      return new Promise<AckPayload>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(envelopeId);
          reject(new Error(`envelope ${envelopeId} (${type}) was not acknowledged within ${timeoutMs} ms`));
        }, timeoutMs);
        pending.set(envelopeId, { resolve, reject, timer });
        ws.send(JSON.stringify(envelope));
      });
    },
    sendDisconnect(reason = 'refresh_requested') {
      const message = JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'applink-fake-1' } });
      for (const ws of open) ws.send(message);
    },
    dropConnections() {
      for (const ws of [...open]) ws.terminate();
    },
    async close() {
      for (const [id, waiting] of pending) {
        clearTimeout(waiting.timer);
        waiting.reject(new Error(`fake Socket Mode closed before envelope ${id} was acknowledged`));
      }
      pending.clear();
      for (const ws of [...open]) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}

import { createHash } from 'node:crypto';
import type { AnyMiddlewareArgs, App, Middleware } from '@slack/bolt';
import type { Inbox, StoredInboxEntry } from '../core/inbox.ts';

/** Context flag on events replayed from the inbox: the listeners run; nothing is stored again. */
const FROM_INBOX = 'verbatimFromInbox';

/**
 * The first global middleware: every event and interaction is written raw to the durable inbox
 * (group-committed, idempotent by platform id) and only then acknowledged; the listeners run
 * later, from the inbox (`processSlackInboxEntry`), retried until they succeed or the entry
 * becomes an `inbox:slack` dead letter. Bolt calls ack() for Events API requests before any
 * middleware, but both receivers send that answer only when processing returns (HTTP
 * `processBeforeResponse`, deferred-ack-socket-mode-receiver.ts), so it is sent after the insert
 * committed; if the insert fails, Slack gets a 500 / no ack and delivers again.
 * Slash commands are answered inside their ack (`/churn` only reads), so they run at once.
 */
export function storeThenAck(inbox: Inbox): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const { body, context, next } = args;
    if (context[FROM_INBOX] === true) return next();
    const raw = body as unknown as Record<string, unknown>;
    if (typeof raw['command'] === 'string') return next();
    await inbox.append({ source: 'slack', platformId: slackPlatformId(raw), payload: raw });
    if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
  };
}

/** Runs the Bolt listeners for an event stored by `storeThenAck`; throws when a listener failed. */
export async function processSlackInboxEntry(app: App, entry: StoredInboxEntry): Promise<void> {
  await runSlackListeners(app, entry.payload as Record<string, unknown>);
}

/** Runs the Bolt listeners on a body that is already durable (an inbox entry, a dead letter). */
export async function runSlackListeners(app: App, body: Record<string, unknown>): Promise<void> {
  await app.processEvent({ body, ack: async () => {}, customProperties: { [FROM_INBOX]: true } });
}

/**
 * Events about one message or thread are processed in the order Slack sent them (a 👀 added and
 * taken away, a reply after its parent): the channel and the thread's (else the message's, else
 * the reacted item's) ts. Other bodies (interactions) carry no such key and run concurrently.
 */
export function slackOrderKey(entry: StoredInboxEntry): string | null {
  const event = (entry.payload as { event?: Record<string, unknown> } | null)?.event;
  if (!event || typeof event !== 'object') return null;
  const item = (event['item'] ?? {}) as Record<string, unknown>;
  const message = (event['message'] ?? {}) as Record<string, unknown>;
  const channel = event['channel'] ?? item['channel'];
  const ts = event['thread_ts'] ?? message['thread_ts'] ?? message['ts'] ?? event['ts'] ?? item['ts'];
  return typeof channel === 'string' && typeof ts === 'string' ? `${channel}:${ts}` : null;
}

/**
 * Slack's id for an event (`event_id`, the same on every retry); interactions carry no stable id
 * and are never retried by Slack, so their content identifies them.
 */
export function slackPlatformId(body: Record<string, unknown>): string {
  if (typeof body['event_id'] === 'string') return `event:${body['event_id']}`;
  const digest = createHash('sha256').update(JSON.stringify(body)).digest('hex');
  return `${String(body['type'] ?? 'interaction')}:${digest}`;
}

import type { App } from '@slack/bolt';
import { classifyChannel } from '../classify-channel.ts';
import {
  findSharedEmail,
  SlackMessageChangedSchema,
  SlackMessageDeletedSchema,
  SlackMessageEventSchema,
} from '../slack-message-event.ts';
import { applyMessageDeletion, applyMessageEdit } from './apply-message-change.ts';
import { ingestSlackMessage } from './ingest-slack-message.ts';
import type { SlackListenerDeps } from './slack-listener-deps.ts';

/** Message subtypes that are someone posting words (or files, or an email) rather than channel housekeeping. */
const POSTED = new Set([undefined, 'thread_broadcast', 'file_share', 'me_message']);

/**
 * `message` events from customer channels, run from the durable inbox (store-then-ack.ts): Slack
 * was answered once the raw event was stored; if this listener fails, the inbox retries it and
 * finally keeps it as an `inbox:slack` dead letter.
 */
export function registerMessageEvents(app: App, deps: SlackListenerDeps): void {
  app.event('message', async ({ event, body }) => {
    const raw = event as unknown as Record<string, unknown>;
    const channel = typeof raw['channel'] === 'string' ? raw['channel'] : '';
    const kind = classifyChannel({
      channel,
      accounts: deps.context.directory.accounts,
      feedbackChannels: deps.context.config.file.feedbackChannels,
      isExtShared: (body as { is_ext_shared_channel?: boolean }).is_ext_shared_channel === true,
    });
    if (!kind) return;
    const subtype = raw['subtype'];
    const log = deps.logger.child({ channel, eventId: (body as { event_id?: string }).event_id });

    if (subtype === 'message_changed') {
      const parsed = SlackMessageChangedSchema.safeParse(raw);
      if (parsed.success) await applyMessageEdit(deps, parsed.data);
      else log.warn({ issues: parsed.error.issues.length }, 'unreadable message_changed event ignored');
      return;
    }
    if (subtype === 'message_deleted') {
      const parsed = SlackMessageDeletedSchema.safeParse(raw);
      if (parsed.success) await applyMessageDeletion(deps, parsed.data);
      return;
    }
    if (!POSTED.has(subtype as string | undefined)) return;

    const parsed = SlackMessageEventSchema.safeParse(raw);
    if (!parsed.success) {
      // Kept whole for inspection and replay; never silently dropped.
      const reason = parsed.error.issues
        .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
        .join('; ');
      const id = await keepDeadLetter(deps, body, channel, `unreadable message event: ${reason}`);
      log.error({ deadLetter: id }, 'unreadable Slack message kept as a dead letter');
      return;
    }
    const message = parsed.data;
    const outcome = await ingestSlackMessage(deps, message, kind, findSharedEmail(message));
    if (outcome)
      log.debug({ outcome: outcome.status, messageId: outcome.messageId }, 'slack message ingested');
  });
}

/** Keeps an event whole (raw JSON) for inspection and replay. */
async function keepDeadLetter(
  deps: SlackListenerDeps,
  body: unknown,
  channel: string,
  reason: string,
): Promise<string> {
  const id = await deps.deadLetters.keep({
    source: 'slack:event',
    reason,
    raw: new TextEncoder().encode(JSON.stringify(body)),
    contentType: 'application/json',
    meta: { channel },
  });
  deps.context.metrics.deadLetters.inc({ source: 'slack:event' });
  return id;
}

import type { Attachment, Author, CustomerMessageInput } from '../core/customer-message.ts';
import { decodeSlackText, type SlackNames } from './decode-slack-text.ts';
import type { SlackFile, SlackMessageEvent } from './slack-message-event.ts';
import { slackConversationRef, slackMessageId, slackThreadRef, slackTsToDate } from './slack-refs.ts';

/** What the listener looked up about a message before mapping it (users.info, files.info, permalink). */
export interface SlackMessageFacts {
  author: Author;
  permalink: string | null;
  /** Attachments with names and sizes; Slack Connect file stubs already resolved with files.info. */
  attachments: Attachment[];
  names?: SlackNames;
}

/**
 * A Slack message as a customer (or staff) message for the pipeline. The text is the customer's
 * characters with Slack's tokens decoded (see decodeSlackText); the account is left to the
 * pipeline, which knows which account owns the channel.
 */
export function toCustomerMessage(event: SlackMessageEvent, facts: SlackMessageFacts): CustomerMessageInput {
  const threadTs = event.thread_ts ?? event.ts;
  return {
    id: slackMessageId(event.channel, event.ts),
    platform: 'slack',
    conversation: slackConversationRef(event.channel),
    thread: slackThreadRef(event.channel, threadTs),
    isReply: threadTs !== event.ts,
    accountId: null,
    author: facts.author,
    text: decodeSlackText(event.text, facts.names),
    sentAt: slackTsToDate(event.ts),
    permalink: facts.permalink,
    attachments: facts.attachments,
  };
}

/** The unwrapped email, as email ingestion would credit it (see AdapterContext.unwrapEmailText). */
export interface UnwrappedEmail {
  author: { name: string; email: string };
  text: string;
  quotedText: string | null;
  forwardedBy: { name: string; email: string } | null;
  subject: string | null;
}

/**
 * An email sent into a Slack channel (Slackbot `file_share`, filetype `email`) as a message from
 * the email's sender — not from Slackbot. `text` is the full plain text (the listener fetches it
 * with files.info when Slack marked the event's copy `has_more`).
 */
export function toEmailCustomerMessage(
  event: SlackMessageEvent,
  email: SlackFile,
  facts: { text: string; external: boolean; permalink: string | null; unwrapped?: UnwrappedEmail | null },
): CustomerMessageInput {
  const from = email.from?.[0];
  const sender = { name: from?.name || from?.address || 'Unknown sender', email: from?.address ?? '' };
  const unwrapped = facts.unwrapped;
  const author = unwrapped?.author ?? sender;
  const threadTs = event.thread_ts ?? event.ts;
  return {
    id: slackMessageId(event.channel, event.ts),
    platform: 'slack',
    conversation: slackConversationRef(event.channel),
    thread: slackThreadRef(event.channel, threadTs),
    isReply: threadTs !== event.ts,
    accountId: null,
    author: {
      id: author.email || `slack-email:${email.id}`,
      name: author.name || author.email,
      ...(author.email ? { email: author.email } : {}),
      external: facts.external,
    },
    text: unwrapped?.text ?? facts.text,
    sentAt: emailDate(email) ?? slackTsToDate(event.ts),
    permalink: facts.permalink ?? email.permalink ?? null,
    attachments: (email.attachments ?? []).map((attachment) => ({
      name: attachment.filename ?? attachment.name ?? 'attachment',
      ...(typeof attachment.size === 'number' && attachment.size >= 0
        ? { sizeBytes: Math.round(attachment.size) }
        : {}),
    })),
    subject: unwrapped?.subject ?? email.subject ?? null,
    forwardedBy: unwrapped?.forwardedBy ?? null,
    quotedText: unwrapped?.quotedText ?? null,
  };
}

function emailDate(email: SlackFile): Date | null {
  const header = email.headers?.date;
  if (!header) return null;
  const parsed = new Date(header);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

/** A file as an attachment (name, type, size); stubs without a name are resolved by the caller first. */
export function toAttachment(file: SlackFile): Attachment {
  return {
    name: file.name || file.title || file.id,
    ...(file.mimetype ? { mimeType: file.mimetype } : {}),
    ...(typeof file.size === 'number' && file.size >= 0 ? { sizeBytes: Math.round(file.size) } : {}),
  };
}

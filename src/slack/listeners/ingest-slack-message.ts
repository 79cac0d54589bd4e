import type { Attachment, Author } from '../../core/customer-message.ts';
import type { IngestOutcome } from '../../core/ports.ts';
import { isOwnDomain } from '../../core/resolve-account.ts';
import type { ChannelKind } from '../classify-channel.ts';
import { isExternalSlackAuthor } from '../classify-slack-author.ts';
import { findMentionedUsers } from '../decode-slack-text.ts';
import { type SlackFile, SlackFileSchema, type SlackMessageEvent } from '../slack-message-event.ts';
import { toAttachment, toCustomerMessage, toEmailCustomerMessage } from '../to-customer-message.ts';
import { findPermalink } from './find-permalink.ts';
import { ourTeamIds, type SlackListenerDeps } from './slack-listener-deps.ts';

/** Mentioned users whose names are looked up per message, at most (each is a cached users.info). */
const MAX_MENTION_LOOKUPS = 10;

/**
 * A new message in a customer (or feedback) channel → the pipeline. Customer vs staff comes
 * from the author's team and users.info; a staff reply in a customer's thread is ingested too,
 * as staff, so the pipeline marks the request answered. Returns null when the message is not
 * one Verbatim relays (bots, system messages).
 */
export async function ingestSlackMessage(
  deps: SlackListenerDeps,
  event: SlackMessageEvent,
  kind: Exclude<ChannelKind, null>,
  email: SlackFile | null,
): Promise<IngestOutcome | null> {
  if (email) return ingestSharedEmail(deps, event, email);
  // Other bots are not customers; emails (Slackbot) were handled above, so this filter cannot drop them.
  if (event.bot_id || !event.user || event.user === deps.identity.botUserId) return null;

  const user = await deps.users.lookup(event.user);
  const isReply = event.thread_ts !== undefined && event.thread_ts !== event.ts;
  const external = isExternalSlackAuthor({
    authorTeam: event.user_team ?? event.team,
    ourTeamIds: ourTeamIds(deps.identity),
    user,
  });
  // In an internal feedback channel a top-level post *is* customer feedback, whoever relays it;
  // replies in its thread are our answers.
  const customerVoice = kind === 'feedback' ? !isReply || external : external;
  const author: Author = {
    id: event.user,
    name: user?.name ?? event.user_profile?.display_name ?? event.user_profile?.real_name ?? event.user,
    ...(user?.email ? { email: user.email } : {}),
    external: customerVoice,
  };
  const [names, attachments, permalink] = await Promise.all([
    mentionNames(deps, event.text),
    describeFiles(deps, event.files ?? []),
    findPermalink(deps, event.channel, event.ts, event.thread_ts),
  ]);
  return deps.context.ingest(
    toCustomerMessage(event, { author, permalink, attachments, names: { users: names } }),
  );
}

/**
 * An email sent into the channel (Slackbot `file_share`, filetype `email`) is a message from the
 * email's sender. Forwards are credited to the original sender when email unwrapping is wired.
 */
async function ingestSharedEmail(
  deps: SlackListenerDeps,
  event: SlackMessageEvent,
  email: SlackFile,
): Promise<IngestOutcome> {
  let file = email;
  if (email.has_more) {
    // Slack cut the text short in the event (platform-facts §3); files.info has the file again.
    const full = await fileInfo(deps, email.id);
    if (full && (full.plain_text?.length ?? 0) > (email.plain_text?.length ?? 0))
      file = { ...email, ...full };
    if (file.has_more) {
      deps.logger.warn(
        { channel: event.channel, ts: event.ts },
        'Slack truncated this email; the routed post links the full email',
      );
    }
  }
  const text = file.plain_text ?? file.preview_plain_text ?? '';
  const from = file.from?.[0];
  const sender = { name: from?.name || from?.address || 'Unknown sender', email: from?.address ?? '' };
  const unwrapped =
    deps.context.unwrapEmailText?.({ from: sender, subject: file.subject ?? null, text }) ?? null;
  const authorEmail = unwrapped?.author.email ?? sender.email;
  const external = authorEmail === '' || !isOwnDomain(deps.context.directory.ownDomains, authorEmail);
  const permalink = file.permalink ?? (await findPermalink(deps, event.channel, event.ts, event.thread_ts));
  return deps.context.ingest(toEmailCustomerMessage(event, file, { text, external, permalink, unwrapped }));
}

async function mentionNames(deps: SlackListenerDeps, text: string): Promise<Map<string, string>> {
  const ids = findMentionedUsers(text).slice(0, MAX_MENTION_LOOKUPS);
  const entries = await Promise.all(
    ids.map(async (id) => [id, (await deps.users.lookup(id))?.name] as const),
  );
  return new Map(entries.filter((entry): entry is readonly [string, string] => entry[1] !== undefined));
}

/** Names and sizes of shared files; Slack Connect stubs (`file_access: check_file_info`) need files.info. */
async function describeFiles(deps: SlackListenerDeps, files: SlackFile[]): Promise<Attachment[]> {
  return Promise.all(
    files.map(async (file) => {
      if (file.file_access !== 'check_file_info' && file.name) return toAttachment(file);
      const info = await fileInfo(deps, file.id);
      return info ? toAttachment(info) : { name: `file ${file.id} (details unavailable)` };
    }),
  );
}

async function fileInfo(deps: SlackListenerDeps, fileId: string): Promise<SlackFile | null> {
  try {
    const response = await deps.client.files.info({ file: fileId });
    const parsed = SlackFileSchema.safeParse(response.file);
    return parsed.success ? parsed.data : null;
  } catch (error) {
    deps.logger.warn({ err: error, fileId }, 'files.info failed; the attachment is listed without details');
    return null;
  }
}

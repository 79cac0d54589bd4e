import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { CustomerMessageInput } from '../../core/customer-message.ts';
import { isExternalSlackAuthor } from '../classify-slack-author.ts';
import type { SlackNames } from '../decode-slack-text.ts';
import { SlackMessageEventSchema } from '../slack-message-event.ts';
import { slackConversationRef, slackTsToDate } from '../slack-refs.ts';
import { toAttachment, toCustomerMessage } from '../to-customer-message.ts';

const ExportChannelSchema = z.looseObject({ id: z.string(), name: z.string() });
const ExportUserSchema = z.looseObject({
  id: z.string(),
  team_id: z.string().optional(),
  name: z.string().optional(),
  real_name: z.string().optional(),
  is_bot: z.boolean().optional(),
  is_stranger: z.boolean().optional(),
  is_restricted: z.boolean().optional(),
  is_ultra_restricted: z.boolean().optional(),
  profile: z.looseObject({ email: z.string().optional(), real_name: z.string().optional() }).optional(),
});

/** A customer contact leaving or joining a shared channel, as found in the export. */
export interface ExportMemberEvent {
  conversation: string;
  kind: 'member-joined' | 'member-left';
  userId: string;
  name: string;
  at: Date;
}

export interface SlackExport {
  /** Every human message in time order, customer and staff alike. */
  messages: CustomerMessageInput[];
  memberEvents: ExportMemberEvent[];
  /** Bot posts, joins of our own staff and other non-messages that were passed over. */
  skipped: number;
  ourTeamIds: string[];
  /** Files that could not be read, with the reason; the rest of the export is still used. */
  problems: string[];
}

/**
 * Reads a Slack export directory (`channels.json`, `users.json`, one folder per channel with a
 * JSON file per day) into customer and staff messages. Our own team is recognised from users
 * whose email is in `ownDomains` (or given explicitly).
 */
export function readSlackExport(
  directory: string,
  options: { ownDomains: string[]; ourTeamIds?: string[] },
): SlackExport {
  const channels = z.array(ExportChannelSchema).parse(readJson(join(directory, 'channels.json')));
  const usersFile = join(directory, 'users.json');
  const users = existsSync(usersFile) ? z.array(ExportUserSchema).parse(readJson(usersFile)) : [];
  const usersById = new Map(users.map((user) => [user.id, user]));
  const ourTeamIds = options.ourTeamIds ?? [
    ...new Set(
      users
        .filter((user) => {
          const domain = user.profile?.email?.split('@')[1]?.toLowerCase();
          return domain && options.ownDomains.some((own) => domain === own || domain.endsWith(`.${own}`));
        })
        .flatMap((user) => (user.team_id ? [user.team_id] : [])),
    ),
  ];
  const names: SlackNames = {
    users: new Map(users.map((user) => [user.id, user.real_name ?? user.name ?? user.id])),
    channels: new Map(channels.map((channel) => [channel.id, channel.name])),
  };
  const result: SlackExport = { messages: [], memberEvents: [], skipped: 0, ourTeamIds, problems: [] };

  for (const channel of channels) {
    const folder = join(directory, channel.name);
    if (!existsSync(folder)) continue;
    for (const day of readdirSync(folder)
      .filter((file) => file.endsWith('.json'))
      .sort()) {
      let raw: unknown[];
      try {
        raw = z.array(z.unknown()).parse(readJson(join(folder, day)));
      } catch (error) {
        result.problems.push(`${channel.name}/${day}: ${(error as Error).message}`);
        continue;
      }
      for (const item of raw) {
        const parsed = SlackMessageEventSchema.safeParse({ ...(item as object), channel: channel.id });
        if (!parsed.success) {
          result.skipped += 1;
          continue;
        }
        const event = parsed.data;
        const user = event.user ? usersById.get(event.user) : undefined;
        const name = user?.real_name ?? event.user_profile?.real_name ?? event.user ?? 'unknown';
        if (event.subtype === 'channel_leave' || event.subtype === 'channel_join') {
          if (event.user) {
            result.memberEvents.push({
              conversation: slackConversationRef(channel.id),
              kind: event.subtype === 'channel_leave' ? 'member-left' : 'member-joined',
              userId: event.user,
              name,
              at: slackTsToDate(event.ts),
            });
          }
          continue;
        }
        const human =
          event.user &&
          !event.bot_id &&
          (!event.subtype || ['thread_broadcast', 'file_share', 'me_message'].includes(event.subtype));
        if (!human || (!event.text && !event.files?.length) || user?.is_bot) {
          result.skipped += 1;
          continue;
        }
        const external = isExternalSlackAuthor({
          authorTeam: event.user_team ?? event.team ?? user?.team_id,
          ourTeamIds,
          user: user && {
            id: user.id,
            name,
            teamId: user.team_id,
            isStranger: user.is_stranger ?? false,
            isGuest: Boolean(user.is_restricted || user.is_ultra_restricted),
            isBot: user.is_bot ?? false,
          },
        });
        result.messages.push(
          toCustomerMessage(event, {
            author: {
              id: event.user ?? 'unknown',
              name,
              ...(user?.profile?.email ? { email: user.profile.email } : {}),
              external,
            },
            permalink: null,
            attachments: (event.files ?? []).map(toAttachment),
            names,
          }),
        );
      }
    }
  }
  result.messages.sort((a, b) => (a.sentAt as Date).getTime() - (b.sentAt as Date).getTime());
  return result;
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

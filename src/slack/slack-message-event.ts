import { z } from 'zod';

/**
 * The parts of Slack `message` events Verbatim reads, validated at the edge. Unknown fields pass
 * through (Slack adds fields over time). Shapes: node-slack-sdk packages/types/src/events/message.ts
 * and real payloads in /work/shared/fixtures/slack-events.
 */

const EmailAddressSchema = z.object({
  address: z.string().default(''),
  name: z.string().nullish(),
  original: z.string().nullish(),
});

export const SlackFileSchema = z.looseObject({
  id: z.string(),
  name: z.string().nullish(),
  title: z.string().nullish(),
  mimetype: z.string().nullish(),
  filetype: z.string().nullish(),
  /** Bytes. */
  size: z.number().nullish(),
  mode: z.string().nullish(),
  /** `check_file_info` on Slack Connect stubs: the real file needs files.info. */
  file_access: z.string().nullish(),
  user: z.string().nullish(),
  permalink: z.string().nullish(),
  // Email fields (filetype `email`, mode `email`), platform-facts §3.
  subject: z.string().nullish(),
  from: z.array(EmailAddressSchema).nullish(),
  plain_text: z.string().nullish(),
  preview_plain_text: z.string().nullish(),
  /** True when `plain_text` was cut short by Slack. */
  has_more: z.boolean().nullish(),
  headers: z.looseObject({ date: z.string().nullish(), message_id: z.string().nullish() }).nullish(),
  attachments: z
    .array(
      z.looseObject({
        filename: z.string().nullish(),
        name: z.string().nullish(),
        size: z.number().nullish(),
      }),
    )
    .nullish(),
});
export type SlackFile = z.infer<typeof SlackFileSchema>;

const UserProfileSchema = z.looseObject({
  real_name: z.string().nullish(),
  display_name: z.string().nullish(),
  name: z.string().nullish(),
  team: z.string().nullish(),
});

/** A posted message (no subtype, `thread_broadcast`, `file_share`, `me_message`, …). */
export const SlackMessageEventSchema = z.looseObject({
  type: z.literal('message'),
  subtype: z.string().optional(),
  channel: z.string(),
  ts: z.string().regex(/^\d+\.\d+$/),
  thread_ts: z.string().optional(),
  user: z.string().optional(),
  bot_id: z.string().optional(),
  text: z.string().default(''),
  /** The author's team, which in a Slack Connect channel is not ours. */
  team: z.string().optional(),
  user_team: z.string().optional(),
  source_team: z.string().optional(),
  user_profile: UserProfileSchema.optional(),
  files: z.array(SlackFileSchema).optional(),
  channel_type: z.string().optional(),
});
export type SlackMessageEvent = z.infer<typeof SlackMessageEventSchema>;

/** `message_changed`: the edited message is in `message`, its ts is the original's. */
export const SlackMessageChangedSchema = z.looseObject({
  type: z.literal('message'),
  subtype: z.literal('message_changed'),
  channel: z.string(),
  ts: z.string(),
  message: z.looseObject({
    ts: z.string(),
    text: z.string().default(''),
    user: z.string().optional(),
    thread_ts: z.string().optional(),
    edited: z.looseObject({ ts: z.string() }).optional(),
  }),
  previous_message: z.looseObject({ text: z.string().default('') }).optional(),
});
export type SlackMessageChanged = z.infer<typeof SlackMessageChangedSchema>;

export const SlackMessageDeletedSchema = z.looseObject({
  type: z.literal('message'),
  subtype: z.literal('message_deleted'),
  channel: z.string(),
  ts: z.string(),
  deleted_ts: z.string(),
});
export type SlackMessageDeleted = z.infer<typeof SlackMessageDeletedSchema>;

/** An email sent into a channel arrives as Slackbot's `file_share` of a file with filetype `email`. */
export function findSharedEmail(event: SlackMessageEvent): SlackFile | null {
  if (event.subtype !== 'file_share') return null;
  return event.files?.find((file) => file.filetype === 'email' || file.mode === 'email') ?? null;
}

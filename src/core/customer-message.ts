import { z } from 'zod';

export const SourcePlatformSchema = z.enum(['slack', 'teams', 'email']);
export type SourcePlatform = z.infer<typeof SourcePlatformSchema>;

export const AuthorSchema = z.object({
  /** Platform user id, or the email address for email. */
  id: z.string(),
  name: z.string(),
  email: z.string().optional(),
  /** True when the author belongs to the customer's organisation rather than ours. */
  external: z.boolean(),
});
export type Author = z.infer<typeof AuthorSchema>;

export const AttachmentSchema = z.object({
  name: z.string(),
  mimeType: z.string().optional(),
  /** Size in bytes when known. */
  sizeBytes: z.number().int().nonnegative().optional(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

export const ForwarderSchema = z.object({ name: z.string(), email: z.string() });

/**
 * One message as the customer wrote it. `text` is verbatim: never trimmed, paraphrased or redacted.
 * Refs (`conversation`, `thread`) are opaque strings owned by the adapter that made them, for
 * example `slack:C0123` and `slack:C0123:1712345678.000100`.
 */
export const CustomerMessageSchema = z.object({
  /** Idempotency key, unique across sources: `<platform>:<source-specific id>`. */
  id: z.string().min(3),
  platform: SourcePlatformSchema,
  /** The conversation the message was posted in (shared channel, mailbox). */
  conversation: z.string(),
  /**
   * The thread this message starts or belongs to, when the source has threads (a Slack message's
   * own ts for a top-level message, its `thread_ts` for a reply; an email's root Message-ID).
   */
  thread: z.string().nullable(),
  /** True when the message is a reply inside an existing thread rather than a new top-level message. */
  isReply: z.boolean().default(false),
  accountId: z.string().nullable(),
  author: AuthorSchema,
  text: z.string(),
  /** Instant the customer sent it. */
  sentAt: z.date(),
  permalink: z.string().nullable().default(null),
  attachments: z.array(AttachmentSchema).default([]),
  /** ISO 639-1 code when known. */
  language: z.string().nullable().default(null),
  subject: z.string().nullable().default(null),
  /** Staff member who forwarded an email on the customer's behalf. */
  forwardedBy: ForwarderSchema.nullable().default(null),
  /** Text the customer quoted (earlier emails, signatures): kept, shown on demand, not triaged. */
  quotedText: z.string().nullable().default(null),
});
export type CustomerMessage = z.infer<typeof CustomerMessageSchema>;
export type CustomerMessageInput = z.input<typeof CustomerMessageSchema>;

import { z } from 'zod';
import { AnalysisSchema } from '../core/analysis.ts';
import { AttachmentSchema, AuthorSchema, ForwarderSchema } from '../core/customer-message.ts';
import { DestinationSchema } from '../core/directory.ts';
import { FloorHitSchema } from '../core/floor.ts';
import type { Delivery, StoredMessage } from '../core/pipeline/request-store.ts';
import { PrioritySchema } from '../core/priority.ts';
import type { Request } from '../core/request.ts';
import { ActorSchema, RequestStateSchema } from '../core/request-state.ts';
import type { Transition } from '../core/request-transitions.ts';

// Rows are validated as they are read back: a row written by an older or broken version fails
// here, loudly, instead of deep inside the domain.

const date = z.coerce.date();
const nullableDate = date.nullable();

const RequestRowSchema = z.object({
  id: z.string(),
  account_id: z.string().nullable(),
  conversation: z.string(),
  thread: z.string().nullable(),
  state: RequestStateSchema,
  claimed_by: ActorSchema.nullable(),
  snoozed_until: nullableDate,
  team_id: z.string().nullable(),
  priority: PrioritySchema.nullable(),
  analysis: AnalysisSchema.nullable(),
  floor: z.array(FloorHitSchema),
  opened_at: date,
  last_message_at: date,
  routed_at: nullableDate,
  first_response_at: nullableDate,
  resolved_at: nullableDate,
  version: z.coerce.number().int(),
  // Read when selected (migration 11); older column lists leave it out.
  words_removed_at: nullableDate.optional(),
});

/** The columns `toRequest` reads. */
export const REQUEST_COLUMNS = `id, account_id, conversation, thread, state, claimed_by, snoozed_until, team_id, priority,
  analysis, floor, opened_at, last_message_at, routed_at, first_response_at, resolved_at, version, words_removed_at`;

export function toRequest(row: unknown): Request {
  const r = RequestRowSchema.parse(row);
  return {
    id: r.id,
    accountId: r.account_id,
    conversation: r.conversation,
    thread: r.thread,
    state: r.state,
    claimedBy: r.claimed_by,
    snoozedUntil: r.snoozed_until,
    teamId: r.team_id,
    priority: r.priority,
    analysis: r.analysis,
    floor: r.floor,
    openedAt: r.opened_at,
    lastMessageAt: r.last_message_at,
    routedAt: r.routed_at,
    firstResponseAt: r.first_response_at,
    resolvedAt: r.resolved_at,
    version: r.version,
    wordsRemovedAt: r.words_removed_at ?? null,
  };
}

const MessageRowSchema = z.object({
  id: z.string(),
  platform: z.enum(['slack', 'teams', 'email']),
  conversation: z.string(),
  thread: z.string().nullable(),
  is_reply: z.boolean(),
  account_id: z.string().nullable(),
  author: AuthorSchema,
  text: z.string(),
  sent_at: date,
  permalink: z.string().nullable(),
  attachments: z.array(AttachmentSchema),
  language: z.string().nullable(),
  subject: z.string().nullable(),
  forwarded_by: ForwarderSchema.nullable(),
  quoted_text: z.string().nullable(),
  kind: z.enum(['customer', 'staff', 'noise']),
  request_id: z.string().nullable(),
  edited_at: nullableDate,
  deleted_at: nullableDate,
  body_removed_at: nullableDate.optional(),
});

export function toStoredMessage(row: unknown): StoredMessage {
  const r = MessageRowSchema.parse(row);
  return {
    id: r.id,
    platform: r.platform,
    conversation: r.conversation,
    thread: r.thread,
    isReply: r.is_reply,
    accountId: r.account_id,
    author: r.author,
    text: r.text,
    sentAt: r.sent_at,
    permalink: r.permalink,
    attachments: r.attachments,
    language: r.language,
    subject: r.subject,
    forwardedBy: r.forwarded_by,
    quotedText: r.quoted_text,
    kind: r.kind,
    requestId: r.request_id,
    editedAt: r.edited_at,
    deletedAt: r.deleted_at,
    bodyRemovedAt: r.body_removed_at ?? null,
  };
}

const TransitionRowSchema = z.object({
  request_id: z.string(),
  kind: z.string(),
  from_state: RequestStateSchema,
  to_state: RequestStateSchema,
  actor: ActorSchema,
  at: date,
  detail: z.record(z.string(), z.string()),
});

export function toTransition(row: unknown): Transition {
  const r = TransitionRowSchema.parse(row);
  return {
    requestId: r.request_id,
    kind: r.kind as Transition['kind'],
    from: r.from_state,
    to: r.to_state,
    actor: r.actor,
    at: r.at,
    detail: r.detail,
  };
}

const DeliveryRowSchema = z.object({
  key: z.string(),
  status: z.enum(['posting', 'posted']),
  post_id: z.string().nullable(),
  destination: DestinationSchema,
  attempt_started_at: date,
});

export function toDelivery(row: unknown): Delivery {
  const r = DeliveryRowSchema.parse(row);
  return {
    key: r.key,
    status: r.status,
    postId: r.post_id,
    destination: r.destination,
    attemptStartedAt: r.attempt_started_at,
  };
}

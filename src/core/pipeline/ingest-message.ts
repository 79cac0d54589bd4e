import {
  type CustomerMessage,
  type CustomerMessageInput,
  CustomerMessageSchema,
} from '../customer-message.ts';
import { decideGrouping } from '../grouping.ts';
import { classifyNoise } from '../noise-filter.ts';
import type { IngestOutcome } from '../ports.ts';
import type { Request } from '../request.ts';
import { applyCommand } from '../request-transitions.ts';
import { resolveAccount } from '../resolve-account.ts';
import type { PipelineDeps } from './pipeline-deps.ts';
import type { IngestTx, RequestStore } from './request-store.ts';

/**
 * Persists one message and decides what it means, in one transaction per conversation so that
 * concurrent deliveries of one conversation group consistently. Idempotent by message id: a
 * duplicate delivery changes nothing and says so.
 */
export async function ingestMessage(deps: PipelineDeps, input: CustomerMessageInput): Promise<IngestOutcome> {
  const message = prepareMessage(deps, input);
  return deps.store.atomically(`conversation:${message.conversation}`, async (tx) =>
    message.author.external ? ingestCustomerMessage(deps, tx, message) : ingestStaffMessage(tx, message),
  );
}

/** Validates the input and settles its account from the directory. Throws on an invalid message. */
export function prepareMessage(deps: PipelineDeps, input: CustomerMessageInput): CustomerMessage {
  const parsed = CustomerMessageSchema.parse(input);
  const account =
    parsed.accountId !== null
      ? (deps.directory.accounts.find((candidate) => candidate.id === parsed.accountId) ?? null)
      : resolveAccount(deps.directory.accounts, {
          conversation: parsed.conversation,
          email: parsed.author.email,
        });
  return { ...parsed, accountId: account?.id ?? parsed.accountId };
}

/**
 * A customer's message inside the transaction that holds its conversation's lock: stored as noise,
 * or stored and grouped. The same code runs for one message and for a batch (ingest-messages.ts).
 */
export async function ingestCustomerMessage(
  deps: PipelineDeps,
  tx: IngestTx,
  message: CustomerMessage,
): Promise<IngestOutcome> {
  const noise = classifyNoise(message.text, { patterns: deps.settings.noisePatterns });
  if (noise.noise && message.attachments.length === 0) {
    const inserted = await tx.insertMessage(message, 'noise');
    return { status: inserted ? 'noise' : 'duplicate', messageId: message.id };
  }
  if (!(await tx.insertMessage(message, 'customer'))) return { status: 'duplicate', messageId: message.id };
  return groupCustomerMessage(deps, tx, message);
}

async function groupCustomerMessage(
  deps: PipelineDeps,
  tx: IngestTx,
  message: CustomerMessage,
): Promise<IngestOutcome> {
  const candidate = await findCandidate(tx, message);
  const decision = decideGrouping({
    message: {
      conversation: message.conversation,
      thread: message.isReply || isThreadOnly(message) ? message.thread : null,
      accountId: message.accountId,
      sentAt: message.sentAt,
      threadOnly: isThreadOnly(message),
    },
    candidate: candidate && {
      requestId: candidate.id,
      conversation: candidate.conversation,
      thread: candidate.thread,
      accountId: candidate.accountId,
      lastMessageAt: candidate.lastMessageAt,
      routed: candidate.routedAt !== null,
      state: candidate.state,
    },
    windowMinutes: deps.settings.groupingWindowMinutes,
  });

  if (decision.kind === 'new' || !candidate) {
    const request = newRequest(message);
    await tx.createRequest(request);
    await tx.attachMessage(message.id, request.id);
    // Triage is ordered per request, not per conversation: a triage reads only its own request,
    // and a conversation-wide key let one failing or orphaned job hold up every later request
    // of that customer channel (pg-boss keeps a key blocked while a job of it is active, retrying
    // or failed).
    await tx.enqueue({
      queue: 'triage',
      data: { requestId: request.id },
      key: request.id,
      delaySeconds: deps.settings.triageDelaySeconds,
    });
    return { status: 'accepted', messageId: message.id, requestId: request.id };
  }

  await tx.attachMessage(message.id, candidate.id);
  const lastMessageAt = new Date(Math.max(message.sentAt.getTime(), candidate.lastMessageAt.getTime()));
  await tx.saveRequest({ ...candidate, lastMessageAt });
  if (decision.kind === 'join') {
    // Triage reads every message of the request when it runs; a request already triaged but not
    // yet posted is triaged again so the analysis covers the new words too. A triage running right
    // now notices the new message when it stores its result and schedules one more itself.
    if (candidate.analysis) {
      await tx.enqueue({ queue: 'triage', data: { requestId: candidate.id }, key: candidate.id });
    }
    return { status: 'accepted', messageId: message.id, requestId: candidate.id };
  }
  await tx.enqueue({
    queue: 'deliver',
    data: { requestId: candidate.id, messageId: message.id, kind: 'follow-up' },
    key: candidate.id,
  });
  // A follow-up meets the floor (and the analyzer) again over the whole request: "production is
  // completely down now" under a P4 request must not stay P4.
  await tx.enqueue({ queue: 'triage', data: { requestId: candidate.id }, key: candidate.id });
  return { status: 'follow-up', messageId: message.id, requestId: candidate.id };
}

async function findCandidate(tx: IngestTx, message: CustomerMessage): Promise<Request | null> {
  if ((message.isReply || isThreadOnly(message)) && message.thread) {
    const threadRequest = await tx.findRequestByThread(message.thread);
    if (threadRequest || isThreadOnly(message)) return threadRequest;
  }
  return tx.findLatestRequest(message.conversation, message.accountId);
}

/** A mail's conversation is its mailbox, shared by every sender: only its thread relates it to others. */
function isThreadOnly(message: CustomerMessage): boolean {
  return message.platform === 'email';
}

/** A staff reply in the customer's thread answers the request and stops its SLA clock. */
async function ingestStaffMessage(tx: RequestStore, message: CustomerMessage): Promise<IngestOutcome> {
  if (!(await tx.insertMessage(message, 'staff'))) return { status: 'duplicate', messageId: message.id };
  if (!message.isReply || !message.thread)
    return { status: 'staff-reply', messageId: message.id, requestId: null };
  const request = await tx.findRequestByThread(message.thread);
  if (!request || request.firstResponseAt !== null || request.state === 'resolved') {
    return { status: 'staff-reply', messageId: message.id, requestId: request?.id ?? null };
  }
  const result = applyCommand(
    request,
    { kind: 'answer' },
    { id: message.author.id, name: message.author.name },
    message.sentAt,
  );
  if (result.ok) {
    await tx.saveRequest(result.request);
    await tx.recordTransition(result.transition);
    if (result.request.routedAt) {
      await tx.enqueue({
        queue: 'deliver',
        data: { requestId: request.id, kind: 'update' },
        key: request.id,
      });
    }
  }
  return { status: 'staff-reply', messageId: message.id, requestId: request.id };
}

function newRequest(message: CustomerMessage): Request {
  return {
    id: `req_${message.id}`,
    accountId: message.accountId,
    conversation: message.conversation,
    thread: message.thread,
    state: 'open',
    claimedBy: null,
    snoozedUntil: null,
    teamId: null,
    priority: null,
    analysis: null,
    floor: [],
    openedAt: message.sentAt,
    lastMessageAt: message.sentAt,
    routedAt: null,
    firstResponseAt: null,
    resolvedAt: null,
    version: 0,
  };
}

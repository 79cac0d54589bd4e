import type { Logger } from 'pino';
import type { AdapterContext } from '../adapter-contract.ts';
import type { RequestStore, StoredMessage } from '../core/pipeline/request-store.ts';
import type { IngestOutcome } from '../core/ports.ts';
import type { Request } from '../core/request.ts';
import type { RequestCommand } from '../core/request-state.ts';
import { resolveAccount } from '../core/resolve-account.ts';
import {
  activityText,
  baseConversationId,
  type TeamsInboundActivity,
  teamsConversationRef,
  teamsMessageId,
} from './teams-inbound-activity.ts';
import type { TeamsMemberDirectory } from './teams-member-directory.ts';
import { reactionName } from './teams-reaction-names.ts';
import { toCustomerMessage } from './to-customer-message.ts';

/**
 * Where the Teams listener hands every inbound activity it relays, before Teams gets its answer.
 * The adapter's default writes it raw to the durable inbox (teams-inbox-ingest.ts) and a job runs
 * `handleTeamsActivity` from there; `createDirectTeamsIngest` handles it at once, in the request,
 * for code that asks for that explicitly.
 */
export interface TeamsIngest {
  receive(activity: TeamsInboundActivity): Promise<void>;
}

export interface TeamsIngestDeps {
  context: Pick<
    AdapterContext,
    'ingest' | 'store' | 'directory' | 'recordAccountEvent' | 'applyCommand' | 'clock' | 'config'
  >;
  members: TeamsMemberDirectory;
  logger: Logger;
  /** Our Entra tenant: members of any other tenant are external (the customer). */
  ourTenantId: string;
}

export function createDirectTeamsIngest(deps: TeamsIngestDeps): TeamsIngest {
  return {
    async receive(activity) {
      await handleTeamsActivity(deps, activity);
    },
  };
}

/** What a relayed activity became (for logs and tests). */
export type TeamsActivityOutcome =
  | { kind: 'message'; outcome: IngestOutcome }
  | { kind: 'edited' | 'deleted' | 'member-left' | 'member-joined' | 'reaction'; detail?: string }
  | { kind: 'ignored'; reason: string };

/** The activity types `handleTeamsActivity` acts on; any other it ignores, so none is worth storing. */
export const HANDLED_TEAMS_ACTIVITY_TYPES: ReadonlySet<string> = new Set([
  'message',
  'messageUpdate',
  'messageDelete',
  'conversationUpdate',
  'messageReaction',
]);

/** Maps one Teams activity to the pipeline: messages, edits, deletions, members leaving, reactions. */
export async function handleTeamsActivity(
  deps: TeamsIngestDeps,
  activity: TeamsInboundActivity,
): Promise<TeamsActivityOutcome> {
  switch (activity.type) {
    case 'message':
      return ingestMessage(deps, activity);
    case 'messageUpdate':
      return activity.channelData?.eventType === 'softDeleteMessage'
        ? applyDeletion(deps, activity)
        : applyEdit(deps, activity);
    case 'messageDelete':
      return applyDeletion(deps, activity);
    case 'conversationUpdate':
      return recordMembership(deps, activity);
    case 'messageReaction':
      return applyReactions(deps, activity);
    default:
      return { kind: 'ignored', reason: `activity type ${activity.type}` };
  }
}

function isCustomerConversation(deps: TeamsIngestDeps, conversationId: string): boolean {
  const ref = teamsConversationRef(conversationId);
  return deps.context.directory.accounts.some((account) => account.channels.includes(ref));
}

async function isExternal(deps: TeamsIngestDeps, activity: TeamsInboundActivity): Promise<boolean> {
  const userId = activity.from.aadObjectId ?? activity.from.id;
  const member = await deps.members.lookup(activity.conversation.id, userId);
  // Unknown to the roster (e.g. left already): counted as the customer's, so no customer word is lost.
  if (!member?.tenantId) return true;
  return member.tenantId !== deps.ourTenantId;
}

async function ingestMessage(
  deps: TeamsIngestDeps,
  activity: TeamsInboundActivity,
): Promise<TeamsActivityOutcome> {
  if (!activity.id) return { kind: 'ignored', reason: 'no id' };
  if (activity.from.id === activity.recipient?.id || activity.from.id.startsWith('28:'))
    return { kind: 'ignored', reason: 'a bot' };
  const conversationType = activity.conversation.conversationType;
  if (conversationType && conversationType !== 'channel' && conversationType !== 'groupChat')
    return { kind: 'ignored', reason: `${conversationType} conversation` };
  const mapped = isCustomerConversation(deps, activity.conversation.id);
  const external = await isExternal(deps, activity);
  // Our own people talking in our own channels are not customers; an external author in a
  // channel no account claims is (routed as unmapped, with an offer to map it).
  if (!mapped && !external) return { kind: 'ignored', reason: 'internal conversation' };
  const outcome = await deps.context.ingest(
    toCustomerMessage(activity, {
      id: activity.from.aadObjectId ?? activity.from.id,
      name: activity.from.name ?? activity.from.id,
      external,
    }),
  );
  deps.logger.info(
    { conversationId: baseConversationId(activity.conversation.id), status: outcome.status, external },
    'teams message ingested',
  );
  return { kind: 'message', outcome };
}

async function applyEdit(
  deps: TeamsIngestDeps,
  activity: TeamsInboundActivity,
): Promise<TeamsActivityOutcome> {
  if (!activity.id) return { kind: 'ignored', reason: 'no id' };
  const id = teamsMessageId(activity.conversation.id, activity.id);
  const stored = await deps.context.store.getMessage(id);
  if (!stored) return { kind: 'ignored', reason: 'not a stored message' };
  const text = activityText(activity);
  if (text === stored.text) return { kind: 'ignored', reason: 'text unchanged' };
  const at = activity.timestamp ? new Date(activity.timestamp) : deps.context.clock.now();
  await rerender(deps.context.store, stored, (tx) => tx.editMessage(id, text, at));
  deps.logger.info({ messageId: id, requestId: stored.requestId }, 'customer edited a Teams message');
  return { kind: 'edited' };
}

async function applyDeletion(
  deps: TeamsIngestDeps,
  activity: TeamsInboundActivity,
): Promise<TeamsActivityOutcome> {
  if (!activity.id) return { kind: 'ignored', reason: 'no id' };
  const id = teamsMessageId(activity.conversation.id, activity.id);
  const stored = await deps.context.store.getMessage(id);
  if (!stored || stored.deletedAt) return { kind: 'ignored', reason: 'not a stored message' };
  const at = activity.timestamp ? new Date(activity.timestamp) : deps.context.clock.now();
  await rerender(deps.context.store, stored, (tx) => tx.markMessageDeleted(id, at));
  deps.logger.info({ messageId: id, requestId: stored.requestId }, 'customer deleted a Teams message');
  return { kind: 'deleted' };
}

async function rerender(
  store: RequestStore,
  stored: StoredMessage,
  change: (tx: RequestStore) => Promise<unknown>,
): Promise<void> {
  const { requestId } = stored;
  await store.atomically(`request:${requestId ?? stored.id}`, async (tx) => {
    await change(tx);
    if (!requestId) return;
    const request = await tx.getRequest(requestId);
    if (request?.routedAt)
      await tx.enqueue({ queue: 'deliver', data: { requestId, kind: 'update' }, key: requestId });
  });
}

/** Customer contacts joining or leaving a customer channel are stakeholder signals (DESIGN §6). */
async function recordMembership(
  deps: TeamsIngestDeps,
  activity: TeamsInboundActivity,
): Promise<TeamsActivityOutcome> {
  const conversationId = activity.channelData?.channel?.id ?? activity.conversation.id;
  if (!isCustomerConversation(deps, conversationId))
    return { kind: 'ignored', reason: 'not a customer channel' };
  const conversation = teamsConversationRef(conversationId);
  const accountId = resolveAccount(deps.context.directory.accounts, { conversation })?.id ?? null;
  const at = activity.timestamp ? new Date(activity.timestamp) : deps.context.clock.now();
  let recorded: TeamsActivityOutcome = { kind: 'ignored', reason: 'no external member changed' };
  for (const member of activity.membersAdded ?? []) {
    const known = await deps.members.lookup(conversationId, member.aadObjectId ?? member.id);
    if (!known?.tenantId || known.tenantId === deps.ourTenantId) continue;
    await deps.context.recordAccountEvent({
      accountId,
      conversation,
      kind: 'member-joined',
      actor: { id: known.aadObjectId ?? known.id, name: known.name ?? known.id },
      at,
    });
    recorded = { kind: 'member-joined' };
  }
  for (const member of activity.membersRemoved ?? []) {
    // Someone who left is no longer in the roster: what we learnt of them before decides.
    const known =
      (await deps.members.cached(conversationId, member.aadObjectId ?? member.id)) ??
      (await deps.members.cached(conversationId, member.id));
    if (!known?.tenantId || known.tenantId === deps.ourTenantId) continue;
    await deps.context.recordAccountEvent({
      accountId,
      conversation,
      kind: 'member-left',
      actor: { id: known.aadObjectId ?? known.id, name: known.name ?? known.id },
      at,
    });
    recorded = { kind: 'member-left' };
  }
  if (recorded.kind !== 'ignored')
    deps.logger.info({ conversation, kind: recorded.kind }, 'customer contact membership change recorded');
  return recorded;
}

/** 👀 / ✅ (as configured in `reactions`) on a routed card claim and resolve; removing them undoes it. */
async function applyReactions(
  deps: TeamsIngestDeps,
  activity: TeamsInboundActivity,
): Promise<TeamsActivityOutcome> {
  const postId = activity.replyToId;
  if (!postId) return { kind: 'ignored', reason: 'no message' };
  const request = await deps.context.store.findRequestByPost({
    destination: { platform: 'teams', conversationId: baseConversationId(activity.conversation.id) },
    id: postId,
  });
  if (!request) return { kind: 'ignored', reason: 'not a routed post' };
  const { claim, resolve } = deps.context.config.file.reactions;
  const actor = { id: activity.from.aadObjectId ?? activity.from.id, name: activity.from.name };
  const changes = [
    ...(activity.reactionsAdded ?? []).map((reaction) => ({ reaction, change: 'added' as const })),
    ...(activity.reactionsRemoved ?? []).map((reaction) => ({ reaction, change: 'removed' as const })),
  ];
  let applied = 'none';
  for (const { reaction, change } of changes) {
    const name = reactionName(reaction.type);
    const meaning = claim.includes(name) ? 'claim' : resolve.includes(name) ? 'resolve' : null;
    if (!meaning) continue;
    const current = (await deps.context.store.getRequest(request.id)) ?? request;
    const command = commandFor(meaning, change, current, actor.id);
    if (!command) continue;
    const outcome = await deps.context.applyCommand({
      requestId: request.id,
      command,
      actor: actor.name ? { id: actor.id, name: actor.name } : { id: actor.id },
    });
    applied = command.kind;
    deps.logger.info(
      { requestId: request.id, command: command.kind, ok: outcome.ok },
      'reaction on a routed card',
    );
  }
  return { kind: 'reaction', detail: applied };
}

function commandFor(
  meaning: 'claim' | 'resolve',
  change: 'added' | 'removed',
  request: Request,
  user: string,
): RequestCommand | null {
  if (change === 'added') return { kind: meaning };
  if (meaning === 'claim') {
    return request.state === 'claimed' && request.claimedBy?.id === user ? { kind: 'unclaim' } : null;
  }
  return request.state === 'resolved' ? { kind: 'reopen' } : null;
}

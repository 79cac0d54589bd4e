import type { Account } from '../../core/directory.ts';
import { chooseRoute } from '../../core/routing.ts';
import { parseSlackConversationRef } from '../slack-refs.ts';
import type { SlackListenerDeps } from './slack-listener-deps.ts';

export type MapOutcome = { ok: true; account: Account; teamId: string } | { ok: false; reason: string };

/**
 * "Map to account" on an unmapped routed post: the shared channel becomes one of the account's
 * channels (stored like an imported account, so it survives restarts, and applied to this
 * process's directory at once), the request takes the account and the route it implies, and the
 * request is posted into its team's channel. Other replicas see the mapping after a restart.
 */
export async function mapToAccount(
  deps: SlackListenerDeps,
  input: { requestId: string; accountId: string; actorId: string },
): Promise<MapOutcome> {
  const { context } = deps;
  const account = context.directory.accounts.find((candidate) => candidate.id === input.accountId);
  if (!account) return { ok: false, reason: `There is no account "${input.accountId}".` };
  const request = await context.store.getRequest(input.requestId);
  if (!request) return { ok: false, reason: 'This request no longer exists.' };
  if (request.accountId !== null)
    return { ok: false, reason: 'This request is already mapped to an account.' };

  const mapped: Account = account.channels.includes(request.conversation)
    ? account
    : { ...account, channels: [...account.channels, request.conversation] };
  if (parseSlackConversationRef(request.conversation)) {
    await context.upsertAccount(mapped, `slack-map:${input.actorId}`);
  }
  const route = chooseRoute({
    directory: context.directory,
    account: mapped,
    topics: request.analysis?.topics ?? [],
    priority: request.priority ?? 'P3',
  });
  await context.store.atomically(`request:${request.id}`, async (tx) => {
    const current = await tx.getRequest(request.id);
    if (!current || current.accountId !== null) return;
    await tx.saveRequest({ ...current, accountId: mapped.id, teamId: route.team.id });
    // Posts the request into the team's channel (the destination changed from the unmapped one).
    await tx.enqueue({ queue: 'deliver', data: { requestId: request.id, kind: 'post' }, key: request.id });
  });
  deps.logger.info(
    { requestId: request.id, account: mapped.id, team: route.team.id, by: input.actorId },
    'conversation mapped to an account',
  );
  return { ok: true, account: mapped, teamId: route.team.id };
}

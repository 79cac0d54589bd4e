import type { AdapterContext } from '../../adapter-contract.ts';
import type { Account } from '../../core/directory.ts';
import { chooseRoute } from '../../core/routing.ts';

/**
 * "Map to account" on an unmapped routed card: the Teams channel becomes one of the account's
 * channels (stored like an imported account, so it survives restarts, and applied to this
 * process's directory at once), the request takes the account and its route, and is posted into
 * its team's channel.
 */
export async function mapTeamsRequestToAccount(
  context: Pick<AdapterContext, 'directory' | 'store' | 'upsertAccount'>,
  input: { requestId: string; accountId: string; actorId: string },
): Promise<{ ok: true; account: Account } | { ok: false; reason: string }> {
  const account = context.directory.accounts.find((candidate) => candidate.id === input.accountId);
  if (!account) return { ok: false, reason: `There is no account "${input.accountId}".` };
  const request = await context.store.getRequest(input.requestId);
  if (!request) return { ok: false, reason: 'This request no longer exists.' };
  if (request.accountId !== null)
    return { ok: false, reason: 'This request is already mapped to an account.' };
  if (!request.conversation.startsWith('teams:'))
    return { ok: false, reason: 'Only Teams conversations are mapped here.' };
  const mapped: Account = account.channels.includes(request.conversation)
    ? account
    : { ...account, channels: [...account.channels, request.conversation] };
  await context.upsertAccount(mapped, `teams-map:${input.actorId}`);
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
    await tx.enqueue({ queue: 'deliver', data: { requestId: request.id, kind: 'post' }, key: request.id });
  });
  return { ok: true, account: mapped };
}

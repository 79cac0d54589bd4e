import type { AdapterContext } from '../../adapter-contract.ts';
import { RECENT_SNAPSHOT_DAYS } from '../../core/health/health-store.ts';
import { activityText, type TeamsInboundActivity } from '../teams-inbound-activity.ts';
import type { TeamsMemberDirectory } from '../teams-member-directory.ts';
import { cardAttachment } from '../views/adaptive-card.ts';
import { renderTeamsHomeCard } from '../views/home-card.ts';

/** Words that ask for the home view in a personal chat with the bot. */
const HOME_WORDS = /^(home|my requests|requests|hi|hello|help)$/i;

/** True for a personal-chat message asking for the home view (`home`, `my requests`, a greeting). */
export function isHomeChat(activity: TeamsInboundActivity): boolean {
  if (activity.type !== 'message' || activity.conversation.conversationType !== 'personal') return false;
  const text = activityText(activity).trim();
  return HOME_WORDS.test(text);
}

/**
 * The home card for the person writing: their accounts (as owner, by Entra object id) with health,
 * the requests they claimed, and the open requests of every team whose Teams channel they belong
 * to (membership from the cached member directory, as Slack's App Home reads its channels).
 */
export async function answerHomeChat(
  context: Pick<AdapterContext, 'requestLists' | 'directory' | 'health'>,
  members: Pick<TeamsMemberDirectory, 'lookup'>,
  activity: TeamsInboundActivity,
): Promise<{ type: 'message'; attachments: ReturnType<typeof cardAttachment>[] }> {
  const userId = activity.from.aadObjectId ?? activity.from.id;
  const claimed = await context.requestLists.listClaimed(userId);
  const teams: Array<{
    name: string;
    open: Awaited<ReturnType<typeof context.requestLists.listOpenForTeam>>;
  }> = [];
  for (const team of context.directory.teams) {
    if (team.destination.platform !== 'teams') continue;
    const member = await members.lookup(team.destination.conversationId, userId).catch(() => null);
    if (member) teams.push({ name: team.name, open: await context.requestLists.listOpenForTeam(team.id) });
  }
  const { health } = context;
  const latest = await health.store.latestSnapshots(health.clock.now().toISOString().slice(0, 10), {
    factors: false,
    withinDays: RECENT_SNAPSHOT_DAYS,
  });
  const accounts = await Promise.all(
    health
      .accounts()
      .filter((account) => account.owner === userId)
      .map(async (account) => {
        const snapshot = latest.get(account.id);
        return {
          name: account.name,
          score: snapshot?.score ?? null,
          band: snapshot?.band ?? null,
          openRequests: await context.requestLists.countOpen(account.id),
          topReason: snapshot?.topReason ?? null,
        };
      }),
  );
  const accountName = (accountId: string | null) =>
    context.directory.accounts.find((account) => account.id === accountId)?.name ?? 'Unmapped conversation';
  return {
    type: 'message',
    attachments: [cardAttachment(renderTeamsHomeCard({ accounts, claimed, teams, accountName }))],
  };
}

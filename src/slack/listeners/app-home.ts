import type { App } from '@slack/bolt';
import type { RequestListItem } from '../../storage/request-queries.ts';
import { type HomeAccount, type HomeRequest, renderAppHome } from '../views/app-home-view.ts';
import { composePermalink } from './find-permalink.ts';
import type { SlackListenerDeps } from './slack-listener-deps.ts';

/** How long a channel's member list is trusted for "which teams am I in" (ms). */
const MEMBERS_TTL_MS = 5 * 60_000;

export function registerAppHome(app: App, deps: SlackListenerDeps, home: AppHomePublisher): void {
  app.event('app_home_opened', async ({ event }) => {
    const opened = event as unknown as { user: string; tab?: string };
    if (opened.tab !== undefined && opened.tab !== 'home') return;
    deps.later('publish App Home', () => home.publish(opened.user));
  });
}

export interface AppHomePublisher {
  publish(userId: string): Promise<void>;
}

/**
 * Publishes a user's App Home: the requests they claimed, and the open requests of every team
 * whose Slack channel they are a member of (that is how Slack tells us who is in which team).
 */
export function createAppHomePublisher(deps: SlackListenerDeps): AppHomePublisher {
  const members = new Map<string, { users: Set<string>; until: number }>();

  async function channelMembers(channel: string): Promise<Set<string>> {
    const cached = members.get(channel);
    if (cached && cached.until > Date.now()) return cached.users;
    const users = new Set<string>();
    let cursor: string | undefined;
    for (let page = 0; page < 20; page += 1) {
      const response = await deps.client.conversations.members({
        channel,
        limit: 1000,
        ...(cursor ? { cursor } : {}),
      });
      for (const id of response.members ?? []) users.add(id);
      cursor = response.response_metadata?.next_cursor || undefined;
      if (!cursor) break;
    }
    members.set(channel, { users, until: Date.now() + MEMBERS_TTL_MS });
    return users;
  }

  function toHomeRequest(item: RequestListItem): HomeRequest {
    const account = deps.context.directory.accounts.find((candidate) => candidate.id === item.accountId);
    const post = item.routedPost;
    return {
      id: item.id,
      priority: item.priority,
      accountName: account?.name ?? 'Unmapped conversation',
      state: item.state,
      openedAt: item.openedAt,
      summary: item.summary,
      claimedBy: item.claimedBy,
      postUrl:
        post?.destination.platform === 'slack'
          ? composePermalink(deps.identity.workspaceUrl, post.destination.channel, post.id)
          : null,
    };
  }

  /** The viewer's accounts (as owner) with the latest two weeks of health snapshots. */
  async function ownedAccounts(userId: string): Promise<HomeAccount[]> {
    const { health } = deps.context;
    const owned = health.accounts().filter((account) => account.owner === userId);
    const since = new Date(health.clock.now().getTime() - 14 * 86_400_000).toISOString().slice(0, 10);
    return Promise.all(
      owned.map(async (account) => {
        const snapshots = await health.store.listSnapshots(account.id, since);
        const latest = snapshots.at(-1);
        return {
          id: account.id,
          name: account.name,
          score: latest?.score ?? null,
          band: latest?.band ?? null,
          trend: snapshots.map((snapshot) => snapshot.score),
          openRequests: await deps.context.requestLists.countOpen(account.id),
          topReason: latest?.topReason ?? null,
        };
      }),
    );
  }

  return {
    async publish(userId) {
      const { requestLists } = deps.context;
      const claimed = (await requestLists.listClaimed(userId)).map(toHomeRequest);
      const teams: Array<{ name: string; open: HomeRequest[] }> = [];
      for (const team of deps.context.directory.teams) {
        if (team.destination.platform !== 'slack') continue;
        const inTeam = await channelMembers(team.destination.channel).then(
          (users) => users.has(userId),
          (error: unknown) => {
            deps.logger.warn({ err: error, team: team.id }, 'cannot read team channel members for App Home');
            return false;
          },
        );
        if (inTeam)
          teams.push({
            name: team.name,
            open: (await requestLists.listOpenForTeam(team.id)).map(toHomeRequest),
          });
      }
      const accounts = await ownedAccounts(userId);
      const view = renderAppHome({ accounts, claimed, teams, now: deps.context.clock.now() });
      await deps.client.views.publish({ user_id: userId, view: view as never });
    },
  };
}

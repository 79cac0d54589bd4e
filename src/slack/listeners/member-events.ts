import type { App } from '@slack/bolt';
import { resolveAccount } from '../../core/resolve-account.ts';
import { classifyChannel } from '../classify-channel.ts';
import { isExternalSlackAuthor } from '../classify-slack-author.ts';
import { slackConversationRef } from '../slack-refs.ts';
import { oncePerEvent } from './once-per-event.ts';
import { ourTeamIds, type SlackListenerDeps } from './slack-listener-deps.ts';

interface MemberEvent {
  user: string;
  channel: string;
  team?: string;
  event_ts?: string;
}

/**
 * Customer contacts joining or leaving a shared channel are stakeholder signals for account
 * health (DESIGN §6: contacts who left are a churn signal). Only external users are recorded.
 */
export function registerMemberEvents(app: App, deps: SlackListenerDeps): void {
  for (const type of ['member_joined_channel', 'member_left_channel'] as const) {
    app.event(type, async ({ event, body }) => {
      const member = event as unknown as MemberEvent;
      const kind = classifyChannel({
        channel: member.channel,
        accounts: deps.context.directory.accounts,
        feedbackChannels: [],
        isExtShared: (body as { is_ext_shared_channel?: boolean }).is_ext_shared_channel === true,
      });
      if (kind !== 'customer' && kind !== 'unmapped') return;
      if (member.user === deps.identity.botUserId) return;
      await oncePerEvent(deps, (body as { event_id?: string }).event_id, async () => {
        const user = await deps.users.lookup(member.user);
        if (!isExternalSlackAuthor({ authorTeam: member.team, ourTeamIds: ourTeamIds(deps.identity), user }))
          return;
        const conversation = slackConversationRef(member.channel);
        const eventTime = (body as { event_time?: number }).event_time;
        await deps.context.recordAccountEvent({
          accountId: resolveAccount(deps.context.directory.accounts, { conversation })?.id ?? null,
          conversation,
          kind: type === 'member_joined_channel' ? 'member-joined' : 'member-left',
          actor: { id: member.user, name: user?.name ?? member.user },
          at: eventTime ? new Date(eventTime * 1000) : deps.context.clock.now(),
          ...(user?.title ? { detail: { title: user.title } } : {}),
        });
        deps.logger.info(
          { channel: member.channel, user: member.user, kind: type },
          'customer contact membership change recorded',
        );
      });
    });
  }
}

import type { Account } from '../../core/directory.ts';
import { resolveAccount } from '../../core/resolve-account.ts';
import { teamsMessageText } from '../teams-html-to-text.ts';
import type { TeamsInboundActivity } from '../teams-inbound-activity.ts';
import {
  type AccountHealthView,
  renderAccountHealthCard,
  renderNoticeCard,
} from '../views/account-health-card.ts';
import { type AdaptiveCard, cardAttachment } from '../views/adaptive-card.ts';

/** Reads an account's explained health; null while health is not available (the health model is not wired). */
export type ReadAccountHealth = (account: Account) => Promise<AccountHealthView | null>;

export const HEALTH_NOT_AVAILABLE =
  'Account health is not available yet: Verbatim is collecting the signals it needs. Once it is, `churn acme` here explains an account’s health.';

/**
 * `churn <account>` in a personal chat with the bot, or `@Verbatim churn <account>` in a channel:
 * the account's explained health as a card, or why not. A channel command is answered privately
 * (`where: 'private'`, in a 1:1 chat): a channel is visible to everyone there, customers included
 * in a shared channel. Returns null when the message is not a churn command.
 */
export async function answerChurnChat(
  activity: TeamsInboundActivity,
  deps: { accounts: Account[]; readHealth: ReadAccountHealth | null },
): Promise<{
  where: 'here' | 'private';
  activity: { type: 'message'; attachments: ReturnType<typeof cardAttachment>[] };
} | null> {
  if (activity.type !== 'message') return null;
  const personal = activity.conversation.conversationType === 'personal';
  const mentionsBot = (activity.entities ?? []).some(
    (entity) =>
      entity.type === 'mention' &&
      (entity.mentioned as { id?: string } | undefined)?.id === activity.recipient?.id,
  );
  if (!personal && !mentionsBot) return null;
  const html = activity.attachments?.find((attachment) => attachment.contentType === 'text/html')?.content;
  const text = teamsMessageText({ text: activity.text, html: typeof html === 'string' ? html : null })
    .replace(/^\s*@\S+(?:\s+\S+)*?\s+(?=churn\b)/i, '')
    .trim();
  const match = /^churn(?:\s+(.+))?$/i.exec(text);
  if (!match) return null;
  const card = await churnCard(match[1]?.trim() ?? '', deps);
  return {
    where: personal ? 'here' : 'private',
    activity: { type: 'message', attachments: [cardAttachment(card)] },
  };
}

async function churnCard(
  query: string,
  deps: { accounts: Account[]; readHealth: ReadAccountHealth | null },
): Promise<AdaptiveCard> {
  if (!query) return renderNoticeCard('Which account? Write `churn <account name or id>`.');
  const lowered = query.toLowerCase();
  const account =
    deps.accounts.find((candidate) => candidate.id === lowered || candidate.name.toLowerCase() === lowered) ??
    deps.accounts.find((candidate) => candidate.name.toLowerCase().includes(lowered)) ??
    resolveAccount(deps.accounts, { email: `x@${lowered}` });
  if (!account) return renderNoticeCard(`No account matches “${query}”.`);
  const health = deps.readHealth ? await deps.readHealth(account) : null;
  return health ? renderAccountHealthCard(health) : renderNoticeCard(HEALTH_NOT_AVAILABLE);
}

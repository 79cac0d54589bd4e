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
 * `churn <account>` in a personal chat with the bot: the account's explained health as a card, or
 * why not. Only in personal chats: commands in a channel are visible to everyone there, customers
 * included in a shared channel. Returns null when the message is not a churn command.
 */
export async function answerChurnChat(
  activity: TeamsInboundActivity,
  deps: { accounts: Account[]; readHealth: ReadAccountHealth | null },
): Promise<{ type: 'message'; attachments: ReturnType<typeof cardAttachment>[] } | null> {
  if (activity.type !== 'message' || activity.conversation.conversationType !== 'personal') return null;
  const text = teamsMessageText({ text: activity.text })
    .replace(/^@\S+\s+/, '')
    .trim();
  const match = /^churn(?:\s+(.+))?$/i.exec(text);
  if (!match) return null;
  const query = match[1]?.trim() ?? '';
  const card = await churnCard(query, deps);
  return { type: 'message', attachments: [cardAttachment(card)] };
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

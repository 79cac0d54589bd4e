import { type ExplainOutcome, explainAccount, type HealthDeps } from '../../core/health/explain-account.ts';
import { listRisks } from '../../core/health/list-risks.ts';
import { activityText, type TeamsInboundActivity } from '../teams-inbound-activity.ts';
import {
  renderAccountHealthCard,
  renderNoticeCard,
  renderPickAccountCard,
  renderRiskListCard,
} from '../views/account-health-card.ts';
import { type AdaptiveCard, cardAttachment } from '../views/adaptive-card.ts';

/** How many accounts `churn` alone lists (as Slack's `/churn`). */
const RISK_LIST_LENGTH = 10;

export const CHURN_CHAT_HELP = [
  'churn — the 10 most urgent accounts, with band, score, trend and the top reason',
  'churn acme — one account explained: score, trend, what changed and why, quotes, open requests, next step',
  'Accounts are found by id, name or email domain; typos are forgiven.',
].join('\n');

export const CHURN_CHAT_REFUSAL =
  'Sorry, account health is only available to the people your Verbatim admin has allowed. Ask them if you need it.';

export const CHURN_CHAT_FAILED =
  'Sorry, account health could not be worked out just now. Please try again in a minute.';

export interface ChurnChatDeps {
  health: HealthDeps;
  /** Whether this person may read account health (our tenant, and `churn.allowedUsers` when set). */
  allowed: (activity: TeamsInboundActivity) => boolean;
}

export interface ChurnChatAnswer {
  where: 'here' | 'private';
  activity: { type: 'message'; attachments: ReturnType<typeof cardAttachment>[] };
  /** What the answer was, for logs (never the health itself). */
  outcome: 'help' | 'risk-list' | ExplainOutcome['status'] | 'refused' | 'failed';
  /** Why it failed (`outcome: 'failed'`), for the caller's log. */
  error?: unknown;
}

/** The churn command in a message, or null: `churn`, `churn acme`, `@Verbatim churn acme`. */
export function parseChurnChat(activity: TeamsInboundActivity): { query: string } | null {
  if (activity.type !== 'message') return null;
  const text = activityText(activity)
    .replace(/^\s*@\S+(?:\s+\S+)*?\s+(?=churn\b)/i, '')
    .trim();
  const match = /^churn(?:\s+([\s\S]+))?$/i.exec(text);
  return match ? { query: match[1]?.trim() ?? '' } : null;
}

/**
 * `churn <account>` in a personal chat with the bot, or `@Verbatim churn <account>` in a channel:
 * the account's explained health, the risk list for `churn` alone, or why not. A channel command is
 * answered privately (`where: 'private'`, in a 1:1 chat): a channel is visible to everyone there,
 * customers included in a shared channel. Returns null when the message is not a churn command.
 */
export async function answerChurnChat(
  activity: TeamsInboundActivity,
  deps: ChurnChatDeps,
): Promise<ChurnChatAnswer | null> {
  const personal = activity.conversation.conversationType === 'personal';
  const mentionsBot = (activity.entities ?? []).some(
    (entity) =>
      entity.type === 'mention' &&
      (entity.mentioned as { id?: string } | undefined)?.id === activity.recipient?.id,
  );
  if (!personal && !mentionsBot) return null;
  const command = parseChurnChat(activity);
  if (!command) return null;
  const answer = (card: AdaptiveCard, outcome: ChurnChatAnswer['outcome']): ChurnChatAnswer => ({
    where: personal ? 'here' : 'private',
    activity: { type: 'message', attachments: [cardAttachment(card)] },
    outcome,
  });
  if (!deps.allowed(activity)) return answer(renderNoticeCard(CHURN_CHAT_REFUSAL), 'refused');
  const { query } = command;
  if (query.toLowerCase() === 'help') return answer(renderNoticeCard(CHURN_CHAT_HELP), 'help');
  try {
    if (query === '')
      return answer(renderRiskListCard(await listRisks(deps.health, RISK_LIST_LENGTH)), 'risk-list');
    const outcome = await explainAccount(deps.health, query);
    return answer(explainedCard(outcome, query), outcome.status);
  } catch (error) {
    // The person gets an answer rather than silence; the caller logs the failure.
    return { ...answer(renderNoticeCard(CHURN_CHAT_FAILED), 'failed'), error };
  }
}

function explainedCard(outcome: ExplainOutcome, query: string): AdaptiveCard {
  switch (outcome.status) {
    case 'explained':
      return renderAccountHealthCard(outcome.view);
    case 'not-enough-data':
      return renderNoticeCard(
        `${outcome.account.name}: not enough data yet. What is missing:\n${outcome.missing.map((line) => `• ${line}`).join('\n')}`,
      );
    case 'ambiguous':
      return renderPickAccountCard(query, outcome.candidates);
    case 'unknown': {
      const closest = outcome.suggestions.map((account) => `${account.name} (${account.id})`).join(', ');
      return renderNoticeCard(
        `No account matches “${query.slice(0, 100)}”.${closest ? ` Closest: ${closest}.` : ''} Write churn alone for the riskiest accounts.`,
      );
    }
  }
}

import type { Logger } from 'pino';
import type { TeamsConnector } from './teams-connector.ts';
import { renderNoticeCard } from './views/account-health-card.ts';
import { cardAttachment } from './views/adaptive-card.ts';

/** Characters of the audit trail a card carries; Teams messages stay under about 28 KB. */
const EXPLAIN_CHARS = 20_000;

/**
 * The routed card's "Explain": the request's audit trail (messages, each triage record, routing,
 * state changes, posts) as plain text, in the clicker's 1:1 chat with the bot, so only they see
 * it. A trail too long for one message is cut visibly, with the command that prints all of it.
 */
export async function sendRequestExplanation(deps: {
  connector: TeamsConnector;
  explainRequest: (requestId: string) => Promise<string | null>;
  logger: Logger;
  ourTenantId: string;
  requestId: string;
  userId: string;
}): Promise<void> {
  const audit = await deps.explainRequest(deps.requestId);
  const text =
    audit === null
      ? 'This request no longer exists (it may have been erased).'
      : audit.length > EXPLAIN_CHARS
        ? `${audit.slice(0, EXPLAIN_CHARS)}…\n(cut here: \`verbatim audit ${deps.requestId}\` prints all of it)`
        : audit;
  const chat = await deps.connector.openPersonalChat(deps.userId, deps.ourTenantId);
  await deps.connector.post(chat, {
    type: 'message',
    attachments: [cardAttachment(renderNoticeCard(`Verbatim audit of ${deps.requestId}\n\n${text}`))],
  });
  deps.logger.info({ requestId: deps.requestId }, 'request explained');
}

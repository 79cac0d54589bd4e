import type { TeamsActivity } from '../teams-connector.ts';
import { type AdaptiveCard, CARD_SCHEMA_URL, cardAttachment } from './adaptive-card.ts';

/** The words that replace an erased Teams post and each of Verbatim's replies in its thread. */
export const TEAMS_REMOVAL_NOTICE =
  '🗑️ This post was removed: its content was erased at the customer’s request.';

/** The whole activity an erased post is updated to: a card with the notice and nothing else. */
export function removalActivity(): TeamsActivity {
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA_URL,
    version: '1.5',
    body: [{ type: 'TextBlock', text: TEAMS_REMOVAL_NOTICE, wrap: true, isSubtle: true }],
    fallbackText: TEAMS_REMOVAL_NOTICE,
  };
  return { type: 'message', summary: TEAMS_REMOVAL_NOTICE, attachments: [cardAttachment(card)] };
}

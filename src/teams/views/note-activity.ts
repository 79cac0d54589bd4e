import type { ThreadNote } from '../../core/ports.ts';
import type { TeamsActivity } from '../teams-connector.ts';
import { type AdaptiveCard, CARD_SCHEMA_URL, cardAttachment } from './adaptive-card.ts';
import { formatCardDate } from './format-card-date.ts';
import { neutralizeTeamsMarkdown, neutralizeTeamsText } from './neutralize-teams-text.ts';
import { PART_TEXT_CHARS } from './routed-post-card.ts';
import { splitTextParts } from './split-text-parts.ts';

/** A person to mention: our own staff, configured by AAD object id; `name` is shown in the tag. */
export interface NoteMention {
  id: string;
  name: string;
}

const KIND_LABELS: Record<ThreadNote['kind'], string> = {
  'follow-up': 'Customer follow-up',
  nudge: 'SLA nudge',
  escalation: 'Escalation',
  notice: 'Notice',
};

/**
 * A thread note as Teams activities, in posting order. Follow-ups carry the customer's words
 * verbatim in cards (continued over several when long); nudges, escalations and notices are text
 * messages whose mentions are real Teams mentions (an `<at>` tag plus a mention entity).
 */
export function renderNoteActivities(
  note: ThreadNote,
  options: { mentions: NoteMention[]; linkUrl: string | null },
): TeamsActivity[] {
  if (note.kind === 'follow-up' && note.message) {
    const { message } = note;
    const parts = splitTextParts(message.text, PART_TEXT_CHARS);
    return parts.map((part, index) => {
      const card: AdaptiveCard = {
        type: 'AdaptiveCard',
        $schema: CARD_SCHEMA_URL,
        version: '1.5',
        body: [
          {
            type: 'RichTextBlock',
            inlines: [
              {
                type: 'TextRun',
                text: neutralizeTeamsText(
                  `${KIND_LABELS[note.kind]} · ${message.author.name} · ${formatCardDate(message.sentAt)}${
                    parts.length > 1 ? ` (${index + 1}/${parts.length})` : ''
                  }\n`,
                ),
                isSubtle: true,
              },
              { type: 'TextRun', text: neutralizeTeamsText(part) },
            ],
          },
        ],
      };
      return {
        type: 'message',
        summary: neutralizeTeamsMarkdown(`${KIND_LABELS[note.kind]} from ${message.author.name}`),
        attachments: [cardAttachment(card)],
      };
    });
  }
  const tags = options.mentions.map((mention) => `<at>${neutralizeTeamsMarkdown(mention.name)}</at>`);
  const link = options.linkUrl ? ` [Open the routed post](${options.linkUrl})` : '';
  const text = `**${KIND_LABELS[note.kind]}:** ${neutralizeTeamsMarkdown(note.text)}${link}${
    tags.length > 0 ? ` ${tags.join(' ')}` : ''
  }`;
  return [
    {
      type: 'message',
      textFormat: 'markdown',
      text,
      entities: options.mentions.map((mention, index) => ({
        type: 'mention',
        text: tags[index],
        mentioned: { id: mention.id, name: mention.name },
      })),
    },
  ];
}

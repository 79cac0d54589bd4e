import type { ThreadNote } from '../../core/ports.ts';
import { escapeMrkdwn } from '../escape-mrkdwn.ts';
import {
  BLOCK_LIMITS,
  type Block,
  contextBlock,
  type SlackMessageBody,
  sectionBlock,
} from './slack-blocks.ts';
import { renderMessageUnits, type Unit } from './verbatim-units.ts';

const NOTE_ICON: Record<ThreadNote['kind'], string> = {
  'follow-up': ':leftwards_arrow_with_hook:',
  nudge: ':alarm_clock:',
  escalation: ':rotating_light:',
  notice: ':information_source:',
};

/**
 * A note in a routed post's thread (customer follow-ups, SLA nudges, notices) or at an escalation
 * destination. Mentions come from our own config (staff and group ids), never from customer text,
 * and are checked to be ids. A follow-up carries the customer's new message verbatim; if it is
 * longer than one Slack message allows, the rest follows as further replies (parts 2…n).
 */
export function renderNote(note: ThreadNote, options: { linkUrl?: string | null } = {}): SlackMessageBody[] {
  const mentions = note.mentions.flatMap((id) => renderMention(id));
  const lead = [NOTE_ICON[note.kind], ...mentions].join(' ');
  if (note.message) {
    const units = renderMessageUnits(note.message, 0, 1);
    const header = contextBlock(`${lead} New message from the customer in the original thread`);
    return pack(
      header,
      units,
      `${NOTE_ICON[note.kind]} ${escapeMrkdwn(note.message.author.name)} wrote again`,
    );
  }
  const blocks: Block[] = [sectionBlock(`${lead} ${escapeMrkdwn(note.text)}`)];
  const link = options.linkUrl && /^https:\/\/[^\s<>|]+$/.test(options.linkUrl) ? options.linkUrl : null;
  if (link) blocks.push(contextBlock(`<${link}|Open the routed post>`));
  return [{ text: escapeMrkdwn(`${note.kind}: ${note.text}`).slice(0, 3000), blocks }];
}

function renderMention(id: string): string[] {
  if (/^S[A-Z0-9]{2,}$/.test(id)) return [`<!subteam^${id}>`];
  if (/^[UW][A-Z0-9]{2,}$/.test(id)) return [`<@${id}>`];
  return [];
}

function pack(header: Block, units: Unit[], fallback: string): SlackMessageBody[] {
  const parts: Block[][] = [[header]];
  let text = 0;
  for (const unit of units) {
    const current = parts.at(-1)!;
    if (
      current.length + 1 > BLOCK_LIMITS.messageBlocks - 1 ||
      text + unit.size > BLOCK_LIMITS.textBudget - 400
    ) {
      parts.push([]);
      text = 0;
    }
    parts.at(-1)!.push(unit.block);
    text += unit.size;
  }
  return parts.map((blocks, index) =>
    index === 0
      ? { text: fallback, blocks }
      : {
          text: `Continued — part ${index + 1} of ${parts.length}`,
          blocks: [contextBlock(`:thread: Continued — part ${index + 1} of ${parts.length}`), ...blocks],
        },
  );
}

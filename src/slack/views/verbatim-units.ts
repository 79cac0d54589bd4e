import type { RoutedPostView } from '../../core/ports.ts';
import { REMOVED_NAME, retentionNotice } from '../../core/retention-notice.ts';
import { formatSlackDate } from './format-slack-date.ts';
import {
  BLOCK_LIMITS,
  type Block,
  contextBlock,
  countBlockText,
  safe,
  verbatimQuote,
} from './slack-blocks.ts';
import { splitVerbatim } from './split-verbatim.ts';

type ViewMessage = RoutedPostView['messages'][number];

/** One block of a message's rendering, measured so posts can be packed within Slack's limits. */
export interface Unit {
  kind: 'meta' | 'quote' | 'files';
  block: Block;
  /** Characters the block adds to Slack's aggregate text count. */
  size: number;
  /** How a continuation part names what it continues, e.g. "Casey’s message (piece 3 of 14)". */
  label: string;
}

/**
 * A customer message as blocks: who and when (with edits and deletions shown), the text verbatim
 * in quoted pieces, and its attachments. Every character of the text is in the pieces, in order.
 */
export function renderMessageUnits(message: ViewMessage, index: number, total: number): Unit[] {
  if (message.bodyRemovedAt) return removedMessageUnits(message, index, total);
  const who = safe(message.author.name, 120);
  const pieces = message.text.length === 0 ? [] : splitVerbatim(message.text, BLOCK_LIMITS.verbatimChunk);
  const units: Unit[] = [unit('meta', contextBlock(...metaLines(message, index, total)), `${who}’s message`)];
  pieces.forEach((piece, pieceIndex) => {
    const label =
      pieces.length > 1
        ? `${who}’s message (piece ${pieceIndex + 1} of ${pieces.length})`
        : `${who}’s message`;
    units.push(unit('quote', verbatimQuote(piece), label));
  });
  if (message.attachments.length > 0) {
    const files = message.attachments
      .map(
        (file) =>
          `:paperclip: ${safe(file.name, 150)}${file.sizeBytes !== undefined ? ` (${formatBytes(file.sizeBytes)})` : ''}`,
      )
      .join('   ');
    units.push(unit('files', contextBlock(files.slice(0, 2900)), `${who}’s attachments`));
  }
  return units;
}

/**
 * A message whose body the retention policy blanked: who (name removed) and when, and a clear
 * notice in place of the quote — never an empty quote box.
 */
function removedMessageUnits(message: ViewMessage, index: number, total: number): Unit[] {
  const shown = { ...message, author: { ...message.author, name: REMOVED_NAME, email: undefined } };
  const notice = `:wastebasket: _${retentionNotice('text', message.bodyRemovedAt ?? null)}_`;
  const files =
    message.attachments.length > 0
      ? ` :paperclip: ${message.attachments.length} attachment${message.attachments.length === 1 ? '' : 's'} (names removed)`
      : '';
  return [
    unit('meta', contextBlock(...metaLines(shown, index, total)), 'a removed message'),
    unit('meta', contextBlock(`${notice}${files}`), 'a removed message'),
  ];
}

function unit(kind: Unit['kind'], block: Block, label: string): Unit {
  return { kind, block, size: countBlockText(block), label };
}

function metaLines(message: ViewMessage, index: number, total: number): string[] {
  const author = message.author.email
    ? `*${safe(message.author.name, 120)}* ${safe(`<${message.author.email}>`, 160)}`
    : `*${safe(message.author.name, 120)}*`;
  const origin = message.subject !== null || message.forwardedBy ? ':email: ' : '';
  const parts = [
    `${origin}${author}${message.author.external ? '' : ' (staff)'}`,
    formatSlackDate(message.sentAt),
  ];
  if (total > 1) parts.push(`message ${index + 1} of ${total}`);
  const link = safeUrl(message.permalink);
  if (link) parts.push(`<${link}|View original>`);
  if (message.editedAt)
    parts.push(`:pencil2: _edited ${formatSlackDate(message.editedAt)} — showing the latest text_`);
  if (message.deletedAt) {
    parts.push(
      `:wastebasket: *deleted by the customer* ${formatSlackDate(message.deletedAt)} — kept here as received`,
    );
  }
  const lines = [parts.join(' · ')];
  if (message.subject !== null) lines.push(`*Subject:* ${safe(message.subject, 500)}`);
  if (message.forwardedBy)
    lines.push(`forwarded by ${safe(`${message.forwardedBy.name} <${message.forwardedBy.email}>`, 200)}`);
  return lines;
}

/** Only plain https links go into `<url|label>`; anything that could break out of the token is dropped. */
function safeUrl(url: string | null): string | null {
  return url && /^https:\/\/[^\s<>|]+$/.test(url) ? url : null;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

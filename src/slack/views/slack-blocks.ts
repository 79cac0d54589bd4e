import { escapeMrkdwn } from '../escape-mrkdwn.ts';
import { neutralizeRichText } from '../neutralize-rich-text.ts';

/** A Block Kit block; kept loose on purpose (Slack's own types are a wide union). */
export type Block = Record<string, unknown>;

/** One Slack message body: blocks plus the notification/accessibility fallback text. */
export interface SlackMessageBody {
  text: string;
  blocks: Block[];
}

/**
 * Block Kit limits we render within (docs.slack.dev/reference/block-kit/blocks; platform-facts §4).
 * `textBudget` stays below Slack's undocumented ~13.2k aggregate (`msg_blocks_too_long`,
 * slackapi/bolt-js#2509), counted as the fake Slack counts it: every string `text` in the tree.
 */
export const BLOCK_LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  textBudget: 12_000,
  /** One rich_text quote of verbatim text; conservative, like a section's 3000. */
  verbatimChunk: 3000,
  sectionText: 3000,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  optionText: 75,
  optionsPerSelect: 100,
} as const;

/** A mrkdwn text object for text we composed (already escaped where it holds outside words). */
export function mrkdwn(text: string): Block {
  // verbatim: true stops Slack auto-linking channel names and parsing mention words.
  return { type: 'mrkdwn', text, verbatim: true };
}

export function plainText(text: string, max: number = BLOCK_LIMITS.optionText): Block {
  return { type: 'plain_text', text: clip(text, max), emoji: true };
}

export function contextBlock(...lines: string[]): Block {
  return {
    type: 'context',
    elements: lines.slice(0, BLOCK_LIMITS.contextElements).map((line) => mrkdwn(line)),
  };
}

export function sectionBlock(text: string): Block {
  return { type: 'section', text: mrkdwn(clip(text, BLOCK_LIMITS.sectionText)) };
}

/**
 * The customer's words as a rich_text quote. rich_text `text` elements are shown as written —
 * no mrkdwn, no mention parsing — and only text elements are emitted (passed through the
 * neutraliser as a second guard), so nothing here can ping.
 */
export function verbatimQuote(text: string): Block {
  const [block] = neutralizeRichText([
    { type: 'rich_text', elements: [{ type: 'rich_text_quote', elements: [{ type: 'text', text }] }] },
  ]);
  return block as Block;
}

/** Escaped, clipped text for mrkdwn fields that hold analysis output or names (not the verbatim body). */
export function safe(text: string, max?: number): string {
  return escapeMrkdwn(max === undefined ? text : clip(text, max));
}

/** Shortens metadata (names, labels, excerpts) to a limit with an ellipsis; never used on the verbatim body. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.charCodeAt(max - 2) >= 0xd800 && text.charCodeAt(max - 2) <= 0xdbff ? max - 2 : max - 1;
  return `${text.slice(0, cut)}…`;
}

/** Characters of text in blocks, counted like Slack's aggregate cap: every string `text` property. */
export function countBlockText(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((sum: number, child) => sum + countBlockText(child), 0);
  if (typeof node !== 'object' || node === null) return 0;
  let sum = 0;
  for (const [key, value] of Object.entries(node)) {
    sum += key === 'text' && typeof value === 'string' ? value.length : countBlockText(value);
  }
  return sum;
}

/**
 * Block Kit and message-size limits the fake Slack Web API enforces, so tests catch what the real
 * API would reject (platform-facts §4; node-slack-sdk packages/types/src/block-kit/*.ts).
 *
 *   findBlockLimitError(blocks, 'message' | 'view', limits?) → SlackLimitError | undefined
 *   findMessageTextError(text, limits?)                      → SlackLimitError | undefined
 *
 * Errors mimic Slack's body: `{ error: 'invalid_blocks', errors: ['must be less than 3001
 * characters [json-pointer:/blocks/0/text/text]'] }`. The wording of `errors` lines is Slack-like,
 * not byte-exact. Lengths are JavaScript string lengths (UTF-16 code units).
 *
 * `msg_blocks_too_long` is Slack's undocumented aggregate cap (slackapi/bolt-js#2509: ~13.2k
 * characters across all blocks although each block is under its own cap). Slack does not say how
 * it counts; here it is the sum of every string `text` property in the block tree (labels, fields,
 * headers, rich text runs), which is the measure reporters used. Override `aggregateBlockText` to
 * model a stricter Slack.
 */

export const slackBlockLimits = {
  messageBlocks: 50,
  viewBlocks: 100,
  /** Top-level `text` of a message; Slack answers `msg_too_long` beyond it. */
  messageText: 40_000,
  sectionText: 3000,
  sectionFields: 10,
  sectionFieldText: 2000,
  headerText: 150,
  actionsElements: 25,
  contextElements: 10,
  blockId: 255,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  imageAltText: 2000,
  /** `markdown` blocks share one cumulative budget per message. */
  markdownText: 12_000,
  /** Observed aggregate cap for the text of all blocks in one message (bolt-js#2509). */
  aggregateBlockText: 13_200,
};

export type SlackBlockLimits = typeof slackBlockLimits;

export interface SlackLimitError {
  error: 'invalid_blocks' | 'invalid_blocks_format' | 'msg_blocks_too_long' | 'msg_too_long';
  /** Slack-style explanations with a JSON pointer, as in the real `errors` field. */
  errors: string[];
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const textOf = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value;
  if (isObject(value) && typeof value['text'] === 'string') return value['text'];
  return undefined;
};

const tooLong = (max: number, pointer: string) =>
  `must be less than ${max + 1} characters [json-pointer:${pointer}]`;
const tooMany = (max: number, pointer: string) =>
  `no more than ${max} items allowed [json-pointer:${pointer}]`;

/** Checks the top-level message `text` against Slack's 40,000-character limit. */
export function findMessageTextError(
  text: unknown,
  limits: SlackBlockLimits = slackBlockLimits,
): SlackLimitError | undefined {
  if (typeof text === 'string' && text.length > limits.messageText) {
    return { error: 'msg_too_long', errors: [tooLong(limits.messageText, '/text')] };
  }
  return undefined;
}

/** Checks a message's (or a view's) `blocks` against the documented per-block limits, then the aggregate cap. */
export function findBlockLimitError(
  blocks: unknown,
  surface: 'message' | 'view',
  limits: SlackBlockLimits = slackBlockLimits,
): SlackLimitError | undefined {
  if (blocks === undefined) return undefined;
  if (!Array.isArray(blocks) || !blocks.every(isObject)) {
    return { error: 'invalid_blocks_format', errors: ['must be an array of objects [json-pointer:/blocks]'] };
  }
  const errors: string[] = [];
  const maxBlocks = surface === 'view' ? limits.viewBlocks : limits.messageBlocks;
  if (blocks.length > maxBlocks) errors.push(tooMany(maxBlocks, '/blocks'));
  let markdownLength = 0;
  blocks.forEach((block, index) => {
    const at = `/blocks/${index}`;
    errors.push(...checkBlock(block, at, limits));
    if (block['type'] === 'markdown') markdownLength += textOf(block)?.length ?? 0;
  });
  if (markdownLength > limits.markdownText) {
    errors.push(`markdown blocks exceed ${limits.markdownText} characters in total [json-pointer:/blocks]`);
  }
  if (errors.length > 0) return { error: 'invalid_blocks', errors };
  if (surface === 'message') {
    const aggregate = blocks.reduce((sum, block) => sum + countText(block), 0);
    if (aggregate > limits.aggregateBlockText) {
      return {
        error: 'msg_blocks_too_long',
        errors: [`blocks hold ${aggregate} characters of text [json-pointer:/blocks]`],
      };
    }
  }
  return undefined;
}

function checkBlock(block: Json, at: string, limits: SlackBlockLimits): string[] {
  const errors: string[] = [];
  const blockId = block['block_id'];
  if (typeof blockId === 'string' && blockId.length > limits.blockId) {
    errors.push(tooLong(limits.blockId, `${at}/block_id`));
  }
  switch (block['type']) {
    case 'section': {
      const text = textOf(block['text']);
      const fields = block['fields'];
      if (text === undefined && !Array.isArray(fields)) {
        errors.push(`must provide either text or fields [json-pointer:${at}]`);
      }
      if (text !== undefined && (text.length === 0 || text.length > limits.sectionText)) {
        errors.push(
          text.length === 0
            ? `must be more than 0 characters [json-pointer:${at}/text/text]`
            : tooLong(limits.sectionText, `${at}/text/text`),
        );
      }
      if (Array.isArray(fields)) {
        if (fields.length > limits.sectionFields) errors.push(tooMany(limits.sectionFields, `${at}/fields`));
        fields.forEach((field, i) => {
          if ((textOf(field)?.length ?? 0) > limits.sectionFieldText) {
            errors.push(tooLong(limits.sectionFieldText, `${at}/fields/${i}/text`));
          }
        });
      }
      if (isObject(block['accessory']))
        errors.push(...checkElement(block['accessory'], `${at}/accessory`, limits));
      break;
    }
    case 'header': {
      const text = block['text'];
      if (!isObject(text) || text['type'] !== 'plain_text') {
        errors.push(`must be one of the following: plain_text [json-pointer:${at}/text/type]`);
      }
      const length = textOf(text)?.length ?? 0;
      if (length === 0 || length > limits.headerText) {
        errors.push(
          length === 0
            ? `must be more than 0 characters [json-pointer:${at}/text/text]`
            : tooLong(limits.headerText, `${at}/text/text`),
        );
      }
      break;
    }
    case 'actions': {
      const elements = Array.isArray(block['elements']) ? block['elements'] : [];
      if (elements.length > limits.actionsElements)
        errors.push(tooMany(limits.actionsElements, `${at}/elements`));
      elements.forEach((element, i) => {
        if (isObject(element)) errors.push(...checkElement(element, `${at}/elements/${i}`, limits));
      });
      break;
    }
    case 'context': {
      const elements = Array.isArray(block['elements']) ? block['elements'] : [];
      if (elements.length > limits.contextElements)
        errors.push(tooMany(limits.contextElements, `${at}/elements`));
      break;
    }
    case 'image': {
      const alt = block['alt_text'];
      if (typeof alt === 'string' && alt.length > limits.imageAltText) {
        errors.push(tooLong(limits.imageAltText, `${at}/alt_text`));
      }
      break;
    }
  }
  return errors;
}

function checkElement(element: Json, at: string, limits: SlackBlockLimits): string[] {
  if (element['type'] !== 'button') return [];
  const errors: string[] = [];
  if ((textOf(element['text'])?.length ?? 0) > limits.buttonText)
    errors.push(tooLong(limits.buttonText, `${at}/text/text`));
  const value = element['value'];
  if (typeof value === 'string' && value.length > limits.buttonValue)
    errors.push(tooLong(limits.buttonValue, `${at}/value`));
  const url = element['url'];
  if (typeof url === 'string' && url.length > limits.buttonUrl)
    errors.push(tooLong(limits.buttonUrl, `${at}/url`));
  return errors;
}

/** Sum of the lengths of every string `text` property in a block tree. */
function countText(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((sum: number, child) => sum + countText(child), 0);
  if (!isObject(node)) return 0;
  let sum = 0;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'text' && typeof value === 'string') sum += value.length;
    else sum += countText(value);
  }
  return sum;
}

import type { RoutedPostView } from '../../core/ports.ts';
import { retentionNotice } from '../../core/retention-notice.ts';
import { ACTION_IDS, requestBlockId, SNOOZE_CHOICES } from './action-ids.ts';
import { describeRequestState, PRIORITY_EMOJI } from './describe-request-state.ts';
import {
  BLOCK_LIMITS,
  type Block,
  clip,
  contextBlock,
  countBlockText,
  plainText,
  type SlackMessageBody,
  safe,
  sectionBlock,
} from './slack-blocks.ts';
import { splitVerbatim } from './split-verbatim.ts';
import { renderMessageUnits, type Unit } from './verbatim-units.ts';

export interface RoutedPostRendering extends SlackMessageBody {
  /** Thread replies that carry the rest of the verbatim text, in order; empty when it all fits. */
  continuation: SlackMessageBody[];
}

export interface RoutedPostOptions {
  /** Accounts an unmapped post offers to map the conversation to. */
  accounts?: Array<{ id: string; name: string }>;
}

/**
 * The routed post in Block Kit: priority and account, who/what/when, the customer's words
 * verbatim and quoted, the analysis beside them, and the actions. Words that do not fit Slack's
 * limits continue in ordered thread replies (`continuation`), and the post says so.
 */
export function renderRoutedPost(view: RoutedPostView, options: RoutedPostOptions = {}): RoutedPostRendering {
  const head = headBlocks(view);
  const tail = tailBlocks(view, options);
  const units = view.messages.flatMap((message, index) =>
    renderMessageUnits(message, index, view.messages.length),
  );
  const notice = contextBlock(
    ':thread: The customer’s text continues in this thread: 99 more parts, in order.',
  );
  const room = {
    text: BLOCK_LIMITS.textBudget - countBlockText([...head, ...tail, notice]),
    blocks: BLOCK_LIMITS.messageBlocks - head.length - tail.length - 1,
  };
  const { taken, rest } = takeUnits(units, room);
  const continuation = packContinuation(rest);
  const middle = taken.map((unit) => unit.block);
  if (continuation.length > 0) {
    middle.push(
      contextBlock(
        `:thread: The customer’s text continues in this thread: ${continuation.length} more part${continuation.length === 1 ? '' : 's'}, in order.`,
      ),
    );
  }
  return {
    text: fallbackText(view, continuation.length > 0),
    blocks: [...head, ...middle, ...tail],
    continuation,
  };
}

function headBlocks(view: RoutedPostView): Block[] {
  const account = view.account ? `${view.account.name} (${view.account.tier})` : 'Unmapped conversation';
  return [
    {
      type: 'header',
      text: plainText(
        `${PRIORITY_EMOJI[view.priority]} ${view.priority} · ${account}`,
        BLOCK_LIMITS.headerText,
      ),
    },
    contextBlock(
      `${describeRequestState(view)} · team *${safe(view.team.name, 80)}* · \`${safe(view.requestId, 120)}\``,
    ),
  ];
}

/** Analysis words as escaped mrkdwn, or the retention notice where the policy blanked them. */
function words(view: RoutedPostView, text: string, max: number): string {
  if (text === '' && view.wordsRemovedAt) return `_${retentionNotice('words', view.wordsRemovedAt)}_`;
  return safe(text, max);
}

function tailBlocks(view: RoutedPostView, options: RoutedPostOptions): Block[] {
  const { analysis } = view;
  const blocks: Block[] = [sectionBlock(`*Summary*\n${words(view, analysis.summary, 2900)}`)];
  const churn =
    analysis.churnSignals
      .map(
        (signal) =>
          `• ${signal.driver}${signal.competitor ? ` (${safe(signal.competitor, 60)})` : ''}: ${
            // Only words verified in the customer's text are quoted; anything else is the model's.
            signal.phrase === '' && view.wordsRemovedAt
              ? words(view, '', 0)
              : signal.quoted === true
                ? `“${safe(signal.phrase, 200)}”`
                : `_model’s paraphrase:_ ${safe(signal.phrase, 200)}`
          }`,
      )
      .join('\n') || 'none';
  const fields = [
    `*Priority*\n${view.priority} — ${words(view, analysis.priorityReason, 600)}`,
    `*Topics*\n${safe(analysis.topics.join(', ') || 'none', 400)}`,
    `*Sentiment*\n${analysis.sentiment.toFixed(2)} (${describeSentiment(analysis.sentiment)})`,
    `*Churn signals*\n${churn}`,
    `*Engine*\n${safe(analysis.engine, 200)} · confidence ${analysis.confidence.toFixed(2)}`,
  ];
  if (view.floor.length > 0) {
    fields.push(
      `*Priority floor*\n${view.floor.map((hit) => `• ${hit.priority} ${safe(hit.rule, 60)}: ${hit.phrase === '' && view.wordsRemovedAt ? words(view, '', 0) : `“${safe(hit.phrase, 200)}”`}`).join('\n')}`,
    );
  }
  blocks.push({
    type: 'section',
    fields: fields.map((field) => ({
      type: 'mrkdwn',
      text: clip(field, BLOCK_LIMITS.fieldText),
      verbatim: true,
    })),
  });
  blocks.push(actionsBlock(view, options));
  return blocks;
}

function actionsBlock(view: RoutedPostView, options: RoutedPostOptions): Block {
  const value = view.requestId;
  const button = (actionId: string, label: string, style?: 'primary' | 'danger') => ({
    type: 'button',
    action_id: actionId,
    text: plainText(label),
    value,
    ...(style ? { style } : {}),
  });
  const elements: Block[] = [];
  if (view.state === 'resolved') {
    elements.push(button(ACTION_IDS.reopen, 'Reopen'));
  } else {
    elements.push(
      view.state === 'claimed'
        ? button(ACTION_IDS.unclaim, 'Unclaim')
        : button(ACTION_IDS.claim, 'Claim', 'primary'),
    );
    elements.push(button(ACTION_IDS.resolve, 'Resolve'));
    if (view.reassignTargets.length > 0) {
      elements.push({
        type: 'static_select',
        action_id: ACTION_IDS.reassign,
        placeholder: plainText('Reassign'),
        options: view.reassignTargets
          .slice(0, BLOCK_LIMITS.optionsPerSelect)
          .map((team) => ({ text: plainText(team.name), value: team.id })),
      });
    }
    elements.push({
      type: 'static_select',
      action_id: ACTION_IDS.snooze,
      placeholder: plainText('Snooze'),
      options: SNOOZE_CHOICES.map((choice) => ({
        text: plainText(choice.label),
        value: String(choice.minutes),
      })),
    });
  }
  if (view.unmapped && options.accounts && options.accounts.length > 0) {
    elements.push({
      type: 'static_select',
      action_id: ACTION_IDS.mapAccount,
      placeholder: plainText('Map to account'),
      options: boundedAccountOptions(options.accounts),
    });
  }
  elements.push({
    type: 'overflow',
    action_id: ACTION_IDS.overflow,
    options: [{ text: plainText('Explain'), value: 'explain' }],
  });
  return { type: 'actions', block_id: requestBlockId(view.requestId), elements };
}

/** At most 100 options and ~3000 characters of labels, so the post keeps room for the customer's words. */
function boundedAccountOptions(accounts: Array<{ id: string; name: string }>): Block[] {
  const options: Block[] = [];
  let chars = 0;
  for (const account of [...accounts].sort((a, b) => a.name.localeCompare(b.name))) {
    const label = clip(account.name, 60);
    if (options.length >= BLOCK_LIMITS.optionsPerSelect || chars + label.length > 3000) break;
    chars += label.length;
    options.push({ text: plainText(label), value: account.id });
  }
  return options;
}

function takeUnits(units: Unit[], room: { text: number; blocks: number }): { taken: Unit[]; rest: Unit[] } {
  let text = 0;
  let index = 0;
  for (; index < units.length; index += 1) {
    const unit = units[index]!;
    if (index + 1 > room.blocks || text + unit.size > room.text) break;
    text += unit.size;
  }
  return { taken: units.slice(0, index), rest: units.slice(index) };
}

/** Packs the units that did not fit into as few thread replies as the limits allow, in order. */
function packContinuation(units: Unit[]): SlackMessageBody[] {
  const parts: Unit[][] = [];
  let rest = units;
  // Each part keeps room for its own "part p of n" line and a "continuing …" line.
  const room = { text: BLOCK_LIMITS.textBudget - 400, blocks: BLOCK_LIMITS.messageBlocks - 2 };
  while (rest.length > 0) {
    const { taken, rest: left } = takeUnits(rest, room);
    // A single unit always fits (pieces are far below the budget); guard against an endless loop anyway.
    const part = taken.length > 0 ? taken : rest.slice(0, 1);
    parts.push(part);
    rest = taken.length > 0 ? left : rest.slice(1);
  }
  return parts.map((part, index) => {
    const first = part[0]!;
    const lines = [`:thread: Continued — part ${index + 2} of ${parts.length + 1}`];
    if (first.kind !== 'meta') lines.push(`continuing ${first.label}`);
    return {
      text: `Continued — part ${index + 2} of ${parts.length + 1}`,
      blocks: [contextBlock(...lines), ...part.map((unit) => unit.block)],
    };
  });
}

function fallbackText(view: RoutedPostView, continues: boolean): string {
  const account = view.account?.name ?? 'Unmapped conversation';
  const first = view.messages[0];
  if (first?.bodyRemovedAt) {
    return safe(`${view.priority} · ${account} · ${retentionNotice('text', first.bodyRemovedAt)}`);
  }
  const excerpt = first ? `${first.author.name}: ${splitVerbatim(first.text, 200)[0] ?? ''}` : '';
  const more = first && first.text.length > 200 ? '…' : '';
  return safe(
    `${view.priority} · ${account} · ${clip(excerpt, 220)}${more}${continues ? ' (continues in thread)' : ''}`,
  );
}

function describeSentiment(value: number): string {
  if (value <= -0.5) return 'very negative';
  if (value < -0.1) return 'negative';
  if (value <= 0.1) return 'neutral';
  if (value < 0.5) return 'positive';
  return 'very positive';
}

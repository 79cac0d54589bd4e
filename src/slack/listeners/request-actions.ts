import type { App, BlockAction } from '@slack/bolt';
import type { RequestCommand } from '../../core/request-state.ts';
import { ACTION_IDS, requestIdFromBlockId } from '../views/action-ids.ts';
import { formatSlackDate } from '../views/format-slack-date.ts';
import { contextBlock, safe, sectionBlock } from '../views/slack-blocks.ts';
import type { AppHomePublisher } from './app-home.ts';
import { mapToAccount } from './map-to-account.ts';
import type { SlackListenerDeps } from './slack-listener-deps.ts';

/** Characters of the audit shown by "Explain": a section holds 3000, escaping may lengthen the text. */
const EXPLAIN_CHARS = 2600;

const COMMAND_ACTIONS = new RegExp(
  `^(${[ACTION_IDS.claim, ACTION_IDS.unclaim, ACTION_IDS.resolve, ACTION_IDS.reopen, ACTION_IDS.reassign, ACTION_IDS.snooze].join('|')})$`,
);

interface ActionPayload {
  action_id: string;
  block_id?: string;
  value?: string;
  selected_option?: { value: string };
}

/**
 * Buttons and selects on routed posts and in App Home. Each acknowledges first, then applies the
 * command through the core; the deliver job then updates the routed post in place (who and when).
 * A refused command (already claimed, already resolved) is explained to the user ephemerally.
 */
export function registerRequestActions(app: App, deps: SlackListenerDeps, home: AppHomePublisher): void {
  app.action<BlockAction>({ action_id: COMMAND_ACTIONS }, async ({ ack, body, action }) => {
    await ack();
    const payload = action as unknown as ActionPayload;
    const requestId = requestIdFromBlockId(payload.block_id) ?? payload.value ?? null;
    const command = toCommand(deps, payload);
    if (!requestId || !command) return;
    const known = await deps.users.lookup(body.user.id);
    const actor = {
      id: body.user.id,
      name: known?.name ?? body.user.name ?? body.user.username ?? body.user.id,
    };
    try {
      const outcome = await deps.context.applyCommand({ requestId, command, actor });
      deps.logger.info(
        { requestId, command: command.kind, ok: outcome.ok, user: actor.id },
        'action on a request',
      );
      if (!outcome.ok) explain(deps, body, outcome.reason);
    } catch (error) {
      deps.logger.error({ err: error, requestId, command: command.kind }, 'action failed');
      explain(deps, body, 'Something went wrong; please try again.');
    }
    if (body.view?.type === 'home') deps.later('refresh App Home', () => home.publish(actor.id));
  });

  app.action<BlockAction>(ACTION_IDS.mapAccount, async ({ ack, body, action }) => {
    await ack();
    const payload = action as unknown as ActionPayload;
    const requestId = requestIdFromBlockId(payload.block_id);
    const accountId = payload.selected_option?.value;
    if (!requestId || !accountId) return;
    try {
      const outcome = await mapToAccount(deps, { requestId, accountId, actorId: body.user.id });
      if (!outcome.ok) return explain(deps, body, outcome.reason);
      const channel = body.container?.channel_id ?? body.channel?.id;
      const ts = body.container?.message_ts ?? body.message?.ts;
      const team = deps.context.directory.teams.find((candidate) => candidate.id === outcome.teamId);
      const where =
        team?.destination.platform === 'slack'
          ? `<#${team.destination.channel}>`
          : safe(team?.name ?? outcome.teamId);
      if (channel && ts) {
        // The unmapped post is retired: the request now lives in the team's channel.
        const line = `:link: Mapped to *${safe(outcome.account.name)}* by <@${body.user.id}> · ${formatSlackDate(deps.context.clock.now())} — the request moved to ${where}.`;
        deps.later('retire the unmapped post', async () => {
          await deps.client.chat.update({
            channel,
            ts,
            text: safe(`Mapped to ${outcome.account.name}`),
            blocks: [contextBlock(line)] as never,
          });
        });
      }
    } catch (error) {
      deps.logger.error({ err: error, requestId }, 'mapping to an account failed');
      explain(deps, body, 'Mapping failed; please try again.');
    }
  });

  app.action<BlockAction>(ACTION_IDS.overflow, async ({ ack, body, action }) => {
    await ack();
    const payload = action as unknown as ActionPayload;
    const requestId = requestIdFromBlockId(payload.block_id);
    const channel = body.container?.channel_id ?? body.channel?.id;
    if (!requestId || !channel || payload.selected_option?.value !== 'explain') return;
    deps.later('explain a request', async () => {
      const audit = await deps.context.explainRequest(requestId);
      deps.logger.info({ requestId, user: body.user.id }, 'request explained');
      const text = audit ?? 'This request no longer exists (it may have been erased).';
      await deps.client.chat.postEphemeral({
        channel,
        user: body.user.id,
        text: safe(`Verbatim audit of ${requestId}`),
        blocks: [sectionBlock(`\`\`\`${safe(text, EXPLAIN_CHARS)}\`\`\``)] as never,
        ...(body.container?.message_ts ? { thread_ts: body.container.message_ts } : {}),
      });
    });
  });

  // URL buttons send an action too; acknowledge it so Slack shows no error.
  app.action(ACTION_IDS.openLink, async ({ ack }) => {
    await ack();
  });
}

function toCommand(deps: SlackListenerDeps, action: ActionPayload): RequestCommand | null {
  switch (action.action_id) {
    case ACTION_IDS.claim:
      return { kind: 'claim' };
    case ACTION_IDS.unclaim:
      return { kind: 'unclaim' };
    case ACTION_IDS.resolve:
      return { kind: 'resolve' };
    case ACTION_IDS.reopen:
      return { kind: 'reopen' };
    case ACTION_IDS.reassign:
      return action.selected_option ? { kind: 'reassign', teamId: action.selected_option.value } : null;
    case ACTION_IDS.snooze: {
      const minutes = Number(action.selected_option?.value);
      if (!Number.isFinite(minutes) || minutes <= 0) return null;
      return { kind: 'snooze', until: new Date(deps.context.clock.now().getTime() + minutes * 60_000) };
    }
    default:
      return null;
  }
}

/** Tells the user, and only them, why nothing happened. */
function explain(deps: SlackListenerDeps, body: BlockAction, reason: string): void {
  const channel = body.container?.channel_id ?? body.channel?.id;
  if (!channel) return;
  const threadTs = body.container?.message_ts ?? body.message?.ts;
  deps.later('explain a refused action', async () => {
    await deps.client.chat.postEphemeral({
      channel,
      user: body.user.id,
      text: `Verbatim: ${reason}`,
      ...(threadTs ? { thread_ts: threadTs } : {}),
    });
  });
}

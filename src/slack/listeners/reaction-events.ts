import type { App } from '@slack/bolt';
import type { Request } from '../../core/request.ts';
import type { RequestCommand } from '../../core/request-state.ts';
import { oncePerEvent } from './once-per-event.ts';
import type { SlackListenerDeps } from './slack-listener-deps.ts';

interface ReactionEvent {
  user: string;
  reaction: string;
  item: { type: string; channel?: string; ts?: string };
}

/**
 * Reactions on a routed post act on its request: a claim reaction (👀 by default) claims, a
 * resolve reaction (✅) resolves; removing it undoes that (unclaim — only the claimer's own
 * reaction — or reopen). The reaction map is `reactions.claim` / `reactions.resolve` in the config.
 */
export function registerReactionEvents(app: App, deps: SlackListenerDeps): void {
  app.event('reaction_added', async ({ event, body }) => {
    await oncePerEvent(deps, (body as { event_id?: string }).event_id, () =>
      handleReaction(deps, event as unknown as ReactionEvent, 'added'),
    );
  });
  app.event('reaction_removed', async ({ event, body }) => {
    await oncePerEvent(deps, (body as { event_id?: string }).event_id, () =>
      handleReaction(deps, event as unknown as ReactionEvent, 'removed'),
    );
  });
}

async function handleReaction(
  deps: SlackListenerDeps,
  event: ReactionEvent,
  change: 'added' | 'removed',
): Promise<void> {
  const { channel, ts } = event.item;
  if (event.item.type !== 'message' || !channel || !ts) return;
  // Skin tones arrive as `thumbsup::skin-tone-2`.
  const name = event.reaction.split('::')[0] ?? event.reaction;
  const { claim, resolve } = deps.context.config.file.reactions;
  const meaning = claim.includes(name) ? 'claim' : resolve.includes(name) ? 'resolve' : null;
  if (!meaning) return;
  const request = await deps.context.store.findRequestByPost({
    destination: { platform: 'slack', channel },
    id: ts,
  });
  if (!request) return;
  const command = commandFor(meaning, change, request, event.user);
  if (!command) return;
  const actor = { id: event.user, name: (await deps.users.lookup(event.user))?.name ?? event.user };
  const outcome = await deps.context.applyCommand({ requestId: request.id, command, actor });
  deps.logger.info(
    { requestId: request.id, command: command.kind, ok: outcome.ok, user: event.user },
    'reaction on a routed post',
  );
  if (!outcome.ok) {
    deps.later('explain a refused reaction', async () => {
      await deps.client.chat.postEphemeral({
        channel,
        user: event.user,
        thread_ts: ts,
        text: `Verbatim: ${outcome.reason}`,
      });
    });
  }
}

function commandFor(
  meaning: 'claim' | 'resolve',
  change: 'added' | 'removed',
  request: Request,
  user: string,
): RequestCommand | null {
  if (change === 'added') return { kind: meaning };
  if (meaning === 'claim') {
    // Taking your own 👀 away hands the request back; someone else's 👀 going away changes nothing.
    return request.state === 'claimed' && request.claimedBy?.id === user ? { kind: 'unclaim' } : null;
  }
  return request.state === 'resolved' ? { kind: 'reopen' } : null;
}

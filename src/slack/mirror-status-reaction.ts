import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { RoutedPostView } from '../core/ports.ts';
import { slackErrorName } from './describe-slack-error.ts';
import type { SlackPacer } from './pace-slack-calls.ts';
import { parseSlackMessageRef } from './slack-refs.ts';

/** Reactions that mirror a request's state onto the customer's own message (config: reactions.*). */
export interface MirrorReactions {
  claimed: string;
  resolved: string;
}

/**
 * Optional (off by default): shows the customer that we are on it — a reaction on their own
 * message, the only thing Verbatim ever adds to a shared channel. 👀 while claimed, ✅ once
 * resolved, nothing otherwise. Failures are logged, never fatal: the routed post is what matters.
 */
export async function mirrorStatusReaction(
  deps: { client: WebClient; pacer: SlackPacer; logger: Logger },
  view: RoutedPostView,
  reactions: MirrorReactions,
): Promise<void> {
  const first = view.messages.find((message) => message.platform === 'slack' && message.author.external);
  const target = first ? parseSlackMessageRef(first.id) : null;
  if (!target) return;
  const wanted =
    view.state === 'claimed' ? reactions.claimed : view.state === 'resolved' ? reactions.resolved : null;
  for (const name of [reactions.claimed, reactions.resolved]) {
    const args = { channel: target.channel, timestamp: target.ts, name };
    try {
      if (name === wanted) await deps.pacer.call(() => deps.client.reactions.add(args));
      else await deps.pacer.call(() => deps.client.reactions.remove(args));
    } catch (error) {
      const code = slackErrorName(error);
      if (code === 'already_reacted' || code === 'no_reaction') continue;
      deps.logger.warn(
        { err: error, channel: target.channel },
        'could not mirror the request state onto the customer message',
      );
    }
  }
}

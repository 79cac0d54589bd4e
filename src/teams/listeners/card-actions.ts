import { z } from 'zod';
import type { AdapterContext } from '../../adapter-contract.ts';
import type { RequestCommand } from '../../core/request-state.ts';
import { CARD_VERBS, INPUT_IDS } from '../views/routed-post-card.ts';

/** The `value` of an `adaptiveCard/action` invoke: the verb and the data (hidden data merged with inputs). */
export const CardActionValueSchema = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.string(),
    data: z.record(z.string(), z.unknown()).default({}),
  }),
});

/** The invoke answer: a message shown to the clicker (Universal Actions' wire shape). */
export interface CardActionResult {
  statusCode: 200;
  type: 'application/vnd.microsoft.activity.message';
  value: string;
}

/**
 * Claim / Resolve / Reopen / Snooze / Reassign from a routed card. The command goes through the
 * core (audit trail, state rules); the core then re-renders the card for everyone through the
 * deliver job, and the clicker gets a short confirmation (or the reason it was refused).
 */
export async function handleCardAction(
  context: Pick<AdapterContext, 'applyCommand' | 'clock' | 'directory'>,
  input: {
    value: unknown;
    actor: { id: string; name?: string };
    /** Maps an unmapped request's conversation to an account (the "Map to account" button). */
    map?: (input: {
      requestId: string;
      accountId: string;
      actorId: string;
    }) => Promise<{ ok: true } | { ok: false; reason: string }>;
    /** Sends the request's audit trail to the clicker privately (the "Explain" button). */
    explain?: (requestId: string) => Promise<void>;
  },
): Promise<CardActionResult> {
  const parsed = CardActionValueSchema.safeParse(input.value);
  if (!parsed.success) return refuse('This button is not one Verbatim knows.');
  const { verb, data } = parsed.data.action;
  const requestId = typeof data.requestId === 'string' ? data.requestId : null;
  if (!requestId) return refuse('This card has no request attached.');
  if (verb === CARD_VERBS.map && input.map) {
    const accountId = data[INPUT_IDS.account];
    if (typeof accountId !== 'string') return refuse('Choose an account first.');
    const mapped = await input.map({ requestId, accountId, actorId: input.actor.id });
    return mapped.ok
      ? {
          statusCode: 200,
          type: 'application/vnd.microsoft.activity.message',
          value: 'Mapped: the request moves to its team’s channel.',
        }
      : refuse(mapped.reason);
  }
  if (verb === CARD_VERBS.explain && input.explain) {
    await input.explain(requestId);
    return {
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: 'Sent you the explanation in your chat with Verbatim.',
    };
  }
  const command = commandOf(verb, data, context);
  if (!command) return refuse('This button is not one Verbatim knows.');
  const outcome = await context.applyCommand({ requestId, command, actor: input.actor });
  if (!outcome.ok) return refuse(outcome.reason);
  return {
    statusCode: 200,
    type: 'application/vnd.microsoft.activity.message',
    value: `Done: ${command.kind}. The card updates for everyone in a moment.`,
  };
}

function commandOf(
  verb: string,
  data: Record<string, unknown>,
  context: Pick<AdapterContext, 'clock' | 'directory'>,
): RequestCommand | null {
  switch (verb) {
    case CARD_VERBS.claim:
      return { kind: 'claim' };
    case CARD_VERBS.resolve:
      return { kind: 'resolve' };
    case CARD_VERBS.reopen:
      return { kind: 'reopen' };
    case CARD_VERBS.snooze: {
      const hours = Number(data[INPUT_IDS.snoozeHours] ?? 4);
      if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 30) return null;
      return { kind: 'snooze', until: new Date(context.clock.now().getTime() + hours * 3600_000) };
    }
    case CARD_VERBS.reassign: {
      const teamId = data[INPUT_IDS.team];
      if (typeof teamId !== 'string' || !context.directory.teams.some((team) => team.id === teamId))
        return null;
      return { kind: 'reassign', teamId };
    }
    default:
      return null;
  }
}

/** A refusal is a message to the clicker too: they see why nothing happened. */
function refuse(message: string): CardActionResult {
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: message };
}

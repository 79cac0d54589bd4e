import type { App } from '@slack/bolt';
import { z } from 'zod';
import type { AdapterContext } from '../../adapter-contract.ts';
import { slackMessageId } from '../slack-refs.ts';
import { runSlackListeners } from '../store-then-ack.ts';

const KeptEventSchema = z
  .object({
    event_id: z.string().optional(),
    event: z.object({ channel: z.string().optional(), ts: z.string().optional() }).passthrough(),
  })
  .passthrough();

/**
 * A Slack event kept as a dead letter, delivered to our own listeners again as if Slack had
 * redelivered it. It gets a fresh event id (the first delivery's id may be claimed already);
 * the message id (channel and ts) keeps the pipeline idempotent. Resolves with the outcome, null
 * for letters that are not Slack events; throws when the event is still not stored.
 */
export async function retrySlackDeadLetter(
  app: App,
  context: Pick<AdapterContext, 'store' | 'clock'>,
  letter: { source: string; raw: Uint8Array },
): Promise<string | null> {
  if (letter.source !== 'slack:event') return null;
  let body: z.infer<typeof KeptEventSchema>;
  try {
    body = KeptEventSchema.parse(JSON.parse(Buffer.from(letter.raw).toString('utf8')));
  } catch (error) {
    throw new Error(`the kept event is not a Slack event envelope: ${(error as Error).message}`);
  }
  const retryId = `${body.event_id ?? 'dead-letter'}:retry:${context.clock.now().getTime()}`;
  // The letter is already durable: run the listeners now rather than storing it in the inbox again.
  await runSlackListeners(app, { ...body, event_id: retryId });
  const { channel, ts } = body.event;
  if (!channel || !ts) return 'redelivered (an event without a message)';
  const id = slackMessageId(channel, ts);
  if (!(await context.store.getMessage(id))) {
    throw new Error(`the event was redelivered but ${id} is still not stored (see the newest dead letters)`);
  }
  return `stored ${id}`;
}

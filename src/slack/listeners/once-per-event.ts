import type { SlackListenerDeps } from './slack-listener-deps.ts';

/**
 * Runs `work` once per Slack `event_id` across replicas and redeliveries (an atomic claim in
 * SQL). If the work fails the claim is given back, so Slack's retry of the event can do it.
 * Used for events whose effect is not idempotent by itself (reactions, membership changes);
 * messages are deduplicated by their id inside the ingest transaction instead.
 */
export async function oncePerEvent(
  deps: Pick<SlackListenerDeps, 'context' | 'logger'>,
  eventId: string | undefined,
  work: () => Promise<void>,
): Promise<void> {
  if (!eventId) return work();
  const key = `slack-event:${eventId}`;
  if (!(await deps.context.claimOnce(key))) {
    deps.logger.debug({ eventId }, 'duplicate Slack event ignored');
    return;
  }
  try {
    await work();
  } catch (error) {
    await deps.context
      .releaseClaim(key)
      .catch((releaseError: unknown) =>
        deps.logger.error({ err: releaseError, eventId }, 'could not release the event claim'),
      );
    throw error;
  }
}

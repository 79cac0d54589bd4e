import type { Request } from '../request.ts';
import type { Actor, RequestCommand } from '../request-state.ts';
import { applyCommand } from '../request-transitions.ts';
import type { PipelineDeps } from './pipeline-deps.ts';

export type CommandOutcome =
  | { ok: true; request: Request; previous: Request }
  | { ok: false; reason: string };

/**
 * Applies a team member's action (claim, resolve, snooze, reassign, …) to a request, records it in
 * the audit trail, and schedules the routed post to be re-rendered; a reassignment also posts the
 * request into the new team's channel.
 */
export async function applyRequestCommand(
  deps: PipelineDeps,
  input: { requestId: string; command: RequestCommand; actor: Actor },
): Promise<CommandOutcome> {
  const at = deps.clock.now();
  return deps.store.atomically(`request:${input.requestId}`, async (tx) => {
    const request = await tx.getRequest(input.requestId);
    if (!request) return { ok: false, reason: 'This request no longer exists.' };
    const result = applyCommand(request, input.command, input.actor, at);
    if (!result.ok) return { ok: false, reason: result.reason };
    await tx.saveRequest(result.request);
    await tx.recordTransition(result.transition);
    await tx.enqueue({ queue: 'deliver', data: { requestId: request.id, kind: 'update' }, key: request.id });
    if (input.command.kind === 'reassign') {
      await tx.enqueue({ queue: 'deliver', data: { requestId: request.id, kind: 'post' }, key: request.id });
    }
    return { ok: true, request: result.request, previous: request };
  });
}

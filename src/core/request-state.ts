import { z } from 'zod';

/**
 * Request lifecycle: open → claimed(by) → answered → resolved, plus snoozed(until),
 * reassigned(to team) and escalated. `reassigned` and `escalated` are recorded as transitions;
 * the request's state after them is `open` (reassigned) or unchanged (escalated).
 */
export const RequestStateSchema = z.enum(['open', 'claimed', 'answered', 'resolved', 'snoozed']);
export type RequestState = z.infer<typeof RequestStateSchema>;

export const RequestCommandSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('claim') }),
  z.object({ kind: z.literal('unclaim') }),
  z.object({ kind: z.literal('answer') }),
  z.object({ kind: z.literal('resolve') }),
  z.object({ kind: z.literal('reopen') }),
  /** `until` is an instant. */
  z.object({ kind: z.literal('snooze'), until: z.date() }),
  z.object({ kind: z.literal('reassign'), teamId: z.string() }),
  z.object({ kind: z.literal('escalate') }),
]);
export type RequestCommand = z.infer<typeof RequestCommandSchema>;
export type RequestCommandKind = RequestCommand['kind'];

export const ActorSchema = z.object({
  /** Platform user id, or `system` for Verbatim itself. */
  id: z.string(),
  name: z.string().optional(),
});
export type Actor = z.infer<typeof ActorSchema>;

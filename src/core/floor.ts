import { z } from 'zod';
import { PrioritySchema } from './priority.ts';

/** One deterministic rule of the priority floor that fired, with the words that fired it. */
export const FloorHitSchema = z.object({
  /** Stable rule id, e.g. `outage`, `data-loss`, `renewal-risk`. */
  rule: z.string(),
  priority: PrioritySchema,
  reason: z.string(),
  /** The customer's words that matched, verbatim. */
  phrase: z.string(),
});
export type FloorHit = z.infer<typeof FloorHitSchema>;

import { z } from 'zod';
import { PrioritySchema } from './priority.ts';

/** Business minutes to first response, per priority. */
const TargetsSchema = z.partialRecord(PrioritySchema, z.number().positive());

export const SlaPolicySchema = z.object({
  targets: z.record(PrioritySchema, z.number().positive()).default({ P1: 30, P2: 120, P3: 480, P4: 1440 }),
  /** Per account tier overrides of `targets`. */
  tiers: z.record(z.string(), TargetsSchema).default({}),
  /** Fraction of the target at which a warning nudge is sent. */
  warnAt: z.number().gt(0).lt(1).default(0.75),
  /** After breach, escalate when a further fraction of the target has passed. */
  escalateAfter: z.number().positive().default(1),
  /** After breach, repeat nudges every fraction of the target… */
  repeatEvery: z.number().positive().default(1),
  /** …at most this many repeats. */
  maxRepeats: z.number().int().nonnegative().default(2),
  /** Priorities whose clocks run 24/7 instead of on business hours. */
  allHours: z.array(PrioritySchema).default(['P1']),
});
export type SlaPolicy = z.infer<typeof SlaPolicySchema>;

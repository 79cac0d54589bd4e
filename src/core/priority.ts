import { z } from 'zod';

/** P1 is the most urgent. Ordering helpers treat P1 < P2 < P3 < P4 numerically. */
export const PrioritySchema = z.enum(['P1', 'P2', 'P3', 'P4']);
export type Priority = z.infer<typeof PrioritySchema>;

export const PRIORITIES: readonly Priority[] = PrioritySchema.options;

export function priorityRank(priority: Priority): number {
  return PRIORITIES.indexOf(priority) + 1;
}

/** The more urgent of two priorities (P1 beats P2). */
export function mostUrgent(a: Priority, b: Priority): Priority {
  return priorityRank(a) <= priorityRank(b) ? a : b;
}

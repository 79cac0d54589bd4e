import { z } from 'zod';

/**
 * `retention:` in the config file: how many days each kind of stored data is kept. Expired message
 * bodies and AI words are blanked, keeping the figures (times, counts, priorities, topics,
 * sentiment) that SLA reports, health and digests are computed from; the other kinds are deleted.
 * Documented in docs/privacy.md.
 */
export const RetentionSchema = z
  .object({
    /** Customer message text, subject, quoted text, author name and email (~18 months). */
    messageBodiesDays: z.number().int().positive().default(548),
    /** Summaries, reasons and quoted phrases of analyses and of the audit trail of AI decisions. */
    auditWordsDays: z.number().int().positive().default(548),
    /** Raw platform payloads once processed (an inbox table, when present). */
    rawPayloadDays: z.number().int().positive().default(30),
    /** Input kept because it could not be read. */
    deadLetterDays: z.number().int().positive().default(90),
    /** Finished delivery records (posted routed posts and notes). */
    deliveryDays: z.number().int().positive().default(90),
    /** "Happened once" claims (event ids already seen). */
    onceClaimDays: z.number().int().positive().default(30),
    /** Rows changed per statement, so the daily job never holds long locks. */
    batchSize: z.number().int().positive().default(500),
    /** Cron expression for the daily job, in the calendar's time zone. */
    schedule: z.string().default('17 3 * * *'),
  })
  .prefault({});
export type RetentionSettings = z.infer<typeof RetentionSchema>;

import { z } from 'zod';

/**
 * The six recurring churn drivers of the design brief, plus involuntary churn (budget cuts,
 * insolvency, acquisition, business model change) which we can only see coming.
 */
export const ChurnDriverSchema = z.enum([
  'promise-gap',
  'unheard-voice',
  'complaint-handling',
  'weak-value',
  'changed-needs',
  'competitor',
  'involuntary',
]);
export type ChurnDriver = z.infer<typeof ChurnDriverSchema>;

export const ChurnSignalSchema = z.object({
  driver: ChurnDriverSchema,
  /** The customer's own words that show the signal, copied verbatim from the message. */
  phrase: z.string(),
  /** Competitor named, when driver is `competitor` and a name is known. */
  competitor: z.string().optional(),
});
export type ChurnSignal = z.infer<typeof ChurnSignalSchema>;

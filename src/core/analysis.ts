import { z } from 'zod';
import { ChurnSignalSchema } from './churn-driver.ts';
import { PrioritySchema } from './priority.ts';

export const UsageSchema = z.object({
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  cacheReadTokens: z.number().int().nonnegative().default(0),
  cacheWriteTokens: z.number().int().nonnegative().default(0),
  /** Estimated cost in US dollars. */
  costUsd: z.number().nonnegative().default(0),
});
export type Usage = z.infer<typeof UsageSchema>;

/**
 * What an analyzer says about a request. This is the schema an LLM's structured output is
 * validated against (minus `engine` and `usage`, which the analyzer adds).
 */
export const AnalysisBodySchema = z.object({
  /** One or two sentences, in the team's language. Never replaces the verbatim text. */
  summary: z.string(),
  priority: PrioritySchema,
  priorityReason: z.string(),
  /** Topic ids from the configured taxonomy only. */
  topics: z.array(z.string()),
  /** −1 (very negative) … 1 (very positive). */
  sentiment: z.number().min(-1).max(1),
  churnSignals: z.array(ChurnSignalSchema),
  /** ISO 639-1 code of the customer's text. */
  language: z.string(),
  /** 0 … 1. */
  confidence: z.number().min(0).max(1),
});
export type AnalysisBody = z.infer<typeof AnalysisBodySchema>;

export const AnalysisSchema = AnalysisBodySchema.extend({
  /** Model id (e.g. `claude-haiku-5-5`) or `heuristic`, or `heuristic (fallback: <reason>)`. */
  engine: z.string(),
  usage: UsageSchema.nullable().default(null),
});
export type Analysis = z.infer<typeof AnalysisSchema>;

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

/**
 * A churn signal as stored and shown. `quoted` is set by `verifyChurnQuotes`: true when `phrase` is
 * the customer's own words (a span of the stored text), false when it is the analyzer's paraphrase,
 * which is never shown in quotation marks. Unset on analyses stored before verification existed.
 */
export const ShownChurnSignalSchema = ChurnSignalSchema.extend({ quoted: z.boolean().optional() });
export type ShownChurnSignal = z.infer<typeof ShownChurnSignalSchema>;

/**
 * How an analysis was produced, for the audit trail. Filled by the analyzer adapters (hashes and
 * provider ids are theirs to know); every field is optional so a minimal analyzer still works.
 */
export const AnalysisTraceSchema = z.object({
  /** Hash of everything stable the engine was given: prompt, taxonomy, output schema (or rule set). */
  promptVersion: z.string().optional(),
  /** Hash of the per-request input as sent (after redaction). */
  inputHash: z.string().optional(),
  /** Items of personal data replaced before the text left for the model. */
  redactions: z.number().int().nonnegative().optional(),
  latencyMs: z.number().nonnegative().optional(),
  /** The provider's id of the API request (Anthropic `request-id`). */
  providerRequestId: z.string().nullable().optional(),
  /** Set when the primary engine failed and another answered: the short reason. */
  fallbackReason: z.string().optional(),
  /** Model calls this analysis took (0 for the heuristic engine). */
  calls: z.number().int().nonnegative().optional(),
});
export type AnalysisTrace = z.infer<typeof AnalysisTraceSchema>;

/** A summary and priority reason in one more language, asked for in the same call. */
export const SummaryTranslationSchema = z.object({
  language: z.string(),
  summary: z.string(),
  priorityReason: z.string(),
});
export type SummaryTranslation = z.infer<typeof SummaryTranslationSchema>;

export const AnalysisSchema = AnalysisBodySchema.extend({
  churnSignals: z.array(ShownChurnSignalSchema),
  /** Model id (e.g. `claude-haiku-5-5`) or `heuristic`, or `heuristic (fallback: <reason>)`. */
  engine: z.string(),
  usage: UsageSchema.nullable().default(null),
  /** Summaries in the other languages the input asked for (`AnalyzerInput.otherLanguages`). */
  translations: z.array(SummaryTranslationSchema).optional(),
  trace: AnalysisTraceSchema.optional(),
});
export type Analysis = z.infer<typeof AnalysisSchema>;

import { createHash } from 'node:crypto';
import type Anthropic from '@anthropic-ai/sdk';
import type { Message } from '@anthropic-ai/sdk/resources/messages';
import type { Logger } from 'pino';
import {
  type Analysis,
  type AnalysisBody,
  AnalysisBodySchema,
  type SummaryTranslation,
  SummaryTranslationSchema,
  type Usage,
} from '../core/analysis.ts';
import type { Analyzer, AnalyzerInput } from '../core/ports.ts';
import { AnalyzerFailure } from './analyzer-failure.ts';
import { toAnalyzerFailure } from './anthropic-failure.ts';
import { computeCostUsd, findModelPrice } from './model-pricing.ts';
import { redactPersonalData } from './redact-personal-data.ts';
import { answerLanguages, buildTriageRequest } from './triage-prompt.ts';

export interface AnthropicAnalyzerOptions {
  client: Anthropic;
  /** Model id, e.g. `claude-haiku-5-5`; also the engine name shown on routed posts. */
  model: string;
  logger?: Logger;
  /** Redact emails, phone numbers, IBANs and card numbers from the text sent to the API. */
  redactPersonalData: boolean;
  /**
   * Milliseconds one attempt may take. The client's own retries (429, 5xx, timeouts) each get
   * this much again, so the worst case is (maxRetries + 1) × timeoutMs plus back-off.
   */
  timeoutMs: number;
}

/**
 * The Claude-backed triage analyzer. One Messages API call per request with structured output
 * (JSON schema from the core's `AnalysisBodySchema`), validated again here with zod because the
 * API does not enforce numeric ranges. Anything invalid throws an `AnalyzerFailure` so
 * `withFallback` can answer with the heuristic engine; nothing is clamped or repaired.
 *
 * `engine` and `usage` are set from our own configuration and the API's usage figures, never from
 * the model's text, so output cannot forge them.
 */
export function createAnthropicAnalyzer(options: AnthropicAnalyzerOptions): Analyzer {
  const { client, model, logger } = options;
  const modelPrice = findModelPrice(model);
  let warnedUnknownPrice = false;
  let warnedNoCache = false;

  return {
    name: model,
    async analyze(input: AnalyzerInput): Promise<Analysis> {
      const redacted = options.redactPersonalData ? redactText(input) : { input, redactions: 0 };
      const request = buildTriageRequest(model, redacted.input);
      const startedAt = performance.now();

      let message: Message;
      let requestId: string | null | undefined;
      try {
        const response = await client.messages.create(request, { timeout: options.timeoutMs }).withResponse();
        message = response.data;
        requestId = response.request_id;
      } catch (error) {
        const failure = toAnalyzerFailure(error);
        logger?.warn(
          { engine: model, reason: failure.reason, error: failure.message, latencyMs: elapsed(startedAt) },
          'anthropic triage call failed',
        );
        throw failure;
      }

      const { body, translations } = parseAnalysisBody(message, answerLanguages(input));
      const known = new Set(input.taxonomy.map((topic) => topic.id));
      const topics = [...new Set(body.topics)].filter((topic) => known.has(topic));

      const usage = toUsage(message);
      if (!modelPrice && !warnedUnknownPrice) {
        warnedUnknownPrice = true;
        logger?.warn({ engine: model }, 'no price known for this model; cost recorded as 0');
      }
      if (usage.cacheReadTokens === 0 && usage.cacheWriteTokens === 0 && !warnedNoCache) {
        warnedNoCache = true;
        logger?.warn(
          { engine: model, inputTokens: usage.inputTokens },
          'prompt cache neither written nor read: the prefix may be below this model’s minimum cacheable length',
        );
      }

      logger?.info(
        {
          engine: model,
          messageId: message.id,
          requestId,
          latencyMs: elapsed(startedAt),
          inputTokens: usage.inputTokens,
          outputTokens: usage.outputTokens,
          cacheReadTokens: usage.cacheReadTokens,
          cacheWriteTokens: usage.cacheWriteTokens,
          costUsd: usage.costUsd,
          redactions: redacted.redactions,
          droppedTopics: body.topics.length - topics.length,
        },
        'anthropic triage call',
      );

      return {
        summary: body.summary,
        priority: body.priority,
        priorityReason: body.priorityReason,
        topics,
        sentiment: body.sentiment,
        churnSignals: body.churnSignals,
        language: body.language,
        confidence: body.confidence,
        engine: model,
        usage,
        ...(translations.length > 0 ? { translations } : {}),
        trace: {
          promptVersion: promptVersionOf(request),
          inputHash: sha256(JSON.stringify(request.messages)),
          redactions: redacted.redactions,
          latencyMs: elapsed(startedAt),
          providerRequestId: requestId ?? null,
          calls: 1,
        },
      };
    },
  };

  function toUsage(message: Message): Usage {
    const cacheReadTokens = message.usage.cache_read_input_tokens ?? 0;
    const cacheWriteTokens = message.usage.cache_creation_input_tokens ?? 0;
    // The per-TTL breakdown decides the write price; without it, writes are 5-minute entries
    // (we send `cache_control` without a ttl).
    const cacheWrite1hTokens = message.usage.cache_creation?.ephemeral_1h_input_tokens ?? 0;
    const tokens = {
      inputTokens: message.usage.input_tokens,
      outputTokens: message.usage.output_tokens,
      cacheReadTokens,
      cacheWrite5mTokens: Math.max(0, cacheWriteTokens - cacheWrite1hTokens),
      cacheWrite1hTokens,
    };
    return {
      inputTokens: tokens.inputTokens,
      outputTokens: tokens.outputTokens,
      cacheReadTokens,
      cacheWriteTokens,
      costUsd: modelPrice ? computeCostUsd(modelPrice, tokens) : 0,
    };
  }
}

function redactText(input: AnalyzerInput): { input: AnalyzerInput; redactions: number } {
  const text = redactPersonalData(input.text);
  let redactions = text.redactions;
  // Floor phrases are the customer's words too and travel in the same request.
  const floor = input.floor.map((hit) => {
    const phrase = redactPersonalData(hit.phrase);
    redactions += phrase.redactions;
    return { ...hit, phrase: phrase.text };
  });
  return { input: { ...input, text: text.text, floor }, redactions };
}

/**
 * The structured answer, validated. Failure messages describe the problem without quoting the
 * model's text (it may echo the customer's words).
 */
function parseAnalysisBody(
  message: Message,
  languages: string[],
): { body: AnalysisBody; translations: SummaryTranslation[] } {
  if (message.stop_reason === 'max_tokens' || message.stop_reason === 'refusal') {
    throw new AnalyzerFailure('invalid-output', `model stopped early: ${message.stop_reason}`);
  }
  const block = message.content.find((content) => content.type === 'text');
  if (block?.type !== 'text') {
    throw new AnalyzerFailure('invalid-output', 'model answered without a text block');
  }
  let json: unknown;
  try {
    json = JSON.parse(block.text);
  } catch {
    throw new AnalyzerFailure('invalid-output', `model answer is not JSON (${block.text.length} characters)`);
  }
  const parsed = AnalysisBodySchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.code}`);
    throw new AnalyzerFailure('invalid-output', `model answer fails the schema: ${issues.join('; ')}`);
  }
  // Translations are extra words for people: a malformed one is dropped (that team's summary is
  // then asked for again), never a reason to discard the analysis.
  const extra = (json as { translations?: unknown }).translations;
  const translations = Array.isArray(extra)
    ? extra.flatMap((item) => {
        const translation = SummaryTranslationSchema.safeParse(item);
        return translation.success && languages.includes(translation.data.language) ? [translation.data] : [];
      })
    : [];
  return { body: parsed.data, translations };
}

/**
 * The prompt version recorded in the audit trail: a hash of everything stable in the request —
 * model, system prompt (instructions, taxonomy, examples) and output schema.
 */
function promptVersionOf(request: ReturnType<typeof buildTriageRequest>): string {
  return sha256(JSON.stringify([request.model, request.system, request.output_config])).slice(0, 16);
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function elapsed(startedAt: number): number {
  return Math.round(performance.now() - startedAt);
}

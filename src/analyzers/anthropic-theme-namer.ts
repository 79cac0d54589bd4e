import type Anthropic from '@anthropic-ai/sdk';
import type { Message } from '@anthropic-ai/sdk/resources/messages';
import type { Logger } from 'pino';
import type { ThemeNamer, ThemeNames, ThemeToName } from '../core/digest/theme-namer.ts';
import { AnalyzerFailure } from './analyzer-failure.ts';
import { toAnalyzerFailure } from './anthropic-failure.ts';
import { computeCostUsd, findModelPrice } from './model-pricing.ts';
import { redactPersonalData } from './redact-personal-data.ts';
import { buildThemeNamingRequest, parseThemeNames } from './theme-naming-prompt.ts';

export interface AnthropicThemeNamerOptions {
  client: Anthropic;
  /** Model id, the same the triage analyzer uses (`ANTHROPIC_MODEL`). */
  model: string;
  logger?: Logger;
  /** Redact emails, phone numbers, IBANs, card numbers and names from the sample texts (as triage does). */
  redactPersonalData: boolean;
  /** Milliseconds one API call may take. */
  timeoutMs: number;
  /** Milliseconds between looks at a batch that is still running (default 10 s). */
  pollIntervalMs?: number;
}

/** The one request of a naming batch; results are matched by it (their order is not guaranteed). */
const CUSTOM_ID = 'digest-themes';
/** Batches are billed at half the standard price. */
const BATCH_PRICE_FACTOR = 0.5;

/**
 * Names emerging digest themes with Claude: at once through one Messages API call, or ahead of
 * time through a Message Batch whose results are collected at posting time. Sample texts are
 * redacted before they leave, like triage's. Failures are logged here (no customer text) and
 * thrown or answered as unnamed; the digest then keeps the key-phrase labels.
 */
export function createAnthropicThemeNamer(options: AnthropicThemeNamerOptions): ThemeNamer {
  const { client, model, logger } = options;
  const pollIntervalMs = options.pollIntervalMs ?? 10_000;
  const price = findModelPrice(model);

  const request = (themes: ThemeToName[], language: string) => {
    let redactions = 0;
    const sent = options.redactPersonalData
      ? themes.map((theme) => ({
          ...theme,
          samples: theme.samples.map((sample) => {
            const redacted = redactPersonalData(sample);
            redactions += redacted.redactions;
            return redacted.text;
          }),
        }))
      : themes;
    return { params: buildThemeNamingRequest(model, sent, language), redactions };
  };

  const namesFrom = (message: Message, themeIds: string[], batch: boolean): ThemeNames => {
    const cost = price
      ? computeCostUsd(price, {
          inputTokens: message.usage.input_tokens,
          outputTokens: message.usage.output_tokens,
          cacheReadTokens: message.usage.cache_read_input_tokens ?? 0,
          cacheWrite5mTokens: message.usage.cache_creation_input_tokens ?? 0,
          cacheWrite1hTokens: 0,
        }) * (batch ? BATCH_PRICE_FACTOR : 1)
      : 0;
    logger?.info(
      {
        engine: model,
        messageId: message.id,
        batch,
        inputTokens: message.usage.input_tokens,
        outputTokens: message.usage.output_tokens,
        costUsd: cost,
      },
      'anthropic theme naming answered',
    );
    if (message.stop_reason === 'max_tokens' || message.stop_reason === 'refusal')
      throw new AnalyzerFailure('invalid-output', `model stopped early: ${message.stop_reason}`);
    const block = message.content.find((content) => content.type === 'text');
    if (block?.type !== 'text')
      throw new AnalyzerFailure('invalid-output', 'model answered without a text block');
    let json: unknown;
    try {
      json = JSON.parse(block.text);
    } catch {
      throw new AnalyzerFailure(
        'invalid-output',
        `model answer is not JSON (${block.text.length} characters)`,
      );
    }
    try {
      return parseThemeNames(json, themeIds);
    } catch (error) {
      throw new AnalyzerFailure('invalid-output', (error as Error).message);
    }
  };

  return {
    async name(themes, language) {
      const { params, redactions } = request(themes, language);
      let message: Message;
      try {
        message = await client.messages.create(params, { timeout: options.timeoutMs });
      } catch (error) {
        const failure = toAnalyzerFailure(error);
        logger?.warn(
          { engine: model, reason: failure.reason, error: failure.message },
          'anthropic theme naming failed; themes keep their key phrases',
        );
        throw failure;
      }
      try {
        const names = namesFrom(
          message,
          themes.map((theme) => theme.id),
          false,
        );
        logger?.debug({ engine: model, redactions }, 'themes named');
        return names;
      } catch (error) {
        const failure = toAnalyzerFailure(error);
        logger?.warn(
          { engine: model, reason: failure.reason, error: failure.message },
          'anthropic theme naming answer refused; themes keep their key phrases',
        );
        throw failure;
      }
    },

    async submit(themes, language) {
      const { params, redactions } = request(themes, language);
      try {
        const batch = await client.messages.batches.create(
          { requests: [{ custom_id: CUSTOM_ID, params }] },
          { timeout: options.timeoutMs },
        );
        logger?.info(
          {
            engine: model,
            batchId: batch.id,
            themes: themes.length,
            redactions,
            expiresAt: batch.expires_at,
          },
          'anthropic theme naming batch submitted',
        );
        return { batchId: batch.id, submittedAt: batch.created_at };
      } catch (error) {
        const failure = toAnalyzerFailure(error);
        logger?.warn(
          { engine: model, reason: failure.reason, error: failure.message },
          'anthropic theme naming batch not submitted',
        );
        throw failure;
      }
    },

    async collect(batchId, { waitMs, themeIds }) {
      const deadline = Date.now() + waitMs;
      const timeout = { timeout: options.timeoutMs };
      try {
        let batch = await client.messages.batches.retrieve(batchId, {}, timeout);
        while (batch.processing_status !== 'ended') {
          const left = deadline - Date.now();
          if (left <= 0) {
            logger?.warn(
              { engine: model, batchId, status: batch.processing_status, waitedMs: waitMs },
              'anthropic theme naming batch has not ended by the deadline; themes keep their key phrases',
            );
            return { status: 'pending' };
          }
          await sleep(Math.min(pollIntervalMs, left));
          batch = await client.messages.batches.retrieve(batchId, {}, timeout);
        }
        let found = null;
        for await (const entry of await client.messages.batches.results(batchId, {}, timeout)) {
          if (entry.custom_id === CUSTOM_ID) found = entry;
        }
        if (found?.result.type !== 'succeeded') {
          logger?.warn(
            {
              engine: model,
              batchId,
              result: found?.result.type ?? 'missing',
              error: found?.result.type === 'errored' ? found.result.error.error.type : undefined,
            },
            'anthropic theme naming batch ended without an answer; themes keep their key phrases',
          );
          return { status: 'ended', names: {} };
        }
        try {
          return { status: 'ended', names: namesFrom(found.result.message, themeIds, true) };
        } catch (error) {
          const failure = toAnalyzerFailure(error);
          logger?.warn(
            { engine: model, batchId, reason: failure.reason, error: failure.message },
            'anthropic theme naming batch answer refused; themes keep their key phrases',
          );
          return { status: 'ended', names: {} };
        }
      } catch (error) {
        const failure = toAnalyzerFailure(error);
        logger?.warn(
          { engine: model, batchId, reason: failure.reason, error: failure.message },
          'anthropic theme naming batch could not be read',
        );
        throw failure;
      }
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

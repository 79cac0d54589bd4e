import type { Logger } from 'pino';
import type { Analyzer } from '../core/ports.ts';
import { AnalyzerFailure, type FailureReason, failureReasonOf } from './analyzer-failure.ts';

export interface WithFallbackOptions {
  logger?: Logger;
  /** Called once per fallback with the short reason, e.g. to count it in metrics. */
  onFallback?(reason: FailureReason): void;
}

/**
 * An analyzer that asks `primary` and, on any failure (timeout, retries exhausted, API error, output
 * that fails the schema), answers with `fallback`'s analysis instead, marked
 * `<fallback name> (fallback: <reason>)` so the routed post and metrics show it. A failing fallback
 * propagates: then the triage job's own retry takes over.
 */
export function withFallback(
  primary: Analyzer,
  fallback: Analyzer,
  options: WithFallbackOptions = {},
): Analyzer {
  return {
    name: primary.name,
    async analyze(input) {
      try {
        return await primary.analyze(input);
      } catch (error) {
        const reason = failureReasonOf(error);
        // AnalyzerFailure messages carry no customer text; other errors might (a bug echoing its
        // input), so at warn level they are logged by name only and in full at debug level.
        const failure =
          error instanceof AnalyzerFailure ? { name: error.name, message: error.message } : null;
        options.logger?.warn(
          { engine: primary.name, fallback: fallback.name, reason, error: failure ?? errorName(error) },
          'analyzer failed, using fallback',
        );
        if (!failure) options.logger?.debug({ err: error }, 'unclassified analyzer failure');
        options.onFallback?.(reason);
        const analysis = await fallback.analyze(input);
        return {
          ...analysis,
          engine: `${fallback.name} (fallback: ${reason})`,
          trace: { ...analysis.trace, fallbackReason: reason },
        };
      }
    },
  };
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

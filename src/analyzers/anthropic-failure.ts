import { AnalyzerFailure, type FailureReason } from './analyzer-failure.ts';
import { anthropicSdk } from './anthropic-sdk.ts';

/**
 * Classifies what the Anthropic SDK threw (after its own retries) into a short, stable reason.
 * The message names status, error type and request id only: API error messages are not copied,
 * so nothing the request carried can leak into logs through them.
 */
export function toAnalyzerFailure(error: unknown): AnalyzerFailure {
  if (error instanceof AnalyzerFailure) return error;
  const { AnthropicError, APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } =
    anthropicSdk();
  if (error instanceof APIConnectionTimeoutError) {
    return new AnalyzerFailure('timeout', 'Anthropic API call timed out', { cause: error });
  }
  if (error instanceof APIConnectionError) {
    return new AnalyzerFailure('network', 'Anthropic API unreachable', { cause: error });
  }
  if (error instanceof APIUserAbortError) {
    return new AnalyzerFailure('error', 'Anthropic API call aborted', { cause: error });
  }
  if (error instanceof APIError && typeof error.status === 'number') {
    const detail = `Anthropic API ${error.status} ${error.type ?? 'error'} (request ${error.requestID ?? 'unknown'})`;
    return new AnalyzerFailure(reasonForStatus(error.status), detail, { cause: error });
  }
  if (error instanceof AnthropicError) {
    return new AnalyzerFailure('error', `Anthropic SDK error: ${error.name}`, { cause: error });
  }
  return new AnalyzerFailure('error', 'unexpected error calling the Anthropic API', { cause: error });
}

function reasonForStatus(status: number): FailureReason {
  if (status === 401 || status === 403) return 'auth';
  // 402: billing or spend limit. Like bad credentials, only an operator can fix it.
  if (status === 402) return 'auth';
  if (status === 408) return 'timeout';
  if (status === 429) return 'rate-limited';
  // 529 is Anthropic's `overloaded_error`: capacity, not a fault on their side or ours.
  if (status === 529) return 'overloaded';
  if (status >= 500) return 'server-error';
  return 'bad-request';
}

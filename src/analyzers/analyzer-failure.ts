/**
 * Why an analyzer could not produce an analysis. Short and stable: they appear in the engine string
 * of routed posts (`heuristic (fallback: timeout)`), in logs and as a metrics label.
 */
export type FailureReason =
  | 'timeout'
  | 'rate-limited'
  | 'overloaded'
  | 'server-error'
  | 'invalid-output'
  | 'auth'
  | 'network'
  /** The API refused the request itself (4xx other than auth and rate limits): a bug or a config error. */
  | 'bad-request'
  /** Anything unclassified, e.g. a bug in an analyzer. */
  | 'error';

/** An analyzer's failure with its classified reason. Messages never contain customer text. */
export class AnalyzerFailure extends Error {
  readonly reason: FailureReason;

  constructor(reason: FailureReason, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'AnalyzerFailure';
    this.reason = reason;
  }
}

export function failureReasonOf(error: unknown): FailureReason {
  return error instanceof AnalyzerFailure ? error.reason : 'error';
}

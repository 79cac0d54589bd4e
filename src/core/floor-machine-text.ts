/**
 * Pasted machine text: fenced code blocks and log or stack-trace lines. A customer who pastes a
 * night's worth of "504 Gateway Timeout" lines has told us about one failing job, not about
 * fifty outages; the words they wrote themselves say how bad it is. The floor and the offline
 * analyzer read the text with this masked.
 */
const FENCE = /^\s*```/u;
const MACHINE_LINE =
  /^\s*(?:\[?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|\[?\d{2}:\d{2}:\d{2}[.,]\d+|at \S+ \(.*\)\s*$|Traceback \(most recent call last\)|File ".+", line \d+|Exception in thread|(?:[a-z_$][\w$]*\.)+[A-Z][\w$]*(?:Exception|Error)\b|[A-Z][\w$]*(?:Exception|Error):)/u;

/**
 * The text with every character of fenced code and log lines replaced by a space (line breaks
 * kept), so offsets and everything the customer wrote stay where they were.
 */
export function maskMachineText(text: string): string {
  if (!text.includes('```') && !/\d{2}:\d{2}|Traceback|File "|\bat \S+ \(|Exception|Error:/u.test(text))
    return text;
  let inFence = false;
  return text
    .split('\n')
    .map((line) => {
      const fence = FENCE.test(line);
      const masked = inFence || fence || MACHINE_LINE.test(line);
      if (fence && !(line.trim().length > 6 && line.trim().endsWith('```'))) inFence = !inFence;
      return masked ? line.replace(/[^\r]/gu, ' ') : line;
    })
    .join('\n');
}

/** Words in a pasted log or trace that say something failed, not just that something ran. */
const FAILURE_IN_PASTE =
  /(?<![\p{L}\p{N}])(?:\p{L}*(?:error|exception)s?|traceback|fatal|panic|refused|unavailable|timed ?out|timeout|econn\p{L}+|etimedout|enotfound|bad gateway|[45]\d\d)(?![\p{L}\p{N}])/iu;

/**
 * Whether the pasted machine text (what `maskMachineText` hides) reports a failure: an exception,
 * a refused connection, a 5xx. The paste is evidence that something fails, never of how widely;
 * the offline analyzer pairs it with the customer's own words of breadth or impact ("on every
 * request", "customers can't pay"), so a trace alone stays a normal bug report.
 */
export function pastedFailure(text: string): boolean {
  const masked = maskMachineText(text);
  if (masked === text) return false;
  const original = text.split('\n');
  return masked
    .split('\n')
    .some(
      (line, i) => line.trim() === '' && original[i]!.trim() !== '' && FAILURE_IN_PASTE.test(original[i]!),
    );
}

/**
 * Patterns scrubbed from every serialized log line, wherever they appear (messages, error
 * stacks, nested objects). Path-based redaction alone misses a token inside an error message.
 */
const SECRET_PATTERNS: Array<[RegExp, string]> = [
  [/xox[abposr]-[A-Za-z0-9-]{6,}/g, '[slack-token]'],
  [/xapp-[A-Za-z0-9-]{6,}/g, '[slack-app-token]'],
  [/sk-ant-[A-Za-z0-9_-]{6,}/g, '[anthropic-key]'],
  [/https:\/\/hooks\.slack\.com\/[^\s"\\]+/g, '[response-url]'],
  [/(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g, '$1 [credential]'],
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, '[email]'],
];

/** Returns a function that removes known secret values and secret-shaped strings from a line. */
export function createSecretScrubber(
  knownSecrets: ReadonlyArray<string | undefined>,
): (line: string) => string {
  const exact = knownSecrets
    .filter((secret): secret is string => typeof secret === 'string' && secret.length >= 6)
    .sort((a, b) => b.length - a.length);
  return (line) => {
    let out = line;
    for (const secret of exact) out = out.split(secret).join('[secret]');
    for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
    return out;
  };
}

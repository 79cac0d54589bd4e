import pino, { type DestinationStream, type Logger } from 'pino';
import { createSecretScrubber } from './scrub-secrets.ts';

export interface LoggerOptions {
  level: string;
  /** Secret values from the environment; scrubbed wherever they appear. */
  secrets?: ReadonlyArray<string | undefined>;
  /** Where lines go; default stdout (pretty when it is a TTY). Tests pass a memory stream. */
  destination?: DestinationStream;
  pretty?: boolean;
}

/** Field paths that hold secrets or personal data whatever their value looks like. */
const REDACT_PATHS = [
  'token',
  '*.token',
  'botToken',
  'appToken',
  'signingSecret',
  '*.signingSecret',
  'apiKey',
  '*.apiKey',
  'authorization',
  'headers.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-slack-signature"]',
  'response_url',
  '*.response_url',
  'responseUrl',
  'email',
  '*.email',
  'password',
  '*.password',
  'secret',
  '*.secret',
];

export function createLogger(options: LoggerOptions): Logger {
  const scrub = createSecretScrubber(options.secrets ?? []);
  const base = {
    level: options.level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    hooks: { streamWrite: scrub },
    serializers: { err: pino.stdSerializers.err },
  };
  if (options.destination) return pino(base, options.destination);
  if (options.pretty ?? process.stdout.isTTY) {
    return pino({ ...base, transport: { target: 'pino-pretty', options: { colorize: true } } });
  }
  return pino(base);
}

import type { ILogger, LogLevel } from '@microsoft/teams.common';
import type { Logger } from 'pino';

/**
 * The Teams SDK's logger interface over our pino logger. Only the text parts of a line are kept
 * (the SDK passes whole activities as objects, and message bodies stay out of our logs); its info
 * chatter is demoted to debug.
 */
export function toTeamsLogger(logger: Logger, name = 'teams-sdk'): ILogger {
  const child = logger.child({ component: name });
  const text = (parts: unknown[]) =>
    parts
      .filter((part) => typeof part !== 'object' || part instanceof Error)
      .map((part) => (part instanceof Error ? part.message : String(part)))
      .join(' ');
  const self: ILogger = {
    debug: (...parts: unknown[]) => child.debug(text(parts)),
    info: (...parts: unknown[]) => child.debug(text(parts)),
    warn: (...parts: unknown[]) => child.warn(text(parts)),
    error: (...parts: unknown[]) => child.error(text(parts)),
    trace: (...parts: unknown[]) => child.trace(text(parts)),
    log: (level: LogLevel, ...parts: unknown[]) => self[level === 'info' ? 'debug' : level](...parts),
    child: (childName: string) => toTeamsLogger(logger, `${name}:${childName}`),
  };
  return self;
}

/**
 * A `@slack/logger`-compatible logger for Bolt Apps, WebClients and receivers in tests: it keeps
 * every line in memory instead of printing, so tests stay quiet and can assert on what Slack's
 * libraries logged (`logger.lines.filter((l) => l.level === 'error')`).
 */
import { type Logger, LogLevel } from '@slack/web-api';

export interface SlackTestLogger extends Logger {
  readonly lines: Array<{ level: 'debug' | 'info' | 'warn' | 'error'; message: string }>;
}

export function createSlackTestLogger(): SlackTestLogger {
  let level = LogLevel.DEBUG;
  const lines: SlackTestLogger['lines'] = [];
  const record =
    (lineLevel: SlackTestLogger['lines'][number]['level']) =>
    (...messages: unknown[]) => {
      lines.push({ level: lineLevel, message: messages.map(String).join(' ') });
    };
  return {
    lines,
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

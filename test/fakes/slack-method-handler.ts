/**
 * The contract between the fake Slack Web API server and its method handlers
 * (slack-chat-methods.ts, slack-conversation-methods.ts, slack-file-methods.ts).
 *
 * A handler gets the parsed arguments and the workspace and returns Slack's JSON body:
 * `{ ok: true, … }` or `slackError('channel_not_found')` (`{ ok: false, error }`, HTTP 200).
 */
import type { SlackBlockLimits, SlackLimitError } from './slack-block-limits.ts';
import type { FakeSlackWorkspace, SlackObject } from './slack-fake-workspace.ts';

export interface SlackMethodContext {
  args: Record<string, unknown>;
  workspace: FakeSlackWorkspace;
  limits: SlackBlockLimits;
  /** Origin of the fake server, e.g. `http://127.0.0.1:5123`, for URLs that point back at it. */
  origin: string;
}

export type SlackMethodHandler = (context: SlackMethodContext) => SlackObject;

export function slackError(error: string, extra: SlackObject = {}): SlackObject {
  return { ok: false, error, ...extra };
}

/** Slack's error body for a Block Kit rejection, with the `[ERROR]` lines WebClient logs. */
export function slackLimitError(limit: SlackLimitError): SlackObject {
  return slackError(limit.error, {
    errors: limit.errors,
    response_metadata: { messages: limit.errors.map((line) => `[ERROR] ${line}`) },
  });
}

/**
 * Cursor pagination as Slack does it: `limit` and an opaque base64 `cursor`; the page comes
 * with `response_metadata.next_cursor` ('' on the last page).
 */
export function paginate<T>(
  items: T[],
  args: Record<string, unknown>,
  defaultLimit: number,
): { page: T[]; hasMore: boolean; nextCursor: string } {
  const limit = Number(args['limit'] ?? defaultLimit) || defaultLimit;
  const cursor = typeof args['cursor'] === 'string' && args['cursor'] !== '' ? args['cursor'] : undefined;
  const offset = cursor
    ? Number(Buffer.from(cursor, 'base64').toString('utf8').replace('offset:', '')) || 0
    : 0;
  const page = items.slice(offset, offset + limit);
  const hasMore = offset + limit < items.length;
  const nextCursor = hasMore ? Buffer.from(`offset:${offset + limit}`).toString('base64') : '';
  return { page, hasMore, nextCursor };
}

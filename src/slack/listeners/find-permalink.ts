import type { SlackListenerDeps } from './slack-listener-deps.ts';

/**
 * The link to a message, composed in Slack's documented permalink form
 * `https://<workspace>.slack.com/archives/<channel>/p<ts without the dot>` (plus `thread_ts` for
 * replies) from auth.test's workspace URL. chat.getPermalink is asked only when that URL is
 * unknown: the listener answers Slack after storing the message, and one API call per message
 * would put Slack's own latency (and rate limits) inside that answer.
 */
export async function findPermalink(
  deps: Pick<SlackListenerDeps, 'client' | 'identity'>,
  channel: string,
  ts: string,
  threadTs?: string,
): Promise<string | null> {
  const composed = composePermalink(deps.identity.workspaceUrl, channel, ts, threadTs);
  if (composed) return composed;
  try {
    const response = await deps.client.chat.getPermalink({ channel, message_ts: ts });
    return response.permalink ?? null;
  } catch {
    return null;
  }
}

export function composePermalink(
  workspaceUrl: string | null,
  channel: string,
  ts: string,
  threadTs?: string,
): string | null {
  if (!workspaceUrl || !/^https:\/\/[^\s<>|]+$/.test(workspaceUrl)) return null;
  const base = `${workspaceUrl.replace(/\/$/, '')}/archives/${channel}/p${ts.replace('.', '')}`;
  return threadTs && threadTs !== ts ? `${base}?thread_ts=${threadTs}&cid=${channel}` : base;
}

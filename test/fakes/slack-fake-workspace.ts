/**
 * The state behind the fake Slack Web API: one workspace with its team, users, conversations,
 * messages, reactions, files and App Home views. The method handlers read and change it; tests
 * seed and inspect it through `FakeSlackApi` (see slack-web-api.ts).
 *
 * Message timestamps (`ts`) are Slack-shaped strings `"<seconds>.<6 digits>"`, taken from the
 * clock (ms since epoch) in microseconds and strictly increasing per channel.
 */

export type SlackObject = Record<string, unknown>;

/** A stored message, shaped like the objects conversations.history / replies return. */
export interface SlackMessage extends SlackObject {
  type: 'message';
  ts: string;
  text?: string;
  user?: string;
  thread_ts?: string;
  blocks?: unknown[];
}

export interface FakeSlackTeam {
  teamId: string;
  teamName: string;
  /** Subdomain used in permalinks: https://<domain>.slack.com/… */
  domain: string;
  botUserId: string;
  botId: string;
  appId: string;
}

export const defaultFakeSlackTeam: FakeSlackTeam = {
  teamId: 'T0FAKETEAM',
  teamName: 'Fake Workspace',
  domain: 'fake-workspace',
  botUserId: 'U0FAKEBOT',
  botId: 'B0FAKEBOT',
  appId: 'A0FAKEAPP',
};

export interface EphemeralMessage {
  channel: string;
  user: string;
  ts: string;
  text?: string;
  blocks?: unknown[];
  thread_ts?: string;
}

export interface StoredFile {
  file: SlackObject;
  /** Bytes uploaded through the v2 upload URL, when the file came that way. */
  content?: Buffer;
}

export class FakeSlackWorkspace {
  team: FakeSlackTeam = { ...defaultFakeSlackTeam };
  readonly users = new Map<string, SlackObject>();
  readonly conversations = new Map<string, SlackObject>();
  readonly members = new Map<string, string[]>();
  readonly usergroups = new Map<string, string[]>();
  readonly files = new Map<string, StoredFile>();
  /** Upload slots handed out by files.getUploadURLExternal, keyed by file id. */
  readonly uploads = new Map<string, { filename: string; length: number; content?: Buffer }>();
  readonly ephemerals: EphemeralMessage[] = [];
  readonly homeViews = new Map<string, SlackObject>();
  /** Users who reacted, keyed by `${channel}/${ts}/${name}`. */
  readonly reactions = new Map<string, string[]>();
  private readonly channels = new Map<string, Map<string, SlackMessage>>();
  private readonly lastTsMicros = new Map<string, number>();
  private idCounter = 0;

  constructor(private readonly nowMs: () => number) {}

  /** A new Slack-looking id with the given prefix (`F`, `V`, …). */
  newId(prefix: string): string {
    this.idCounter += 1;
    return `${prefix}0FAKE${String(this.idCounter).padStart(5, '0')}`;
  }

  /** Next message ts for a channel: the clock in µs, bumped so it always increases. */
  nextTs(channel: string): string {
    const now = Math.floor((this.nowMs() * 1000) / 100) * 100;
    const micros = Math.max(now, (this.lastTsMicros.get(channel) ?? 0) + 100);
    this.lastTsMicros.set(channel, micros);
    return `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`;
  }

  /** Stores a message (keeping its ts, or assigning one) and updates the thread parent. */
  addMessage(channel: string, message: Omit<SlackMessage, 'ts' | 'type'> & { ts?: string }): SlackMessage {
    const ts = message.ts ?? this.nextTs(channel);
    const micros = Math.round(Number(ts) * 1e6);
    if (micros > (this.lastTsMicros.get(channel) ?? 0)) this.lastTsMicros.set(channel, micros);
    const stored: SlackMessage = { ...message, type: 'message', ts };
    this.channelStore(channel).set(ts, stored);
    const threadTs = stored.thread_ts;
    const parent = threadTs !== undefined && threadTs !== ts ? this.message(channel, threadTs) : undefined;
    if (parent) {
      const replyUsers = new Set((parent['reply_users'] as string[] | undefined) ?? []);
      if (stored.user) replyUsers.add(stored.user);
      Object.assign(parent, {
        thread_ts: parent.ts,
        reply_count: ((parent['reply_count'] as number | undefined) ?? 0) + 1,
        reply_users: [...replyUsers],
        reply_users_count: replyUsers.size,
        latest_reply: ts,
      });
      if (parent.user) stored['parent_user_id'] = parent.user;
    }
    return stored;
  }

  message(channel: string, ts: string): SlackMessage | undefined {
    return this.channels.get(channel)?.get(ts);
  }

  deleteMessage(channel: string, ts: string): boolean {
    return this.channels.get(channel)?.delete(ts) ?? false;
  }

  /** Every message in a channel, thread replies included, oldest first. */
  messages(channel: string): SlackMessage[] {
    return [...(this.channels.get(channel)?.values() ?? [])].sort((a, b) => compareTs(a.ts, b.ts));
  }

  /** A thread's parent and replies, oldest first; empty when the parent is unknown. */
  thread(channel: string, ts: string): SlackMessage[] {
    if (!this.message(channel, ts)) return [];
    return this.messages(channel).filter((m) => m.ts === ts || m.thread_ts === ts);
  }

  permalink(channel: string, ts: string): string {
    const base = `https://${this.team.domain}.slack.com/archives/${channel}/p${ts.replace('.', '')}`;
    const threadTs = this.message(channel, ts)?.thread_ts;
    return threadTs !== undefined && threadTs !== ts ? `${base}?thread_ts=${threadTs}&cid=${channel}` : base;
  }

  /** conversations.info shape with Slack's defaults for a public, internal channel the bot is in. */
  conversation(id: string): SlackObject | undefined {
    const partial = this.conversations.get(id);
    if (!partial) return undefined;
    const name = typeof partial['name'] === 'string' ? partial['name'] : id.toLowerCase();
    return {
      id,
      name,
      name_normalized: name,
      is_channel: true,
      is_group: false,
      is_im: false,
      is_mpim: false,
      is_private: false,
      is_archived: false,
      is_general: false,
      is_shared: false,
      is_ext_shared: false,
      is_org_shared: false,
      is_pending_ext_shared: false,
      is_member: true,
      context_team_id: this.team.teamId,
      shared_team_ids: [this.team.teamId],
      internal_team_ids: [],
      connected_team_ids: [],
      pending_connected_team_ids: [],
      created: 1_700_000_000,
      creator: 'U0FAKEADMIN',
      unlinked: 0,
      topic: { value: '', creator: '', last_set: 0 },
      purpose: { value: '', creator: '', last_set: 0 },
      ...partial,
    };
  }

  /** users.info shape with Slack's defaults for an active, full member of this workspace. */
  user(id: string): SlackObject | undefined {
    const partial = this.users.get(id);
    if (!partial) return undefined;
    const name = typeof partial['name'] === 'string' ? partial['name'] : id.toLowerCase();
    const realName = typeof partial['real_name'] === 'string' ? partial['real_name'] : name;
    const profile = (partial['profile'] as SlackObject | undefined) ?? {};
    return {
      id,
      team_id: this.team.teamId,
      name,
      deleted: false,
      real_name: realName,
      tz: 'Europe/Helsinki',
      tz_label: 'Eastern European Time',
      tz_offset: 7200,
      is_admin: false,
      is_owner: false,
      is_primary_owner: false,
      is_restricted: false,
      is_ultra_restricted: false,
      is_bot: false,
      is_app_user: false,
      updated: 1_700_000_000,
      ...partial,
      profile: { real_name: realName, display_name: name, team: this.team.teamId, ...profile },
    };
  }

  reactionKey(channel: string, ts: string, name: string): string {
    return `${channel}/${ts}/${name}`;
  }

  /** Reactions on a message in Slack's `reactions` field shape. */
  reactionsOn(channel: string, ts: string): Array<{ name: string; users: string[]; count: number }> {
    const prefix = `${channel}/${ts}/`;
    return [...this.reactions.entries()]
      .filter(([key, users]) => key.startsWith(prefix) && users.length > 0)
      .map(([key, users]) => ({ name: key.slice(prefix.length), users: [...users], count: users.length }));
  }

  private channelStore(channel: string): Map<string, SlackMessage> {
    let store = this.channels.get(channel);
    if (!store) {
      store = new Map();
      this.channels.set(channel, store);
    }
    return store;
  }
}

/** Orders Slack timestamps numerically ("9.000100" < "10.000100"). */
export function compareTs(a: string, b: string): number {
  return Number(a) - Number(b);
}

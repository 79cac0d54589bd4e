import { toEpoch } from './local-time.ts';
import {
  CHANNELS,
  findChannel,
  findPerson,
  OUR_TEAM,
  PEOPLE,
  type Person,
  type SharedChannel,
} from './people.ts';
import type { FileSpec, Post, Scene } from './scene.ts';
import type { Random } from './seeded-random.ts';
import { toRichTextBlocks } from './to-rich-text-blocks.ts';

/** One file of the export: a path relative to the export folder and its JSON text. */
export interface ExportFile {
  path: string;
  content: string;
}

/** The history covers Mon 2026-09-21 – Fri 2026-11-20 (UTC dates). */
export const HISTORY_START = Date.UTC(2026, 8, 21) / 1000;
export const HISTORY_END = Date.UTC(2026, 10, 21) / 1000;

type SlackMessage = Record<string, unknown> & { ts: string; user: string };

/**
 * Turns scenes into a Slack export: `channels.json`, `users.json` and one folder per channel with
 * a JSON array of messages per UTC day, ordered by `ts`, the way Slack's export tool writes them.
 */
export function buildExport(scenes: Scene[], random: Random): ExportFile[] {
  const byChannel = new Map<string, SlackMessage[]>();
  const usedTs = new Set<string>();
  const ordered = [...scenes].sort((a, b) => a.channel.localeCompare(b.channel) || a.at.localeCompare(b.at));
  for (const scene of ordered) {
    const channel = findChannel(scene.channel);
    const messages = byChannel.get(channel.key) ?? [];
    messages.push(...toMessages(scene, channel, random, usedTs));
    byChannel.set(channel.key, messages);
  }

  const files: ExportFile[] = [
    {
      path: 'channels.json',
      content: json(CHANNELS.map((c) => toChannelInfo(c, byChannel.get(c.key) ?? []))),
    },
    { path: 'users.json', content: json(toUsers(random)) },
  ];
  for (const channel of CHANNELS) {
    const messages = (byChannel.get(channel.key) ?? []).sort((a, b) => Number(a.ts) - Number(b.ts));
    const days = new Map<string, SlackMessage[]>();
    for (const message of messages) {
      const day = new Date(Number(message.ts) * 1000).toISOString().slice(0, 10);
      days.set(day, [...(days.get(day) ?? []), message]);
    }
    for (const [day, dayMessages] of [...days].sort(([a], [b]) => a.localeCompare(b))) {
      files.push({ path: `${channel.name}/${day}.json`, content: json(dayMessages) });
    }
  }
  return files;
}

function toMessages(
  scene: Scene,
  channel: SharedChannel,
  random: Random,
  usedTs: Set<string>,
): SlackMessage[] {
  const parentEpoch = toEpoch(scene.at, channel.tz) + random.int(0, 50);
  if (parentEpoch < HISTORY_START || parentEpoch >= HISTORY_END) {
    throw new Error(`${scene.channel} ${scene.at} is outside the history window`);
  }
  const parentTs = uniqueTs(parentEpoch, random, usedTs);
  if (scene.subtype) return [membershipMessage(scene.subtype, scene.by, parentTs)];

  const replies: SlackMessage[] = [];
  let previous = parentEpoch;
  for (const reply of scene.replies ?? []) {
    const epoch =
      typeof reply.after === 'number'
        ? previous + reply.after * 60 + random.int(0, 50)
        : toEpoch(reply.after, channel.tz) + random.int(0, 50);
    if (epoch <= previous)
      throw new Error(`${scene.channel} ${scene.at}: reply "${reply.text}" is not after its predecessor`);
    previous = epoch;
    // The export ends on Friday 2026-11-20: later replies have not happened yet.
    if (epoch >= HISTORY_END) break;
    const ts = uniqueTs(epoch, random, usedTs);
    replies.push({ ...toMessage(reply, ts, random), thread_ts: parentTs, parent_user_id: scene.by });
  }
  const parent = toMessage(scene, parentTs, random);
  if (replies.length > 0) {
    const replyUsers = [...new Set(replies.map((r) => r.user))];
    Object.assign(parent, {
      thread_ts: parentTs,
      reply_count: replies.length,
      reply_users_count: replyUsers.length,
      latest_reply: replies.at(-1)!.ts,
      reply_users: replyUsers,
      is_locked: false,
      subscribed: false,
    });
  }
  return [parent, ...replies];
}

function toMessage(post: Post, ts: string, random: Random): SlackMessage {
  assertWireFormat(post.text);
  const author = findPerson(post.by);
  const rich = post.rich ?? random.chance(0.6);
  const message: SlackMessage = {
    user: author.id,
    type: 'message',
    ts,
    client_msg_id: uuid(random),
    text: post.text,
    team: author.team,
    user_team: author.team,
    source_team: author.team,
    user_profile: {
      avatar_hash: random.hex(12),
      image_72: avatarUrl(author, 72),
      first_name: author.realName.split(' ')[0],
      real_name: author.realName,
      display_name: author.handle.split('.')[0],
      team: author.team,
      name: author.handle,
      is_restricted: false,
      is_ultra_restricted: false,
    },
  };
  if (rich) message.blocks = toRichTextBlocks(post.text, random.hex(5));
  if (post.files) {
    Object.assign(message, { subtype: 'file_share', upload: true, display_as_bot: false });
    message.files = post.files.map((file) => toFile(file, author, Number(ts), random));
  }
  if (post.reactions) {
    message.reactions = post.reactions.map((r) => ({ name: r.name, users: r.users, count: r.users.length }));
  }
  if (post.editedAfter)
    message.edited = { user: author.id, ts: `${Math.floor(Number(ts)) + post.editedAfter * 60}.000000` };
  return message;
}

function membershipMessage(
  subtype: 'channel_join' | 'channel_leave',
  personId: string,
  ts: string,
): SlackMessage {
  const person = findPerson(personId);
  const verb = subtype === 'channel_join' ? 'has joined the channel' : 'has left the channel';
  return {
    user: person.id,
    type: 'message',
    subtype,
    ts,
    text: `<@${person.id}> ${verb}`,
    team: person.team,
    user_team: person.team,
    source_team: person.team,
  };
}

function toFile(file: FileSpec, author: Person, created: number, random: Random): Record<string, unknown> {
  const id = `F0${random.hex(9).toUpperCase()}`;
  // Files shared from another organisation arrive as stubs that need files.info.
  if (file.stub)
    return { id, mode: 'file_access', file_access: 'check_file_info', created: 0, timestamp: 0, user: '' };
  const slug = file.name.toLowerCase().replace(/[^a-z0-9.]+/g, '_');
  return {
    id,
    created: Math.floor(created),
    timestamp: Math.floor(created),
    name: file.name,
    title: file.name,
    mimetype: file.mimetype,
    filetype: file.filetype,
    pretty_type: file.prettyType,
    user: author.id,
    user_team: author.team,
    editable: false,
    size: file.size,
    mode: 'hosted',
    is_external: false,
    external_type: '',
    is_public: false,
    public_url_shared: false,
    display_as_bot: false,
    username: '',
    url_private: `https://files.slack.example/files-pri/${OUR_TEAM}-${id}/${slug}`,
    url_private_download: `https://files.slack.example/files-pri/${OUR_TEAM}-${id}/download/${slug}`,
    permalink: `https://verbatim-demo.slack.example/files/${author.id}/${id}/${slug}`,
    is_starred: false,
    has_rich_preview: false,
    file_access: 'visible',
  };
}

function toChannelInfo(channel: SharedChannel, messages: SlackMessage[]): Record<string, unknown> {
  const customers = PEOPLE.filter((p) => p.team === channel.customerTeam);
  const left = new Set(messages.filter((m) => m.subtype === 'channel_leave').map((m) => m.user));
  const staffWhoPosted = new Set(messages.map((m) => m.user).filter((id) => findPerson(id).staff));
  const owner = channel.owner;
  const members = [
    ...new Set([
      owner,
      'U0AINO01',
      ...staffWhoPosted,
      ...customers.map((c) => c.id).filter((id) => !left.has(id)),
    ]),
  ];
  return {
    id: channel.channelId,
    name: channel.name,
    created: channel.created,
    creator: owner,
    is_archived: false,
    is_general: false,
    members,
    pins: [],
    topic: { value: '', creator: '', last_set: 0 },
    purpose: { value: channel.purpose, creator: owner, last_set: channel.created },
    is_shared: true,
    is_ext_shared: true,
    is_org_shared: false,
    conversation_host_id: OUR_TEAM,
    context_team_id: OUR_TEAM,
    shared_team_ids: [OUR_TEAM],
    connected_team_ids: [OUR_TEAM, channel.customerTeam],
    internal_team_ids: [],
    pending_connected_team_ids: [],
  };
}

const TZ_INFO: Record<string, { label: string; offset: number }> = {
  'Europe/Helsinki': { label: 'Eastern European Time', offset: 7200 },
  'Europe/Stockholm': { label: 'Central European Time', offset: 3600 },
  'Europe/Berlin': { label: 'Central European Time', offset: 3600 },
  'Europe/London': { label: 'Greenwich Mean Time', offset: 0 },
  'America/New_York': { label: 'Eastern Standard Time', offset: -18000 },
};

function toUsers(random: Random): Record<string, unknown>[] {
  const users: Record<string, unknown>[] = PEOPLE.map((person) => {
    const [first, ...rest] = person.realName.split(' ');
    const hash = random.hex(12);
    const tz = TZ_INFO[person.tz]!;
    return {
      id: person.id,
      team_id: person.team,
      name: person.handle,
      deleted: false,
      color: random.hex(6),
      real_name: person.realName,
      tz: person.tz,
      tz_label: tz.label,
      tz_offset: tz.offset,
      profile: {
        title: person.title,
        phone: '',
        skype: '',
        real_name: person.realName,
        real_name_normalized: person.realName.normalize('NFD').replace(/\p{M}/gu, ''),
        display_name: first,
        display_name_normalized: first?.normalize('NFD').replace(/\p{M}/gu, ''),
        fields: null,
        status_text: '',
        status_emoji: '',
        status_emoji_display_info: [],
        status_expiration: 0,
        avatar_hash: hash,
        email: person.email,
        first_name: first,
        last_name: rest.join(' '),
        image_24: avatarUrl(person, 24),
        image_32: avatarUrl(person, 32),
        image_48: avatarUrl(person, 48),
        image_72: avatarUrl(person, 72),
        image_192: avatarUrl(person, 192),
        image_512: avatarUrl(person, 512),
        status_text_canonical: '',
        team: person.team,
      },
      is_admin: person.id === 'U0OLLI12',
      is_owner: person.id === 'U0OLLI12',
      is_primary_owner: person.id === 'U0OLLI12',
      is_restricted: false,
      is_ultra_restricted: false,
      is_bot: false,
      is_app_user: false,
      updated: 1_790_000_000,
      is_email_confirmed: true,
      who_can_share_contact_card: 'EVERYONE',
      // Members of another organisation in a Slack Connect channel are "strangers" to our workspace.
      ...(person.staff ? {} : { is_stranger: true }),
    };
  });
  users.push({
    id: 'U0VERBATIM',
    team_id: OUR_TEAM,
    name: 'verbatim',
    deleted: false,
    real_name: 'Verbatim',
    tz: 'Europe/Helsinki',
    tz_label: 'Eastern European Time',
    tz_offset: 7200,
    profile: {
      real_name: 'Verbatim',
      display_name: '',
      bot_id: 'B0VERBATIM',
      api_app_id: 'A0VERBATIM',
      always_active: true,
      first_name: 'Verbatim',
      last_name: '',
      team: OUR_TEAM,
    },
    is_admin: false,
    is_owner: false,
    is_primary_owner: false,
    is_restricted: false,
    is_ultra_restricted: false,
    is_bot: true,
    is_app_user: false,
    updated: 1_790_000_000,
    is_email_confirmed: false,
    who_can_share_contact_card: 'EVERYONE',
  });
  return users;
}

/** Slack wire format: `&`, `<`, `>` only as entities or inside `<…>` tokens such as `<@U…>` and links. */
function assertWireFormat(text: string): void {
  const outsideTokens = text.replace(
    /<(?:@[UW][A-Z0-9]+|![a-z^A-Z0-9|]+|#C[A-Z0-9]+(?:\|[^<>]*)?|(?:https?|mailto):[^<>]+)>/g,
    '',
  );
  if (/[<>]/.test(outsideTokens) || /&(?!amp;|lt;|gt;)/.test(outsideTokens)) {
    throw new Error(`not Slack wire format (escape &, < and >): ${text.slice(0, 80)}`);
  }
}

function uniqueTs(epoch: number, random: Random, used: Set<string>): string {
  let ts = `${Math.floor(epoch)}.${String(random.int(0, 999_999)).padStart(6, '0')}`;
  while (used.has(ts)) ts = `${Math.floor(epoch)}.${String(random.int(0, 999_999)).padStart(6, '0')}`;
  used.add(ts);
  return ts;
}

function uuid(random: Random): string {
  const h = random.hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function avatarUrl(person: Person, size: number): string {
  return `https://avatars.slack-edge.example/${person.team}/${person.id}_${size}.png`;
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 4)}\n`;
}

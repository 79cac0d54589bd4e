import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_DIR, generateSlackExport } from '../../examples/generate-slack-export.ts';
import { loadConfigFile } from '../../src/config/load-config.ts';

interface Message {
  type: string;
  subtype?: string;
  user: string;
  text: string;
  ts: string;
  thread_ts?: string;
  reply_count?: number;
  latest_reply?: string;
  reply_users?: string[];
  parent_user_id?: string;
  user_team?: string;
  source_team?: string;
  blocks?: unknown[];
  files?: Array<Record<string, unknown>>;
  reactions?: unknown[];
}

interface Channel {
  id: string;
  name: string;
  is_ext_shared: boolean;
  members: string[];
  connected_team_ids: string[];
}

interface User {
  id: string;
  team_id: string;
  is_stranger?: boolean;
}

const OUR_TEAM = 'T0VERBATIM';

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(join(EXPORT_DIR, path), 'utf8')) as T;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [relative(EXPORT_DIR, path)];
  });
}

const channels = readJson<Channel[]>('channels.json');
const users = readJson<User[]>('users.json');
const usersById = new Map(users.map((u) => [u.id, u]));
const history = channels.map((channel) => {
  const days = readdirSync(join(EXPORT_DIR, channel.name)).sort();
  const messages = days.flatMap((day) =>
    readJson<Message[]>(join(channel.name, day)).map((m) => ({ ...m, day })),
  );
  return { channel, days, messages };
});
const all = history.flatMap((h) => h.messages.map((m) => ({ ...m, channel: h.channel })));
const isCustomer = (m: Message) => m.user.startsWith('U1');

describe('examples/slack-export', () => {
  it('is exactly what examples/generate-slack-export.ts writes (deterministic, committed)', () => {
    const generated = generateSlackExport();
    expect(listFiles(EXPORT_DIR).sort()).toEqual(generated.map((f) => f.path).sort());
    for (const file of generated) {
      expect(readFileSync(join(EXPORT_DIR, file.path), 'utf8'), file.path).toBe(file.content);
    }
  });

  it('has one externally shared channel for every Slack channel of an account in the config', () => {
    const config = loadConfigFile(new URL('../../examples/verbatim.config.yaml', import.meta.url).pathname);
    if (!config.ok) throw new Error('example config invalid');
    const configured = config.value.accounts.flatMap((a) => a.channels.filter((c) => c.startsWith('slack:')));
    expect(channels.map((c) => `slack:${c.id}`).sort()).toEqual(configured.sort());
    for (const channel of channels) {
      expect(channel.is_ext_shared).toBe(true);
      expect(channel.connected_team_ids).toContain(OUR_TEAM);
      for (const member of channel.members) expect(usersById.has(member), member).toBe(true);
    }
  });

  it('covers more than eight weeks up to Friday 2026-11-20 with 350–600 messages', () => {
    const days = history.flatMap((h) => h.days.map((d) => d.slice(0, 10))).sort();
    expect(days[0]).toBe('2026-09-21');
    expect(days.at(-1)).toBe('2026-11-20');
    expect(all.length).toBeGreaterThanOrEqual(350);
    expect(all.length).toBeLessThanOrEqual(600);
  });

  it('files every message under its UTC day, in ts order, with unique timestamps per channel', () => {
    for (const { channel, messages } of history) {
      const timestamps = messages.map((m) => m.ts);
      expect(new Set(timestamps).size, channel.name).toBe(timestamps.length);
      expect([...timestamps].sort((a, b) => Number(a) - Number(b))).toEqual(timestamps);
      for (const message of messages) {
        expect(message.ts).toMatch(/^\d{10}\.\d{6}$/);
        expect(`${new Date(Number(message.ts) * 1000).toISOString().slice(0, 10)}.json`).toBe(message.day);
      }
    }
  });

  it('marks authors with their own team: customers with their organisation, staff with ours', () => {
    for (const message of all) {
      const author = usersById.get(message.user);
      expect(author, message.user).toBeDefined();
      expect(message.user_team).toBe(author?.team_id);
      if (isCustomer(message)) {
        expect(author?.is_stranger).toBe(true);
        expect(message.channel.connected_team_ids).toContain(message.user_team);
        expect(message.user_team).not.toBe(OUR_TEAM);
      } else {
        expect(message.user_team).toBe(OUR_TEAM);
      }
    }
  });

  it('keeps thread metadata consistent with the replies', () => {
    for (const { messages } of history) {
      const parents = messages.filter((m) => m.reply_count !== undefined);
      for (const parent of parents) {
        const replies = messages.filter((m) => m.thread_ts === parent.ts && m.ts !== parent.ts);
        expect(replies).toHaveLength(parent.reply_count ?? -1);
        expect(parent.latest_reply).toBe(replies.at(-1)?.ts);
        expect(new Set(parent.reply_users)).toEqual(new Set(replies.map((r) => r.user)));
        for (const reply of replies) expect(reply.parent_user_id).toBe(parent.user);
      }
      const orphans = messages.filter(
        (m) => m.thread_ts && m.thread_ts !== m.ts && !parents.some((p) => p.ts === m.thread_ts),
      );
      expect(orphans).toEqual([]);
    }
  });

  it('uses Slack wire format: entities for &, < and >, tokens for mentions and links', () => {
    for (const message of all) {
      const outside = message.text.replace(/<[^<>]+>/g, '');
      expect(outside, message.text.slice(0, 60)).not.toMatch(/[<>]|&(?!amp;|lt;|gt;)/);
    }
    const texts = all.map((m) => m.text);
    expect(texts.some((t) => t.includes('&amp;'))).toBe(true);
    expect(texts.some((t) => /<@U0[A-Z0-9]+>/.test(t))).toBe(true);
    expect(texts.some((t) => /:[a-z_+]+:/.test(t))).toBe(true);
  });

  it('contains the hostile and awkward cases the demo must survive', () => {
    const customer = all.filter(isCustomer);
    expect(customer.some((m) => m.text.includes('<!here>'))).toBe(true);
    expect(customer.some((m) => m.text.includes('<https://evil.example|https://bank.example>'))).toBe(true);
    expect(Math.max(...customer.map((m) => m.text.length))).toBeGreaterThanOrEqual(5_500);
    expect(all.filter((m) => m.blocks).length).toBeGreaterThan(all.length / 3);
    expect(all.some((m) => m.files?.some((f) => f.file_access === 'check_file_info'))).toBe(true);
    expect(all.some((m) => m.files?.some((f) => typeof f.size === 'number' && f.size > 0))).toBe(true);
    expect(all.some((m) => m.reactions)).toBe(true);
  });

  it('tells the storylines: outage morning, security scare, competitors, an angry renewal, praise, noise', () => {
    const customerText = (channelName: string) =>
      all.filter((m) => m.channel.name === channelName && isCustomer(m)).map((m) => m.text);
    // Tue 2026-11-10, 07:50–09:15 Helsinki.
    const [outageStart, outageEnd] = [
      Date.UTC(2026, 10, 10, 5, 50) / 1000,
      Date.UTC(2026, 10, 10, 7, 15) / 1000,
    ];
    const outageMorning = all.filter(
      (m) =>
        isCustomer(m) &&
        Number(m.ts) >= outageStart &&
        Number(m.ts) < outageEnd &&
        /502|503|down|katko|ei toimi|ei aukea/i.test(m.text),
    );
    expect(new Set(outageMorning.map((m) => m.channel.name)).size).toBeGreaterThanOrEqual(5);
    expect(customerText('ext-kestrel-health').some((t) => /breach/.test(t))).toBe(true);
    expect(customerText('ext-brightpath').some((t) => t.includes('Intercom'))).toBe(true);
    expect(customerText('ext-tundra-analytics').some((t) => t.includes('Zendesk'))).toBe(true);
    expect(
      customerText('ext-nordlake-logistics').some((t) => /told you this before.*not renew/s.test(t)),
    ).toBe(true);
    expect(all.some((m) => isCustomer(m) && /brilliant|loistava/.test(m.text))).toBe(true);
    expect(all.some((m) => isCustomer(m) && /^(thanks!|ok|kiitos 👍|kiitos :\+1:)$/.test(m.text))).toBe(true);
    const scheduledExports = all.filter((m) => isCustomer(m) && /schedul|ajastet/i.test(m.text));
    expect(new Set(scheduledExports.map((m) => m.channel.name)).size).toBeGreaterThanOrEqual(4);
  });

  it('shows Saimaa fading: fewer customer messages each month and its champion leaving', () => {
    const saimaa = all.filter((m) => m.channel.name === 'ext-saimaa-software');
    const customerIn = (from: string, to: string) =>
      saimaa.filter((m) => isCustomer(m) && !m.subtype && m.day >= from && m.day < to).length;
    const september = customerIn('2026-09-21', '2026-10-05');
    const october = customerIn('2026-10-19', '2026-11-02');
    const november = customerIn('2026-11-02', '2026-11-21');
    expect(september).toBeGreaterThan(october * 2);
    expect(october).toBeGreaterThan(november);
    const leave = saimaa.find((m) => m.subtype === 'channel_leave');
    expect(leave?.user).toBe('U1SSVILLE');
    expect(saimaa.some((m) => m.user === 'U1SSVILLE' && Number(m.ts) > Number(leave?.ts))).toBe(false);
  });

  it('leaves some customer requests without any reply from us', () => {
    const unanswered = all.filter((m) => isCustomer(m) && !m.subtype && !m.thread_ts && m.text.length > 40);
    expect(unanswered.length).toBeGreaterThanOrEqual(3);
  });
});

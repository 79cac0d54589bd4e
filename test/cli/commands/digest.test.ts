import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/cli/cli-command.ts';
import { createDigestCommand } from '../../../src/cli/commands/digest.ts';
import { runCli } from '../../../src/cli/run-cli.ts';
import { openStorage } from '../../../src/storage/open-storage.ts';
import { startFakeAnthropic } from '../../fakes/anthropic-api.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../../fakes/slack-web-api.ts';
import { captureCliIo } from '../../support/capture-cli-io.ts';
import { type SeedRequest, seedDigestRequests } from '../../support/seed-digest-history.ts';
import { TEST_CONFIG_YAML } from '../../support/test-config.ts';

const CONFIG = `${TEST_CONFIG_YAML}
digest:
  timezone: Europe/Helsinki
  destination: { platform: slack, channel: C0LEADERS }
`;
const NOW = new Date('2026-11-23T08:00:00Z');
const DAY = 86_400_000;
// Noon UTC on Monday of 2026-W47 (Helsinki) minus whole weeks.
const noon = (weeksBefore: number, day = 0) =>
  new Date(Date.UTC(2026, 10, 16, 12) - weeksBefore * 7 * DAY + day * DAY);

function history(): SeedRequest[] {
  const requests: SeedRequest[] = [];
  const add = (at: Date, request: Omit<SeedRequest, 'id' | 'at'>) =>
    requests.push({ id: `req-${requests.length + 1}`, at, ...request });
  for (let week = 1; week <= 8; week++) {
    add(noon(week), {
      account: 'acme',
      teamId: 'engineering',
      topics: ['outage'],
      priority: 'P2',
      text: 'slow',
    });
    for (const account of ['acme', 'pohjola', 'nimbus', 'acme', 'pohjola'])
      add(noon(week, 1), {
        account,
        teamId: 'billing',
        topics: ['billing'],
        priority: 'P3',
        text: 'invoice',
      });
  }
  const outage: Array<[string, string]> = [
    ['acme', 'Kaikki on alhaalla <!channel> — <http://evil.example|status.example.com> says fine'],
    ['pohjola', 'Dashboard returns 502 since 9:00'],
    ['nimbus', 'Everything is down for us'],
    ['acme', 'Still down, warehouse stopped'],
    ['kesko-demo', 'Outage? Nothing loads'],
  ];
  for (const [index, [account, text]] of outage.entries())
    add(noon(0, index % 5), {
      account,
      teamId: 'engineering',
      topics: ['outage'],
      priority: 'P1',
      text,
      sentiment: -0.9 + index * 0.1,
      author: `${account} ops`,
      responseMinutes: 20 + index * 10,
      target: 60,
    });
  // Week 2026-W36, outside W47's baseline: three requests that fit no topic, for emerging themes.
  const unmatched: Array<[string, string]> = [
    ['acme', 'Photo upload crashes the mobile app'],
    ['pohjola', 'The mobile app crashes on photo upload, mail me at ville@pohjola.example'],
    ['nimbus', 'Photo upload crashes our mobile app'],
  ];
  for (const [index, [account, text]] of unmatched.entries())
    add(noon(11, index), {
      account,
      teamId: 'engineering',
      topics: [],
      priority: 'P3',
      text,
      sentiment: -0.4,
    });
  return requests;
}

const captureIo = (cwd: string, env: NodeJS.ProcessEnv = {}) =>
  captureCliIo(cwd, { VERBATIM_DATA_DIR: './data', LOG_LEVEL: 'silent', ...env });

describe('verbatim digest', () => {
  let cwd: string;
  let slack: FakeSlackApi;
  const command = createDigestCommand({ clock: { now: () => NOW } });

  beforeAll(async () => {
    cwd = await mkdtemp(join(tmpdir(), 'verbatim-digest-cli-'));
    await writeFile(join(cwd, 'verbatim.config.yaml'), CONFIG);
    const storage = await openStorage({ dataDir: join(cwd, 'data') });
    try {
      await seedDigestRequests(storage.db, history());
    } finally {
      await storage.close();
    }
    slack = await startFakeSlackApi();
    slack.setConversation('C0LEADERS', { name: 'leaders' });
    slack.setConversation('C0BILLING', {
      name: 'billing-ext',
      is_ext_shared: true,
      connected_team_ids: ['T0CUSTOMER'],
    });
  });
  afterAll(async () => slack?.close());

  it('prints the last complete week by default, with verbatim quotes', async () => {
    const { io, out } = captureIo(cwd);
    expect(await command.run([], io)).toBe(0);
    const text = out();
    expect(text).toMatch(/^Weekly digest 2026-W47\n/);
    expect(text).toContain('5 requests (baseline 6.0/week) from 4 accounts');
    expect(text).toMatch(
      /Rising:\n• Outage: 5 this week vs 1.0\/week · ×5.0 \(95% CI [\d.]+–[\d.]+\) · q=0.0\d\d/,
    );
    expect(text).toContain(
      '    > Kaikki on alhaalla <!channel> — <http://evil.example|status.example.com> says fine',
    );
    expect(text).toContain('Falling:\n• Billing:');
  });

  it('prints JSON with the field names the issue fixes', async () => {
    const { io, out } = captureIo(cwd);
    expect(await command.run(['--week', '2026-W47', '--json'], io)).toBe(0);
    const digest = JSON.parse(out());
    expect(digest).toMatchObject({ week: '2026-W47', team: null });
    for (const key of ['volume', 'rising', 'falling', 'emerging', 'accounts', 'responsiveness'])
      expect(digest).toHaveProperty(key);
    expect(Object.keys(digest.rising[0]).sort()).toEqual(
      [
        'accounts',
        'baseline',
        'ci',
        'count',
        'kind',
        'label',
        'pValue',
        'qValue',
        'quotes',
        'rateRatio',
        'topic',
      ].sort(),
    );
    expect(Object.keys(digest.rising[0].quotes[0]).sort()).toEqual([
      'account',
      'at',
      'author',
      'link',
      'text',
    ]);
    expect(digest.rising[0].quotes[0]).toMatchObject({ account: 'Acme Logistics', author: 'acme ops' });
    expect(digest.rising[0].quotes[1].account).not.toBe('Acme Logistics');
  });

  it('with ANTHROPIC_API_KEY, --json carries the emerging theme named by Claude (one Messages call)', async () => {
    const anthropic = await startFakeAnthropic({ apiKey: 'sk-test' });
    try {
      anthropic.respondWith({ themes: [{ id: 'theme-1', name: 'Mobile photo upload crashes' }] });
      const env = {
        ANTHROPIC_API_KEY: 'sk-test',
        ANTHROPIC_BASE_URL: anthropic.baseURL,
        ANTHROPIC_MAX_RETRIES: '0',
      };
      const { io, out } = captureIo(cwd, env);
      expect(await command.run(['--week', '2026-W36', '--json'], io)).toBe(0);
      const digest = JSON.parse(out());
      expect(digest.emerging).toEqual([
        expect.objectContaining({
          label: 'Mobile photo upload crashes',
          namedBy: 'claude',
          count: 3,
          accounts: 3,
        }),
      ]);
      expect(digest.emerging[0].keyPhrases).toEqual(expect.arrayContaining(['crashes', 'mobile']));
      expect(anthropic.messageRequests()).toHaveLength(1);
      expect(anthropic.batchRequests()).toHaveLength(0);
      expect(anthropic.lastRequest().rawBody).not.toContain('ville@pohjola.example');

      // The week is stored: shown again without a key, with the same name, saying who named it.
      const again = captureIo(cwd);
      expect(await command.run(['--week', '2026-W36'], again.io)).toBe(0);
      expect(again.out()).toContain('• Mobile photo upload crashes: 3 (3) · named by Claude');
      expect(anthropic.messageRequests()).toHaveLength(1);
    } finally {
      await anthropic.close();
    }
  });

  it('explains an invalid --week and a week that has not ended', async () => {
    await expect(command.run(['--week', '2026-47'], captureIo(cwd).io)).rejects.toThrow(UsageError);
    await expect(command.run(['--week', '2026-47'], captureIo(cwd).io)).rejects.toThrow(
      /write it as YYYY-Www/,
    );
    const { io, err } = captureIo(cwd);
    expect(await command.run(['--week', '2026-W48'], io)).toBe(1);
    expect(err()).toContain(
      'week 2026-W48 has not ended yet in Europe/Helsinki; the last complete week is 2026-W47',
    );
  });

  it('parses its options strictly through the dispatcher: unknown option and missing value exit 2', async () => {
    const verbatim = async (...args: string[]) => {
      const capture = captureIo(cwd);
      const code = await runCli(['digest', ...args], capture.io, [command]);
      return { code, out: capture.out(), err: capture.err() };
    };
    expect(await verbatim('--weak', '2026-W47')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^verbatim digest: unknown option "--weak"\nusage: verbatim digest /),
    });
    expect(await verbatim('--week')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^verbatim digest: --week needs a value\n/),
    });
    expect(await verbatim('--team', '--json')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^verbatim digest: --team needs a value/),
    });
    expect(await verbatim('2026-W47')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^verbatim digest: unexpected argument "2026-W47"\n/),
    });
    expect((await verbatim('--json=yes')).err).toMatch(/^verbatim digest: --json takes no value\n/);

    const valid = await verbatim('--week=2026-W47', '--json');
    expect(valid.code).toBe(0);
    expect(JSON.parse(valid.out).week).toBe('2026-W47');
  });

  it('gives a short quiet-week digest for a week with no data', async () => {
    const { io, out } = captureIo(cwd);
    expect(await command.run(['--week', '2025-W02'], io)).toBe(0);
    expect(out()).toBe('Weekly digest 2025-W02\n\nA quiet week: no customer requests.\n');
  });

  it('slices per team in the team language', async () => {
    const { io, out } = captureIo(cwd);
    expect(await command.run(['--team', 'support', '--week', '2026-W47'], io)).toBe(0);
    expect(out()).toMatch(/^Viikkokooste 2026-W47 · Support\n\nHiljainen viikko/);
  });

  it('writes the chart as a PNG a person can read', async () => {
    const { io } = captureIo(cwd);
    expect(await command.run(['--png', 'chart.png'], io)).toBe(0);
    const png = await readFile(join(cwd, 'chart.png'));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBeGreaterThan(1000); // width in pixels (2× zoom)
    expect(png.length).toBeGreaterThan(20_000);
  });

  it('posts once to Slack within Block Kit limits with the chart in the thread, and refuses a shared channel', async () => {
    const env = { SLACK_BOT_TOKEN: slack.botToken, SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: slack.url };
    const first = captureIo(cwd, env);
    expect(await command.run(['--post'], first.io)).toBe(0);
    expect(first.err()).toContain('Posted the 2026-W47 digest to slack:C0LEADERS with its chart.');
    const [post, upload] = slack.messages('C0LEADERS');
    expect(post?.text).toBe('Weekly digest 2026-W47');
    // The customer's words stay whole, but only inside rich_text `text` elements, which Slack shows
    // as written (no pings, no disguised links); every mrkdwn string is escaped.
    const blocks = (post?.blocks ?? []) as Array<Record<string, unknown>>;
    const quotes = blocks.filter((block) => block['type'] === 'rich_text');
    expect(JSON.stringify(quotes)).toContain(
      'Kaikki on alhaalla <!channel> — <http://evil.example|status.example.com>',
    );
    for (const quote of quotes)
      expect(JSON.stringify(quote).match(/"type":"(\w+)"/g)).toEqual([
        '"type":"rich_text"',
        '"type":"rich_text_quote"',
        '"type":"text"',
      ]);
    const mrkdwn = JSON.stringify(blocks.filter((block) => block['type'] !== 'rich_text'));
    expect(mrkdwn).not.toMatch(/<!|<@|<http:/);
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(upload?.thread_ts).toBe(post?.ts);
    const fileId = (upload?.files as Array<{ id: string }> | undefined)?.[0]?.id ?? '';
    expect(slack.fileContent(fileId)?.subarray(1, 4).toString()).toBe('PNG');
    expect(slack.callsTo('files.completeUploadExternal')).toHaveLength(1);

    const again = captureIo(cwd, env);
    expect(await command.run(['--post'], again.io)).toBe(0);
    expect(again.err()).toContain('already posted');
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);

    const shared = captureIo(cwd, env);
    await expect(command.run(['--post', '--team', 'billing'], shared.io)).rejects.toThrow(
      /refusing to post into Slack channel C0BILLING/,
    );
    expect(slack.messages('C0BILLING')).toHaveLength(0);
  });
});

import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notifier, PostRef } from '../../../src/core/ports.ts';
import { REMOVAL_NOTICE } from '../../../src/slack/retract-slack-posts.ts';
import { openStorage } from '../../../src/storage/open-storage.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../../fakes/slack-web-api.ts';
import { runVerbatim } from '../../support/cli-harness.ts';
import { seedRequestHistory } from '../../support/seed-request-history.ts';
import { TEST_CONFIG_YAML } from '../../support/test-config.ts';

const ANN = { id: 'UANN', name: 'Ann Customer', email: 'ann@acme-logistics.example', external: true };
const BOB = { id: 'UBOB', name: 'Bob Buyer', email: 'bob@pohjola-foods.example', external: true };
const CARO = { id: 'UCARO', name: 'Caro Client', email: 'caro@nordlake.example', external: true };
const ANN_TRACES = [
  'ann@acme-logistics.example',
  'UANN',
  'Ann Customer',
  'Production is down for all our users',
  'the same outage happened last month',
];

/** A Notifier port fake that posts plain messages to the fake Slack, so real ts values are stored. */
function slackPostingNotifier(client: WebClient): Notifier {
  const post = async (channel: string, text: string, threadTs?: string): Promise<string> =>
    (await client.chat.postMessage({ channel, text, ...(threadTs ? { thread_ts: threadTs } : {}) })).ts!;
  const channelOf = (target: PostRef | { platform: string; channel?: string }) =>
    ('destination' in target ? target.destination : target) as { channel: string };
  return {
    platform: 'slack',
    async postRoutedPost(destination, view) {
      const channel = channelOf(destination).channel;
      const ts = await post(channel, view.messages.map((message) => message.text).join('\n'));
      // A long text's continuation in the thread carries the customer's words too.
      await post(channel, `(continued) ${view.messages[0]?.text ?? ''}`, ts);
      return { destination, id: ts };
    },
    async updateRoutedPost() {},
    async postNote(target, note) {
      const channel = channelOf(target).channel;
      const ts = await post(channel, note.text, 'destination' in target ? target.id : undefined);
      return { destination: 'destination' in target ? target.destination : target, id: ts };
    },
    async findDelivery() {
      return null;
    },
  };
}

describe('verbatim forget', () => {
  let cwd: string;
  let slack: FakeSlackApi;
  let env: Record<string, string>;
  let annRequest: string;
  let bobRequest: string;

  beforeAll(async () => {
    slack = await startFakeSlackApi();
    for (const channel of ['C0ENGINEER', 'C0INCIDENT', 'C0SUPPORT'])
      slack.setConversation(channel, {
        id: channel,
        name: channel.toLowerCase(),
        is_channel: true,
        is_member: true,
      });
    env = {
      VERBATIM_DATA_DIR: './data',
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_SIGNING_SECRET: 'test-signing-secret',
      SLACK_API_URL: slack.url,
    };
    cwd = await mkdtemp(join(tmpdir(), 'verbatim-forget-'));
    await writeFile(join(cwd, 'verbatim.config.yaml'), TEST_CONFIG_YAML);
    const storage = await openStorage({ dataDir: join(cwd, 'data') });
    try {
      const notifier = slackPostingNotifier(new WebClient(slack.botToken, { slackApiUrl: slack.url }));
      annRequest = (await seedRequestHistory(storage, { notifier, author: ANN })).requestId;
      bobRequest = (
        await seedRequestHistory(storage, {
          notifier,
          author: BOB,
          channel: 'C1POHJOLA',
          texts: [
            'Our invoice for October is wrong, please check the VAT line.',
            'Also the PDF export shows the old logo.',
          ],
          analysis: { topics: ['billing'], churnSignals: [] },
          at: new Date('2026-11-24T08:00:00Z'),
        })
      ).requestId;
      await seedRequestHistory(storage, {
        notifier,
        author: CARO,
        channel: 'C1NORD',
        texts: ['The SSO login loops forever on Safari.', 'It started after your release on Tuesday.'],
        analysis: {
          topics: ['bug'],
          churnSignals: [],
          translations: [{ language: 'en', summary: 'SSO loop on Safari.', priorityReason: 'Login.' }],
        },
        at: new Date('2026-11-25T08:00:00Z'),
      });
      // Tables other parts of Verbatim add (digest, health) quote the person without naming her.
      await storage.db.exec(`
        CREATE TABLE digest_reports (id serial PRIMARY KEY, week date NOT NULL, body jsonb NOT NULL);
        CREATE TABLE health_evidence (id serial PRIMARY KEY, account text NOT NULL, quote text NOT NULL);
      `);
      await storage.db.query('INSERT INTO digest_reports (week, body) VALUES ($1, $2), ($1, $3)', [
        '2026-11-23',
        JSON.stringify({ topics: [{ id: 'outage', quotes: ['Production is down for all our users'] }] }),
        JSON.stringify({ topics: [{ id: 'billing', quotes: ['Our invoice for October is wrong'] }] }),
      ]);
      await storage.db.query('INSERT INTO health_evidence (account, quote) VALUES ($1, $2), ($3, $4)', [
        'acme',
        'the same outage happened last month',
        'pohjola',
        'please check the VAT line',
      ]);
      await storage.db.query(
        `INSERT INTO dead_letters (source, reason, raw) VALUES ('email:webhook', 'malformed MIME', $1)`,
        [Buffer.from('From: Ann Customer <ann@acme-logistics.example>\r\n\r\nbroken')],
      );
    } finally {
      await storage.close();
    }
  });
  afterAll(() => slack.close());

  async function everyRow(): Promise<string> {
    const storage = await openStorage({ dataDir: join(cwd, 'data') });
    try {
      const tables = await storage.db.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
      );
      expect(tables.rows.length).toBeGreaterThan(10);
      let dump = '';
      for (const { table_name } of tables.rows) {
        const rows = await storage.db.query(`SELECT * FROM "${table_name}"`);
        dump += `${table_name}: ${JSON.stringify(rows.rows, (_key, value) => (value?.type === 'Buffer' ? Buffer.from(value.data).toString('latin1') : value instanceof Uint8Array ? Buffer.from(value).toString('latin1') : value))}\n`;
      }
      return dump;
    } finally {
      await storage.close();
    }
  }

  it('shows what would go on a dry run and erases nothing', async () => {
    const { code, stdout } = await runVerbatim(['forget', '--email', ANN.email, '--dry-run'], { cwd, env });
    expect(code).toBe(0);
    expect(stdout).toContain('1 request(s), 2 message(s)');
    expect(stdout).toMatch(/digest_reports: 1 row/);
    expect(stdout).toMatch(/health_evidence: 1 row/);
    expect(stdout).toMatch(/triage_records: 2 row/);
    expect(stdout).toContain('dry run: nothing was erased');
    expect(await everyRow()).toContain(ANN.email);
  });

  it('erases every trace of the person, keeps others, records the erasure and edits the posts', async () => {
    const { code, stdout, stderr } = await runVerbatim(
      ['forget', '--email', ANN.email, '--by', 'dpo@verbatim-demo.example'],
      {
        cwd,
        env,
      },
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('✓ erased in one transaction');

    const dump = await everyRow();
    for (const trace of ANN_TRACES) expect(dump, trace).not.toContain(trace);
    expect(dump).not.toContain(annRequest);
    // Bob's request, his quotes and his audit trail stay.
    expect(dump).toContain(bobRequest);
    expect(dump).toContain('Our invoice for October is wrong');
    expect(dump).toContain('please check the VAT line');
    expect(dump).toMatch(/erasures: \[\{[^\n]*"actor":"dpo@verbatim-demo.example","subject_kind":"email"/);

    // Every Slack message that showed her words (post, continuation, escalation) now shows the notice.
    const annPosts = ['C0ENGINEER', 'C0INCIDENT'].flatMap((channel) =>
      slack.messages(channel).flatMap((message) => [message, ...slack.thread(channel, message.ts as string)]),
    );
    expect(annPosts.length).toBeGreaterThanOrEqual(3);
    const texts = JSON.stringify(annPosts.map((message) => [message.text, message.blocks]));
    for (const trace of ANN_TRACES.slice(3)) expect(texts).not.toContain(trace);
    expect(texts).toContain(REMOVAL_NOTICE);
    expect(stdout).toMatch(/✓ [1-9]\d* Slack message\(s\) edited/);
  });

  it('lists a Slack message it could not edit, edits the others, and the erasure stands', async () => {
    const before = slack.callsTo('chat.update').length;
    // Someone deleted the routed post in Slack in the meantime.
    slack.failNext('chat.update', { error: 'message_not_found' });
    const { code, stdout, stderr } = await runVerbatim(['forget', '--email', CARO.email], { cwd, env });
    expect(code).toBe(1);
    expect(stdout).toContain('✓ erased in one transaction');
    expect(stderr).toMatch(
      /✗ could not edit slack:C0\w+ message \d+\.\d+: not found: the message was deleted/,
    );
    expect(stderr).toContain('✗ 1 message(s) may still show the erased words');
    // Its continuation in the thread was still edited.
    expect(slack.callsTo('chat.update').length - before).toBeGreaterThanOrEqual(2);
    expect(stdout).toMatch(/✓ [1-9]\d* Slack message\(s\) edited/);
    expect(await everyRow()).not.toContain('The SSO login loops forever');
  });

  it('needs exactly one subject', async () => {
    expect((await runVerbatim(['forget'], { cwd, env })).code).toBe(2);
    expect(
      (await runVerbatim(['forget', '--email', 'a@b.example', '--account', 'acme'], { cwd, env })).code,
    ).toBe(2);
    expect(
      await runVerbatim(['forget', '--account', 'acme', '--account', 'pohjola'], { cwd, env }),
    ).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(
        /^verbatim forget: name exactly one of --email, --slack-user, --account\n/,
      ),
    });
  });

  it('parses its options strictly: unknown option and missing value exit 2, --option=value works', async () => {
    expect(await runVerbatim(['forget', '--emial', ANN.email], { cwd, env })).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^verbatim forget: unknown option "--emial"\nusage: verbatim forget /),
    });
    expect(await runVerbatim(['forget', '--email'], { cwd, env })).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^verbatim forget: --email needs a value\n/),
    });
    expect(await runVerbatim(['forget', '--slack-user', 'UBOB', '--by'], { cwd, env })).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^verbatim forget: --by needs a value\n/),
    });
    expect(await runVerbatim(['forget', '--email', 'not-an-address'], { cwd, env })).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^verbatim forget: "not-an-address" is not an email address\n/),
    });
    const dryRun = await runVerbatim(['forget', `--slack-user=${BOB.id}`, '--dry-run', '--by=dpo'], {
      cwd,
      env,
    });
    expect(dryRun.code).toBe(0);
    expect(dryRun.stdout).toContain(`to erase for slack-user ${BOB.id}:`);
    expect(dryRun.stdout).toContain('dry run: nothing was erased');
  });
});

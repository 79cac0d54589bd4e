import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHURN_ACTION_IDS, CHURN_REFUSAL } from '../../src/slack/views/health-blocks.ts';
import { startPostRecorder } from '../support/http-post-recorder.ts';
import { seedDecliningAccount, seedRequest } from '../support/seed-health-data.ts';
import { TEST_CONFIG_YAML } from '../support/test-config.ts';
import { blockAction, type SlackHarness, startSlackHarness, TEAM_ID } from './slack-harness.ts';

const CHURN_YAML = `${TEST_CONFIG_YAML.replace(
  '    tier: enterprise\n    arr: 120000',
  '    owner: U0OWNER\n    tier: enterprise\n    arr: 120000',
).replace('ownDomains:', '  - { id: acme-labs, name: Acme Labs, domains: [acmelabs.example] }\nownDomains:')}
churn:
  allowedUsers: [U0ANN]
  allowedGroups: [S0CS]
  alertChannel: { platform: slack, channel: C0CS }
`;
const DAY = 86_400_000;

describe('/churn through the real Bolt app', () => {
  let h: SlackHarness;
  let recorder: Awaited<ReturnType<typeof startPostRecorder>>;
  let commandCount = 0;

  /** Sends `/churn <text>` as `user`; resolves with the ack time and the answer posted to response_url. */
  async function churn(user: string, text: string) {
    commandCount += 1;
    const responseUrl = `${recorder.url}/commands/${commandCount}`;
    const before = recorder.posts.length;
    const started = Date.now();
    const ack = await h.sendCommand({
      command: '/churn',
      text,
      user_id: user,
      user_name: user.toLowerCase(),
      channel_id: 'C0SUPPORT',
      channel_name: 'support',
      team_id: TEAM_ID,
      team_domain: 'verbatim',
      response_url: responseUrl,
      trigger_id: '1.2.3',
      api_app_id: 'A0FAKEAPP',
      token: 'legacy-token',
    });
    const ackMs = Date.now() - started;
    const answer = await h.waitFor('the answer on response_url', () => recorder.posts[before]);
    return { ack, ackMs, answer: answer as Record<string, unknown> & { text: string; blocks?: unknown[] } };
  }

  beforeAll(async () => {
    recorder = await startPostRecorder();
    h = await startSlackHarness({ yaml: CHURN_YAML });
    h.slack.api.setUsergroupUsers('S0CS', ['U0CAROL']);
    h.slack.api.setConversation('C0CS', { name: 'customer-success' });
    const { db } = h.verbatim.storage;
    await seedDecliningAccount(db, 'acme', new Date());
    for (let ago = 60; ago >= 2; ago -= 5)
      await seedRequest(db, {
        accountId: 'pohjola',
        openedAt: new Date(Date.now() - ago * DAY),
        text: `Kiitos ${ago}`,
        sentiment: 0.5,
        topics: [`t${ago}`],
        firstResponseMinutes: 10,
      });
  });
  afterAll(async () => {
    await h?.close();
    await recorder?.close();
  });

  it('explains an account to an allowed user through response_url, acknowledged within 3 s', async () => {
    const { ack, ackMs, answer } = await churn('U0ANN', 'acme');
    expect(ack.status).toBe(200);
    expect(ackMs).toBeLessThan(3000);
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text).toMatch(/^Acme Logistics: health \d+\/100, (watch|at-risk|critical)$/);
    const blocks = JSON.stringify(answer.blocks);
    expect(blocks).toMatch(/What changed since last week/);
    expect(blocks).toMatch(/Zendesk offered us the same for half the price/);
    expect(blocks).toMatch(/Pat Power left the shared channel|Pat Power/);
    expect(blocks).toMatch(/Next step/);
    expect(blocks).toContain(CHURN_ACTION_IDS.share);
    expect((answer.blocks ?? []).length).toBeLessThanOrEqual(50);
  });

  it('lets a member of an allowed usergroup in, and tolerates typos', async () => {
    const { answer } = await churn('U0CAROL', 'acme logstics');
    expect(answer.text).toMatch(/^Acme Logistics: health/);
  });

  it('refuses everyone else with the same words, whatever they asked', async () => {
    const known = await churn('U0BOB', 'acme');
    const unknown = await churn('U0BOB', 'no-such-account');
    const list = await churn('U0BOB', '');
    for (const { answer } of [known, unknown, list]) {
      expect(answer).toMatchObject({ response_type: 'ephemeral', text: CHURN_REFUSAL });
      expect(JSON.stringify(answer)).not.toMatch(/Acme|acme|health \d/);
    }
  });

  it('answers an unknown account helpfully, pointing at the risk list', async () => {
    const { answer } = await churn('U0ANN', 'globex corporation');
    expect(answer.text).toBe('No account matches “globex corporation”.');
    expect(JSON.stringify(answer.blocks)).toMatch(/`\/churn` lists the riskiest accounts/);
  });

  it('says what is missing for an account with no history', async () => {
    const { answer } = await churn('U0ANN', 'nimbus');
    expect(answer.text).toBe('Nimbus Health: not enough data yet');
    expect(JSON.stringify(answer.blocks)).toMatch(/no triaged requests/);
  });

  it('answers /churn help, and /churn alone with the risk list', async () => {
    expect(JSON.stringify((await churn('U0ANN', 'help')).answer.blocks)).toMatch(/\/churn acme/);
    await h.verbatim.takeHealthSnapshots();
    const { answer } = await churn('U0ANN', '');
    expect(answer.text).toMatch(/most urgent accounts/);
    const blocks = JSON.stringify(answer.blocks);
    expect(blocks.indexOf('Acme Logistics')).toBeGreaterThan(-1);
    expect(blocks.indexOf('Acme Logistics')).toBeLessThan(blocks.indexOf('Pohjola Foods'));
  });

  it('shows the viewer’s own accounts with health and open requests on App Home', async () => {
    await h.verbatim.takeHealthSnapshots();
    await h.sendEvent(
      { type: 'app_home_opened', user: 'U0OWNER', channel: 'D0OWNER', tab: 'home', event_ts: '1.0' },
      { extShared: false },
    );
    const view = await h.waitFor('home view', () => h.slack.api.homeView('U0OWNER'));
    const rendered = JSON.stringify(view['blocks']);
    expect(rendered).toContain('*My accounts*');
    expect(rendered).toMatch(/\*Acme Logistics\* · .* (watch|at-risk|critical) \d+\/100/);
    expect(rendered).toMatch(/2 open requests/);
    expect(rendered).not.toContain('Pohjola Foods');
  });

  /** Clicks a button of an ephemeral /churn answer; resolves with what reached response_url. */
  async function click(user: string, channel: string, actionId: string, value: string) {
    const before = recorder.posts.length;
    await h.sendInteraction({
      ...blockAction({
        user,
        channel,
        messageTs: '1.000001',
        action: { type: 'button', action_id: actionId, value },
      }),
      container: { type: 'message', message_ts: '1.000001', channel_id: channel, is_ephemeral: true },
      response_url: `${recorder.url}/actions/${before}`,
    });
    return (await h.waitFor('the answer on response_url', () => recorder.posts[before])) as Record<
      string,
      unknown
    >;
  }

  it('offers a button per account when the name is ambiguous, and explains the one picked', async () => {
    const { answer } = await churn('U0ANN', 'acm');
    const buttons = JSON.stringify(answer.blocks);
    expect(answer.text).toBe('Which account did you mean by “acm”?');
    expect(buttons).toContain(`${CHURN_ACTION_IDS.pick}:acme`);
    expect(buttons).toContain(`${CHURN_ACTION_IDS.pick}:acme-labs`);
    const picked = await click('U0ANN', 'C0SUPPORT', `${CHURN_ACTION_IDS.pick}:acme`, 'acme');
    expect(picked.text).toMatch(/^Acme Logistics: health \d+\/100/);
    expect(picked.replace_original).toBe(true);
  });

  it('shares the explanation in an internal channel, and refuses a channel shared with a customer', async () => {
    const shared = await click('U0ANN', 'C0SUPPORT', CHURN_ACTION_IDS.share, 'acme');
    expect(shared).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(JSON.stringify(shared.blocks)).toMatch(/Shared by <@U0ANN>/);
    expect(JSON.stringify(shared.blocks)).not.toContain(CHURN_ACTION_IDS.share);
    const refused = await click('U0ANN', 'C1ACME', CHURN_ACTION_IDS.share, 'acme');
    expect(refused).toMatchObject({ response_type: 'ephemeral' });
    expect(String(refused.text)).toMatch(/^Not shared: this channel is shared with another organisation/);
  });

  it('records a new executive’s title from Slack and names them in the stakeholders factor', async () => {
    h.slack.api.setUser('U0CFO', {
      name: 'dana',
      real_name: 'Dana Decider',
      team_id: 'T0CUSTOMER',
      is_stranger: true,
      profile: { display_name: 'Dana Decider', title: 'CFO' },
    });
    await h.sendEvent({
      type: 'member_joined_channel',
      user: 'U0CFO',
      channel: 'C1ACME',
      channel_type: 'C',
      team: 'T0CUSTOMER',
    });
    await h.waitFor('the join recorded', async () => {
      const rows = await h.verbatim.storage.db.query<{ detail: { title?: string } }>(
        `SELECT detail FROM account_events WHERE actor->>'id' = 'U0CFO'`,
      );
      return rows.rows[0]?.detail.title === 'CFO';
    });
    const { answer } = await churn('U0ANN', 'acme');
    expect(JSON.stringify(answer.blocks)).toMatch(
      /Dana Decider \(CFO\) joined the shared channel|1 new executives/,
    );
  });
});

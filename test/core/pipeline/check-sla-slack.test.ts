import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVerbatim, type Verbatim } from '../../../src/compose-verbatim.ts';
import type { Analyzer } from '../../../src/core/ports.ts';
import { createSlackAdapter } from '../../../src/slack/create-slack-adapter.ts';
import { SLACK_BOT_SCOPES } from '../../../src/slack/slack-app-requirements.ts';
import { type FakeSlack, startFakeSlack } from '../../fakes/slack-fake.ts';
import type { SlackMessage } from '../../fakes/slack-fake-workspace.ts';
import {
  BOT_USER,
  CUSTOMER_TEAM,
  customerMessage,
  envelope,
  fixedAnalyzer,
  staffMessage,
  TEAM_ID,
} from '../../slack/slack-harness.ts';
import { testConfig } from '../../support/test-config.ts';
import { waitFor } from '../../support/wait-for.ts';
import { hel, SLA_CONFIG_YAML } from './check-sla-kit.ts';

const slackTs = (at: Date) => `${Math.floor(at.getTime() / 1000)}.000100`;

/** The fixed analyzer of the Slack tests, at P2 (target 120 business minutes). */
const p2Analyzer: Analyzer = {
  name: 'fixed-p2',
  async analyze(input) {
    return { ...(await fixedAnalyzer().analyze(input)), priority: 'P2' };
  },
};

describe('SLA nudges through the Slack adapter on a fake clock', () => {
  let slack: FakeSlack;
  let verbatim: Verbatim;
  let now = hel('2026-11-23 08:00');

  beforeAll(async () => {
    slack = await startFakeSlack({
      api: {
        team: { teamId: TEAM_ID, botUserId: BOT_USER, botId: 'B0VERBATIM', domain: 'verbatim' },
        scopes: [...SLACK_BOT_SCOPES],
      },
    });
    for (const [id, name] of [
      ['C0SUPPORT', 'support'],
      ['C0ESCALATE', 'support-escalations'],
    ] as const) {
      slack.api.setConversation(id, { name });
    }
    slack.api.setConversation('C1ACME', {
      name: 'acme-verbatim',
      is_shared: true,
      is_ext_shared: true,
      connected_team_ids: [CUSTOMER_TEAM],
    });
    slack.api.setMembers('C0SUPPORT', ['U0ANN', BOT_USER]);
    slack.api.setUser('U0CUST001', {
      name: 'casey',
      real_name: 'Casey Customer',
      team_id: CUSTOMER_TEAM,
      is_stranger: true,
      profile: { display_name: 'Casey Customer', email: 'casey@acme-logistics.example' },
    });
    slack.api.setUser('U0ANN', { name: 'ann', real_name: 'Ann Agent', profile: { display_name: 'Ann' } });
    const config = testConfig({
      yaml: SLA_CONFIG_YAML,
      env: {
        SLACK_BOT_TOKEN: slack.api.botToken,
        SLACK_API_URL: slack.api.url,
        SLACK_APP_TOKEN: slack.api.appToken,
      },
    });
    verbatim = await startVerbatim({
      config,
      clock: { now: () => now },
      listen: false,
      pollingIntervalSeconds: 0.5,
      settings: { triageDelaySeconds: 0 },
      analyzer: p2Analyzer,
      adapters: [(context) => createSlackAdapter(context, { postIntervalMs: 20 })],
    });
    await slack.socketMode.waitForConnection();
  });
  afterAll(async () => {
    await verbatim?.stop();
    await slack?.close();
  });

  /** Moves the fake clock and runs one SLA tick through the job queue, as the cron schedule would. */
  async function tickAt(at: Date) {
    now = at;
    await verbatim.jobs.enqueue('sla-tick', {});
  }

  const text = (message: SlackMessage | undefined) => JSON.stringify(message ?? {});

  it('warns in the routed post thread, escalates to the manager, and stops when staff answer the customer', async () => {
    const event = customerMessage({
      text: 'The CSV export fails with an error since this morning',
      ts: slackTs(now),
    });
    await slack.socketMode.deliver('events_api', envelope(event));
    const routed = await waitFor('routed post', () =>
      slack.api
        .messages('C0SUPPORT')
        .find((message) => message.thread_ts === undefined && text(message).includes('CSV export')),
    );
    const thread = () =>
      slack.api.thread('C0SUPPORT', routed.ts).filter((message) => message.ts !== routed.ts);

    await tickAt(hel('2026-11-23 09:30'));
    const warning = await waitFor('warning in the thread', () =>
      thread().find((message) => text(message).includes('SLA warning')),
    );
    expect(warning.thread_ts).toBe(routed.ts);
    expect(text(warning)).toContain('<!subteam^S0SUPPORT>');
    expect(text(warning)).toContain(
      'waited 1 h 30 min of business time for a first reply to the customer; the target is 2 h',
    );

    await tickAt(hel('2026-11-23 12:00'));
    const escalation = await waitFor('escalation', () =>
      slack.api.messages('C0ESCALATE').find((message) => text(message).includes('SLA escalation')),
    );
    expect(text(escalation)).toContain('<@U0MANAGER>');
    expect(text(escalation)).toContain('Open the routed post');
    await waitFor('repeat in the thread', () =>
      thread().find((message) => text(message).includes('Reminder 1 of 2')),
    );

    const reply = staffMessage({
      text: 'Looking into it now!',
      thread_ts: event.ts,
      ts: slackTs(hel('2026-11-23 12:10')),
    });
    await slack.socketMode.deliver('events_api', envelope(reply, { extShared: true }));
    await waitFor(
      'answered',
      async () => (await verbatim.store.getRequest(`req_slack:C1ACME:${event.ts}`))?.state === 'answered',
    );
    await tickAt(hel('2026-11-23 15:00'));
    await waitFor('first response measured', async () =>
      (await verbatim.metrics.firstResponse.get()).values.some(
        (value) => value.metricName?.endsWith('_count') && value.value === 1,
      ),
    );
    expect(thread().filter((message) => text(message).includes('Reminder 2 of 2'))).toEqual([]);
    expect(thread().filter((message) => text(message).includes(':alarm_clock:'))).toHaveLength(2);
  }, 60_000);
});

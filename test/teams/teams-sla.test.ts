import { afterEach, describe, expect, it } from 'vitest';
import type { Analyzer } from '../../src/core/ports.ts';
import { hel } from '../core/pipeline/check-sla-kit.ts';
import { fixedAnalyzer } from '../slack/slack-harness.ts';
import {
  channelMessage,
  ESCALATION_CHANNEL,
  MANAGER,
  STAFF,
  SUPPORT_CHANNEL,
  startTeamsHarness,
  type TeamsHarness,
} from './teams-harness.ts';

/** P2: target 120 business minutes, warning at 75 %, escalation after a further 100 % (default policy). */
const p2Analyzer: Analyzer = {
  name: 'fixed-p2',
  async analyze(input) {
    return { ...(await fixedAnalyzer().analyze(input)), priority: 'P2' };
  },
};

let harness: TeamsHarness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

describe('SLA nudges on Teams', () => {
  it('warns in the routed card thread mentioning on-call, escalates mentioning the manager, by AAD object id', async () => {
    let now = hel('2026-11-23 08:00');
    harness = await startTeamsHarness({ clock: { now: () => now }, analyzer: p2Analyzer });
    const h = harness;
    await h.send(
      channelMessage({
        text: 'The CSV export fails with an error since this morning',
        timestamp: now.toISOString(),
      }),
    );
    const routed = await h.waitFor('routed card', () =>
      h.connector.calls.find((call) => call.kind === 'send' && call.conversationId === SUPPORT_CHANNEL),
    );
    await h.waitFor('post linked', () =>
      h.verbatim.store.findRequestByPost({
        destination: { platform: 'teams', conversationId: SUPPORT_CHANNEL },
        id: routed.activityId,
      }),
    );

    now = hel('2026-11-23 09:30');
    await h.verbatim.jobs.enqueue('sla-tick', {});
    const warning = await h.waitFor('warning in the thread', () =>
      h.connector.calls.find((call) => call.kind === 'reply' && String(call.activity.text).includes('SLA')),
    );
    expect(warning.conversationId).toBe(`${SUPPORT_CHANNEL};messageid=${routed.activityId}`);
    expect(warning.activity.text).toContain(`<at>${STAFF.name}</at>`);
    expect(warning.activity.entities).toEqual([
      {
        type: 'mention',
        text: `<at>${STAFF.name}</at>`,
        mentioned: { id: STAFF.aadObjectId, name: STAFF.name },
      },
    ]);

    now = hel('2026-11-23 12:00');
    await h.verbatim.jobs.enqueue('sla-tick', {});
    const escalation = await h.waitFor('escalation', () =>
      h.connector.calls.find((call) => call.kind === 'send' && call.conversationId === ESCALATION_CHANNEL),
    );
    expect(escalation.activity.text).toContain(`<at>${MANAGER.name}</at>`);
    expect(escalation.activity.text).toContain(`https://teams.microsoft.com/l/message/`);
    expect(escalation.activity.entities).toEqual([
      {
        type: 'mention',
        text: `<at>${MANAGER.name}</at>`,
        mentioned: { id: MANAGER.aadObjectId, name: MANAGER.name },
      },
    ]);
  }, 60_000);
});

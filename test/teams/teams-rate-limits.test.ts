import { afterEach, describe, expect, it } from 'vitest';
import { channelMessage, SUPPORT_CHANNEL, startTeamsHarness, type TeamsHarness } from './teams-harness.ts';

let harness: TeamsHarness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

describe('Teams under a 429 storm', () => {
  it('routes every customer message exactly once while the connector answers 429 Retry-After and 5xx', async () => {
    // Waits out the storm within one job attempt (a give-up would hold the delivery lease for minutes).
    harness = await startTeamsHarness({ adapter: { maxRateLimitWaitMs: 30_000 } });
    const h = harness;
    // The connector throttles the first activity calls, then has a bad moment.
    h.connector.failNext(6, 429, 1);
    h.connector.failNext(3, 503);
    const texts = Array.from({ length: 5 }, (_, index) => `Storm report ${index}: the export is broken`);
    const day = 86_400_000;
    // A day apart: separate requests, not one group.
    const activities = texts.map((text, index) =>
      channelMessage({ text, timestamp: new Date(Date.UTC(2026, 2, 2) + index * day).toISOString() }),
    );
    for (const activity of activities) expect((await h.send(activity)).status).toBe(200);
    // Teams delivering an activity again (it got no answer in time) doubles nothing: the inbox has it.
    expect((await h.send(activities[0]!)).status).toBe(200);
    await h.waitFor(
      'every message routed',
      () =>
        h.connector.calls.filter((call) => call.kind === 'send' && call.conversationId === SUPPORT_CHANNEL)
          .length >= 5,
      45_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const sends = h.connector.calls.filter(
      (call) => call.kind === 'send' && call.conversationId === SUPPORT_CHANNEL,
    );
    expect(sends).toHaveLength(5);
    for (const text of texts) {
      expect(sends.filter((call) => JSON.stringify(call.activity).includes(text))).toHaveLength(1);
    }
    const outcomes = h.logs
      .filter((line) => line.msg === 'teams message ingested')
      .map((line) => line.status);
    // The redelivery stopped at the inbox: stored once, ingested once.
    expect(outcomes).toEqual(['accepted', 'accepted', 'accepted', 'accepted', 'accepted']);
    const stored = await h.verbatim.storage.db.query(`SELECT id FROM inbox WHERE source = 'teams'`);
    expect(stored.rows).toHaveLength(5);
    expect(h.connector.requests.length).toBeGreaterThan(sends.length + 9 - 1);
  }, 90_000);
});

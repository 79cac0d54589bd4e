import { describe, expect, it } from 'vitest';
import { fanOutHealthAlerts } from '../../../src/core/health/fan-out-health-alerts.ts';
import type { HealthAlert, HealthAlertSender } from '../../../src/core/health/take-daily-snapshots.ts';

const ALERT = { account: { id: 'acme' } } as unknown as HealthAlert;
const TO = { owner: null, channel: null };

function recorder(fail?: string): HealthAlertSender & { sent: number } {
  const sender = {
    sent: 0,
    async send() {
      sender.sent += 1;
      if (fail) throw new Error(fail);
    },
  };
  return sender;
}

describe('fanOutHealthAlerts', () => {
  it('is null without senders and the sender itself with one', () => {
    const only = recorder();
    expect(fanOutHealthAlerts([])).toBeNull();
    expect(fanOutHealthAlerts([only])).toBe(only);
  });
  it('sends to every platform and reports a failure only after trying them all', async () => {
    const slack = recorder('slack down');
    const teams = recorder();
    await expect(fanOutHealthAlerts([slack, teams])!.send(ALERT, TO)).rejects.toThrow('slack down');
    expect([slack.sent, teams.sent]).toEqual([1, 1]);
    const both = fanOutHealthAlerts([recorder('a'), recorder('b')])!;
    await expect(both.send(ALERT, TO)).rejects.toThrow('2 health alert senders failed');
  });
});

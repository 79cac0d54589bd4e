import type { HealthAlertSender } from './take-daily-snapshots.ts';

/**
 * One sender over every platform's: each handles its own destinations and owner ids (a Slack
 * channel and user on Slack, a Teams conversation and Entra user on Teams), so an alert reaches
 * them all. Every sender is tried; if any failed, the failures are raised together afterwards.
 */
export function fanOutHealthAlerts(senders: HealthAlertSender[]): HealthAlertSender | null {
  if (senders.length === 0) return null;
  if (senders.length === 1) return senders[0]!;
  return {
    async send(alert, to) {
      const results = await Promise.allSettled(senders.map((sender) => sender.send(alert, to)));
      const failures = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
      if (failures.length === 1) throw failures[0];
      if (failures.length > 1)
        throw new AggregateError(failures, `${failures.length} health alert senders failed`);
    },
  };
}

import type { AccountSignals, RequestSignal } from '../../../src/core/health/account-signals.ts';

export const NOW = new Date('2026-06-15T12:00:00Z');
const DAY = 86_400_000;

export function daysAgo(days: number): Date {
  return new Date(NOW.getTime() - days * DAY);
}

let counter = 0;
export function request(fields: Partial<RequestSignal> & { daysAgo: number }): RequestSignal {
  counter += 1;
  const openedAt = daysAgo(fields.daysAgo);
  return {
    id: fields.id ?? `R-${counter}`,
    state: fields.state ?? 'resolved',
    priority: fields.priority ?? 'P3',
    openedAt,
    sentiment: fields.sentiment === undefined ? 0.1 : fields.sentiment,
    churnSignals: fields.churnSignals ?? [],
    topics: fields.topics ?? [`topic-${counter}`],
    firstResponseAt: fields.firstResponseAt === undefined ? openedAt : fields.firstResponseAt,
    firstResponseMinutes: fields.firstResponseMinutes === undefined ? 30 : fields.firstResponseMinutes,
    targetMinutes: fields.targetMinutes === undefined ? 60 : fields.targetMinutes,
    breached: fields.breached ?? false,
    firstMessage: fields.firstMessage ?? {
      quote: `message of ${fields.id ?? `R-${counter}`}`,
      link: `https://acme.slack.com/archives/C1/p${counter}`,
      author: 'Casey Customer',
      at: openedAt,
    },
  };
}

/** Steady activity: a message every `everyDays` days from `fromDaysAgo` to `toDaysAgo`, two contacts. */
export function activity(fromDaysAgo: number, toDaysAgo: number, everyDays = 2): AccountSignals['activity'] {
  const days: AccountSignals['activity'] = [];
  for (let ago = fromDaysAgo; ago >= toDaysAgo; ago -= everyDays)
    days.push({ day: daysAgo(ago), messages: 2, authors: ['U1', 'U2'] });
  return days;
}

/** A healthy, busy account: every factor has data and nothing is wrong. */
export function healthySignals(overrides: Partial<AccountSignals> = {}): AccountSignals {
  return {
    requests: [
      request({ daysAgo: 100, sentiment: 0.2 }),
      request({ daysAgo: 60, sentiment: 0.2 }),
      request({ daysAgo: 20, sentiment: 0.3 }),
      request({ daysAgo: 5, sentiment: 0.3 }),
      request({ daysAgo: 2, sentiment: 0.2 }),
    ],
    activity: activity(118, 1),
    lastCustomerMessageAt: daysAgo(1),
    stakeholders: [],
    stakeholdersObserved: true,
    previousBand: null,
    ...overrides,
  };
}

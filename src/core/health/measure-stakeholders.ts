import type { AccountSignals, Quote } from './account-signals.ts';
import { clamp01, DAY_MS, type FactorMeasure, plural } from './factor-measure.ts';
import type { HealthModel } from './health-model.ts';

/** Titles that make a newcomer an executive: a new decision maker often means a re-evaluation. */
const EXECUTIVE =
  /\b(ceo|cfo|cto|coo|cio|chief|vp|vice president|president|director|head of|procurement|johtaja)\b/i;

/**
 * Stakeholder change: customer contacts who left the shared channel (champion loss) and new
 * executives who joined it, within the window.
 */
export function measureStakeholders(signals: AccountSignals, now: Date, model: HealthModel): FactorMeasure {
  const { windowDays } = model.factors.stakeholders;
  if (!signals.stakeholdersObserved)
    return {
      signal: 'stakeholders',
      excluded: true,
      missing: 'no shared channel, so nobody joining or leaving can be seen',
    };
  const from = now.getTime() - windowDays * DAY_MS;
  const recent = signals.stakeholders.filter((event) => event.at.getTime() >= from);
  // Nobody leaving a channel nobody writes in says nothing: count the factor once the customer is active.
  if (recent.length === 0 && signals.lastCustomerMessageAt === null)
    return {
      signal: 'stakeholders',
      excluded: true,
      missing: 'no customer activity in the shared channel yet',
    };
  const left = recent.filter((event) => event.kind === 'member-left');
  const executives = recent.filter(
    (event) => event.kind === 'member-joined' && EXECUTIVE.test(event.title ?? ''),
  );
  const fraction = clamp01(1 - left.length * 0.35 - executives.length * 0.2);
  const evidence: Quote[] = [...left, ...executives].slice(0, 3).map((event) => ({
    quote:
      event.kind === 'member-left'
        ? `${event.name} left the shared channel`
        : `${event.name} (${event.title}) joined the shared channel`,
    link: null,
    author: event.name,
    at: event.at,
  }));
  const reason =
    left.length > 0
      ? `${plural(left.length, 'customer contact')} left the shared channel: ${left.map((event) => event.name).join(', ')}`
      : executives.length > 0
        ? `A new executive joined: ${executives.map((event) => `${event.name} (${event.title})`).join(', ')}`
        : `No contacts left in ${windowDays} days`;
  return {
    signal: 'stakeholders',
    excluded: false,
    fraction,
    value: `${left.length} left, ${executives.length} new executives in ${windowDays} days`,
    reason,
    evidence,
    requestIds: [],
  };
}

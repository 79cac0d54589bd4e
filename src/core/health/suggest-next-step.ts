import type { AccountHealth } from './score-account.ts';

/** One suggested action, from the factor that costs the most points. */
export function suggestNextStep(health: AccountHealth): string {
  if (health.score === null)
    return 'Nothing to do yet: Verbatim needs more of the customer’s messages first.';
  const worst = health.factors.find((factor) => factor.direction !== 'positive');
  if (!worst) return 'No action needed: keep the regular cadence with the customer.';
  const ids = worst.requestIds.slice(0, 3).join(', ');
  switch (worst.signal) {
    case 'open-requests':
      return `Get the waiting requests answered, oldest first${ids ? ` (${ids})` : ''}.`;
    case 'response-time':
      return 'Look at why first responses are late for this account and tighten the team’s coverage.';
    case 'sentiment':
      return 'Call the customer about their recent messages; they sound less happy than usual.';
    case 'engagement':
      return 'Check adoption with the customer: they write less and fewer people are involved.';
    case 'silence':
      return 'Reach out: the customer has gone quiet for much longer than usual.';
    case 'stakeholders':
      return 'Find and meet the new decision makers; a contact left or an executive appeared.';
    case 'churn-drivers':
      return `Book a call on the churn risks the customer raised${ids ? ` (${ids})` : ''}, before the renewal.`;
    case 'recurring-topics':
      return 'Close the loop on the topic they keep raising: tell them what is being done about it.';
  }
}

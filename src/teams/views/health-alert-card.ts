import type { HealthAlert } from '../../core/health/take-daily-snapshots.ts';
import { type AdaptiveCard, CARD_SCHEMA_URL, type CardElement } from './adaptive-card.ts';
import { inertRun as run } from './neutralize-teams-text.ts';

/** The alert's one-line headline (card title and notification preview). */
export function healthAlertHeadline(alert: HealthAlert): string {
  return alert.worse
    ? `${alert.account.name} is now ${alert.toBand} (was ${alert.fromBand})`
    : `${alert.account.name} improved to ${alert.toBand} (was ${alert.fromBand})`;
}

/**
 * An at-risk (or recovery) alert as an Adaptive Card, with the same content as Slack's: the band
 * change, the factors that moved, the factors that hurt most with one verbatim quote each.
 */
export function renderHealthAlertCard(alert: HealthAlert): AdaptiveCard {
  const body: CardElement[] = [
    {
      type: 'RichTextBlock',
      inlines: [run(`${alert.worse ? '⚠️' : '✅'} ${healthAlertHeadline(alert)}`, { weight: 'Bolder' })],
    },
    {
      type: 'RichTextBlock',
      inlines: [
        run(`Health ${alert.scoreFrom ?? '–'} → ${alert.scoreTo} · snapshot of ${alert.day}`, {
          isSubtle: true,
        }),
      ],
    },
  ];
  const moved = alert.changes.factors.slice(0, 4);
  if (moved.length > 0)
    body.push({
      type: 'RichTextBlock',
      separator: true,
      inlines: [
        run('What moved', { weight: 'Bolder' }),
        ...moved.map((change) =>
          run(`\n${change.delta > 0 ? '+' : ''}${change.delta} ${change.signal}: ${change.reason}`),
        ),
      ],
    });
  for (const factor of alert.factors.slice(0, 3)) {
    const quote = factor.evidence[0];
    if (!quote) continue;
    body.push({
      type: 'RichTextBlock',
      separator: true,
      inlines: [
        run(`${factor.signal} ${factor.points}/${factor.maxPoints}`, { weight: 'Bolder' }),
        run(`\n“${quote.quote}”`, { italic: true }),
        run(`\n— ${quote.author}, ${quote.at.toISOString().slice(0, 10)}`, { isSubtle: true }),
      ],
    });
  }
  body.push({
    type: 'RichTextBlock',
    inlines: [
      run(`Write “churn ${alert.account.id}” to Verbatim for the full explanation.`, { isSubtle: true }),
    ],
  });
  return { type: 'AdaptiveCard', $schema: CARD_SCHEMA_URL, version: '1.5', body };
}

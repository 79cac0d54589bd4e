import type { HealthAlert } from '../../core/health/take-daily-snapshots.ts';
import {
  type Block,
  contextBlock,
  plainText,
  type SlackMessageBody,
  safe,
  sectionBlock,
  verbatimQuote,
} from './slack-blocks.ts';

/** An at-risk (or recovery) alert: the band change, the factors that moved, and their quotes. */
export function renderHealthAlert(alert: HealthAlert): SlackMessageBody {
  const headline = alert.worse
    ? `${alert.account.name} is now ${alert.toBand} (was ${alert.fromBand})`
    : `${alert.account.name} improved to ${alert.toBand} (was ${alert.fromBand})`;
  const blocks: Block[] = [
    { type: 'header', text: plainText(`${alert.worse ? '⚠️' : '✅'} ${headline}`, 150) },
    contextBlock(`Health ${alert.scoreFrom ?? '–'} → ${alert.scoreTo} · snapshot of ${alert.day}`),
  ];
  const moved = alert.changes.factors.slice(0, 4);
  if (moved.length > 0)
    blocks.push(
      sectionBlock(
        `*What moved*\n${moved.map((change) => `${change.delta > 0 ? '+' : ''}${change.delta} *${change.signal}*: ${safe(change.reason, 300)}`).join('\n')}`,
      ),
    );
  for (const factor of alert.factors.slice(0, 3)) {
    const quote = factor.evidence[0];
    if (!quote) continue;
    blocks.push(sectionBlock(`*${factor.signal}* ${factor.points}/${factor.maxPoints}`));
    blocks.push(verbatimQuote(quote.quote));
    blocks.push(contextBlock(`${safe(quote.author, 80)}, ${quote.at.toISOString().slice(0, 10)}`));
  }
  blocks.push(contextBlock(`\`/churn ${alert.account.id}\` for the full explanation.`));
  return { text: safe(headline), blocks };
}

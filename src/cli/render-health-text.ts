import type { AccountHealthView } from '../core/health/health-view.ts';
import type { RiskListItem } from '../core/health/risk-list.ts';
import { sparkline } from '../core/health/sparkline.ts';

const ARROW: Record<RiskListItem['trend'], string> = { up: '↑', down: '↓', flat: '→', new: '·' };
/** The risk list as a table, most urgent first. */
export function renderRiskListText(items: RiskListItem[]): string {
  if (items.length === 0)
    return 'No account health yet: snapshots are taken nightly (or run `verbatim churn snapshot`).\n';
  const rows = [
    ['ACCOUNT', 'BAND', 'SCORE', 'TREND', 'URGENCY', 'TOP REASON'],
    ...items.map((item) => [
      item.name,
      item.band ?? 'no data',
      item.score === null ? '-' : String(item.score),
      ARROW[item.trend],
      item.urgency.toFixed(1),
      item.topReason ?? '',
    ]),
  ];
  const widths = rows[0]!
    .slice(0, -1)
    .map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return `${rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')}\n`;
}

/** The full explanation of one account, as `/churn <account>` shows it, in plain text. */
export function renderHealthText(view: AccountHealthView): string {
  const lines: string[] = [];
  const { account } = view;
  lines.push(
    `${account.name} (${account.id}) — health ${view.score}/100, ${view.band}${view.bandHeld ? ' (band held by hysteresis)' : ''}`,
  );
  lines.push(
    `  trend (weekly): ${sparkline(view.trend.map((point) => point.score))}  ${view.trend.map((point) => point.score ?? '-').join(' ')}`,
  );
  const facts = [
    account.arr === null ? null : `ARR ${account.arr.toLocaleString('en-US')}`,
    account.renewalDate ? `renewal ${account.renewalDate} (${account.daysToRenewal} days)` : null,
    `owner ${account.owner ?? 'none'}`,
    `tier ${account.tier}`,
    `urgency ${view.urgency.toFixed(1)}`,
  ].filter(Boolean);
  lines.push(`  ${facts.join(' · ')}`);
  lines.push('');
  if (view.changes.since) {
    const delta =
      view.changes.scoreFrom === null ? '' : ` (${view.changes.scoreFrom} → ${view.changes.scoreTo})`;
    lines.push(`What changed since ${view.changes.since}${delta}:`);
    if (view.changes.modelChanged)
      lines.push('  (the model changed since then: points are not fully comparable)');
    if (view.changes.factors.length === 0) lines.push('  nothing moved by a point or more');
    for (const change of view.changes.factors)
      lines.push(`  ${change.delta > 0 ? '+' : ''}${change.delta} ${change.signal}: ${change.reason}`);
  } else lines.push('What changed since last week: no snapshot a week old yet.');
  lines.push('');
  lines.push('Factors (points / max):');
  for (const driver of view.drivers) {
    const mark = driver.direction === 'negative' ? '✗' : driver.direction === 'neutral' ? '~' : '✓';
    lines.push(
      `  ${mark} ${driver.signal.padEnd(16)} ${String(driver.points).padStart(5)} / ${driver.maxPoints}  ${driver.reason}`,
    );
    lines.push(`      ${driver.value}`);
    for (const quote of driver.evidence.slice(0, 2))
      lines.push(
        `      “${indent(quote.quote)}” — ${quote.author}, ${quote.at.slice(0, 10)}${quote.link ? ` ${quote.link}` : ''}`,
      );
  }
  if (view.note) lines.push(`  ${view.note}`);
  for (const factor of view.excluded) lines.push(`  · ${factor.signal} left out: ${factor.missing}`);
  lines.push('');
  lines.push(`Open requests: ${view.openRequests.length === 0 ? 'none' : ''}`);
  for (const request of view.openRequests)
    lines.push(
      `  ${request.id} ${request.priority ?? ''} ${request.state} since ${request.openedAt.slice(0, 10)}: “${indent(request.quote ?? '')}”`,
    );
  const times = view.responseTimes;
  lines.push(
    `First responses (30 days): ${times.measured === 0 ? 'none measured' : `${times.withinTarget}/${times.measured} within target, median ${Math.round(times.medianBusinessMinutes ?? 0)} business min`}`,
  );
  lines.push(`Next step: ${view.nextStep}`);
  lines.push(`Model ${view.modelVersion}`);
  return `${lines.join('\n')}\n`;
}

/** Continuation lines of a multi-line quote, indented under it. */
function indent(text: string): string {
  return text.replace(/\r?\n/g, '\n        ');
}

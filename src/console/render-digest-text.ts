import type { Digest, DigestQuote, DigestTopic } from '../core/digest/digest.ts';
import { describeResponse, describeTopic, digestCopy } from '../core/digest/digest-copy.ts';

/** The digest as terminal text. Quotes are the customer's words whole, line by line. */
export function renderDigestText(
  digest: Digest,
  options: { teamName?: string | null; late?: boolean } = {},
): string {
  const copy = digestCopy(digest.language);
  const lines: string[] = [copy.title(digest.week, options.teamName ?? digest.team), ''];
  if (options.late) lines.push(copy.late, '');
  const { volume } = digest;
  if (digest.quiet) lines.push(copy.quiet);
  else {
    lines.push(copy.volume(volume.requests, volume.baselineWeeklyMean.toFixed(1), volume.accounts));
    lines.push(
      `  ${volume.byPriority.map((entry) => `${entry.priority} ${entry.count} (${entry.baselineWeeklyMean.toFixed(1)})`).join(' · ')}`,
    );
    if (volume.accountNames.length > 0) lines.push(`  ${volume.accountNames.join(', ')}`);
    if (volume.unmappedRequests > 0) lines.push(`  ${copy.unmapped(volume.unmappedRequests)}`);
  }
  const topics = (title: string, list: DigestTopic[]) => {
    if (list.length === 0) return;
    lines.push('', `${title}:`);
    for (const topic of list) {
      lines.push(
        `• ${topic.label}${topic.kind === 'new' ? ` (${copy.newTopic})` : ''}: ${describeTopic(digest, topic)}`,
      );
      for (const quote of topic.quotes) lines.push(...quoteLines(quote));
    }
  };
  topics(copy.rising, digest.rising);
  topics(copy.falling, digest.falling);
  if (!digest.quiet && digest.rising.length === 0 && digest.falling.length === 0)
    lines.push('', copy.noTrend);
  if (digest.emerging.length > 0) {
    lines.push('', `${copy.emerging}:`);
    for (const theme of digest.emerging) {
      lines.push(
        `• ${theme.label}: ${theme.count} (${theme.accounts}) · ${copy.themeNamedBy(theme.namedBy)}`,
      );
      for (const quote of theme.quotes) lines.push(...quoteLines(quote));
    }
  }
  if (digest.accounts.healthDrops.length > 0) {
    lines.push('', `${copy.healthDrops}:`);
    for (const drop of digest.accounts.healthDrops)
      lines.push(
        `• ${drop.name}: ${copy.dropLine(drop.scoreFrom, drop.scoreTo, drop.band)}${drop.topReason ? ` — ${drop.topReason}` : ''}`,
      );
  }
  if (digest.accounts.atRisk.length > 0) {
    lines.push('', `${copy.atRisk}:`);
    for (const account of digest.accounts.atRisk)
      lines.push(
        `• ${account.name}: ${copy.atRiskLine(account.score, account.band)}${account.topReason ? ` — ${account.topReason}` : ''}`,
      );
  }
  if (!digest.quiet && digest.accounts.source !== 'health') lines.push('', copy.noHealth);
  if (digest.accounts.list.length > 0) {
    lines.push('', `${copy.accounts}: ${copy.accountsSource}`);
    for (const account of digest.accounts.list)
      lines.push(`• ${account.name}: ${copy.accountLine(account.negativeRequests, account.requests)}`);
  }
  if (digest.responsiveness.teams.length > 0) {
    lines.push('', `${copy.responsiveness}:`);
    for (const team of digest.responsiveness.teams)
      lines.push(`• ${team.name}: ${describeResponse(digest, team)}`);
  }
  if (!digest.quiet) lines.push('', copy.method);
  return `${lines.join('\n')}\n`;
}

function quoteLines(quote: DigestQuote): string[] {
  const lines = quote.text.split('\n').map((line) => `    > ${line}`);
  lines.push(
    `    — ${quote.author}${quote.account ? `, ${quote.account}` : ''} · ${quote.at.slice(0, 10)}${quote.link ? ` · ${quote.link}` : ''}`,
  );
  return lines;
}

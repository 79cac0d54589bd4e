import type { Digest, DigestQuote, DigestTopic } from '../../core/digest/digest.ts';
import { describeResponse, describeTopic, digestCopy } from '../../core/digest/digest-copy.ts';
import { escapeMrkdwn } from '../escape-mrkdwn.ts';
import {
  BLOCK_LIMITS,
  type Block,
  contextBlock,
  countBlockText,
  plainText,
  type SlackMessageBody,
  safe,
  sectionBlock,
  verbatimQuote,
} from './slack-blocks.ts';

export interface DigestMessageOptions {
  teamName?: string | null;
  late?: boolean;
  /** Set when the chart could not be rendered: the post says so instead of showing it. */
  chartMissing?: boolean;
}

/** Characters of one quote shown in the digest; longer ones say so and link to the original. */
const QUOTE_CHARS = 700;
/** Room kept for the closing blocks (method, chart note) under the block and text limits. */
const RESERVED_BLOCKS = 6;
const RESERVED_TEXT = 1500;

/**
 * The digest as one Block Kit message within Slack's limits. Customer quotes are rich_text
 * quotes (no mrkdwn, nothing can ping); author, account and links are escaped, and a link is
 * shown only as an https permalink. Topics that do not fit are counted, not dropped silently.
 */
export function renderDigestMessage(digest: Digest, options: DigestMessageOptions = {}): SlackMessageBody {
  const copy = digestCopy(digest.language);
  const title = copy.title(digest.week, options.teamName ?? digest.team);
  const blocks: Block[] = [{ type: 'header', text: plainText(title, BLOCK_LIMITS.headerText) }];
  if (options.late) blocks.push(contextBlock(`:hourglass: ${escapeMrkdwn(copy.late)}`));
  const { volume } = digest;
  if (digest.quiet) blocks.push(sectionBlock(escapeMrkdwn(copy.quiet)));
  else {
    const priorities = volume.byPriority
      .map((entry) => `${entry.priority} *${entry.count}* (${entry.baselineWeeklyMean.toFixed(1)})`)
      .join(' · ');
    const lines = [
      `*${safe(copy.volume(volume.requests, volume.baselineWeeklyMean.toFixed(1), volume.accounts))}*`,
      priorities,
    ];
    if (volume.accountNames.length > 0) lines.push(safe(volume.accountNames.join(', '), 1500));
    if (volume.unmappedRequests > 0) lines.push(safe(copy.unmapped(volume.unmappedRequests)));
    blocks.push(sectionBlock(lines.join('\n')));
  }

  const fits = (extra: Block[]) =>
    blocks.length + extra.length <= BLOCK_LIMITS.messageBlocks - RESERVED_BLOCKS &&
    countBlockText(blocks) + countBlockText(extra) <= BLOCK_LIMITS.textBudget - RESERVED_TEXT;
  let left = 0;
  const add = (group: Block[]) => {
    if (fits(group)) blocks.push(...group);
    else left += 1;
  };

  const topicGroup = (topic: DigestTopic): Block[] => [
    sectionBlock(
      `*${safe(topic.label, 150)}*${topic.kind === 'new' ? ` _(${copy.newTopic})_` : ''}\n${safe(describeTopic(digest, topic))}`,
    ),
    ...topic.quotes.flatMap(quoteBlocks),
  ];
  for (const [heading, list] of [
    [copy.rising, digest.rising],
    [copy.falling, digest.falling],
  ] as const) {
    if (list.length === 0) continue;
    add([{ type: 'divider' }, sectionBlock(`*${safe(heading)}*`)]);
    for (const topic of list) add(topicGroup(topic));
  }
  if (!digest.quiet && digest.rising.length === 0 && digest.falling.length === 0)
    add([sectionBlock(safe(copy.noTrend))]);
  if (digest.emerging.length > 0) {
    add([{ type: 'divider' }, sectionBlock(`*${safe(copy.emerging)}*`)]);
    for (const theme of digest.emerging)
      add([
        // The label is a name (Claude's or the key phrases), not the customer's words: bold, never
        // quoted, with the engine that named it in small italics.
        sectionBlock(
          `*${safe(theme.label, 150)}* · ${theme.count} (${theme.accounts}) · _${safe(copy.themeNamedBy(theme.namedBy))}_`,
        ),
        ...theme.quotes.flatMap(quoteBlocks),
      ]);
  }
  const { healthDrops, atRisk } = digest.accounts;
  if (healthDrops.length > 0 || atRisk.length > 0) {
    const reason = (text: string | null) => (text ? ` — ${safe(text, 200)}` : '');
    add([
      { type: 'divider' },
      ...(healthDrops.length > 0
        ? [
            sectionBlock(
              [
                `*${safe(copy.healthDrops)}*`,
                ...healthDrops.map(
                  (drop) =>
                    `• ${safe(drop.name, 100)}: ${safe(copy.dropLine(drop.scoreFrom, drop.scoreTo, drop.band))}${reason(drop.topReason)}`,
                ),
              ].join('\n'),
            ),
          ]
        : []),
      ...(atRisk.length > 0
        ? [
            sectionBlock(
              [
                `*${safe(copy.atRisk)}*`,
                ...atRisk.map(
                  (account) =>
                    `• ${safe(account.name, 100)}: ${safe(copy.atRiskLine(account.score, account.band))}${reason(account.topReason)}`,
                ),
              ].join('\n'),
            ),
          ]
        : []),
    ]);
  } else if (!digest.quiet && digest.accounts.source !== 'health') add([contextBlock(safe(copy.noHealth))]);
  if (digest.accounts.list.length > 0) {
    add([
      { type: 'divider' },
      sectionBlock(
        [
          `*${safe(copy.accounts)}*`,
          ...digest.accounts.list.map(
            (account) =>
              `• ${safe(account.name, 100)}: ${safe(copy.accountLine(account.negativeRequests, account.requests))}`,
          ),
        ].join('\n'),
      ),
      contextBlock(safe(copy.accountsSource)),
    ]);
  }
  if (digest.responsiveness.teams.length > 0) {
    add([
      sectionBlock(
        [
          `*${safe(copy.responsiveness)}*`,
          ...digest.responsiveness.teams.map(
            (team) => `• ${safe(team.name, 100)}: ${safe(describeResponse(digest, team))}`,
          ),
        ].join('\n'),
      ),
    ]);
  }
  const closing: string[] = [];
  if (left > 0)
    closing.push(
      `+${left} more — \`verbatim digest --week ${digest.week}${digest.team ? ` --team ${digest.team}` : ''}\``,
    );
  if (!digest.quiet) closing.push(safe(copy.method));
  if (options.chartMissing) closing.push(`:warning: ${safe(copy.chartMissing)}`);
  if (closing.length > 0) blocks.push(contextBlock(...closing));
  return { text: escapeMrkdwn(digest.quiet ? `${title}: ${copy.quiet}` : title), blocks };
}

function quoteBlocks(quote: DigestQuote): Block[] {
  const link = quote.link && /^https:\/\/[^\s<>|]+$/.test(quote.link) ? quote.link : null;
  const long = quote.text.length > QUOTE_CHARS;
  const shown = long ? `${quote.text.slice(0, QUOTE_CHARS)}…` : quote.text;
  const by = [
    `— ${safe(quote.author, 100)}${quote.account ? `, ${safe(quote.account, 100)}` : ''} · ${quote.at.slice(0, 10)}`,
    link
      ? `<${link}|${long ? 'Read the whole message' : 'View original'}>`
      : long
        ? '(shortened here)'
        : null,
  ].filter(Boolean);
  return [verbatimQuote(shown), contextBlock(by.join(' · '))];
}

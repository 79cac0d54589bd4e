import type { Digest, DigestQuote, DigestTopic } from '../../core/digest/digest.ts';
import { describeResponse, describeTopic, digestCopy } from '../../core/digest/digest-copy.ts';
import {
  type AdaptiveCard,
  CARD_SCHEMA_URL,
  type CardElement,
  cardAttachment,
  type TextRun,
} from './adaptive-card.ts';
import { digestCardCopy } from './digest-card-copy.ts';
import { neutralizeTeamsMarkdown, neutralizeTeamsText, inertRun as run } from './neutralize-teams-text.ts';

/**
 * Bytes (UTF-8 JSON) one digest activity may take, the chart's base64 data aside. Microsoft
 * documents the bot message limit as 40 KB, lately 100 KB (UTF-16), and says base64-encoded
 * images are not counted; Verbatim keeps every Teams message under about 28 KB, as the routed
 * post cards do, so a post never meets a 413 whichever limit the tenant's service applies.
 */
export const TEAMS_DIGEST_MAX_BYTES = 28_000;
/** Largest picture Teams shows in a bot message (1 MB; the chart is 640 × 320, within 1024 × 1024). */
export const TEAMS_MAX_IMAGE_BYTES = 1_000_000;
/** Characters of one quote shown; longer ones say so and link to the original. */
export const DIGEST_QUOTE_CHARS = 700;
/** Quotes shown per topic or theme (the digest chooses them; it may hold more). */
const QUOTES_PER_TOPIC = 2;
/** Characters of the list of accounts that wrote. */
const ACCOUNT_NAMES_CHARS = 1500;
/** Room kept for the closing notes (what was left out, method, chart notes). */
const RESERVED_BYTES = 1500;

export interface DigestCardOptions {
  teamName?: string | null;
  late?: boolean;
  /** Rendering failed: the card says the chart is missing. */
  chartMissing?: boolean;
  /** The chart, shown inline as a data URI when the whole activity stays under `maxBytes`. */
  chart?: { png: Uint8Array; alt: string } | null;
  maxBytes?: number;
}

export interface DigestCardRendering {
  card: AdaptiveCard;
  /** Plain text for notifications and the activity `summary` (neutralised). */
  summary: string;
  chartShown: boolean;
  /** What did not fit, counted (the card says so too). */
  leftOut: { sections: number; quotes: number };
}

/**
 * The weekly digest as one Adaptive Card 1.5 for a Teams channel: the same content as the Slack
 * digest. Every string goes into TextRuns, which Teams never parses as markdown, with tags broken
 * (neutralizeTeamsText), so a customer's `<at>` or `[link](…)` shows as the text it is and pings
 * no one. Sections are added in order while the activity stays under `maxBytes`; a topic that
 * does not fit with its quotes is shown without them, one that does not fit at all is counted;
 * the card ends by saying what was left out.
 */
export function renderDigestCard(digest: Digest, options: DigestCardOptions = {}): DigestCardRendering {
  const maxBytes = options.maxBytes ?? TEAMS_DIGEST_MAX_BYTES;
  const copy = digestCopy(digest.language);
  const cardCopy = digestCardCopy(digest.language);
  const title = copy.title(digest.week, options.teamName ?? digest.team);
  const summary = neutralizeTeamsMarkdown(digest.quiet ? `${title}: ${copy.quiet}` : title).slice(0, 250);
  const command = `verbatim digest --week ${digest.week}${digest.team ? ` --team ${digest.team}` : ''}`;
  const body: CardElement[] = [paragraph([run(title, { weight: 'Bolder', size: 'Large' })])];
  if (options.late) body.push(paragraph([run(`⏳ ${copy.late}`, { color: 'Warning' })]));
  const { volume } = digest;
  if (digest.quiet) body.push(paragraph([run(copy.quiet)]));
  else {
    body.push(
      paragraph([
        run(copy.volume(volume.requests, volume.baselineWeeklyMean.toFixed(1), volume.accounts), {
          weight: 'Bolder',
        }),
      ]),
      paragraph([
        run(
          volume.byPriority
            .map((entry) => `${entry.priority} ${entry.count} (${entry.baselineWeeklyMean.toFixed(1)})`)
            .join(' · '),
        ),
      ]),
    );
    if (volume.accountNames.length > 0)
      body.push(
        paragraph([run(shorten(volume.accountNames.join(', '), ACCOUNT_NAMES_CHARS), { isSubtle: true })]),
      );
    if (volume.unmappedRequests > 0)
      body.push(paragraph([run(copy.unmapped(volume.unmappedRequests), { isSubtle: true })]));
  }

  /** A part of the card: its lines, and the quotes shown under them when there is room. */
  const sections: Array<{ lines: CardElement[]; quotes: CardElement[]; heading?: boolean }> = [];
  const add = (lines: CardElement[], quotes: CardElement[] = []) => sections.push({ lines, quotes });
  const addHeading = (text: string) => sections.push({ lines: [heading2(text)], quotes: [], heading: true });

  const topicLines = (topic: DigestTopic): CardElement[] => [
    paragraph([
      run(topic.label, { weight: 'Bolder' }),
      ...(topic.kind === 'new' ? [run(` (${copy.newTopic})`, { italic: true })] : []),
      run(`\n${describeTopic(digest, topic)}`),
    ]),
  ];
  for (const [heading, list] of [
    [copy.rising, digest.rising],
    [copy.falling, digest.falling],
  ] as const) {
    if (list.length === 0) continue;
    addHeading(heading);
    for (const topic of list)
      add(topicLines(topic), topic.quotes.slice(0, QUOTES_PER_TOPIC).map(quoteElement));
  }
  if (!digest.quiet && digest.rising.length === 0 && digest.falling.length === 0)
    add([paragraph([run(copy.noTrend)], { separator: true })]);
  if (digest.emerging.length > 0) {
    addHeading(copy.emerging);
    for (const theme of digest.emerging)
      add(
        [
          paragraph([
            run(theme.label, { weight: 'Bolder' }),
            run(` · ${theme.count} (${theme.accounts})`),
            run(` · ${copy.themeNamedBy(theme.namedBy)}`, { italic: true, isSubtle: true }),
          ]),
        ],
        theme.quotes.slice(0, QUOTES_PER_TOPIC).map(quoteElement),
      );
  }
  const { healthDrops, atRisk } = digest.accounts;
  const reason = (text: string | null) => (text ? ` — ${text}` : '');
  if (healthDrops.length > 0)
    add([
      heading2(copy.healthDrops),
      paragraph([
        run(
          healthDrops
            .map(
              (drop) =>
                `• ${drop.name}: ${copy.dropLine(drop.scoreFrom, drop.scoreTo, drop.band)}${reason(drop.topReason)}`,
            )
            .join('\n'),
        ),
      ]),
    ]);
  if (atRisk.length > 0)
    add([
      heading2(copy.atRisk),
      paragraph([
        run(
          atRisk
            .map(
              (account) =>
                `• ${account.name}: ${copy.atRiskLine(account.score, account.band)}${reason(account.topReason)}`,
            )
            .join('\n'),
        ),
      ]),
    ]);
  if (!digest.quiet && digest.accounts.source !== 'health')
    add([paragraph([run(copy.noHealth, { isSubtle: true })])]);
  if (digest.accounts.list.length > 0) {
    add([
      heading2(copy.accounts),
      paragraph([
        run(
          digest.accounts.list
            .map(
              (account) =>
                `• ${account.name}: ${copy.accountLine(account.negativeRequests, account.requests)}`,
            )
            .join('\n'),
        ),
      ]),
      paragraph([run(copy.accountsSource, { isSubtle: true })]),
    ]);
  }
  if (digest.responsiveness.teams.length > 0) {
    add([
      heading2(copy.responsiveness),
      paragraph([
        run(
          digest.responsiveness.teams
            .map((team) => `• ${team.name}: ${describeResponse(digest, team)}`)
            .join('\n'),
        ),
      ]),
    ]);
  }

  // Numbers before words: sections go in, in order, without their quotes until one does not fit
  // (it and every later one are left out, so no list loses its heading or its middle); then the
  // quotes, in the same order, while they fit. The same digest always trims the same way.
  const leftOut = { sections: 0, quotes: 0 };
  const bytesOf = (element: CardElement) => byteLength(JSON.stringify(element)) + 1;
  let used = activityBytes(card(body), summary) + RESERVED_BYTES;
  const kept: Array<{ lines: CardElement[]; quotes: CardElement[]; shown: CardElement[] }> = [];
  let full = false;
  for (const section of sections) {
    const size = section.lines.reduce((sum, element) => sum + bytesOf(element), 0);
    full ||= used + size > maxBytes;
    if (!full) {
      kept.push({ ...section, shown: [] });
      used += size;
    } else {
      if (!section.heading) leftOut.sections += 1;
      leftOut.quotes += section.quotes.length;
    }
  }
  for (const section of kept) {
    for (const quote of section.quotes) {
      const size = bytesOf(quote);
      if (used + size <= maxBytes) {
        section.shown.push(quote);
        used += size;
      } else leftOut.quotes += 1;
    }
  }
  for (const section of kept) body.push(...section.lines, ...section.shown);

  const closing = (chartTooLarge: boolean): CardElement[] => {
    const notes: TextRun[] = [];
    if (leftOut.sections + leftOut.quotes > 0)
      notes.push(run(cardCopy.leftOut(leftOut.sections, leftOut.quotes, command), { isSubtle: true }));
    if (!digest.quiet) notes.push(run(copy.method, { isSubtle: true }));
    if (options.chartMissing) notes.push(run(`⚠️ ${copy.chartMissing}`, { color: 'Warning' }));
    if (chartTooLarge) notes.push(run(`⚠️ ${cardCopy.chartTooLarge(command)}`, { color: 'Warning' }));
    const joined = notes.flatMap((note, index) => (index === 0 ? [note] : [run('\n'), note]));
    return joined.length > 0 ? [paragraph(joined, { separator: true })] : [];
  };

  let chartShown = false;
  let final = card([...body, ...closing(false)]);
  if (options.chart) {
    const image: CardElement = {
      type: 'Image',
      url: `data:image/png;base64,${Buffer.from(options.chart.png).toString('base64')}`,
      altText: neutralizeTeamsText(options.chart.alt),
      size: 'Stretch',
      separator: true,
    };
    const withChart = card([...body, image, ...closing(false)]);
    const imageData = (image as { url: string }).url.length;
    if (
      options.chart.png.length <= TEAMS_MAX_IMAGE_BYTES &&
      activityBytes(withChart, summary) - imageData <= maxBytes
    ) {
      final = withChart;
      chartShown = true;
    } else final = card([...body, ...closing(true)]);
  }
  return { card: final, summary, chartShown, leftOut };
}

/** The activity the publisher sends, so the size check measures exactly what goes out. */
export function digestActivity(rendering: Pick<DigestCardRendering, 'card' | 'summary'>) {
  return {
    type: 'message' as const,
    summary: rendering.summary,
    attachments: [cardAttachment(rendering.card)],
  };
}

function activityBytes(content: AdaptiveCard, summary: string): number {
  return byteLength(JSON.stringify(digestActivity({ card: content, summary })));
}

function card(body: CardElement[]): AdaptiveCard {
  return { type: 'AdaptiveCard', $schema: CARD_SCHEMA_URL, version: '1.5', body };
}

/** A customer's words in an emphasis container: verbatim (tags broken), who, where, when, and an https link. */
function quoteElement(quote: DigestQuote): CardElement {
  const link = quote.link && /^https:\/\/[^\s<>"]+$/.test(quote.link) ? quote.link : null;
  const long = quote.text.length > DIGEST_QUOTE_CHARS;
  const shown = long ? `${cut(quote.text, DIGEST_QUOTE_CHARS)}…` : quote.text;
  const byline = `— ${shorten(quote.author, 100)}${quote.account ? `, ${shorten(quote.account, 100)}` : ''} · ${quote.at.slice(0, 10)}`;
  const linkRuns: TextRun[] = link
    ? [
        run(' · ', { isSubtle: true }),
        run(long ? 'Read the whole message' : 'View original', {
          selectAction: { type: 'Action.OpenUrl', url: link },
          color: 'Accent',
        }),
      ]
    : long
      ? [run(' · (shortened here)', { isSubtle: true })]
      : [];
  return {
    type: 'Container',
    style: 'emphasis',
    items: [
      paragraph([run(shown, { italic: true })]),
      paragraph([run(byline, { isSubtle: true }), ...linkRuns]),
    ],
  };
}

function heading2(text: string): CardElement {
  return paragraph([run(text, { weight: 'Bolder', size: 'Medium' })], { separator: true });
}

function paragraph(inlines: TextRun[], layout: { separator?: boolean } = {}): CardElement {
  return { type: 'RichTextBlock', inlines, ...(layout.separator ? { separator: true } : {}) };
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${cut(text, max - 1)}…` : text;
}

/** The first `length` UTF-16 units, one fewer rather than half a surrogate pair. */
function cut(text: string, length: number): string {
  const code = text.charCodeAt(length - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? length - 1 : length);
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

import type { RoutedPostView } from '../../core/ports.ts';
import { REMOVED_NAME, retentionNotice } from '../../core/retention-notice.ts';
import type { AdaptiveCard, CardAction, CardElement } from './adaptive-card.ts';
import { CARD_SCHEMA_URL } from './adaptive-card.ts';
import { describeCardState } from './describe-card-state.ts';
import { formatCardDate } from './format-card-date.ts';
import { neutralizeTeamsMarkdown, inertRun as run } from './neutralize-teams-text.ts';
import { splitTextParts } from './split-text-parts.ts';

/** Verbatim characters on the routed card itself; the rest continues in thread replies. */
export const ANCHOR_TEXT_CHARS = 6000;
/** Verbatim characters per continuation card (a Teams message holds about 28 KB). */
export const PART_TEXT_CHARS = 7000;

export const CARD_VERBS = {
  claim: 'verbatim.claim',
  resolve: 'verbatim.resolve',
  reopen: 'verbatim.reopen',
  snooze: 'verbatim.snooze',
  reassign: 'verbatim.reassign',
  map: 'verbatim.map',
  explain: 'verbatim.explain',
} as const;

/** Ids of the inputs the Snooze and Reassign actions read. */
export const INPUT_IDS = { snoozeHours: 'snoozeHours', team: 'reassignTeam', account: 'mapAccount' } as const;

export interface RoutedPostRendering {
  card: AdaptiveCard;
  /** Plain text for notifications and the activity `summary` (neutralised). */
  summary: string;
  /** Cards that continue a long text, in order, posted as replies in the routed post's thread. */
  continuation: AdaptiveCard[];
}

interface Piece {
  header: string | null;
  text: string;
  /** A notice in place of the words (retention removed them): shown subtle and italic, not as a quote. */
  notice?: boolean;
}

/**
 * A routed post as an Adaptive Card 1.5: header, the customer's words verbatim (TextRun: never
 * parsed as markdown; markup neutralised), the analysis, who did what and when, a link to the
 * original, and Action.Execute buttons that update the card in place for everyone.
 */
export function renderRoutedPostCard(
  view: RoutedPostView,
  options: { accounts?: Array<{ id: string; name: string }> } = {},
): RoutedPostRendering {
  const pieces: Piece[] = view.messages.map((message) =>
    message.bodyRemovedAt
      ? {
          header: `${REMOVED_NAME} · ${formatCardDate(message.sentAt)}`,
          text: retentionNotice('text', message.bodyRemovedAt),
          notice: true,
        }
      : {
          header: `${message.author.name} · ${formatCardDate(message.sentAt)}${
            message.deletedAt ? ' · deleted by the author' : message.editedAt ? ' · edited' : ''
          }${message.attachments.length > 0 ? ` · attachments: ${message.attachments.map((a) => a.name).join(', ')}` : ''}`,
          text: message.text,
        },
  );
  const [anchorPieces, ...restCards] = packPieces(pieces);
  const totalParts = restCards.length;
  const account = view.account ? `${view.account.name} (${view.account.tier})` : 'Unknown account';
  const words = (text: string) =>
    text === '' && view.wordsRemovedAt ? retentionNotice('words', view.wordsRemovedAt) : text;
  const summaryLine = `${view.priority} · ${account} → ${view.team.name}: ${words(view.analysis.summary)}`;
  const body: CardElement[] = [
    {
      type: 'RichTextBlock',
      inlines: [
        run(`${view.priority} `, { weight: 'Bolder' }),
        run(`${account} → ${view.team.name}`, { weight: 'Bolder' }),
      ],
    },
    ...renderPieces(anchorPieces ?? []),
  ];
  if (totalParts > 0) {
    body.push({
      type: 'TextBlock',
      text: `The text continues in ${totalParts} ${totalParts === 1 ? 'reply' : 'replies'} in this thread.`,
      wrap: true,
      isSubtle: true,
    });
  }
  body.push(
    {
      type: 'RichTextBlock',
      separator: true,
      inlines: [run('Summary: ', { weight: 'Bolder' }), run(words(view.analysis.summary))],
    },
    {
      type: 'RichTextBlock',
      inlines: [
        run('Priority: ', { weight: 'Bolder' }),
        run(`${view.priority} — ${words(view.analysis.priorityReason)}`),
      ],
    },
    { type: 'FactSet', facts: facts(view) },
  );
  for (const signal of view.analysis.churnSignals) {
    body.push({
      type: 'RichTextBlock',
      inlines: [
        run(`Churn signal (${signal.driver}${signal.competitor ? `: ${signal.competitor}` : ''}): `, {
          weight: 'Bolder',
        }),
        signal.phrase === '' && view.wordsRemovedAt
          ? run(words(''), { isSubtle: true })
          : run(`“${signal.phrase}”`, { italic: true }),
      ],
    });
  }
  body.push({ type: 'RichTextBlock', inlines: [run(describeCardState(view), { isSubtle: true })] });
  const actions = renderActions(view, options.accounts ?? []);
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA_URL,
    version: '1.5',
    body,
    actions,
    fallbackText: neutralizeTeamsMarkdown(summaryLine),
  };
  const continuation = restCards.map((cardPieces, index) => ({
    type: 'AdaptiveCard' as const,
    $schema: CARD_SCHEMA_URL,
    version: '1.5' as const,
    body: [
      {
        type: 'TextBlock' as const,
        text: `Continued (${index + 2}/${totalParts + 1})`,
        isSubtle: true,
        wrap: true,
      },
      ...renderPieces(cardPieces),
    ],
  }));
  return { card, summary: neutralizeTeamsMarkdown(summaryLine).slice(0, 250), continuation };
}

/** Distributes the pieces over cards: the anchor takes ANCHOR_TEXT_CHARS, each later card PART_TEXT_CHARS. */
function packPieces(pieces: Piece[]): Piece[][] {
  const cards: Piece[][] = [[]];
  let budget = ANCHOR_TEXT_CHARS;
  const nextCard = () => {
    cards.push([]);
    budget = PART_TEXT_CHARS;
  };
  for (const piece of pieces) {
    let rest = piece.text;
    let first = true;
    do {
      // Rather than a sliver at the end of a card, a text that does not fit starts on the next one.
      if (rest.length > budget && budget < MIN_CHUNK_CHARS) nextCard();
      const take = rest.length <= budget ? rest : splitTextParts(rest, budget)[0]!;
      const header = piece.header && !first ? `${piece.header} (continued)` : piece.header;
      cards.at(-1)!.push({ header, text: take, ...(piece.notice ? { notice: true } : {}) });
      budget -= take.length;
      rest = rest.slice(take.length);
      first = false;
      if (rest.length > 0) nextCard();
    } while (rest.length > 0);
  }
  return cards;
}

/** The smallest piece of a text worth starting at the end of a card. */
const MIN_CHUNK_CHARS = 200;

function renderPieces(pieces: Piece[]): CardElement[] {
  return pieces.map((piece, index) => ({
    type: 'RichTextBlock' as const,
    ...(index > 0 ? { separator: true } : {}),
    inlines: [
      ...(piece.header ? [run(`${piece.header}\n`, { isSubtle: true })] : []),
      piece.notice
        ? run(piece.text, { italic: true, isSubtle: true })
        : run(piece.text.length > 0 ? piece.text : '(no text)'),
    ],
  }));
}

function facts(view: RoutedPostView): Array<{ title: string; value: string }> {
  const topics = view.analysis.topics.length > 0 ? view.analysis.topics.join(', ') : 'none';
  const rows = [
    { title: 'Topics', value: topics },
    { title: 'Sentiment', value: view.analysis.sentiment.toFixed(2) },
    { title: 'Engine', value: view.analysis.engine },
    { title: 'Request', value: view.requestId },
  ];
  const permalink = view.messages[0]?.permalink;
  if (permalink) rows.push({ title: 'Original', value: permalink });
  // Fact values render markdown in Teams: neutralise them as markdown.
  return rows.map((row) => ({ title: row.title, value: neutralizeTeamsMarkdown(row.value) }));
}

function renderActions(view: RoutedPostView, accounts: Array<{ id: string; name: string }>): CardAction[] {
  const data = { requestId: view.requestId };
  const actions: CardAction[] = [];
  if (view.unmapped && accounts.length > 0) {
    actions.push({
      type: 'Action.ShowCard',
      title: 'Map to account',
      card: {
        type: 'AdaptiveCard',
        body: [
          {
            type: 'Input.ChoiceSet',
            id: INPUT_IDS.account,
            label: 'This conversation belongs to',
            style: 'compact',
            value: accounts[0]!.id,
            choices: accounts.map((account) => ({ title: account.name, value: account.id })),
          },
        ],
        actions: [
          {
            type: 'Action.Execute',
            title: 'Map',
            verb: CARD_VERBS.map,
            data: { ...data, action: CARD_VERBS.map },
          },
        ],
      },
    });
  }
  if (view.state === 'resolved') {
    actions.push({
      type: 'Action.Execute',
      title: 'Reopen',
      verb: CARD_VERBS.reopen,
      data: { ...data, action: CARD_VERBS.reopen },
    });
  } else {
    if (view.state !== 'claimed')
      actions.push({
        type: 'Action.Execute',
        title: '👀 Claim',
        verb: CARD_VERBS.claim,
        data: { ...data, action: CARD_VERBS.claim },
      });
    actions.push({
      type: 'Action.Execute',
      title: '✅ Resolve',
      verb: CARD_VERBS.resolve,
      style: 'positive',
      data: { ...data, action: CARD_VERBS.resolve },
    });
    actions.push({
      type: 'Action.ShowCard',
      title: 'Snooze',
      card: {
        type: 'AdaptiveCard',
        body: [
          {
            type: 'Input.ChoiceSet',
            id: INPUT_IDS.snoozeHours,
            label: 'Snooze for',
            style: 'compact',
            value: '4',
            choices: [
              { title: '1 hour', value: '1' },
              { title: '4 hours', value: '4' },
              { title: '1 day', value: '24' },
              { title: '3 days', value: '72' },
            ],
          },
        ],
        actions: [
          {
            type: 'Action.Execute',
            title: 'Snooze',
            verb: CARD_VERBS.snooze,
            data: { ...data, action: CARD_VERBS.snooze },
          },
        ],
      },
    });
    const targets = view.reassignTargets.filter((team) => team.id !== view.team.id);
    if (targets.length > 0) {
      actions.push({
        type: 'Action.ShowCard',
        title: 'Reassign',
        card: {
          type: 'AdaptiveCard',
          body: [
            {
              type: 'Input.ChoiceSet',
              id: INPUT_IDS.team,
              label: 'Team',
              style: 'compact',
              value: targets[0]!.id,
              choices: targets.map((team) => ({ title: team.name, value: team.id })),
            },
          ],
          actions: [
            {
              type: 'Action.Execute',
              title: 'Reassign',
              verb: CARD_VERBS.reassign,
              data: { ...data, action: CARD_VERBS.reassign },
            },
          ],
        },
      });
    }
  }
  const permalink = view.messages[0]?.permalink;
  if (permalink && /^https:\/\//.test(permalink))
    actions.push({ type: 'Action.OpenUrl', title: 'Open original', url: permalink });
  // The request's audit trail, sent to the clicker alone in a 1:1 chat (Slack: the ⋯ menu).
  actions.push({
    type: 'Action.Execute',
    title: 'Explain',
    verb: CARD_VERBS.explain,
    data: { ...data, action: CARD_VERBS.explain },
  });
  return actions;
}

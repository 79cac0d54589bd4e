import type { AdaptiveCard, CardElement } from './adaptive-card.ts';
import { CARD_SCHEMA_URL } from './adaptive-card.ts';
import { formatCardDate } from './format-card-date.ts';
import { neutralizeTeamsText } from './neutralize-teams-text.ts';

/** An account's explained health, as the health model (another module) reports it. */
export interface AccountHealthView {
  accountName: string;
  score: number;
  band: 'healthy' | 'watch' | 'at-risk' | 'critical';
  signals: Array<{
    label: string;
    value: string;
    direction: 'better' | 'worse' | 'steady';
    evidence: Array<{ quote: string; at: Date; link: string | null }>;
  }>;
}

const BAND_COLOR = { healthy: 'Good', watch: 'Accent', 'at-risk': 'Warning', critical: 'Attention' } as const;
const ARROW = { better: '↑', worse: '↓', steady: '→' } as const;

/** `churn <account>` as a card: score and band, then each signal with its evidence quotes (verbatim, inert). */
export function renderAccountHealthCard(health: AccountHealthView): AdaptiveCard {
  const body: CardElement[] = [
    {
      type: 'TextBlock',
      text: `${health.score}/100 · ${health.band}`,
      weight: 'Bolder',
      size: 'Large',
      color: BAND_COLOR[health.band],
    },
    {
      type: 'RichTextBlock',
      inlines: [{ type: 'TextRun', text: neutralizeTeamsText(health.accountName), weight: 'Bolder' }],
    },
  ];
  for (const signal of health.signals) {
    body.push({
      type: 'RichTextBlock',
      separator: true,
      inlines: [
        {
          type: 'TextRun',
          text: neutralizeTeamsText(`${ARROW[signal.direction]} ${signal.label}: `),
          weight: 'Bolder',
        },
        { type: 'TextRun', text: neutralizeTeamsText(signal.value) },
        ...signal.evidence.map((evidence) => ({
          type: 'TextRun' as const,
          text: neutralizeTeamsText(
            `\n“${evidence.quote}” — ${formatCardDate(evidence.at)}${evidence.link ? ` ${evidence.link}` : ''}`,
          ),
          italic: true,
        })),
      ],
    });
  }
  return { type: 'AdaptiveCard', $schema: CARD_SCHEMA_URL, version: '1.5', body };
}

/** A one-line card (notices in a personal chat). */
export function renderNoticeCard(text: string): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA_URL,
    version: '1.5',
    body: [{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: neutralizeTeamsText(text) }] }],
  };
}

import type { Account } from '../../core/directory.ts';
import type { AccountHealthView } from '../../core/health/health-view.ts';
import type { RiskListItem } from '../../core/health/risk-list.ts';
import { sparkline } from '../../core/health/sparkline.ts';
import type { AdaptiveCard, CardElement, TextRun } from './adaptive-card.ts';
import { CARD_SCHEMA_URL } from './adaptive-card.ts';
import { inertRun as run } from './neutralize-teams-text.ts';

const BAND_COLOR = { healthy: 'Good', watch: 'Accent', 'at-risk': 'Warning', critical: 'Attention' } as const;
const DIRECTION_MARK = { positive: '✓', neutral: '~', negative: '✗' } as const;
const TREND_ARROW: Record<RiskListItem['trend'], string> = { up: '↗', down: '↘', flat: '→', new: '·' };

/** Drivers shown; the Slack post shows the same five (the CLI's `--json` has them all). */
const MAX_DRIVERS = 5;
/** Quotes per hurting driver. */
const QUOTES_PER_DRIVER = 2;

function line(
  inlines: TextRun[],
  extra: { separator?: boolean; spacing?: 'Small' | 'Medium' } = {},
): CardElement {
  return { type: 'RichTextBlock', inlines, ...extra };
}

function card(body: CardElement[]): AdaptiveCard {
  return { type: 'AdaptiveCard', $schema: CARD_SCHEMA_URL, version: '1.5', body };
}

/** Our own permalinks only: a link is shown as the address it is, never behind other words. */
function honestLink(url: string | null): string {
  return url && /^https:\/\//.test(url) ? ` ${url}` : '';
}

/**
 * `churn <account>` as an Adaptive Card: the same explanation as Slack's `/churn` (score and band,
 * 12-week trend, what changed since last week, each driver's points and reason with the customer's
 * own words, what was left out, open requests, response times, the next step). Every piece of
 * customer text goes into TextRuns, which Teams never parses as markdown, neutralised against
 * mentions and HTML.
 */
export function renderAccountHealthCard(view: AccountHealthView): AdaptiveCard {
  const { account } = view;
  const body: CardElement[] = [
    {
      type: 'TextBlock',
      text: `${view.score ?? '–'}/100 · ${view.band ?? 'no band'}${view.bandHeld ? ' (held)' : ''}`,
      weight: 'Bolder',
      size: 'Large',
      ...(view.band ? { color: BAND_COLOR[view.band] } : {}),
    },
    line([run(account.name, { weight: 'Bolder' })]),
  ];
  const facts = [
    `trend ${sparkline(view.trend.map((point) => point.score))} (12 weeks)`,
    account.arr === null ? null : `ARR ${account.arr.toLocaleString('en-US')}`,
    account.renewalDate ? `renewal ${account.renewalDate} (${account.daysToRenewal} days)` : null,
    `owner ${account.owner ?? 'none'}`,
  ].filter((fact): fact is string => fact !== null);
  body.push(line([run(facts.join(' · '), { isSubtle: true })]));

  const changes = view.changes;
  if (changes.since) {
    const moved = changes.factors
      .slice(0, 5)
      .map((change) => `\n${change.delta > 0 ? '+' : ''}${change.delta} ${change.signal}: ${change.reason}`)
      .join('');
    body.push(
      line(
        [
          run(
            `What changed since ${changes.since} (${changes.scoreFrom ?? '–'} → ${changes.scoreTo ?? '–'})`,
            {
              weight: 'Bolder',
            },
          ),
          run(moved || '\nNothing moved by a point or more.'),
          ...(changes.modelChanged
            ? [run('\nThe model changed since then; points are not comparable.')]
            : []),
        ],
        { separator: true },
      ),
    );
  } else
    body.push(line([run('What changed since last week: no snapshot a week old yet.')], { separator: true }));

  for (const driver of view.drivers.slice(0, MAX_DRIVERS)) {
    const quotes = driver.direction === 'positive' ? [] : driver.evidence.slice(0, QUOTES_PER_DRIVER);
    body.push(
      line(
        [
          run(
            `${DIRECTION_MARK[driver.direction]} ${driver.signal} ${driver.points}/${driver.maxPoints} — `,
            {
              weight: 'Bolder',
            },
          ),
          run(driver.reason),
          run(`\n${driver.value}`, { isSubtle: true }),
          ...quotes.flatMap((quote) => [
            run(`\n“${quote.quote}”`, { italic: true }),
            run(`\n— ${quote.author}, ${quote.at.slice(0, 10)}${honestLink(quote.link)}`, { isSubtle: true }),
          ]),
        ],
        { separator: true },
      ),
    );
  }
  if (view.note) {
    const excluded = view.excluded.map((factor) => `${factor.signal} (${factor.missing})`).join('; ');
    body.push(line([run(`${view.note} Left out: ${excluded}`, { isSubtle: true })]));
  }
  if (view.openRequests.length > 0)
    body.push(
      line(
        [
          run('Open requests', { weight: 'Bolder' }),
          ...view.openRequests
            .slice(0, 5)
            .map((request) =>
              run(
                `\n• ${request.id} ${request.priority ?? ''} ${request.state}, since ${request.openedAt.slice(0, 10)}${honestLink(request.link)}`,
              ),
            ),
        ],
        { separator: true },
      ),
    );
  const times = view.responseTimes;
  body.push(
    line(
      [
        run('First responses (30 days): ', { weight: 'Bolder' }),
        run(
          times.measured === 0
            ? 'none measured'
            : `${times.withinTarget}/${times.measured} within target, median ${Math.round(times.medianBusinessMinutes ?? 0)} business min`,
        ),
        run('\nNext step: ', { weight: 'Bolder' }),
        run(view.nextStep),
      ],
      { separator: true },
    ),
  );
  body.push(
    line([run(`Model ${view.modelVersion} · urgency ${view.urgency.toFixed(1)}`, { isSubtle: true })]),
  );
  return card(body);
}

/** `churn` alone: the most urgent accounts, from the nightly snapshots. */
export function renderRiskListCard(items: RiskListItem[]): AdaptiveCard {
  if (items.length === 0)
    return renderNoticeCard(
      'No account health yet: snapshots are taken nightly. Write `churn <account>` for one account now.',
    );
  return card([
    { type: 'TextBlock', text: 'Accounts most at risk', weight: 'Bolder', size: 'Medium' },
    line(
      items.flatMap((item, index) => [
        run(`${index > 0 ? '\n' : ''}${index + 1}. ${item.name}`, { weight: 'Bolder' }),
        run(` — ${item.band ?? 'no data'} ${item.score ?? '–'} ${TREND_ARROW[item.trend]}`),
        ...(item.topReason ? [run(`\n    ${item.topReason}`, { isSubtle: true })] : []),
      ]),
    ),
    line([
      run('Ordered by urgency: health, ARR and days to renewal. `churn <account>` explains one.', {
        isSubtle: true,
      }),
    ]),
  ]);
}

/** Several accounts match a query: each with the id that picks it. */
export function renderPickAccountCard(query: string, candidates: Account[]): AdaptiveCard {
  return card([
    line([run(`Which account did you mean by “${query}”?`, { weight: 'Bolder' })]),
    line(
      candidates
        .slice(0, 5)
        .map((account, index) =>
          run(`${index > 0 ? '\n' : ''}• ${account.name} — write: churn ${account.id}`),
        ),
    ),
  ]);
}

/** A one-line card (notices in a personal chat). */
export function renderNoticeCard(text: string): AdaptiveCard {
  return card([line([run(text)])]);
}

import type { Account } from '../../core/directory.ts';
import type { AccountHealthView } from '../../core/health/health-view.ts';
import type { RiskListItem } from '../../core/health/risk-list.ts';
import { sparkline } from '../../core/health/sparkline.ts';
import {
  type Block,
  clip,
  contextBlock,
  plainText,
  type SlackMessageBody,
  safe,
  sectionBlock,
  verbatimQuote,
} from './slack-blocks.ts';

export const CHURN_ACTION_IDS = {
  pick: 'verbatim_churn_pick',
  share: 'verbatim_churn_share',
} as const;

const ARROW: Record<RiskListItem['trend'], string> = { up: '↗', down: '↘', flat: '→', new: '·' };
const BAND_ICON: Record<string, string> = { healthy: '🟢', watch: '🟡', 'at-risk': '🟠', critical: '🔴' };
const DIRECTION_ICON = { positive: '✓', neutral: '~', negative: '✗' } as const;

function link(url: string | null, label: string): string {
  // Our own permalinks (Slack-made); the label says what it is, the target is not disguised.
  return url && /^https:\/\//.test(url) ? `<${url.replace(/[<>|]/g, '')}|${label}>` : '';
}

/** `/churn <account>`: the explained health as Block Kit, within Slack's limits. */
export function renderHealthBlocks(
  view: AccountHealthView,
  options: { shareable: boolean },
): SlackMessageBody {
  const { account } = view;
  const blocks: Block[] = [];
  blocks.push({
    type: 'header',
    text: plainText(`${account.name} — ${view.score}/100 · ${view.band}`, 150),
  });
  const facts = [
    `${BAND_ICON[view.band ?? ''] ?? ''} trend \`${sparkline(view.trend.map((point) => point.score))}\` (12 weeks)`,
    account.arr === null ? null : `ARR ${account.arr.toLocaleString('en-US')}`,
    account.renewalDate ? `renewal ${account.renewalDate} (${account.daysToRenewal} days)` : null,
    account.owner ? `owner <@${account.owner.replace(/[^A-Z0-9]/gi, '')}>` : 'no owner',
  ].filter((fact): fact is string => fact !== null);
  blocks.push(contextBlock(facts.join(' · ')));
  const changes = view.changes;
  if (changes.since) {
    const lines = changes.factors
      .slice(0, 5)
      .map(
        (change) =>
          `${change.delta > 0 ? '+' : ''}${change.delta} *${change.signal}*: ${safe(change.reason, 300)}`,
      );
    blocks.push(
      sectionBlock(
        `*What changed since ${changes.since}* (${changes.scoreFrom ?? '–'} → ${changes.scoreTo})\n${lines.join('\n') || 'Nothing moved by a point or more.'}`,
      ),
    );
  } else blocks.push(sectionBlock('*What changed since last week*: no snapshot a week old yet.'));
  for (const driver of view.drivers.slice(0, 5)) {
    blocks.push(
      sectionBlock(
        `${DIRECTION_ICON[driver.direction]} *${driver.signal}* ${driver.points}/${driver.maxPoints} — ${safe(driver.reason, 400)}\n_${safe(driver.value, 300)}_`,
      ),
    );
    for (const quote of driver.evidence.slice(0, driver.direction === 'positive' ? 0 : 2)) {
      blocks.push(verbatimQuote(quote.quote));
      blocks.push(
        contextBlock(
          `${safe(quote.author, 80)}, ${quote.at.slice(0, 10)} ${link(quote.link, 'view message')}`,
        ),
      );
    }
  }
  const excluded = view.excluded.map((factor) => `${factor.signal} (${factor.missing})`).join('; ');
  if (view.note) blocks.push(contextBlock(safe(clip(`${view.note} Left out: ${excluded}`, 1800))));
  if (view.openRequests.length > 0)
    blocks.push(
      sectionBlock(
        `*Open requests*\n${view.openRequests
          .slice(0, 5)
          .map(
            (request) =>
              `• ${request.id} ${request.priority ?? ''} ${request.state}, since ${request.openedAt.slice(0, 10)} ${link(request.link, 'view')}`,
          )
          .join('\n')}`,
      ),
    );
  const times = view.responseTimes;
  blocks.push(
    sectionBlock(
      `*First responses (30 days)*: ${times.measured === 0 ? 'none measured' : `${times.withinTarget}/${times.measured} within target, median ${Math.round(times.medianBusinessMinutes ?? 0)} business min`}\n*Next step*: ${safe(view.nextStep, 500)}`,
    ),
  );
  blocks.push(contextBlock(`Model ${safe(view.modelVersion)} · urgency ${view.urgency.toFixed(1)}`));
  if (options.shareable)
    blocks.push({
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: CHURN_ACTION_IDS.share,
          text: plainText('Share in channel'),
          value: account.id,
        },
      ],
    });
  return {
    text: `${safe(account.name)}: health ${view.score}/100, ${view.band}`,
    blocks: blocks.slice(0, 50),
  };
}

/** `/churn` alone: the most urgent accounts. */
export function renderRiskListBlocks(items: RiskListItem[]): SlackMessageBody {
  if (items.length === 0)
    return {
      text: 'No account health yet',
      blocks: [
        sectionBlock(
          'No account health yet: snapshots are taken nightly. Try `/churn <account>` for one account now.',
        ),
      ],
    };
  const lines = items.map(
    (item, index) =>
      `${index + 1}. ${BAND_ICON[item.band ?? ''] ?? '⚪'} *${safe(item.name, 80)}* — ${item.band ?? 'no data'} ${item.score ?? '–'} ${ARROW[item.trend]}\n      ${safe(item.topReason ?? '', 200)}`,
  );
  return {
    text: `The ${items.length} most urgent accounts`,
    blocks: [
      { type: 'header', text: plainText('Accounts most at risk', 150) },
      sectionBlock(lines.join('\n')),
      contextBlock('Ordered by urgency: health, ARR and days to renewal. `/churn <account>` explains one.'),
    ],
  };
}

/** Several accounts match: one button each. */
export function renderPickAccount(query: string, candidates: Account[]): SlackMessageBody {
  return {
    text: `Which account did you mean by “${safe(query, 100)}”?`,
    blocks: [
      sectionBlock(`Which account did you mean by “${safe(query, 100)}”?`),
      {
        type: 'actions',
        elements: candidates.slice(0, 5).map((account) => ({
          type: 'button',
          action_id: `${CHURN_ACTION_IDS.pick}:${account.id}`,
          text: plainText(account.name),
          value: account.id,
        })),
      },
    ],
  };
}

export const CHURN_HELP = [
  '*/churn* — the 10 most urgent accounts, with band, score, trend and the top reason',
  '*/churn acme* — one account explained: score, trend, what changed and why, quotes, open requests, next step',
  'Accounts are found by id, name or email domain; typos are forgiven.',
].join('\n');

export const CHURN_REFUSAL =
  'Sorry, account health is only available to the people your Verbatim admin has allowed. Ask them if you need it.';

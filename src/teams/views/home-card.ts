import type { RequestListItem } from '../../storage/request-queries.ts';
import { type AdaptiveCard, CARD_SCHEMA_URL, type CardElement } from './adaptive-card.ts';
import { formatCardDate } from './format-card-date.ts';
import { inertRun as run } from './neutralize-teams-text.ts';

export interface TeamsHomeInput {
  accounts: Array<{
    name: string;
    score: number | null;
    band: string | null;
    openRequests: number;
    topReason: string | null;
  }>;
  claimed: RequestListItem[];
  teams: Array<{ name: string; open: RequestListItem[] }>;
  accountName: (accountId: string | null) => string;
}

/** Requests listed per section; the rest are counted. */
const LISTED = 15;

function heading(text: string): CardElement {
  return { type: 'RichTextBlock', separator: true, inlines: [run(text, { weight: 'Bolder' })] };
}

function requestLines(items: RequestListItem[], accountName: TeamsHomeInput['accountName']): CardElement {
  const shown = items.slice(0, LISTED);
  const inlines = shown.flatMap((item, index) => [
    run(`${index > 0 ? '\n' : ''}${item.priority ?? '–'} · ${accountName(item.accountId)} · ${item.state}`, {
      weight: 'Bolder',
    }),
    run(` · since ${formatCardDate(item.openedAt)}`, { isSubtle: true }),
    // The summary is the analyzer's, never the customer's words: shown plain, not as a quote.
    ...(item.summary ? [run(`\n   ${item.summary}`)] : []),
  ]);
  if (items.length > LISTED) inlines.push(run(`\n…and ${items.length - LISTED} more`, { isSubtle: true }));
  return {
    type: 'RichTextBlock',
    inlines: inlines.length > 0 ? inlines : [run('Nothing open.', { isSubtle: true })],
  };
}

/**
 * `home` in a personal chat: what Slack's App Home shows — the viewer's accounts (as owner) with
 * health, the requests they claimed, and the open requests of each team whose channel they are in.
 */
export function renderTeamsHomeCard(input: TeamsHomeInput): AdaptiveCard {
  const body: CardElement[] = [{ type: 'TextBlock', text: 'Verbatim', weight: 'Bolder', size: 'Large' }];
  if (input.accounts.length > 0) {
    body.push(heading('Your accounts'));
    body.push({
      type: 'RichTextBlock',
      inlines: input.accounts.flatMap((account, index) => [
        run(`${index > 0 ? '\n' : ''}${account.name}`, { weight: 'Bolder' }),
        run(
          ` · ${account.band ?? 'no band yet'} ${account.score ?? '–'} · ${account.openRequests} open${account.topReason ? ` · ${account.topReason}` : ''}`,
        ),
      ]),
    });
  }
  body.push(heading(`Claimed by you (${input.claimed.length})`));
  body.push(requestLines(input.claimed, input.accountName));
  for (const team of input.teams) {
    body.push(heading(`Open in ${team.name} (${team.open.length})`));
    body.push(requestLines(team.open, input.accountName));
  }
  body.push({
    type: 'RichTextBlock',
    separator: true,
    inlines: [
      run('Write “churn” for the riskiest accounts, “churn <account>” for one explained.', {
        isSubtle: true,
      }),
    ],
  });
  return { type: 'AdaptiveCard', $schema: CARD_SCHEMA_URL, version: '1.5', body };
}

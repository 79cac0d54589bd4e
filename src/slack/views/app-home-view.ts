import type { Priority } from '../../core/priority.ts';
import type { Actor, RequestState } from '../../core/request-state.ts';
import { ACTION_IDS, requestBlockId } from './action-ids.ts';
import { describeActor, PRIORITY_EMOJI } from './describe-request-state.ts';
import { describeAge } from './format-slack-date.ts';
import { BLOCK_LIMITS, type Block, contextBlock, plainText, safe, sectionBlock } from './slack-blocks.ts';

/** One request as App Home lists it. */
export interface HomeRequest {
  id: string;
  priority: Priority | null;
  accountName: string;
  state: RequestState;
  /** When the customer's first message was sent. */
  openedAt: Date;
  summary: string | null;
  claimedBy: Actor | null;
  /** Link to the routed post, when there is one. */
  postUrl: string | null;
}

/** An account the viewer owns, with its health from the latest snapshot. */
export interface HomeAccount {
  id: string;
  name: string;
  score: number | null;
  band: string | null;
  /** Sparkline of recent daily scores, oldest first. */
  trend: Array<number | null>;
  openRequests: number;
  topReason: string | null;
}

export interface AppHomeInput {
  /** Accounts the viewer owns; omitted or empty: no section. */
  accounts?: HomeAccount[];
  claimed: HomeRequest[];
  teams: Array<{ name: string; open: HomeRequest[] }>;
  now: Date;
}

/** Requests per list; each takes two blocks and a Home tab holds 100. */
const PER_LIST = 12;

/**
 * The App Home tab: the requests I have claimed, then my teams' open requests by priority and
 * age, each with buttons to act on it.
 */
export function renderAppHome(input: AppHomeInput): { type: 'home'; blocks: Block[] } {
  const blocks: Block[] = [{ type: 'header', text: plainText('Verbatim', BLOCK_LIMITS.headerText) }];
  if (input.accounts && input.accounts.length > 0) {
    blocks.push(sectionBlock('*My accounts* — health from last night’s snapshot'));
    blocks.push(...input.accounts.slice(0, PER_LIST).map(accountBlock));
    blocks.push({ type: 'divider' });
  }
  blocks.push(sectionBlock('*My claimed requests*'));
  blocks.push(...listBlocks(input.claimed, input.now, 'You have no claimed requests.'));
  if (input.teams.length === 0) {
    blocks.push({ type: 'divider' });
    blocks.push(
      contextBlock('You are not in any team channel Verbatim posts to, so there is no team list here.'),
    );
  }
  for (const team of input.teams) {
    blocks.push({ type: 'divider' });
    blocks.push(sectionBlock(`*Open requests for ${safe(team.name, 80)}* — most urgent and oldest first`));
    blocks.push(...listBlocks(sortByUrgency(team.open), input.now, 'Nothing open. :tada:'));
  }
  return { type: 'home', blocks: blocks.slice(0, BLOCK_LIMITS.viewBlocks) };
}

export function sortByUrgency(requests: HomeRequest[]): HomeRequest[] {
  const rank = (priority: Priority | null) => (priority ? Number(priority.slice(1)) : 9);
  return [...requests].sort(
    (a, b) => rank(a.priority) - rank(b.priority) || a.openedAt.getTime() - b.openedAt.getTime(),
  );
}

function listBlocks(requests: HomeRequest[], now: Date, empty: string): Block[] {
  if (requests.length === 0) return [contextBlock(empty)];
  const blocks = requests.slice(0, PER_LIST).flatMap((request) => requestBlocks(request, now));
  if (requests.length > PER_LIST) blocks.push(contextBlock(`…and ${requests.length - PER_LIST} more.`));
  return blocks;
}

function requestBlocks(request: HomeRequest, now: Date): Block[] {
  const priority = request.priority
    ? `${PRIORITY_EMOJI[request.priority]} *${request.priority}*`
    : '*untriaged*';
  const claimed = request.claimedBy ? ` · claimed by ${describeActor(request.claimedBy)}` : '';
  const summary = request.summary ? `\n${safe(request.summary, 400)}` : '';
  const text = `${priority} · *${safe(request.accountName, 100)}* · ${request.state} · waiting ${describeAge(request.openedAt, now)}${claimed}${summary}`;
  const value = request.id;
  const elements: Block[] = [];
  if (request.state === 'claimed') {
    elements.push({ type: 'button', action_id: ACTION_IDS.unclaim, text: plainText('Unclaim'), value });
  } else {
    elements.push({
      type: 'button',
      action_id: ACTION_IDS.claim,
      text: plainText('Claim'),
      value,
      style: 'primary',
    });
  }
  elements.push({ type: 'button', action_id: ACTION_IDS.resolve, text: plainText('Resolve'), value });
  if (request.postUrl && /^https:\/\/[^\s<>|]+$/.test(request.postUrl)) {
    elements.push({
      type: 'button',
      action_id: ACTION_IDS.openLink,
      text: plainText('Open post'),
      url: request.postUrl,
    });
  }
  return [sectionBlock(text), { type: 'actions', block_id: requestBlockId(request.id, 'home'), elements }];
}

const SPARK = '▁▂▃▄▅▆▇█';
const BAND_ICON: Record<string, string> = { healthy: '🟢', watch: '🟡', 'at-risk': '🟠', critical: '🔴' };

function accountBlock(account: HomeAccount): Block {
  const spark = account.trend
    .map((score) => (score === null ? ' ' : SPARK[Math.min(7, Math.floor((score / 100) * 8))]))
    .join('');
  const health =
    account.score === null
      ? 'no health yet'
      : `${BAND_ICON[account.band ?? ''] ?? ''} ${account.band} ${account.score}/100 \`${spark}\``;
  const reason = account.topReason ? `\n${safe(account.topReason, 200)}` : '';
  return sectionBlock(
    `*${safe(account.name, 100)}* · ${health} · ${account.openRequests} open request${account.openRequests === 1 ? '' : 's'}${reason}`,
  );
}

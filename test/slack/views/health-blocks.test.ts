import { describe, expect, it } from 'vitest';
import { DEFAULT_HEALTH_MODEL } from '../../../src/core/health/health-model.ts';
import { buildHealthView } from '../../../src/core/health/health-view.ts';
import { scoreAccount } from '../../../src/core/health/score-account.ts';
import { renderHealthAlert } from '../../../src/slack/views/health-alert-blocks.ts';
import { renderHealthBlocks, renderRiskListBlocks } from '../../../src/slack/views/health-blocks.ts';
import { daysAgo, healthySignals, NOW, request } from '../../core/health/health-fixtures.ts';
import { findBlockLimitError } from '../../fakes/slack-block-limits.ts';

const hostile = `<!here> <@U0BOSS> <http://evil.example|bank.com> ${'ä'.repeat(300)}…`;
const signals = healthySignals({
  requests: Array.from({ length: 40 }, (_, index) =>
    request({
      daysAgo: 1 + (index % 10),
      sentiment: -0.8,
      state: 'open',
      firstResponseAt: null,
      firstResponseMinutes: null,
      breached: true,
      topics: ['billing'],
      churnSignals: [{ driver: 'competitor', phrase: hostile, competitor: 'Evil <!channel>' }],
      firstMessage: {
        quote: hostile,
        link: 'https://x.slack.com/archives/C1/p1',
        author: '<!everyone>',
        at: daysAgo(1),
      },
    }),
  ),
  stakeholders: [{ kind: 'member-left', name: '<!here> Pat', title: null, at: daysAgo(2) }],
});
const health = scoreAccount(signals, NOW, DEFAULT_HEALTH_MODEL);
const view = buildHealthView({
  account: {
    id: 'acme',
    name: 'Acme <!channel>',
    domains: [],
    channels: [],
    tier: 'enterprise',
    owner: 'U0OWNER',
    arr: 1,
    renewalDate: '2026-07-01',
    routing: {},
  },
  health,
  signals,
  snapshots: [],
});

describe('health blocks', () => {
  it('stays within Block Kit limits for a worst-case account, and nothing in it can ping', () => {
    const body = renderHealthBlocks(view, { shareable: true });
    expect(findBlockLimitError(body.blocks, 'message')).toBeUndefined();
    // plain_text (the header) and rich_text (verbatim quotes) are never parsed for mentions.
    const mrkdwn = JSON.stringify(
      body.blocks.filter((block) => block.type !== 'rich_text' && block.type !== 'header'),
    );
    expect(mrkdwn).not.toMatch(/<!here>|<!channel>|<!everyone>|<@U0BOSS>|<http:\/\/evil/);
    expect(body.text).not.toMatch(/<!channel>/);
  });

  it('renders the risk list and an alert within limits', () => {
    const items = Array.from({ length: 10 }, (_, index) => ({
      id: `a${index}`,
      name: `<!here> Account ${index}`,
      owner: null,
      score: 20,
      band: 'critical' as const,
      urgency: 100 - index,
      trend: 'down' as const,
      topReason: hostile,
    }));
    const list = renderRiskListBlocks(items);
    expect(findBlockLimitError(list.blocks, 'message')).toBeUndefined();
    expect(JSON.stringify(list.blocks)).not.toMatch(/<!here>/);
    const alert = renderHealthAlert({
      account: { id: 'acme', name: 'Acme', domains: [], channels: [], tier: 'growth', routing: {} },
      fromBand: 'healthy',
      toBand: 'critical',
      worse: true,
      scoreFrom: 90,
      scoreTo: health.score!,
      changes: {
        since: '2026-06-14',
        scoreFrom: 90,
        scoreTo: health.score,
        factors: [],
        modelChanged: false,
      },
      factors: health.factors,
      day: '2026-06-15',
    });
    expect(findBlockLimitError(alert.blocks, 'message')).toBeUndefined();
  });
});

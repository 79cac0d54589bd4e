import { describe, expect, it } from 'vitest';
import { type HomeRequest, renderAppHome } from '../../../src/slack/views/app-home-view.ts';
import { findBlockLimitError } from '../../fakes/slack-block-limits.ts';

const now = new Date('2026-03-02T12:00:00Z');
const request = (overrides: Partial<HomeRequest>): HomeRequest => ({
  id: 'req_1',
  priority: 'P3',
  accountName: 'Acme Logistics',
  state: 'open',
  openedAt: new Date('2026-03-02T10:00:00Z'),
  summary: 'Export broken',
  claimedBy: null,
  postUrl: 'https://verbatim.slack.com/archives/C0SUPPORT/p1',
  ...overrides,
});

describe('renderAppHome', () => {
  it('lists my claimed requests and my team’s open requests by priority, then age', () => {
    const view = renderAppHome({
      now,
      claimed: [request({ id: 'req_mine', state: 'claimed', claimedBy: { id: 'U0ANN' } })],
      teams: [
        {
          name: 'Support',
          open: [
            request({ id: 'req_p3_old', openedAt: new Date('2026-03-01T10:00:00Z') }),
            request({ id: 'req_p1', priority: 'P1' }),
            request({ id: 'req_p3_new' }),
          ],
        },
      ],
    });
    const ids = view.blocks
      .filter((block) => block['type'] === 'actions')
      .map((block) => String(block['block_id']).split(':').slice(2).join(':'));
    expect(ids).toEqual(['req_mine', 'req_p1', 'req_p3_old', 'req_p3_new']);
    const text = JSON.stringify(view);
    expect(text).toContain('waiting 2 h');
    expect(text).toContain('verbatim_unclaim');
    expect(findBlockLimitError(view.blocks, 'view')).toBeUndefined();
  });

  it('stays within the Home tab’s 100 blocks with long lists', () => {
    const many = Array.from({ length: 80 }, (_, i) => request({ id: `req_${i}` }));
    const view = renderAppHome({
      now,
      claimed: many,
      teams: [
        { name: 'Support', open: many },
        { name: 'Billing', open: many },
      ],
    });
    expect(findBlockLimitError(view.blocks, 'view')).toBeUndefined();
    expect(JSON.stringify(view)).toContain('…and 68 more.');
  });

  it('says so when I am in no team channel', () => {
    expect(JSON.stringify(renderAppHome({ now, claimed: [], teams: [] }))).toContain(
      'not in any team channel',
    );
  });
});

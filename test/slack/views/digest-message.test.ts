import { describe, expect, it } from 'vitest';
import type { Digest, DigestTopic } from '../../../src/core/digest/digest.ts';
import { renderDigestMessage } from '../../../src/slack/views/digest-message.ts';
import { findBlockLimitError } from '../../fakes/slack-block-limits.ts';

const quote = (index: number, text: string) => ({
  text,
  account: `Account ${index}`,
  author: `Author <@U0${index}>`,
  link: index % 2 ? `https://example.slack.com/archives/C1/p${index}` : 'javascript:alert(1)',
  at: '2026-11-17T10:00:00.000Z',
});
const topic = (index: number, kind: DigestTopic['kind']): DigestTopic => ({
  topic: `topic-${index}`,
  label: `Topic ${index} <!here>`,
  kind,
  count: 12,
  baseline: 8,
  accounts: 5,
  rateRatio: kind === 'new' ? null : 12,
  ci: [3.1, kind === 'new' ? null : 40],
  pValue: 0.0001,
  qValue: 0.001,
  quotes: [quote(index, 'x'.repeat(2500)), quote(index + 1, `Short words <!channel> ${index}`)],
});

function bigDigest(): Digest {
  return {
    week: '2026-W47',
    team: null,
    language: 'en',
    timezone: 'UTC',
    from: '2026-11-16T00:00:00.000Z',
    to: '2026-11-23T00:00:00.000Z',
    baselineWeeks: 8,
    quiet: false,
    volume: {
      requests: 500,
      baselineWeeklyMean: 300,
      byPriority: [
        { priority: 'P1', count: 10, baselineWeeklyMean: 1 },
        { priority: 'P2', count: 90, baselineWeeklyMean: 50 },
        { priority: 'P3', count: 300, baselineWeeklyMean: 200 },
        { priority: 'P4', count: 100, baselineWeeklyMean: 49 },
      ],
      accounts: 300,
      accountNames: Array.from({ length: 300 }, (_, index) => `Customer ${index} & Co`),
      unmappedRequests: 4,
    },
    rising: Array.from({ length: 8 }, (_, index) => topic(index, index % 3 ? 'rising' : 'new')),
    falling: Array.from({ length: 8 }, (_, index) => topic(20 + index, 'falling')),
    emerging: [
      {
        label: 'crash, upload',
        namedBy: 'key-phrases',
        keyPhrases: ['crash', 'upload'],
        count: 4,
        accounts: 3,
        quotes: [quote(9, 'It crashes')],
      },
    ],
    accounts: {
      source: 'health',
      healthDrops: [
        {
          account: 'a',
          name: 'A <b>',
          scoreFrom: 80,
          scoreTo: 41,
          drop: 39,
          band: 'at-risk',
          topReason: 'Said <!here> they may leave',
        },
      ],
      atRisk: [{ account: 'a', name: 'A <b>', score: 41, band: 'at-risk', urgency: 7.5, topReason: null }],
      list: [{ account: 'a', name: 'A <b>', negativeRequests: 3, requests: 4, meanSentiment: -0.5 }],
    },
    responsiveness: {
      teams: [
        {
          team: 'support',
          name: 'Support',
          responded: 3,
          medianMinutes: 45,
          p90Minutes: 200,
          withinTarget: 0.5,
          breaches: 1,
          unanswered: 2,
        },
      ],
    },
    chart: [],
    computedAt: '2026-11-23T08:00:00.000Z',
  };
}

describe('renderDigestMessage', () => {
  it('stays within Block Kit limits on a big week and counts what did not fit', () => {
    const body = renderDigestMessage(bigDigest(), { late: true, chartMissing: true });
    expect(findBlockLimitError(body.blocks, 'message')).toBeUndefined();
    const text = JSON.stringify(body.blocks);
    expect(text).toMatch(/\+\d+ more — `verbatim digest --week 2026-W47`/);
    expect(text).toContain('Posted late');
    expect(text).toContain('The chart could not be rendered this time');
  });

  it('lists the week’s health drops and the accounts at risk, neutralised', () => {
    const digest = bigDigest();
    const text = JSON.stringify(
      renderDigestMessage({ ...digest, rising: digest.rising.slice(0, 1), falling: [], emerging: [] }).blocks,
    );
    expect(text).toContain('Biggest health drops this week');
    expect(text).toContain('A &lt;b&gt;: health 80 → 41, now at-risk — Said &lt;!here&gt; they may leave');
    expect(text).toContain('Accounts at risk');
    const noHealth = renderDigestMessage({
      ...digest,
      rising: [],
      falling: [],
      emerging: [],
      accounts: { ...digest.accounts, source: 'negative-requests', healthDrops: [], atRisk: [] },
    });
    expect(JSON.stringify(noHealth.blocks)).toContain('No account-health snapshots for this week yet');
  });

  it('neutralises everything outside the verbatim quotes and shows only https links', () => {
    const body = renderDigestMessage(bigDigest());
    const outside = JSON.stringify(body.blocks.filter((block) => block['type'] !== 'rich_text'));
    expect(outside).not.toMatch(/<!|<@|javascript:/);
    expect(outside).toContain('Topic 0 &lt;!here&gt;');
    expect(outside).toContain('Author &lt;@U00&gt;');
    expect(outside).toContain('<https://example.slack.com/archives/C1/p1|');
    const quotes = body.blocks.filter((block) => block['type'] === 'rich_text');
    expect(JSON.stringify(quotes)).toContain('Short words <!channel> 1');
  });

  it('shortens a long quote visibly, with a link to the whole message', () => {
    const body = renderDigestMessage(bigDigest());
    const text = JSON.stringify(body.blocks);
    expect(text).toContain(`${'x'.repeat(700)}…`);
    expect(text).toContain('Read the whole message');
  });

  it('renders a quiet week in two blocks', () => {
    const quiet = {
      ...bigDigest(),
      quiet: true,
      rising: [],
      falling: [],
      emerging: [],
      accounts: { source: 'negative-requests' as const, healthDrops: [], atRisk: [], list: [] },
      responsiveness: { teams: [] },
    };
    const body = renderDigestMessage(quiet);
    expect(body.text).toBe('Weekly digest 2026-W47: A quiet week: no customer requests.');
    expect(body.blocks).toHaveLength(2);
  });

  it('shows which engine named each emerging theme, small, and never quotes a name as customer words', () => {
    const digest = bigDigest();
    const [theme] = digest.emerging;
    const body = renderDigestMessage({
      ...digest,
      rising: [],
      falling: [],
      emerging: [
        { ...theme!, label: 'Mobile photo upload crashes', namedBy: 'claude' },
        { ...theme!, label: 'csv, export, encoding', namedBy: 'key-phrases', quotes: [] },
      ],
    });
    const sections = body.blocks
      .filter((block) => block['type'] === 'section')
      .map((block) => (block['text'] as { text: string }).text);
    expect(sections).toContain('*Mobile photo upload crashes* · 4 (3) · _named by Claude_');
    expect(sections).toContain('*csv, export, encoding* · 4 (3) · _key phrases_');
    const quoted = JSON.stringify(body.blocks.filter((block) => block['type'] === 'rich_text'));
    expect(quoted).not.toContain('Mobile photo upload crashes');
    expect(quoted).toContain('It crashes');
    expect(JSON.stringify(body.blocks)).not.toMatch(/[“"']Mobile photo upload crashes/);
    expect(findBlockLimitError(body.blocks, 'message')).toBeUndefined();
  });

  it('names the engine in the team language', () => {
    const digest = bigDigest();
    const body = renderDigestMessage({
      ...digest,
      language: 'fi',
      rising: [],
      falling: [],
      emerging: [{ ...digest.emerging[0]!, namedBy: 'claude' }],
    });
    expect(JSON.stringify(body.blocks)).toContain('_Clauden nimeämä_');
  });
});

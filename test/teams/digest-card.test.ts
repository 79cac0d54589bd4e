import { describe, expect, it } from 'vitest';
import type { Digest, DigestQuote, DigestTopic } from '../../src/core/digest/digest.ts';
import {
  DIGEST_QUOTE_CHARS,
  digestActivity,
  renderDigestCard,
  TEAMS_DIGEST_MAX_BYTES,
} from '../../src/teams/views/digest-card.ts';
import { createCardValidator } from './card-schema.ts';

const validateCard = createCardValidator();
const JOINER = '\u2060';

const quote = (index: number, text: string, link: string | null = null): DigestQuote => ({
  text,
  account: `Account ${index}`,
  author: `Author <at>U${index}</at>`,
  link: link ?? (index % 2 ? `https://teams.microsoft.com/l/message/19%3Ax/${index}` : 'javascript:alert(1)'),
  at: '2026-11-17T10:00:00.000Z',
});

const topic = (index: number, kind: DigestTopic['kind'], quotes: DigestQuote[]): DigestTopic => ({
  topic: `topic-${index}`,
  label: `Topic ${index}`,
  kind,
  count: 12,
  baseline: 8,
  accounts: 5,
  rateRatio: kind === 'new' ? null : 12,
  ci: [3.1, kind === 'new' ? null : 40],
  pValue: 0.0001,
  qValue: 0.001,
  quotes,
});

function smallDigest(): Digest {
  return {
    week: '2026-W47',
    team: 'support',
    language: 'en',
    timezone: 'UTC',
    from: '2026-11-16T00:00:00.000Z',
    to: '2026-11-23T00:00:00.000Z',
    baselineWeeks: 8,
    quiet: false,
    volume: {
      requests: 14,
      baselineWeeklyMean: 6,
      byPriority: [
        { priority: 'P1', count: 2, baselineWeeklyMean: 0.5 },
        { priority: 'P2', count: 12, baselineWeeklyMean: 5.5 },
      ],
      accounts: 2,
      accountNames: ['Fjord Travel', 'Acme Logistics'],
      unmappedRequests: 1,
    },
    rising: [
      topic(1, 'rising', [
        quote(1, 'Kaikki on alhaalla <at>Ann Agent</at> — see [status](https://evil.example) **now**'),
        quote(3, 'Dashboard returns 502'),
        quote(5, 'A third quote the card does not show'),
      ]),
    ],
    falling: [topic(2, 'falling', [])],
    emerging: [
      {
        label: 'crash, upload',
        keyPhrases: ['crash', 'upload'],
        count: 4,
        accounts: 3,
        quotes: [],
        namedBy: 'key-phrases',
      },
    ],
    accounts: {
      source: 'health',
      healthDrops: [
        {
          account: 'fjord',
          name: 'Fjord Travel',
          scoreFrom: 78,
          scoreTo: 44,
          drop: 34,
          band: 'at-risk',
          topReason: 'Said <at>Sales</at> is not answering',
        },
      ],
      atRisk: [
        { account: 'fjord', name: 'Fjord Travel', score: 44, band: 'at-risk', urgency: 6, topReason: null },
      ],
      list: [
        { account: 'fjord', name: 'Fjord Travel', negativeRequests: 3, requests: 4, meanSentiment: -0.5 },
      ],
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

function bigDigest(): Digest {
  const quotes = (index: number) => [
    quote(index, 'x'.repeat(2500)),
    quote(index + 1, `Short words ${index}`),
  ];
  return {
    ...smallDigest(),
    team: null,
    volume: {
      ...smallDigest().volume,
      accounts: 300,
      accountNames: Array.from({ length: 300 }, (_, index) => `Customer ${index} & Co`),
    },
    rising: Array.from({ length: 10 }, (_, index) =>
      topic(index, index % 3 ? 'rising' : 'new', quotes(index)),
    ),
    falling: Array.from({ length: 10 }, (_, index) => topic(20 + index, 'falling', quotes(20 + index))),
  };
}

/** Every text of the card with the element that carries it. */
function texts(node: unknown, out: Array<{ type: string; text: string }> = []) {
  if (Array.isArray(node)) for (const item of node) texts(item, out);
  else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    for (const key of ['text', 'value', 'title', 'altText'])
      if (typeof record[key] === 'string')
        out.push({ type: String(record['type'] ?? key), text: record[key] });
    for (const value of Object.values(record)) texts(value, out);
  }
  return out;
}

const bytesOf = (rendering: ReturnType<typeof renderDigestCard>) =>
  Buffer.byteLength(JSON.stringify(digestActivity(rendering)), 'utf8');

describe('renderDigestCard', () => {
  it('is a valid Adaptive Card 1.5 with the Slack digest content', () => {
    const rendering = renderDigestCard(smallDigest(), {
      teamName: 'Support',
      late: true,
      chartMissing: true,
    });
    expect(validateCard(rendering.card)).toEqual([]);
    // The notification preview renders markdown: its syntax characters are escaped.
    expect(rendering.summary).toBe('Weekly digest 2026\\-W47 · Support');
    const all = texts(rendering.card)
      .map((entry) => entry.text)
      .join('\n');
    for (const expected of [
      'Weekly digest 2026-W47 · Support',
      'Posted late',
      '14 requests (baseline 6.0/week) from 2 accounts',
      'P1 2 (0.5) · P2 12 (5.5)',
      'Fjord Travel, Acme Logistics',
      '1 from conversations not mapped to an account',
      'Rising',
      'Topic 1',
      '12 this week vs 1.0/week · ×12 (95% CI 3.1–40) · q=0.001',
      'Falling',
      'Emerging themes',
      'crash, upload',
      ' · key phrases',
      'Biggest health drops this week',
      `• Fjord Travel: health 78 → 44, now at-risk — Said <${JOINER}at>Sales<${JOINER}/at> is not answering`,
      'Accounts at risk',
      '• Fjord Travel: at-risk, health 44',
      'Accounts to watch',
      '• Fjord Travel: 3 negative of 4 requests',
      'First response',
      '• Support: median 45 min, p90 3.3 h, 50 % within target · 1 breaches · 2 unanswered now',
      'Dashboard returns 502',
      `— Author <${JOINER}at>U3<${JOINER}/at>, Account 3 · 2026-11-17`,
      'The chart could not be rendered this time',
      'Exact Poisson rate test',
    ])
      expect(all).toContain(expected);
    // Two quotes per topic at most, each linking to its original over https only.
    expect(all).not.toContain('A third quote');
    const links = JSON.stringify(rendering.card).match(/"url":"[^"]*"/g);
    expect(links).toEqual([
      '"url":"https://teams.microsoft.com/l/message/19%3Ax/1"',
      '"url":"https://teams.microsoft.com/l/message/19%3Ax/3"',
    ]);
    expect(rendering.leftOut).toEqual({ sections: 0, quotes: 0 });
    expect(all).not.toContain('Shortened to fit');
  });

  it('neutralises customer words: no mention, no markup, markdown only inside TextRuns', () => {
    const rendering = renderDigestCard(smallDigest());
    const json = JSON.stringify(rendering.card);
    expect(json).not.toMatch(/<at>|<\/at>/);
    expect(json).toContain(`Kaikki on alhaalla <${JOINER}at>Ann Agent<${JOINER}/at>`);
    // Teams renders markdown in TextBlock, FactSet and fallbackText, never in a TextRun.
    const carriers = texts(rendering.card).filter((entry) =>
      /\[status\]|\*\*now\*\*|<.?at>|U1/.test(entry.text),
    );
    expect(carriers.length).toBeGreaterThan(0);
    for (const carrier of carriers) expect(carrier.type).toBe('TextRun');
    expect(json).toContain('see [status](https://evil.example) **now**');
    expect(json).not.toMatch(/"type":"(TextBlock|FactSet)"/);
    expect(json).not.toContain('javascript:');
  });

  it('stays under the Teams message size on a big week, trimming deterministically and saying so', () => {
    const rendering = renderDigestCard(bigDigest());
    expect(validateCard(rendering.card)).toEqual([]);
    expect(bytesOf(rendering)).toBeLessThanOrEqual(TEAMS_DIGEST_MAX_BYTES);
    expect(rendering.leftOut.sections + rendering.leftOut.quotes).toBeGreaterThan(0);
    const all = texts(rendering.card)
      .map((entry) => entry.text)
      .join('\n');
    expect(all).toMatch(
      /Shortened to fit a Teams message: (\d+ sections? and )?\d+ quotes? left out; “verbatim digest --week 2026-W47” shows everything\./,
    );
    // A long quote is cut visibly, with a link to the whole message.
    expect(all).toContain(`${'x'.repeat(DIGEST_QUOTE_CHARS)}…`);
    expect(all).not.toContain('x'.repeat(DIGEST_QUOTE_CHARS + 1));
    expect(all).toContain('Read the whole message');
    // The numbers come first: every rising topic keeps its line even when its quotes go.
    for (let index = 0; index < 10; index++) expect(all).toContain(`Topic ${index}`);
    expect(renderDigestCard(bigDigest())).toEqual(rendering);
    // A smaller budget leaves out more, still within it.
    const tight = renderDigestCard(bigDigest(), { maxBytes: 8000 });
    expect(bytesOf(tight)).toBeLessThanOrEqual(8000);
    expect(tight.leftOut.sections).toBeGreaterThan(rendering.leftOut.sections);
    expect(JSON.stringify(tight.card)).toMatch(
      /Shortened to fit a Teams message: \d+ sections and \d+ quotes left out/,
    );
    // Sections go in order until one does not fit: the last ones (response times) are the ones left out.
    expect(JSON.stringify(tight.card)).not.toContain('First response');
    expect(validateCard(tight.card)).toEqual([]);
  });

  it('shows the chart inline as a data URI with alt text (base64 not counted), and leaves one over 1 MB out saying so', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, ...Array.from({ length: 2000 }, (_, i) => i % 251)]);
    const small = renderDigestCard(smallDigest(), { chart: { png, alt: 'Weekly counts <at>x</at>' } });
    expect(validateCard(small.card)).toEqual([]);
    expect(small.chartShown).toBe(true);
    const image = small.card.body.find((element) => element.type === 'Image');
    expect(image).toMatchObject({
      type: 'Image',
      url: `data:image/png;base64,${Buffer.from(png).toString('base64')}`,
      altText: `Weekly counts <${JOINER}at>x<${JOINER}/at>`,
    });
    expect(bytesOf(small)).toBeLessThanOrEqual(TEAMS_DIGEST_MAX_BYTES);

    // A real chart is 70–270 KB: its base64 data does not count toward the message size.
    const typical = renderDigestCard(smallDigest(), {
      chart: { png: new Uint8Array(270_000), alt: 'chart' },
    });
    expect(typical.chartShown).toBe(true);
    expect(
      bytesOf(typical) - Buffer.from(new Uint8Array(270_000)).toString('base64').length,
    ).toBeLessThanOrEqual(TEAMS_DIGEST_MAX_BYTES);

    const large = renderDigestCard(smallDigest(), {
      chart: { png: new Uint8Array(1_100_000), alt: 'chart' },
    });
    expect(validateCard(large.card)).toEqual([]);
    expect(large.chartShown).toBe(false);
    expect(large.card.body.some((element) => element.type === 'Image')).toBe(false);
    expect(JSON.stringify(large.card)).toContain(
      'The chart is too large for a Teams message and is left out; “verbatim digest --week 2026-W47 --team support --png chart.png” writes it.',
    );
    expect(bytesOf(large)).toBeLessThanOrEqual(TEAMS_DIGEST_MAX_BYTES);
  });

  it('renders a quiet week briefly, in the slice language', () => {
    const quiet: Digest = {
      ...smallDigest(),
      language: 'fi',
      quiet: true,
      rising: [],
      falling: [],
      emerging: [],
      accounts: { source: 'negative-requests', healthDrops: [], atRisk: [], list: [] },
      responsiveness: { teams: [] },
    };
    const rendering = renderDigestCard(quiet, { teamName: 'Support' });
    expect(validateCard(rendering.card)).toEqual([]);
    expect(texts(rendering.card).map((entry) => entry.text)).toEqual([
      'Viikkokooste 2026-W47 · Support',
      'Hiljainen viikko: ei asiakaspyyntöjä.',
    ]);
    expect(rendering.summary).toBe(
      'Viikkokooste 2026\\-W47 · Support: Hiljainen viikko: ei asiakaspyyntöjä.',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { renderDigestText } from '../../src/console/render-digest-text.ts';
import type { Digest, DigestTheme } from '../../src/core/digest/digest.ts';

const theme = (label: string, namedBy: DigestTheme['namedBy']): DigestTheme => ({
  label,
  namedBy,
  keyPhrases: ['crashes', 'mobile', 'photo'],
  count: 3,
  accounts: 3,
  quotes: [
    {
      text: 'The mobile app crashes',
      account: 'Acme',
      author: 'Ann',
      link: null,
      at: '2026-11-17T10:00:00Z',
    },
  ],
});

function digest(emerging: DigestTheme[], language = 'en'): Digest {
  return {
    week: '2026-W47',
    team: null,
    language,
    timezone: 'UTC',
    from: '2026-11-16T00:00:00.000Z',
    to: '2026-11-23T00:00:00.000Z',
    baselineWeeks: 8,
    quiet: false,
    volume: {
      requests: 3,
      baselineWeeklyMean: 0,
      byPriority: [],
      accounts: 1,
      accountNames: ['Acme'],
      unmappedRequests: 0,
    },
    rising: [],
    falling: [],
    emerging,
    accounts: { source: 'health', healthDrops: [], atRisk: [], list: [] },
    responsiveness: { teams: [] },
    chart: [],
    computedAt: '2026-11-23T08:00:00.000Z',
  };
}

describe('renderDigestText: emerging themes', () => {
  it('says which engine named each theme, after the counts; only the customer’s words are quoted', () => {
    const text = renderDigestText(
      digest([
        theme('Mobile photo upload crashes', 'claude'),
        theme('crashes, mobile, photo', 'key-phrases'),
      ]),
    );
    expect(text).toContain(
      '• Mobile photo upload crashes: 3 (3) · named by Claude\n    > The mobile app crashes',
    );
    expect(text).toContain('• crashes, mobile, photo: 3 (3) · key phrases\n');
    expect(text).not.toMatch(/> Mobile photo upload crashes|["“]Mobile photo upload crashes/);
  });

  it('names the engine in the digest language', () => {
    expect(renderDigestText(digest([theme('Kuvien lataus kaataa sovelluksen', 'claude')], 'fi'))).toContain(
      '• Kuvien lataus kaataa sovelluksen: 3 (3) · Clauden nimeämä',
    );
  });
});

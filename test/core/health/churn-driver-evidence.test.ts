import { describe, expect, it } from 'vitest';
import { DEFAULT_HEALTH_MODEL } from '../../../src/core/health/health-model.ts';
import { measureChurnDrivers } from '../../../src/core/health/measure-churn-drivers.ts';
import { healthySignals, NOW, request } from './health-fixtures.ts';

const TEXT = 'Honestly, Zendesk offered us the same for half the price. Why should we renew?';

function evidenceOf(churnSignal: { phrase: string; quoted?: boolean }, firstMessage: boolean) {
  const signals = healthySignals({
    requests: [
      request({
        daysAgo: 3,
        sentiment: -0.6,
        churnSignals: [{ driver: 'competitor', competitor: 'Zendesk', ...churnSignal }],
        ...(firstMessage
          ? {
              firstMessage: {
                quote: TEXT,
                link: 'https://acme.slack.com/archives/C1/p1',
                author: 'Pat',
                at: NOW,
              },
            }
          : {}),
      }),
    ],
  });
  if (!firstMessage) signals.requests[0]!.firstMessage = null;
  const measure = measureChurnDrivers(signals, NOW, DEFAULT_HEALTH_MODEL);
  if (measure.excluded) throw new Error('excluded');
  return measure.evidence.map((quote) => quote.quote);
}

describe('churn-driver evidence is always the customer’s words', () => {
  it('shows a phrase found in the message as the stored span', () => {
    expect(evidenceOf({ phrase: 'Zendesk offered us  the same for half the price' }, true)).toEqual([
      'Zendesk offered us the same for half the price',
    ]);
  });
  it('never quotes a paraphrase: the customer’s own message stands in for it', () => {
    expect(
      evidenceOf({ phrase: 'They are thinking about moving to a cheaper rival', quoted: false }, true),
    ).toEqual([TEXT]);
  });
  it('without the text at hand shows only a phrase triage verified', () => {
    expect(evidenceOf({ phrase: 'half the price', quoted: true }, false)).toEqual(['half the price']);
    expect(evidenceOf({ phrase: 'a cheaper rival', quoted: false }, false)).toEqual([]);
    expect(evidenceOf({ phrase: 'a cheaper rival' }, false)).toEqual([]);
  });
});

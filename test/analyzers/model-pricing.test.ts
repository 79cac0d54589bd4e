import { describe, expect, it } from 'vitest';
import { computeCostUsd, findModelPrice, MODEL_PRICES } from '../../src/analyzers/model-pricing.ts';

describe('model pricing', () => {
  it('prices cache writes at 1.25× (5 min) or 2× (1 h) input and cache reads at 0.1×', () => {
    const sonnet = findModelPrice('claude-sonnet-5-5')!;
    expect(sonnet).toEqual({ input: 2, output: 10, cacheWrite5m: 2.5, cacheWrite1h: 4, cacheRead: 0.2 });
  });

  it('computes a call’s cost in dollars from billed tokens', () => {
    const cost = computeCostUsd(findModelPrice('claude-opus-5-5')!, {
      inputTokens: 1_000,
      outputTokens: 500,
      cacheReadTokens: 10_000,
      cacheWrite5mTokens: 2_000,
      cacheWrite1hTokens: 1_000,
    });
    // 1000×4 + 500×20 + 10000×0.4 + 2000×5 + 1000×8 = 36,000 µ$ per MTok → $0.036.
    expect(cost).toBeCloseTo(0.036, 10);
  });

  it('finds a dated model id through its alias and knows nothing of an unlisted model', () => {
    expect(findModelPrice('claude-haiku-4-5-20251001')).toEqual(MODEL_PRICES['claude-haiku-4-5']);
    expect(findModelPrice('claude-sonnet-5')).toBeUndefined();
  });
});

/** Prices of one model in US dollars per million tokens (MTok). */
export interface ModelPrice {
  input: number;
  output: number;
  /** Writing a 5-minute cache entry: 1.25 × input. */
  cacheWrite5m: number;
  /** Writing a 1-hour cache entry: 2 × input. */
  cacheWrite1h: number;
  /** Reading from the cache: 0.1 × input. */
  cacheRead: number;
}

/** Standard (non-batch) price from a model's input and output price, with Anthropic's cache multipliers. */
function price(input: number, output: number): ModelPrice {
  return { input, output, cacheWrite5m: input * 1.25, cacheWrite1h: input * 2, cacheRead: input * 0.1 };
}

/**
 * List prices per model id. Sources: platform.claude.com models overview (Sep-2026 snapshot, as
 * quoted in our platform-facts §10) for the 5.x models and Haiku 4.5; Anthropic's pricing page
 * (2025) for the Sonnet/Opus 4.5–4.6 lines. Cache multipliers from the same model page.
 *
 * Haiku 5.5 is listed "From $0.10 / $0.50": its price is tiered and we use the lowest tier, so
 * its costs are a lower bound. UNVERIFIED: the tier boundaries.
 * Models missing here (e.g. Sonnet 5, Opus 4.7/4.8, Mythos) get cost 0 and a warning, rather than
 * a guessed figure.
 */
export const MODEL_PRICES: Readonly<Record<string, ModelPrice>> = {
  'claude-haiku-5-5': price(0.1, 0.5),
  'claude-sonnet-5-5': price(2, 10),
  'claude-opus-5-5': price(4, 20),
  'claude-fable-5-2': price(8, 40),
  'claude-fable-5-1': price(10, 50),
  'claude-opus-5': price(5, 25),
  'claude-haiku-4-5': price(1, 5),
  'claude-sonnet-4-6': price(3, 15),
  'claude-sonnet-4-5': price(3, 15),
  'claude-opus-4-6': price(5, 25),
  'claude-opus-4-5': price(5, 25),
};

/** Finds a model's price; dated ids (`claude-haiku-4-5-20251001`) fall back to their alias. */
export function findModelPrice(model: string): ModelPrice | undefined {
  return MODEL_PRICES[model] ?? MODEL_PRICES[model.replace(/-\d{8}$/, '')];
}

/** Token counts of one call, as billed: `inputTokens` excludes the cached prefix. */
export interface BilledTokens {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWrite5mTokens: number;
  cacheWrite1hTokens: number;
}

/** Cost of one call in US dollars at list price. */
export function computeCostUsd(modelPrice: ModelPrice, tokens: BilledTokens): number {
  const dollars =
    tokens.inputTokens * modelPrice.input +
    tokens.outputTokens * modelPrice.output +
    tokens.cacheReadTokens * modelPrice.cacheRead +
    tokens.cacheWrite5mTokens * modelPrice.cacheWrite5m +
    tokens.cacheWrite1hTokens * modelPrice.cacheWrite1h;
  return dollars / 1_000_000;
}

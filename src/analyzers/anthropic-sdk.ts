import { createRequire } from 'node:module';

type AnthropicSdk = typeof import('@anthropic-ai/sdk');

let sdk: AnthropicSdk | undefined;

/**
 * The Anthropic SDK, loaded on first use: a deployment without `ANTHROPIC_API_KEY` never loads it
 * (about 5 MB of heap and 11–13 MB resident; docs/performance.md, "Memory"). `require`, not
 * `import()`, because building the client and classifying its errors are synchronous. Every value
 * taken from the SDK's root in src/ comes from here, so the client and the error classes that
 * `instanceof` checks against are one copy of the package (its CommonJS build).
 */
export function anthropicSdk(): AnthropicSdk {
  sdk ??= createRequire(import.meta.url)('@anthropic-ai/sdk') as AnthropicSdk;
  return sdk;
}

import type Anthropic from '@anthropic-ai/sdk';
import type { Env } from '../config/env-schema.ts';
import { anthropicSdk } from './anthropic-sdk.ts';

export interface AnthropicClientOptions {
  apiKey: string;
  /** Override for the API origin (a proxy, or a loopback fake in tests). */
  baseURL?: string;
  /** Milliseconds before one attempt is abandoned (the SDK's default is 10 minutes). */
  timeoutMs: number;
  /**
   * Retries after the first attempt, for 408, 409, 429, 5xx (529 overloaded included) and
   * connection errors/timeouts. The SDK waits what `retry-after-ms` / `retry-after` says, else
   * exponential back-off from 0.5 s up to 8 s with up to 25 % jitter.
   */
  maxRetries: number;
}

/**
 * The Anthropic SDK client. Options are passed explicitly so the SDK never falls back to reading
 * `ANTHROPIC_*` variables or credential files by itself: only `src/config` reads the environment.
 * SDK 1.x sends the key as `Authorization: Bearer …` and `anthropic-version: 2026-10-21`.
 */
export function createAnthropicClient(options: AnthropicClientOptions): Anthropic {
  const { Anthropic: Client } = anthropicSdk();
  return new Client({
    apiKey: options.apiKey,
    // Explicit default: an undefined baseURL would make the SDK read ANTHROPIC_BASE_URL itself.
    baseURL: options.baseURL ?? 'https://api.anthropic.com',
    timeout: options.timeoutMs,
    maxRetries: options.maxRetries,
    // The SDK's own logs at debug level include request bodies (customer text); keep them off.
    logLevel: 'warn',
  });
}

/** The client the environment configures (`ANTHROPIC_*`), or null when no key is set. */
export function anthropicClientFromEnv(env: Env): Anthropic | null {
  if (!env.ANTHROPIC_API_KEY) return null;
  return createAnthropicClient({
    apiKey: env.ANTHROPIC_API_KEY,
    baseURL: env.ANTHROPIC_BASE_URL,
    timeoutMs: env.ANTHROPIC_TIMEOUT_MS,
    maxRetries: env.ANTHROPIC_MAX_RETRIES,
  });
}

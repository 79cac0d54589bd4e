import type { Logger } from 'pino';
import type { AppConfig } from '../config/load-config.ts';
import type { Analyzer } from '../core/ports.ts';
import { createAnthropicAnalyzer } from './anthropic-analyzer.ts';
import { anthropicClientFromEnv } from './create-anthropic-client.ts';
import { createHeuristicAnalyzer } from './heuristic/heuristic-analyzer.ts';
import { withFallback } from './with-fallback.ts';

/** Claude when a key is set (falling back to the heuristic engine on failure), else the heuristic engine. */
export function createAnalyzer(config: AppConfig, logger: Logger): Analyzer {
  const heuristic = createHeuristicAnalyzer();
  const { env } = config;
  const client = anthropicClientFromEnv(env);
  if (!client) return heuristic;
  const anthropic = createAnthropicAnalyzer({
    client,
    model: env.ANTHROPIC_MODEL,
    logger,
    redactPersonalData: config.file.analysis.redactPersonalData,
    timeoutMs: env.ANTHROPIC_TIMEOUT_MS,
  });
  return withFallback(anthropic, heuristic, { logger });
}

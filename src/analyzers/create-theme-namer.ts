import type { Logger } from 'pino';
import type { AppConfig } from '../config/load-config.ts';
import type { ThemeNamingFallback } from '../core/digest/build-digest.ts';
import type { ThemeNamer } from '../core/digest/theme-namer.ts';
import { createAnthropicThemeNamer } from './anthropic-theme-namer.ts';
import { anthropicClientFromEnv } from './create-anthropic-client.ts';

/**
 * Claude names the digest's emerging themes when a key is set (same model, timeout, retries and
 * redaction setting as triage); without a key there is no namer and themes keep their key phrases.
 */
export function createThemeNamer(config: AppConfig, logger: Logger): ThemeNamer | undefined {
  const { env } = config;
  const client = anthropicClientFromEnv(env);
  if (!client) return undefined;
  return createAnthropicThemeNamer({
    client,
    model: env.ANTHROPIC_MODEL,
    logger: logger.child({ component: 'digest-themes' }),
    redactPersonalData: config.file.analysis.redactPersonalData,
    timeoutMs: env.ANTHROPIC_TIMEOUT_MS,
  });
}

const FALLBACK_MESSAGES: Record<ThemeNamingFallback['reason'], string> = {
  error: 'digest themes not named by Claude (API error); key-phrase labels kept',
  unnamed: 'digest themes without a valid name from Claude; key-phrase labels kept for those',
  'batch-not-ended':
    'digest theme naming batch had not ended by the posting deadline; key-phrase labels kept',
  'batch-not-submitted':
    'digest theme naming batch not submitted; themes will be named when the digest is posted',
  'no-namer': 'digest prepared with a naming batch but no Claude key now; key-phrase labels kept',
};

/** Logs why themes kept their key-phrase labels (ids and counts only, never customer text). */
export function logThemeNamingFallback(logger: Logger): (event: ThemeNamingFallback) => void {
  return ({ error, ...fields }) => {
    const level = fields.reason === 'unnamed' ? 'info' : 'warn';
    logger[level](
      { ...fields, ...(error instanceof Error ? { error: error.message } : {}) },
      FALLBACK_MESSAGES[fields.reason],
    );
  };
}

import { z } from 'zod';

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

const optionalUrl = optionalString.pipe(z.url().optional());

/**
 * Every environment variable Verbatim reads. `.env.example` documents each one, grouped by adapter;
 * an adapter is off when its group is empty.
 */
export const EnvSchema = z
  .object({
    NODE_ENV: optionalString,
    /** PostgreSQL server URL. Unset: an embedded PGlite database under VERBATIM_DATA_DIR. */
    DATABASE_URL: optionalUrl,
    VERBATIM_DATA_DIR: z.string().default('./data'),
    VERBATIM_CONFIG: z.string().default('./verbatim.config.yaml'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** Interface the HTTP server binds to. */
    HOST: z.string().default('0.0.0.0'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

    SLACK_BOT_TOKEN: optionalString.pipe(
      z.string().startsWith('xoxb-', 'a bot token starting xoxb-').optional(),
    ),
    SLACK_APP_TOKEN: optionalString.pipe(
      z.string().startsWith('xapp-', 'an app-level token starting xapp-').optional(),
    ),
    SLACK_SIGNING_SECRET: optionalString,
    /** Web API base URL override, e.g. for a test server: http://127.0.0.1:4000/api/ */
    SLACK_API_URL: optionalUrl,

    TEAMS_CLIENT_ID: optionalString,
    TEAMS_CLIENT_SECRET: optionalString,
    TEAMS_TENANT_ID: optionalString,
    /** Bot Framework connector base URL for proactive posts (tests: a loopback fake). */
    TEAMS_SERVICE_URL: optionalUrl,
    /** Microsoft Entra login base URL (token checks by `verbatim doctor`; tests: a loopback fake). */
    TEAMS_LOGIN_URL: optionalUrl,
    /** Accept Teams requests without a Bot Framework JWT: local tests only, refused in production. */
    TEAMS_ALLOW_UNAUTHENTICATED: z
      .enum(['true', 'false', ''])
      .optional()
      .transform((value) => value === 'true'),

    ANTHROPIC_API_KEY: optionalString,
    ANTHROPIC_BASE_URL: optionalUrl,
    ANTHROPIC_MODEL: z.string().default('claude-haiku-5-5'),
    /** Milliseconds before one Messages API call is abandoned. */
    ANTHROPIC_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
    ANTHROPIC_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),

    /** Shared secret for POST /email/inbound (HMAC-SHA256 over timestamp + body). */
    EMAIL_WEBHOOK_SECRET: optionalString,
    MAILGUN_WEBHOOK_SIGNING_KEY: optionalString,
    /** user:password for SendGrid Inbound Parse and Postmark inbound basic auth. */
    EMAIL_BASIC_AUTH: optionalString,
    EMAIL_MAX_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(10 * 1024 * 1024),
    IMAP_URL: optionalUrl,
    IMAP_MAILBOX: z.string().default('INBOX'),
  })
  .superRefine((env, ctx) => {
    // An adapter is off when its group is empty; half a group is a mistake worth stopping for.
    const slackParts = [env.SLACK_APP_TOKEN, env.SLACK_SIGNING_SECRET, env.SLACK_API_URL].some(Boolean);
    if (!env.SLACK_BOT_TOKEN && slackParts) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_BOT_TOKEN'],
        message: 'required when other SLACK_* variables are set (the bot token xoxb-…)',
      });
    }
    if (env.SLACK_BOT_TOKEN && !env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_APP_TOKEN'],
        message: 'set SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode) with the bot token',
      });
    }
    const teams = [env.TEAMS_CLIENT_ID, env.TEAMS_CLIENT_SECRET, env.TEAMS_TENANT_ID];
    if (teams.some(Boolean) && !teams.every(Boolean)) {
      ctx.addIssue({
        code: 'custom',
        path: ['TEAMS_CLIENT_ID'],
        message: 'set all of TEAMS_CLIENT_ID, TEAMS_CLIENT_SECRET and TEAMS_TENANT_ID, or none',
      });
    }
    if (env.TEAMS_ALLOW_UNAUTHENTICATED && env.NODE_ENV === 'production') {
      ctx.addIssue({
        code: 'custom',
        path: ['TEAMS_ALLOW_UNAUTHENTICATED'],
        message:
          'must not be true in production: anyone could post forged Teams activities; unset it (the Bot Framework JWT is then checked)',
      });
    }
  });
export type Env = z.infer<typeof EnvSchema>;

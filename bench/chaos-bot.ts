// The bot under chaos (bench/chaos-run.ts): Verbatim in Slack HTTP mode against the fake Slack
// Web API of the driver process, on PGlite (CHAOS_DATA_DIR) or PostgreSQL (CHAOS_DATABASE_URL).
// Prints `{"port":…}` once it accepts events; the driver kills it with SIGKILL and starts it again.
import { startVerbatim } from '../src/compose-verbatim.ts';
import { createSlackAdapter } from '../src/slack/create-slack-adapter.ts';
import { testConfig } from '../test/support/test-config.ts';

const env = process.env;
const config = testConfig({
  env: {
    VERBATIM_DATA_DIR: env['CHAOS_DATA_DIR']!,
    ...(env['CHAOS_DATABASE_URL'] ? { DATABASE_URL: env['CHAOS_DATABASE_URL'] } : {}),
    SLACK_BOT_TOKEN: env['CHAOS_BOT_TOKEN']!,
    SLACK_API_URL: env['CHAOS_SLACK_API_URL']!,
    SLACK_SIGNING_SECRET: env['CHAOS_SIGNING_SECRET']!,
    LOG_LEVEL: env['CHAOS_LOG_LEVEL'] ?? 'silent',
  },
});
const verbatim = await startVerbatim({
  config,
  pollingIntervalSeconds: 0.5,
  settings: { triageDelaySeconds: 0 },
  concurrency: { triage: 8, deliver: 16 },
  // The fake Slack has no rate limit; Slack's one post per second per channel would make the
  // run measure pacing, not recovery.
  adapters: [(context) => createSlackAdapter(context, { postIntervalMs: 0 })],
});
process.stdout.write(`${JSON.stringify({ port: verbatim.port })}\n`);
process.on('SIGTERM', () => {
  verbatim.stop().then(() => process.exit(0));
});

// The bot under chaos (bench/chaos-run.ts) and the memory soak (bench/memory-soak.ts): Verbatim
// in Slack HTTP mode against the fake Slack Web API of the driver process, on PGlite
// (CHAOS_DATA_DIR) or PostgreSQL (CHAOS_DATABASE_URL). Prints `{"port":…}` once it accepts events;
// the driver kills it with SIGKILL and starts it again.
//
// CHAOS_BOT_BUILT=1 runs the compiled dist/ (after `npm run build`) as production does, with this
// file run by plain Node (its types stripped by Node itself): no tsx loader in the process, which
// matters when the driver measures memory. CHAOS_BOT_DIST names another build directory (relative to
// the repository) to compare builds. Otherwise the TypeScript sources through tsx.
import type * as Compose from '../src/compose-verbatim.ts';
import type * as EnvSchemaModule from '../src/config/env-schema.ts';
import type * as LoadConfig from '../src/config/load-config.ts';
import type * as SlackAdapter from '../src/slack/create-slack-adapter.ts';
import { TEST_CONFIG_YAML } from '../test/support/test-config-yaml.ts';

const env = process.env;
const built = env['CHAOS_BOT_BUILT'] === '1';
// A variable specifier, so tsx does not rewrite it and plain Node resolves dist/*.js as is.
const dist = env['CHAOS_BOT_DIST'] ?? 'dist';
const load = <T>(module: string): Promise<T> =>
  import(
    new URL(built ? `../${dist}/${module}.js` : `../src/${module}.ts`, import.meta.url).href
  ) as Promise<T>;
const { startVerbatim } = await load<typeof Compose>('compose-verbatim');
const { createSlackAdapter } = await load<typeof SlackAdapter>('slack/create-slack-adapter');
const { parseConfigFile, toDirectory } = await load<typeof LoadConfig>('config/load-config');
const { EnvSchema } = await load<typeof EnvSchemaModule>('config/env-schema');

const file = parseConfigFile(TEST_CONFIG_YAML, 'test-config.yaml');
if (!file.ok) throw new Error(`test config invalid: ${JSON.stringify(file.problems)}`);
const config = {
  env: EnvSchema.parse({
    VERBATIM_DATA_DIR: env['CHAOS_DATA_DIR']!,
    ...(env['CHAOS_DATABASE_URL'] ? { DATABASE_URL: env['CHAOS_DATABASE_URL'] } : {}),
    SLACK_BOT_TOKEN: env['CHAOS_BOT_TOKEN']!,
    SLACK_API_URL: env['CHAOS_SLACK_API_URL']!,
    SLACK_SIGNING_SECRET: env['CHAOS_SIGNING_SECRET']!,
    LOG_LEVEL: env['CHAOS_LOG_LEVEL'] ?? 'silent',
    PORT: '0',
    HOST: '127.0.0.1',
  }),
  file: file.value,
  filePath: 'test-config.yaml',
  directory: toDirectory(file.value),
};
const verbatim = await startVerbatim({
  config,
  pollingIntervalSeconds: 0.5,
  settings: { triageDelaySeconds: 0 },
  concurrency: { triage: 8, deliver: 16 },
  // The fake Slack has no rate limit; Slack's one post per second per channel would make the
  // run measure pacing, not recovery (chaos routes into two channels). CHAOS_POST_INTERVAL_MS=1000
  // keeps Slack's pace, to measure that bound instead.
  adapters: [
    (context) => createSlackAdapter(context, { postIntervalMs: Number(env['CHAOS_POST_INTERVAL_MS'] ?? 0) }),
  ],
});
process.stdout.write(`${JSON.stringify({ port: verbatim.port })}\n`);
process.on('SIGTERM', () => {
  verbatim.stop().then(() => process.exit(0));
});
// CHAOS_MEMORY_REPORT=1: on SIGUSR2, one JSON line with process.memoryUsage() and the V8 heap's
// spaces (the soak's breakdown of where the resident set goes).
if (env['CHAOS_MEMORY_REPORT'] === '1') await import('./memory-report.ts');

import { defineConfig } from 'vitest/config';

/**
 * Pure tests (no database, no server, no child process) run in one project with worker threads and
 * without per-file module isolation: they share loaded modules, so zod schemas, lexicons and the
 * holiday tables are loaded once per worker instead of once per file. Everything else — storage,
 * fakes on loopback, child processes — runs isolated in forks. A new test file lands in the
 * isolated project unless it is added to PURE below.
 */
const PURE = [
  'test/core/*.test.ts',
  'test/architecture/*.test.ts',
  'test/core/pipeline/compose-sla-note.test.ts',
  'test/core/pipeline/create-team-clocks.test.ts',
  'test/core/pipeline/simulate-sla.test.ts',
  'test/config/**/*.test.ts',
  'test/analyzers/heuristic/**/*.test.ts',
  'test/analyzers/evaluate-triage.test.ts',
  'test/analyzers/model-pricing.test.ts',
  'test/analyzers/redact-personal-data.test.ts',
  'test/analyzers/triage-prompt.test.ts',
  'test/examples/**/*.test.ts',
  'test/email/{attribute-forward-chain,detect-language,find-forward,html-to-plain-text,normalize-message-id,split-quoted-text,unwrap-email-text,verify-signature,read-imap-url}.test.ts',
  'test/slack/{decode-slack-text,escape-mrkdwn.property,neutralize-rich-text,shared-channel-guard,slack-manifest,to-customer-message}.test.ts',
  'test/slack/views/*.property.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: PGlite instances are heavy, keep parallelism modest.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: 'pure', include: PURE, pool: 'threads', isolate: false },
      },
      {
        extends: true,
        test: { name: 'integration', include: ['test/**/*.test.ts'], exclude: PURE },
      },
    ],
  },
});

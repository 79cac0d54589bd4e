import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, TEST_DATABASE_URL } from '../support/scratch-database.ts';

const run = promisify(execFile);

// Run in a fresh Node process (the test runner has loaded everything already): records every file
// loaded from node_modules (its path from the package name on) and prints the list as the
// process's last line when it exits.
const RECORD_LOADED = `
import { registerHooks } from 'node:module';
const loaded = new Set();
registerHooks({
  load(url, context, next) {
    const match = /node_modules\\/(.+)$/.exec(url);
    if (match) loaded.add(match[1]);
    return next(url, context);
  },
});
process.on('exit', () => console.log(JSON.stringify([...loaded])));
`;

// Starts Verbatim with its workers and HTTP server, and stops it.
const script = (databaseUrl: string | undefined) => `
${RECORD_LOADED}
const { startVerbatim } = await import(${JSON.stringify(join(process.cwd(), 'src/compose-verbatim.ts'))});
const { testConfig } = await import(${JSON.stringify(join(process.cwd(), 'test/support/test-config.ts'))});
const verbatim = await startVerbatim({
  config: testConfig({ env: ${JSON.stringify(databaseUrl ? { DATABASE_URL: databaseUrl } : {})} }),
});
await verbatim.stop();
`;

async function packagesLoadedAtStart(databaseUrl?: string): Promise<string[]> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', script(databaseUrl)],
    { cwd: process.cwd() },
  );
  return packagesOf(stdout);
}

/** The packages of the files RECORD_LOADED printed last. */
function packagesOf(stdout: string): string[] {
  const files = JSON.parse(stdout.trim().split('\n').at(-1)!) as string[];
  // The Anthropic SDK's client, not its small zod helper (prompt schemas are built with it).
  const packageOf = (file: string) => {
    if (file.startsWith('@anthropic-ai/sdk/') && !/^@anthropic-ai\/sdk\/(client|index)\./.test(file)) {
      return '@anthropic-ai/sdk helpers';
    }
    return /^((?:@[^/]+\/)?[^/]+)\//.exec(file)?.[1] ?? file;
  };
  return [...new Set(files.map(packageOf))];
}

// Loaded where they are used, not at start (docs/performance.md, "Memory"): the chart renderer,
// the holiday rules of every country, the Anthropic SDK's client without a key.
const LAZY = ['vega', 'vega-lite', '@resvg/resvg-js', 'date-holidays', '@anthropic-ai/sdk'];

// `verbatim start` through the CLI entry: only the start command's modules, and the adapters of the
// platforms that are configured (none here, `--help` stops before starting).
const CLI_HOOK = `data:text/javascript,${encodeURIComponent(RECORD_LOADED)}`;

describe('what a started bot has loaded', () => {
  it('`verbatim start`: not the Teams SDK, the email libraries or the other commands', async () => {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', '--import', CLI_HOOK, 'src/cli/verbatim-cli-entry.ts', 'start', '--help'],
      { cwd: process.cwd() },
    );
    const loaded = packagesOf(stdout);
    expect(loaded).toContain('@slack/bolt');
    // The Anthropic SDK's small zod helper is loaded at start (see packagesLoadedAtStart below).
    const lazy = LAZY.filter((name) => name !== '@anthropic-ai/sdk');
    for (const name of ['@microsoft/teams.apps', 'imapflow', 'mailparser', ...lazy]) {
      expect(loaded).not.toContain(name);
    }
  }, 60_000);

  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup().catch(() => {});
  });

  it('embedded: PGlite, and none of the modules that are only needed later', async () => {
    const loaded = await packagesLoadedAtStart();
    expect(loaded).toContain('@electric-sql/pglite');
    expect(loaded).toContain('pg-boss');
    for (const name of LAZY) expect(loaded).not.toContain(name);
  }, 60_000);

  it.runIf(TEST_DATABASE_URL)(
    'on PostgreSQL: no PGlite either',
    async () => {
      const scratch = await createScratchDatabase(TEST_DATABASE_URL!);
      cleanups.push(scratch.drop);
      const loaded = await packagesLoadedAtStart(scratch.url);
      expect(loaded).toContain('pg');
      for (const name of [...LAZY, '@electric-sql/pglite']) expect(loaded).not.toContain(name);
    },
    60_000,
  );
});

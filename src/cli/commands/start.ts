import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { startVerbatim } from '../../compose-verbatim.ts';
import { hasEmbeddedDatabase } from '../../storage/open-storage.ts';
import type { CliCommand } from '../cli-command.ts';
import { createPlatformAdapters } from '../create-platform-adapters.ts';
import { loadConfigOrExplain } from '../load-config-or-explain.ts';
import { parseCommandArgs } from '../parse-command-args.ts';

export const startCommand: CliCommand = {
  name: 'start',
  summary: 'run the bot: HTTP server, platform adapters and job workers',
  usage: 'verbatim start',
  async run(args, io) {
    parseCommandArgs(args, {});
    const config = loadConfigOrExplain(io);
    if (!config) return 1;
    if (!config.env.DATABASE_URL) createEmbeddedDatabaseApart(resolve(io.cwd, config.env.VERBATIM_DATA_DIR));
    const verbatim = await startVerbatim({ config, adapters: createPlatformAdapters(config) });
    await new Promise<void>((resolve) => {
      const shutdown = (signal: string) => {
        verbatim.logger.info({ signal }, 'signal received');
        process.off('SIGTERM', onTerm);
        process.off('SIGINT', onInt);
        verbatim.stop().then(resolve, (error: unknown) => {
          verbatim.logger.error({ err: error }, 'shutdown failed');
          resolve();
        });
      };
      const onTerm = () => shutdown('SIGTERM');
      const onInt = () => shutdown('SIGINT');
      process.on('SIGTERM', onTerm);
      process.on('SIGINT', onInt);
    });
    return 0;
  },
};

/**
 * A new embedded database is created (PGlite's initdb, then the migrations) by `verbatim migrate` in a
 * short-lived child process: done in the bot's own process, initdb leaves native memory in glibc's
 * malloc heap and arenas for the life of the process (docs/performance.md, "Memory"). Only on
 * `verbatim start`, and only when the directory has no database yet; when the child fails, the bot
 * creates the database itself as before (and reports what went wrong).
 */
function createEmbeddedDatabaseApart(dataDir: string): void {
  if (hasEmbeddedDatabase(dataDir)) return;
  const entry = process.argv[1];
  if (!entry) return;
  // The same Node flags (tsx's loader in development), but not a watcher or an inspector: the child
  // must exit, and must not take the parent's debugger port.
  const flags = process.execArgv.filter((flag) => !/^--(watch|inspect|debug)/.test(flag));
  spawnSync(process.execPath, [...flags, entry, 'migrate'], {
    env: process.env,
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: 300_000,
  });
}

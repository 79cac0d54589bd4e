import { startVerbatim } from '../../compose-verbatim.ts';
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

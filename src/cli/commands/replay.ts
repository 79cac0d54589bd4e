import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pino from 'pino';
import { startVerbatim } from '../../compose-verbatim.ts';
import { readHistory } from '../../replay/read-history.ts';
import { replayHistory, waitForPipeline } from '../../replay/replay-history.ts';
import { type CliCommand, UsageError } from '../cli-command.ts';
import { createPlatformAdapters } from '../create-platform-adapters.ts';
import { findUnreachableDestinations, type UnreachablePlatform } from '../find-unreachable-destinations.ts';
import { loadConfigOrExplain } from '../load-config-or-explain.ts';
import { parseCommandArgs } from '../parse-command-args.ts';

export const replayCommand: CliCommand = {
  name: 'replay',
  summary: 'backfill a Slack export (and .eml files) into the configured store; idempotent and resumable',
  usage: 'verbatim replay <slack-export-dir> [--emails DIR] [--no-post] [--team T0…]',
  help: 'DIR           the unzipped Slack export (holds channels.json)\n--emails DIR  also replay the .eml files in DIR\n--no-post     store, group and triage, but post nothing (no platform needed)\n--team T0…    our own Slack team id, when the export cannot tell',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      { emails: { type: 'string' }, team: { type: 'string' }, 'no-post': { type: 'boolean' } },
      1,
    );
    const directory = positionals[0];
    if (!directory) throw new UsageError('give the Slack export directory (the one holding channels.json)');
    const exportDir = resolve(io.cwd, directory);
    if (!existsSync(join(exportDir, 'channels.json'))) {
      io.stderr.write(
        `verbatim replay: ${exportDir} has no channels.json; point at the unzipped Slack export\n`,
      );
      return 1;
    }
    const { emails, team } = values;
    const posting = values['no-post'] !== true;
    const config = loadConfigOrExplain(io);
    if (!config) return 1;
    if (posting) {
      const unreachable = findUnreachableDestinations(config);
      if (unreachable.length > 0) {
        io.stderr.write(explainUnreachable(unreachable, directory));
        return 1;
      }
    }
    // Log lines go to a file so the progress output stays readable; the summary says where.
    const logFile = resolve(io.cwd, config.env.VERBATIM_DATA_DIR, 'replay.log');
    const verbatim = await startVerbatim({
      config,
      logDestination: pino.destination({ dest: logFile, mkdir: true, sync: true }),
      listen: false,
      workers: false,
      // Posting goes through the configured platforms; without them the posts are printed.
      adapters: posting ? createPlatformAdapters(config) : [],
      settings: { triageDelaySeconds: 0, postRoutedPosts: posting },
    });
    try {
      const history = await readHistory({
        slackExport: exportDir,
        ...(emails ? { emails: resolve(io.cwd, emails) } : {}),
        directory: verbatim.directory,
        ...(team ? { ourTeamIds: [team] } : {}),
      });
      if (history.ourTeamIds.length === 0) {
        io.stderr.write(
          'verbatim replay: cannot tell our own team in this export (no user has an email in ownDomains); pass --team T0…\n',
        );
        return 1;
      }
      for (const problem of history.problems) io.stderr.write(`! ${problem}\n`);
      const { messages } = history;
      const stats = await replayHistory(verbatim, {
        messages,
        memberEvents: history.memberEvents,
        progress: io.stderr,
      });
      await verbatim.startWorkers();
      await waitForPipeline(verbatim, io.stderr, { posting });
      const { outcomes } = stats;
      io.stdout.write(
        `replayed ${messages.length} messages: ${outcomes.accepted} customer (new or grouped), ${outcomes['follow-up']} follow-ups, ${outcomes['staff-reply']} staff replies, ${outcomes.noise} greetings/thanks, ${outcomes.duplicate} already stored; ${stats.memberEvents} channel departures/joins recorded${posting ? '' : '; nothing posted (--no-post)'}\n`,
      );
      io.stderr.write(`log: ${logFile}\n`);
      return 0;
    } finally {
      await verbatim.stop();
    }
  },
};

function explainUnreachable(unreachable: UnreachablePlatform[], exportDir: string): string {
  const lines = unreachable.map(({ platform, missing, uses }) => {
    const shown = uses.slice(0, 3).join(', ');
    const more = uses.length > 3 ? ` and ${uses.length - 3} more` : '';
    return `  ${platform}: ${missing}; the config posts there: ${shown}${more}\n`;
  });
  return `verbatim replay: the routed posts cannot be delivered:\n${lines.join('')}\nEither replay without posting (stores, groups and triages everything; \`verbatim sla\` then shows the clocks):\n  verbatim replay ${exportDir} --no-post\nor configure the platform (README, "Slack") and check it with \`verbatim doctor\`.\n`;
}

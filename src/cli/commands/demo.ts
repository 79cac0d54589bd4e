import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pino from 'pino';
import { startVerbatim } from '../../compose-verbatim.ts';
import { EnvSchema } from '../../config/env-schema.ts';
import { loadConfigFile, toDirectory } from '../../config/load-config.ts';
import { createConsoleNotifier } from '../../console/console-notifier.ts';
import { readHistory } from '../../replay/read-history.ts';
import { replayHistory, waitForPipeline } from '../../replay/replay-history.ts';
import type { CliCommand } from '../cli-command.ts';
import { parseCommandArgs } from '../parse-command-args.ts';
import { printDemoDigest } from '../print-demo-digest.ts';
import { printDemoHealth } from '../print-demo-health.ts';
import { printDemoSla } from '../print-demo-sla.ts';
import { printDemoSummary } from '../print-demo-summary.ts';

/** The demo's "today": the Monday after the example history ends, so renewal windows read the same every run. */
export const DEMO_NOW = new Date('2026-11-23T08:00:00Z');

export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'replay the example workspace through the real pipeline and show what Verbatim would post',
  usage: 'verbatim demo [--examples DIR] [--full] [--keep]',
  help: '--examples DIR  the example workspace (default: examples)\n--full          print every routed post in full, not only P1/P2\n--keep          keep the demo database afterwards',
  async run(args, io) {
    const { values } = parseCommandArgs(args, {
      examples: { type: 'string' },
      full: { type: 'boolean' },
      keep: { type: 'boolean' },
    });
    const examples = resolve(io.cwd, values.examples ?? 'examples');
    const full = values.full === true;
    const file = loadConfigFile(join(examples, 'verbatim.config.yaml'));
    if (!file.ok) {
      for (const problem of file.problems) io.stderr.write(`✗ ${problem.path}: ${problem.message}\n`);
      return 1;
    }
    const dataDir = mkdtempSync(join(tmpdir(), 'verbatim-demo-'));
    // The demo uses the offline analyzer unless a key is set; it never reaches Slack or Teams.
    const env = EnvSchema.parse({
      VERBATIM_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      ANTHROPIC_API_KEY: io.env.ANTHROPIC_API_KEY,
      ANTHROPIC_BASE_URL: io.env.ANTHROPIC_BASE_URL,
      ANTHROPIC_MODEL: io.env.ANTHROPIC_MODEL,
    });
    const config = {
      env,
      file: file.value,
      filePath: join(examples, 'verbatim.config.yaml'),
      directory: toDirectory(file.value),
    };
    const consoleOptions = {
      out: io.stdout,
      showUpdates: false,
      compact: full ? ('never' as const) : ('P3-P4' as const),
    };
    const started = Date.now();
    const verbatim = await startVerbatim({
      config,
      logger: pino({ level: 'warn' }, pino.destination(2)),
      listen: false,
      workers: false,
      clock: { now: () => DEMO_NOW },
      fallbackNotifiers: [
        createConsoleNotifier({ platform: 'slack', ...consoleOptions }),
        createConsoleNotifier({ platform: 'teams', ...consoleOptions }),
      ],
      pollingIntervalSeconds: 0.5,
      settings: { triageDelaySeconds: 0 },
      schedules: false,
    });
    try {
      io.stdout.write(
        `Verbatim demo: ${config.directory.teams.length} teams, ${config.directory.accounts.length} accounts, engine ${env.ANTHROPIC_API_KEY ? env.ANTHROPIC_MODEL : 'heuristic (offline)'}\n`,
      );
      const history = await readHistory({
        slackExport: join(examples, 'slack-export'),
        emails: join(examples, 'emails'),
        directory: config.directory,
      });
      for (const problem of history.problems) io.stderr.write(`! ${problem}\n`);
      const { messages } = history;
      const replay = await replayHistory(verbatim, {
        messages,
        memberEvents: history.memberEvents,
        progress: io.stderr,
      });
      await verbatim.startWorkers();
      await waitForPipeline(verbatim, io.stderr, { posting: true });
      await printDemoSummary(io.stdout, verbatim, {
        replay,
        messages: messages.length,
        seconds: (Date.now() - started) / 1000,
        now: DEMO_NOW,
      });
      await printDemoSla(io.stdout, verbatim, { file: config.file, now: DEMO_NOW });
      await printDemoDigest(io.stdout, verbatim, {
        file: config.file,
        now: DEMO_NOW,
        // The demo database is temporary; the chart goes where `verbatim start` keeps its data.
        chartDir: resolve(io.cwd, io.env.VERBATIM_DATA_DIR ?? 'data'),
      });
      await printDemoHealth(io.stdout, verbatim);
      return 0;
    } finally {
      await verbatim.stop();
      if (values.keep !== true) rmSync(dataDir, { recursive: true, force: true });
      else io.stdout.write(`Demo database kept in ${dataDir} (VERBATIM_DATA_DIR=${dataDir})\n`);
    }
  },
};

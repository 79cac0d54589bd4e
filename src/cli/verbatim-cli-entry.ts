#!/usr/bin/env node
import type { CliIo } from './cli-command.ts';
import { runCli } from './run-cli.ts';

// The executable: `verbatim <command>`. Kept apart from runCli so tests can call runCli directly.
const io: CliIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
};
const argv = process.argv.slice(2);
// `verbatim start` imports its own command only: importing every command (commands/index.ts) would
// load the modules of all of them (the Teams SDK, IMAP, the chart renderer's callers, training) into
// the long-running bot (docs/performance.md, "Memory").
const only = argv[0] === 'start' ? [(await import('./commands/start.ts')).startCommand] : undefined;
runCli(argv, io, only).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `verbatim: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);

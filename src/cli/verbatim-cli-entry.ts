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
runCli(process.argv.slice(2), io).then(
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

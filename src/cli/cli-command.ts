/** Streams and environment a command runs with; tests pass their own. */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** One `verbatim <name>` subcommand. `run` resolves to the process exit code. */
export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  /** Options, one a line, shown by `verbatim <name> --help` under the usage and summary. */
  help?: string;
  run(args: string[], io: CliIo): Promise<number>;
}

/** Thrown for wrong arguments; the dispatcher prints the message and the usage, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

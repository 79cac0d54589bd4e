import { PassThrough } from 'node:stream';
import type { CliIo } from '../../src/cli/cli-command.ts';

/** A CLI command's streams for a test: what it writes to stdout and stderr, read back as text. */
export function captureCliIo(cwd: string, env: NodeJS.ProcessEnv = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (chunk) => out.push(String(chunk)));
  stderr.on('data', (chunk) => err.push(String(chunk)));
  const io: CliIo = { stdout, stderr, stdin: new PassThrough(), env, cwd };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

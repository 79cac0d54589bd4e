import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CliIo } from './cli-command.ts';

/** The bytes of FILE, or of standard input when FILE is `-` or absent. */
export async function readInput(io: CliIo, file: string | undefined): Promise<Buffer> {
  if (file && file !== '-') return readFileSync(resolve(io.cwd, file));
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
}

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type CliIo, UsageError } from './cli-command.ts';

/** The bytes of FILE, or of standard input when FILE is `-` or absent. */
export async function readInput(io: CliIo, file: string | undefined): Promise<Buffer> {
  if (file && file !== '-') return readNamedFile(io, file);
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
}

/** A missing file is the user's slip, often a message's text typed where a file name goes. */
function readNamedFile(io: CliIo, file: string): Buffer {
  try {
    return readFileSync(resolve(io.cwd, file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'EISDIR' && code !== 'ENAMETOOLONG') throw error;
    const looksLikeText = /\s/.test(file) || file.length > 120;
    const shown = file.length > 60 ? `${file.slice(0, 57)}…` : file;
    throw new UsageError(
      code === 'EISDIR'
        ? `"${shown}" is a folder; give a text or .eml file, or - for standard input`
        : looksLikeText
          ? `there is no file named "${shown}"; to give a message's text, pipe it in: echo '…' | verbatim explain -`
          : `there is no file named "${shown}"`,
    );
  }
}

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

/** True for an RFC 5322 message: a `.eml` name, or text that opens with mail headers. */
export function looksLikeEmail(file: string | undefined, bytes: Buffer): boolean {
  if (file?.toLowerCase().endsWith('.eml')) return true;
  const head = bytes.subarray(0, 2048).toString('latin1');
  return (
    /^(Return-Path|Received|From|Date|Message-ID|MIME-Version|Subject|To|Delivered-To):/im.test(
      head.split(/\r?\n\r?\n/)[0] ?? '',
    ) && /^From:/im.test(head)
  );
}

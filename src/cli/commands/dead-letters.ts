import { resolve } from 'node:path';
import type { DestinationStream } from 'pino';
import type { AppConfig } from '../../config/load-config.ts';
import { type Clock, systemClock } from '../../core/ports.ts';
import { rereadDeadLetter } from '../../email/reread-dead-letter.ts';
import { createLogger } from '../../logging/create-logger.ts';
import { startVerbatim } from '../../main.ts';
import { createDeadLetterStore, type StoredDeadLetter } from '../../storage/dead-letter-store.ts';
import { DataDirInUseError, openStorage, type Storage } from '../../storage/open-storage.ts';
import { type CliCommand, type CliIo, UsageError } from '../cli-command.ts';
import { loadConfigOrExplain } from '../load-config-or-explain.ts';

/** Lines of the raw bytes `show` prints, and the characters kept of each. */
const SHOW_LINES = 20;
const SHOW_LINE_CHARS = 200;

/**
 * `verbatim dead-letters`: input that could not be read (malformed mail, …), kept whole. `list`
 * shows them, `show ID` one of them with the start of its raw bytes, `retry ID` reads an email
 * again and hands it to the pipeline, recording the outcome on the letter.
 */
export function createDeadLettersCommand(options: { clock?: Clock } = {}): CliCommand {
  const clock = options.clock ?? systemClock;
  return {
    name: 'dead-letters',
    summary: 'list, show and retry input kept because it could not be read (malformed email, …)',
    usage: 'verbatim dead-letters [list] [--limit N] [--json] | show ID [--json] | retry ID',
    async run(args, io) {
      const { action, id, json, limit } = parseArgs(args);
      const config = loadConfigOrExplain(io);
      if (!config) return 1;
      if (action === 'retry') return retry(config, id!, io, clock);
      const storage = await openOrExplain(config, io);
      if (!storage) return 1;
      try {
        const store = createDeadLetterStore(storage.db);
        if (action === 'list') {
          const letters = await store.list(limit);
          if (json) io.stdout.write(`${JSON.stringify(letters.map(describeLetter), null, 2)}\n`);
          else printList(io, letters);
          return 0;
        }
        const letter = await store.get(id!);
        if (!letter) {
          io.stderr.write(`✗ no dead letter ${id}; \`verbatim dead-letters\` lists them\n`);
          return 1;
        }
        if (json) {
          const raw = Buffer.from(letter.raw).toString('base64');
          io.stdout.write(`${JSON.stringify({ ...describeLetter(letter), rawBase64: raw }, null, 2)}\n`);
        } else printLetter(io, letter);
        return 0;
      } finally {
        await storage.close();
      }
    },
  };
}

export const deadLettersCommand = createDeadLettersCommand();

function parseArgs(args: string[]): {
  action: 'list' | 'show' | 'retry';
  id?: string;
  json: boolean;
  limit: number;
} {
  const positional: string[] = [];
  let json = false;
  let limit = 50;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === '--json') json = true;
    else if (arg === '--limit' || arg.startsWith('--limit=')) {
      const value = arg === '--limit' ? args[++index] : arg.slice('--limit='.length);
      limit = Number(value);
      if (!Number.isInteger(limit) || limit < 1)
        throw new UsageError('--limit needs a positive whole number');
    } else if (arg.startsWith('--')) throw new UsageError(`unknown option "${arg}"`);
    else positional.push(arg);
  }
  const [action = 'list', id, extra] = positional;
  if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
  if (action === 'list') {
    if (id !== undefined) throw new UsageError(`unexpected argument "${id}"`);
    return { action, json, limit };
  }
  if (action !== 'show' && action !== 'retry')
    throw new UsageError(`unknown action "${action}": list, show or retry`);
  if (id === undefined || !/^\d+$/.test(id))
    throw new UsageError(`${action} needs a dead letter id (a number)`);
  return { action, id, json, limit };
}

async function openOrExplain(config: AppConfig, io: CliIo): Promise<Storage | null> {
  try {
    return await openStorage({
      databaseUrl: config.env.DATABASE_URL,
      dataDir: resolve(io.cwd, config.env.VERBATIM_DATA_DIR),
    });
  } catch (error) {
    if (!(error instanceof DataDirInUseError)) throw error;
    io.stderr.write(
      `✗ ${error.message}\n  (the embedded database serves one process: stop \`verbatim start\` first, or use DATABASE_URL)\n`,
    );
    return null;
  }
}

/** Reads the letter again and ingests it through the real pipeline (its triage runs in the workers). */
async function retry(config: AppConfig, id: string, io: CliIo, clock: Clock): Promise<number> {
  const dataDir = resolve(io.cwd, config.env.VERBATIM_DATA_DIR);
  let verbatim: Awaited<ReturnType<typeof startVerbatim>>;
  try {
    verbatim = await startVerbatim({
      config: { ...config, env: { ...config.env, VERBATIM_DATA_DIR: dataDir } },
      logger: createLogger({
        level: config.env.LOG_LEVEL === 'silent' ? 'silent' : 'warn',
        destination: io.stderr as DestinationStream,
        pretty: false,
      }),
      clock,
      listen: false,
      workers: false,
    });
  } catch (error) {
    if (!(error instanceof DataDirInUseError)) throw error;
    io.stderr.write(`✗ ${error.message}\n  (stop \`verbatim start\` first, or use DATABASE_URL)\n`);
    return 1;
  }
  try {
    const store = createDeadLetterStore(verbatim.storage.db);
    const letter = await store.get(id);
    if (!letter) {
      io.stderr.write(`✗ no dead letter ${id}; \`verbatim dead-letters\` lists them\n`);
      return 1;
    }
    const now = clock.now();
    const reread = await rereadDeadLetter(letter, {
      accounts: verbatim.directory.accounts,
      ownDomains: verbatim.directory.ownDomains,
      now,
    });
    if (!reread.ok) {
      await store.markRetried(id, `failed: ${reread.reason}`, now);
      io.stderr.write(`✗ dead letter ${id} still cannot be read: ${reread.reason}\n`);
      return 1;
    }
    const outcome = await verbatim.ingest(reread.message);
    await store.markRetried(id, `${outcome.status} ${outcome.messageId}`, now);
    io.stdout.write(`dead letter ${id}: ${outcome.status} as ${outcome.messageId}\n`);
    if (outcome.status === 'accepted' || outcome.status === 'follow-up') {
      io.stdout.write('Its triage and delivery run in the job workers of `verbatim start`.\n');
    }
    return 0;
  } finally {
    await verbatim.stop();
  }
}

function describeLetter(letter: StoredDeadLetter) {
  return {
    id: letter.id,
    source: letter.source,
    reason: letter.reason,
    sizeBytes: letter.raw.length,
    contentType: letter.contentType ?? null,
    meta: letter.meta ?? {},
    createdAt: letter.createdAt.toISOString(),
    retriedAt: letter.retriedAt?.toISOString() ?? null,
    retryOutcome: letter.retryOutcome,
  };
}

function printList(io: CliIo, letters: StoredDeadLetter[]): void {
  if (letters.length === 0) {
    io.stdout.write('No dead letters.\n');
    return;
  }
  const rows = [
    ['ID', 'SOURCE', 'SIZE', 'CREATED', 'RETRIED', 'REASON'],
    ...letters.map((letter) => [
      letter.id,
      letter.source,
      formatBytes(letter.raw.length),
      formatTime(letter.createdAt),
      letter.retriedAt ? `${formatTime(letter.retriedAt)} ${letter.retryOutcome ?? ''}`.trim() : '-',
      oneLine(letter.reason, 100),
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  for (const row of rows) {
    const cells = row.map((cell, column) =>
      column === row.length - 1 ? cell : cell.padEnd(widths[column]!),
    );
    io.stdout.write(`${cells.join('  ').trimEnd()}\n`);
  }
  io.stdout.write(`${letters.length} dead letter(s). \`verbatim dead-letters show ID\` shows one.\n`);
}

function printLetter(io: CliIo, letter: StoredDeadLetter): void {
  const lines = [
    `Dead letter ${letter.id}`,
    `  source:       ${letter.source}`,
    `  reason:       ${oneLine(letter.reason, 500)}`,
    `  size:         ${formatBytes(letter.raw.length)} (${letter.raw.length} bytes)`,
    `  content type: ${letter.contentType ?? '-'}`,
    `  created:      ${formatTime(letter.createdAt)}`,
    `  retried:      ${letter.retriedAt ? `${formatTime(letter.retriedAt)}: ${letter.retryOutcome ?? ''}` : '-'}`,
    ...Object.entries(letter.meta ?? {}).map(([key, value]) => `  meta.${key}: ${JSON.stringify(value)}`),
  ];
  io.stdout.write(`${lines.join('\n')}\n`);
  const text = Buffer.from(letter.raw).toString('utf8');
  const rawLines = text.split(/\r?\n/);
  io.stdout.write(
    `\nRaw bytes, first ${Math.min(SHOW_LINES, rawLines.length)} of ${rawLines.length} lines:\n`,
  );
  for (const line of rawLines.slice(0, SHOW_LINES)) io.stdout.write(`  | ${printable(line)}\n`);
  if (rawLines.length > SHOW_LINES) io.stdout.write('  | …\n');
}

/** Control characters and escape sequences shown as `\xNN`, so a hostile mail cannot drive the terminal. */
function printable(line: string): string {
  const cut = line.length > SHOW_LINE_CHARS ? `${line.slice(0, SHOW_LINE_CHARS)}…` : line;
  return cut.replace(
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g,
    (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

function oneLine(text: string, max: number): string {
  const flat = printable(text.replace(/\s+/g, ' ').trim());
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function formatTime(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')}Z`;
}

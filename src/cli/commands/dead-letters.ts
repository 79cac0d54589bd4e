import { resolve } from 'node:path';
import type { DestinationStream } from 'pino';
import { startVerbatim } from '../../compose-verbatim.ts';
import type { AppConfig } from '../../config/load-config.ts';
import { type Clock, systemClock } from '../../core/ports.ts';
import { rereadDeadLetter } from '../../email/reread-dead-letter.ts';
import { readStoredMail } from '../../email/stored-mail.ts';
import { type DeadJob, JobRunner } from '../../jobs/job-runner.ts';
import { createLogger } from '../../logging/create-logger.ts';
import { createDeadLetterStore, type StoredDeadLetter } from '../../storage/dead-letter-store.ts';
import { createInboxStore } from '../../storage/inbox-store.ts';
import { DataDirInUseError } from '../../storage/open-storage.ts';
import { type CliCommand, type CliIo, UsageError } from '../cli-command.ts';
import { createPlatformAdapters } from '../create-platform-adapters.ts';
import { loadConfigOrExplain } from '../load-config-or-explain.ts';
import { openStorageOrExplain } from '../open-storage-or-explain.ts';
import { parseCommandArgs } from '../parse-command-args.ts';
import { isInboxLetter, reviveInboxLetter } from './revive-inbox-letter.ts';

/** Lines of the raw bytes `show` prints, and the characters kept of each. */
const SHOW_LINES = 20;
const SHOW_LINE_CHARS = 200;

/**
 * `verbatim dead-letters`: everything that could not be processed, of two kinds. *Input* kept
 * whole because it could not be read (malformed mail, an unreadable Slack event, an inbox entry
 * whose processing kept failing — `inbox:email`, `inbox:slack`, `inbox:teams`; numeric ids), and
 * *jobs* that exhausted their retries in pg-boss's dead-letter queues (triage, deliver, digest;
 * uuid ids, with their last error). `list` shows both, `show ID` one, `retry ID` reads input
 * again into the pipeline (email, `inbox:email` included, offline; a Slack event through the Slack
 * adapter), gives another inbox entry that ran out of attempts (`inbox:slack`, `inbox:teams`)
 * fresh ones for the running inbox worker, or moves a job back to its queue with fresh retries,
 * `discard ID` deletes either for good.
 */
export function createDeadLettersCommand(options: { clock?: Clock } = {}): CliCommand {
  const clock = options.clock ?? systemClock;
  return {
    name: 'dead-letters',
    summary: 'list, show, retry and discard input that could not be read and jobs that ran out of retries',
    usage: 'verbatim dead-letters [list] [--limit N] [--json] | show ID [--json] | retry ID | discard ID',
    help: [
      'list        input that could not be read, and jobs that ran out of retries (the default)',
      '--limit N   list: at most N of each kind (default: 50)',
      "--json      list or show: as JSON (an input's raw bytes as rawBase64)",
      'show ID     one, with the first lines of its raw bytes; ID is a number, or a job uuid',
      'retry ID    read the input again into the pipeline, or move the job back with fresh retries',
      'discard ID  delete it for good',
    ].join('\n'),
    async run(args, io) {
      const { action, id, json, limit } = parseArgs(args);
      const config = loadConfigOrExplain(io);
      if (!config) return 1;
      if (action === 'retry' && !isJobId(id!))
        return (await retryInboxLetter(config, id!, io, clock)) ?? retry(config, id!, io, clock);
      const storage = await openStorageOrExplain(config, io);
      if (!storage) return 1;
      const jobs = new JobRunner({ storage, logger: createLogger({ level: 'silent' }), schedule: false });
      try {
        await jobs.start();
        const store = createDeadLetterStore(storage.db);
        if (action === 'list') {
          const letters = await store.list(limit);
          const dead = (await Promise.all(DEAD_QUEUES.map((queue) => jobs.deadLetters(queue, limit)))).flat();
          if (json) {
            const entries = [
              ...letters.map((letter) => ({ kind: 'input', ...describeLetter(letter) })),
              ...dead.map((job) => ({ kind: 'job', ...describeJob(job) })),
            ];
            io.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
          } else {
            printList(io, letters);
            printJobs(io, dead);
          }
          return 0;
        }
        if (isJobId(id!)) return await actOnJob(jobs, action, id!, json, io);
        if (action === 'discard') {
          if (!(await store.discard(id!))) return noLetter(io, id!);
          io.stdout.write(`dead letter ${id} discarded\n`);
          return 0;
        }
        const letter = await store.get(id!);
        if (!letter) return noLetter(io, id!);
        if (json) {
          const raw = Buffer.from(letter.raw).toString('base64');
          io.stdout.write(`${JSON.stringify({ ...describeLetter(letter), rawBase64: raw }, null, 2)}\n`);
        } else printLetter(io, letter);
        return 0;
      } finally {
        await jobs.stop().catch(() => {});
        await storage.close();
      }
    },
  };
}

const DEAD_QUEUES = ['triage-dead', 'deliver-dead', 'digest-dead'] as const;
const JOB_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isJobId(id: string): boolean {
  return JOB_ID.test(id);
}

function noLetter(io: CliIo, id: string): number {
  io.stderr.write(`✗ no dead letter ${id}; \`verbatim dead-letters\` lists them\n`);
  return 1;
}

/** show / retry / discard of a job in a dead-letter queue. */
async function actOnJob(
  jobs: JobRunner,
  action: 'show' | 'retry' | 'discard',
  id: string,
  json: boolean,
  io: CliIo,
): Promise<number> {
  const job = await jobs.findDeadJob(id);
  if (!job) return noLetter(io, id);
  if (action === 'show') {
    if (json) io.stdout.write(`${JSON.stringify(describeJob(job), null, 2)}\n`);
    else printJob(io, job);
    return 0;
  }
  if (action === 'discard') {
    await jobs.discardDeadJob(job);
    io.stdout.write(`job ${id} discarded from ${job.queue}\n`);
    return 0;
  }
  if (!(await jobs.retryDeadJob(job))) {
    io.stderr.write(`✗ job ${id} could not be moved back (it left ${job.queue} meanwhile)\n`);
    return 1;
  }
  io.stdout.write(
    `job ${id} moved back to ${job.sourceQueue ?? job.queue.replace(/-dead$/, '')} with fresh retries; the workers of \`verbatim start\` run it\n`,
  );
  return 0;
}

export const deadLettersCommand = createDeadLettersCommand();

function parseArgs(args: string[]): {
  action: 'list' | 'show' | 'retry' | 'discard';
  id?: string;
  json: boolean;
  limit: number;
} {
  const { values, positionals } = parseCommandArgs(
    args,
    { json: { type: 'boolean' }, limit: { type: 'string' } },
    2,
  );
  const json = values.json === true;
  const limit = values.limit === undefined ? 50 : Number(values.limit);
  if (values.limit?.trim() === '' || !Number.isInteger(limit) || limit < 1)
    throw new UsageError('--limit needs a positive whole number');
  const [action = 'list', id] = positionals;
  if (action === 'list') {
    if (id !== undefined) throw new UsageError(`unexpected argument "${id}"`);
    return { action, json, limit };
  }
  if (action !== 'show' && action !== 'retry' && action !== 'discard')
    throw new UsageError(`unknown action "${action}": list, show, retry or discard`);
  if (id === undefined || !(/^\d+$/.test(id) || isJobId(id)))
    throw new UsageError(`${action} needs a dead letter id (a number, or a job's uuid)`);
  return { action, id, json, limit };
}

/** An inbox letter's retry: its entry revived for the inbox worker; null when the letter is not one. */
async function retryInboxLetter(
  config: AppConfig,
  id: string,
  io: CliIo,
  clock: Clock,
): Promise<number | null> {
  const storage = await openStorageOrExplain(config, io);
  if (!storage) return 1;
  try {
    const letters = createDeadLetterStore(storage.db);
    const letter = await letters.get(id);
    if (!letter || !isInboxLetter(letter)) return null;
    return await reviveInboxLetter({ letters, inbox: createInboxStore(storage.db) }, letter, clock.now(), io);
  } finally {
    await storage.close();
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
      // A Slack event is read again by the Slack adapter's own listeners (user look-ups included).
      adapters:
        createPlatformAdapters(config).length > 0 && (await isSlackLetter(config, io, id))
          ? createPlatformAdapters(config)
          : [],
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
    if (letter.source.startsWith('slack:'))
      return await retryThroughAdapter(verbatim, store, letter, now, io);
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

/** Peeks at the letter's source before starting Verbatim, so only a Slack letter starts the Slack adapter. */
async function isSlackLetter(config: AppConfig, io: CliIo, id: string): Promise<boolean> {
  const storage = await openStorageOrExplain(config, io);
  if (!storage) return false;
  try {
    return (await createDeadLetterStore(storage.db).get(id))?.source.startsWith('slack:') ?? false;
  } finally {
    await storage.close();
  }
}

async function retryThroughAdapter(
  verbatim: Awaited<ReturnType<typeof startVerbatim>>,
  store: ReturnType<typeof createDeadLetterStore>,
  letter: StoredDeadLetter,
  now: Date,
  io: CliIo,
): Promise<number> {
  try {
    const outcome = await verbatim.retryDeadLetter(letter);
    if (outcome === null) {
      io.stderr.write(
        `✗ dead letter ${letter.id} is from ${letter.source}, whose adapter is not configured here (set its environment, e.g. SLACK_BOT_TOKEN)\n`,
      );
      return 1;
    }
    await store.markRetried(letter.id, outcome, now);
    io.stdout.write(`dead letter ${letter.id}: ${outcome}\n`);
    return 0;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await store.markRetried(letter.id, `failed: ${reason}`, now);
    io.stderr.write(`✗ dead letter ${letter.id} still cannot be processed: ${reason}\n`);
    return 1;
  }
}

function describeJob(job: DeadJob) {
  return {
    id: job.id,
    queue: job.queue,
    sourceQueue: job.sourceQueue,
    data: job.data,
    error: job.error,
    retries: job.retries,
    createdAt: job.createdAt?.toISOString() ?? null,
    deadAt: job.deadAt.toISOString(),
  };
}

function printJobs(io: CliIo, jobs: DeadJob[]): void {
  if (jobs.length === 0) {
    io.stdout.write('No jobs in the dead-letter queues.\n');
    return;
  }
  io.stdout.write('\nJobs that exhausted their retries:\n');
  for (const job of jobs) {
    io.stdout.write(
      `${job.id}  ${job.sourceQueue ?? job.queue}  ${formatTime(job.deadAt)}  ${oneLine(JSON.stringify(job.data), 80)}  ${oneLine(job.error ?? '-', 100)}\n`,
    );
  }
  io.stdout.write(`${jobs.length} job(s). \`verbatim dead-letters show|retry|discard ID\` acts on one.\n`);
}

function printJob(io: CliIo, job: DeadJob): void {
  const lines = [
    `Dead job ${job.id}`,
    `  queue:        ${job.sourceQueue ?? '-'} (kept in ${job.queue})`,
    `  data:         ${oneLine(JSON.stringify(job.data), 500)}`,
    `  error:        ${oneLine(job.error ?? '-', 1000)}`,
    `  retries:      ${job.retries ?? '-'}`,
    `  created:      ${job.createdAt ? formatTime(job.createdAt) : '-'}`,
    `  dead since:   ${formatTime(job.deadAt)}`,
  ];
  io.stdout.write(`${lines.join('\n')}\n`);
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
  let raw: Buffer = Buffer.from(letter.raw);
  // An inbox entry holds the mail base64 in JSON: show the mail itself.
  if (letter.source === 'inbox:email') {
    const stored = readInboxMail(raw);
    if (stored) {
      io.stdout.write(
        `  stored mail:  ${stored.route}, ${stored.contentType}, ${stored.raw.length} bytes, received ${formatTime(stored.receivedAt)}\n`,
      );
      raw = stored.raw;
    }
  }
  const text = raw.toString('utf8');
  const rawLines = text.split(/\r?\n/);
  io.stdout.write(
    `\nRaw bytes, first ${Math.min(SHOW_LINES, rawLines.length)} of ${rawLines.length} lines:\n`,
  );
  for (const line of rawLines.slice(0, SHOW_LINES)) io.stdout.write(`  | ${printable(line)}\n`);
  if (rawLines.length > SHOW_LINES) io.stdout.write('  | …\n');
}

function readInboxMail(raw: Buffer) {
  try {
    const read = readStoredMail(JSON.parse(raw.toString('utf8')));
    return read.ok ? read.mail : null;
  } catch {
    return null;
  }
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

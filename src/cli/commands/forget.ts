import { userInfo } from 'node:os';
import { createLogger } from '../../logging/create-logger.ts';
import { createSlackWebClient } from '../../slack/create-slack-web-client.ts';
import { retractSlackPosts } from '../../slack/retract-slack-posts.ts';
import {
  type ErasureReport,
  type ErasureSubject,
  eraseSubject,
  recordErasedPosts,
} from '../../storage/erase-subject.ts';
import { type CliCommand, type CliIo, UsageError } from '../cli-command.ts';
import { loadConfigOrExplain } from '../load-config-or-explain.ts';
import { openStorageOrExplain } from '../open-storage-or-explain.ts';

const SUBJECT_FLAGS = { '--email': 'email', '--slack-user': 'slack-user', '--account': 'account' } as const;

/**
 * `verbatim forget --email ADDRESS | --slack-user ID | --account ID [--dry-run] [--by NAME]`:
 * shows what will be erased (a rehearsal of the erasure, rolled back), then erases it in one
 * transaction, records who ran it and the counts, and edits the routed posts that showed the words
 * to a removal notice through the Slack API.
 */
export const forgetCommand: CliCommand = {
  name: 'forget',
  summary: 'erase a person or an account: messages, requests, audit records, quotes; edit their posts',
  usage: 'verbatim forget --email ADDRESS | --slack-user ID | --account ID [--dry-run] [--by NAME]',
  async run(args, io) {
    const { subject, dryRun, by } = parseArgs(args, io);
    const config = loadConfigOrExplain(io);
    if (!config) return 1;
    const storage = await openStorageOrExplain(config, io);
    if (!storage) return 1;
    try {
      const at = new Date();
      const plan = await eraseSubject(storage.db, subject, { actor: by, at, dryRun: true });
      printReport(io, plan, subject);
      if (plan.requests === 0 && plan.messages === 0 && Object.keys(plan.rows).length === 0) {
        io.stdout.write('nothing stored matches; nothing to erase\n');
        return 0;
      }
      if (dryRun) {
        io.stdout.write('dry run: nothing was erased\n');
        return 0;
      }
      const done = await eraseSubject(storage.db, subject, { actor: by, at, dryRun: false });
      io.stdout.write(
        `✓ erased in one transaction (${done.requests} request(s), ${done.messages} message(s)); erasure recorded by ${by}\n`,
      );
      const slackPosts = done.posts.flatMap((post) =>
        post.destination.platform === 'slack' && post.destination.channel
          ? [{ channel: post.destination.channel, ts: post.postId }]
          : [],
      );
      const elsewhere = done.posts.length - slackPosts.length;
      let edited = 0;
      if (slackPosts.length > 0) {
        if (!config.env.SLACK_BOT_TOKEN) {
          io.stderr.write(
            `✗ ${slackPosts.length} Slack post(s) still show the erased words, but SLACK_BOT_TOKEN is not set: set it and edit them (channels ${[...new Set(slackPosts.map((post) => post.channel))].join(', ')})\n`,
          );
          return 1;
        }
        const client = createSlackWebClient({
          token: config.env.SLACK_BOT_TOKEN,
          apiUrl: config.env.SLACK_API_URL,
          purpose: 'delivery',
          logger: createLogger({ level: 'warn', pretty: false, secrets: [config.env.SLACK_BOT_TOKEN] }),
        });
        edited = await retractSlackPosts(client, slackPosts);
        io.stdout.write(`✓ ${edited} Slack message(s) edited to a removal notice\n`);
      }
      if (elsewhere > 0) {
        io.stdout.write(
          `! ${elsewhere} post(s) on other platforms (console, Teams) cannot be edited from here\n`,
        );
      }
      await recordErasedPosts(storage.db, edited);
      return 0;
    } finally {
      await storage.close();
    }
  },
};

function parseArgs(args: string[], io: CliIo): { subject: ErasureSubject; dryRun: boolean; by: string } {
  let subject: ErasureSubject | null = null;
  let dryRun = false;
  let by = io.env['USER'] || safeUserName();
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === '--dry-run') dryRun = true;
    else if (arg === '--by') by = requireValue(args[++index], '--by');
    else if (arg in SUBJECT_FLAGS) {
      if (subject) throw new UsageError('name exactly one of --email, --slack-user, --account');
      const value = requireValue(args[++index], arg).trim();
      const kind = SUBJECT_FLAGS[arg as keyof typeof SUBJECT_FLAGS];
      if (kind === 'email' && !/^[^@\s]+@[^@\s]+$/.test(value))
        throw new UsageError(`"${value}" is not an email address`);
      subject = { kind, value };
    } else throw new UsageError(`unknown argument "${arg}"`);
  }
  if (!subject) throw new UsageError('name whom to forget: --email, --slack-user or --account');
  return { subject, dryRun, by };
}

function requireValue(value: string | undefined, flag: string): string {
  if (!value || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
  return value;
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

function printReport(io: CliIo, report: ErasureReport, subject: ErasureSubject): void {
  io.stdout.write(`to erase for ${subject.kind} ${subject.value}:\n`);
  io.stdout.write(`  ${report.requests} request(s), ${report.messages} message(s)\n`);
  for (const [table, count] of Object.entries(report.rows).sort())
    io.stdout.write(`  ${table}: ${count} row(s)\n`);
  io.stdout.write(`  ${report.posts.length} routed post(s) and notes to edit to a removal notice\n`);
}

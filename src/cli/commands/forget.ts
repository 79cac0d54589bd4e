import { userInfo } from 'node:os';
import { DestinationSchema, describeDestination } from '../../core/directory.ts';
import { retractErasedPosts } from '../../core/pipeline/retract-erased-posts.ts';
import type { PostRef } from '../../core/ports.ts';
import {
  type ErasedPost,
  type ErasureReport,
  type ErasureSubject,
  eraseSubject,
  recordErasedPosts,
} from '../../storage/erase-subject.ts';
import { type CliCommand, type CliIo, UsageError } from '../cli-command.ts';
import { createPostRetractors } from '../create-post-retractors.ts';
import { loadConfigOrExplain } from '../load-config-or-explain.ts';
import { openStorageOrExplain } from '../open-storage-or-explain.ts';
import { parseCommandArgs } from '../parse-command-args.ts';

const PLATFORM_NAMES: Record<string, string> = { slack: 'Slack', teams: 'Teams' };

/** The subject kinds, each named by the option of the same name. */
const SUBJECT_KINDS = ['email', 'slack-user', 'account'] as const satisfies ReadonlyArray<
  ErasureSubject['kind']
>;

/**
 * `verbatim forget --email ADDRESS | --slack-user ID | --account ID [--dry-run] [--by NAME]`:
 * shows what will be erased (a rehearsal of the erasure, rolled back), then erases it in one
 * transaction, records who ran it and the counts, and edits the routed posts that showed the words
 * (and Verbatim's replies in their threads) to a removal notice through each platform's
 * PostRetractor (Slack, Teams). A message that cannot be edited is listed and the command exits 1;
 * the erasure stands either way.
 */
export const forgetCommand: CliCommand = {
  name: 'forget',
  summary: 'erase a person or an account: messages, requests, audit records, quotes; edit their posts',
  usage: 'verbatim forget --email ADDRESS | --slack-user ID | --account ID [--dry-run] [--by NAME]',
  help: [
    '--email ADDRESS  a person, by email address',
    '--slack-user ID  a person, by Slack user id (U0123ABC)',
    '--account ID     an account from the directory, everything stored for it',
    '--dry-run        show what would be erased; nothing changes',
    '--by NAME        who asked, recorded with the erasure (default: $USER)',
  ].join('\n'),
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
      const { refs, unreadable } = toPostRefs(done.posts, io);
      const outcome = await retractErasedPosts(createPostRetractors(config, storage.keyv), refs);
      for (const [platform, count] of Object.entries(outcome.editedOn))
        io.stdout.write(
          `✓ ${count} ${PLATFORM_NAMES[platform] ?? platform} message(s) edited to a removal notice\n`,
        );
      if (outcome.notEditable.length > 0)
        io.stdout.write(
          `  ${outcome.notEditable.length} console post(s) were only printed: nothing to edit\n`,
        );
      await recordErasedPosts(storage.db, outcome.edited);
      if (outcome.failed.length > 0 || unreadable > 0) {
        // The erasure stands; these messages are what an operator still has to delete or edit by hand.
        for (const failure of outcome.failed)
          io.stderr.write(
            `✗ could not edit ${describeDestination(failure.ref.destination)} message ${failure.ref.id}: ${failure.reason}\n`,
          );
        io.stderr.write(
          `✗ ${outcome.failed.length + unreadable} message(s) may still show the erased words: delete or edit them by hand (the erasure itself is done)\n`,
        );
        return 1;
      }
      return 0;
    } finally {
      await storage.close();
    }
  },
};

function parseArgs(args: string[], io: CliIo): { subject: ErasureSubject; dryRun: boolean; by: string } {
  const { values } = parseCommandArgs(args, {
    email: { type: 'string', multiple: true },
    'slack-user': { type: 'string', multiple: true },
    account: { type: 'string', multiple: true },
    'dry-run': { type: 'boolean' },
    by: { type: 'string' },
  });
  const named = SUBJECT_KINDS.flatMap((kind) => (values[kind] ?? []).map((value) => ({ kind, value })));
  if (named.length === 0) throw new UsageError('name whom to forget: --email, --slack-user or --account');
  if (named.length > 1) throw new UsageError('name exactly one of --email, --slack-user, --account');
  const { kind } = named[0]!;
  const value = named[0]!.value.trim();
  if (value === '') throw new UsageError(`--${kind} needs a value`);
  if (kind === 'email' && !/^[^@\s]+@[^@\s]+$/.test(value))
    throw new UsageError(`"${value}" is not an email address`);
  if (values.by?.trim() === '') throw new UsageError('--by needs a value');
  return {
    subject: { kind, value },
    dryRun: values['dry-run'] === true,
    by: values.by ?? (io.env['USER'] || safeUserName()),
  };
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

/** Stored destinations read back at the boundary; one that no longer parses is reported, not dropped. */
function toPostRefs(posts: ErasedPost[], io: CliIo): { refs: PostRef[]; unreadable: number } {
  const refs: PostRef[] = [];
  let unreadable = 0;
  for (const post of posts) {
    const destination = DestinationSchema.safeParse(post.destination);
    if (destination.success) refs.push({ destination: destination.data, id: post.postId });
    else {
      unreadable += 1;
      io.stderr.write(
        `✗ could not edit message ${post.postId}: its stored destination ${JSON.stringify(post.destination)} is not one Verbatim knows\n`,
      );
    }
  }
  return { refs, unreadable };
}

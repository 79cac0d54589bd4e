import type { Verbatim } from '../compose-verbatim.ts';
import type { CustomerMessageInput } from '../core/customer-message.ts';
import type { IngestOutcome } from '../core/ports.ts';
import { resolveAccount } from '../core/resolve-account.ts';
import type { ExportMemberEvent } from '../slack/export/read-slack-export.ts';
import { createProgressLine } from './progress-line.ts';

export interface ReplayStats {
  outcomes: Record<IngestOutcome['status'], number>;
  memberEvents: number;
}

/**
 * Feeds historical messages through the real pipeline in the order they were sent. Idempotent:
 * messages already stored come back as duplicates, so an interrupted replay can simply be re-run.
 */
export async function replayHistory(
  verbatim: Pick<Verbatim, 'ingest' | 'recordAccountEvent' | 'claimOnce' | 'directory'>,
  input: {
    messages: CustomerMessageInput[];
    memberEvents: ExportMemberEvent[];
    progress: NodeJS.WritableStream;
  },
): Promise<ReplayStats> {
  const outcomes: ReplayStats['outcomes'] = {
    accepted: 0,
    'follow-up': 0,
    duplicate: 0,
    noise: 0,
    'staff-reply': 0,
  };
  const bar = createProgressLine(input.progress, 'ingesting', input.messages.length);
  for (const [index, message] of input.messages.entries()) {
    const outcome = await verbatim.ingest(message);
    outcomes[outcome.status] += 1;
    bar.update(index + 1);
  }
  bar.done();
  let memberEvents = 0;
  for (const event of input.memberEvents) {
    const key = `member-event:${event.conversation}:${event.userId}:${event.kind}:${event.at.toISOString()}`;
    if (!(await verbatim.claimOnce(key))) continue;
    const account = resolveAccount(verbatim.directory.accounts, { conversation: event.conversation });
    await verbatim.recordAccountEvent({
      accountId: account?.id ?? null,
      conversation: event.conversation,
      kind: event.kind,
      actor: { id: event.userId, name: event.name },
      at: event.at,
    });
    memberEvents += 1;
  }
  return { outcomes, memberEvents };
}

/** Waits until every request is triaged and every triage and delivery job has run. */
export async function waitForPipeline(
  verbatim: Pick<Verbatim, 'storage' | 'jobs'>,
  progress: NodeJS.WritableStream,
  options: { timeoutMs?: number; posting: boolean },
): Promise<void> {
  const total = Number(
    (await verbatim.storage.db.query<{ n: number }>('SELECT count(*)::int AS n FROM requests')).rows[0]?.n ??
      0,
  );
  const bar = createProgressLine(progress, options.posting ? 'triaging and routing' : 'triaging', total);
  const deadline = Date.now() + (options.timeoutMs ?? 10 * 60_000);
  let lastDone = -1;
  let lastProgressAt = Date.now();
  for (;;) {
    const { rows } = await verbatim.storage.db.query<{ done: number }>(
      options.posting
        ? 'SELECT count(*)::int AS done FROM requests WHERE routed_at IS NOT NULL'
        : 'SELECT count(*)::int AS done FROM requests WHERE triaged_at IS NOT NULL',
    );
    const done = Number(rows[0]?.done ?? 0);
    bar.update(done);
    const busy = (await verbatim.jobs.queueCounts())
      .filter((count) => count.queue === 'triage' || count.queue === 'deliver')
      .some((count) => count.queued + count.active > 0);
    if (done >= total && !busy) break;
    if (done !== lastDone) {
      lastDone = done;
      lastProgressAt = Date.now();
    }
    // No request finished for a minute: something is stuck; say so instead of waiting on.
    if (Date.now() > deadline || Date.now() - lastProgressAt > 60_000) {
      throw new Error(`the pipeline stopped making progress: ${done} of ${total} requests done`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  bar.done();
}

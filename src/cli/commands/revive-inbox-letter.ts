import type { createDeadLetterStore, StoredDeadLetter } from '../../storage/dead-letter-store.ts';
import type { InboxStore } from '../../storage/inbox-store.ts';
import type { CliIo } from '../cli-command.ts';

/** Dead letters the inbox worker kept (`inbox:slack`, `inbox:teams`, …): their entry is still in the inbox. */
export function isInboxLetter(letter: Pick<StoredDeadLetter, 'source'>): boolean {
  // An `inbox:email` letter holds the mail itself and is retried by reading it (dead-letters.ts).
  return letter.source.startsWith('inbox:') && letter.source !== 'inbox:email';
}

/**
 * Retries an inbox dead letter the way the inbox does everything: its stored entry gets a fresh
 * set of attempts, and the inbox worker of a running `verbatim start` processes it again with the
 * adapter's own processor (look-ups included). Nothing is read here, so no adapter needs to be
 * configured in this process. Exits 1 when the entry is no longer dead (revived already).
 */
export async function reviveInboxLetter(
  deps: {
    letters: Pick<ReturnType<typeof createDeadLetterStore>, 'markRetried'>;
    inbox: Pick<InboxStore, 'revive'>;
  },
  letter: StoredDeadLetter,
  now: Date,
  io: CliIo,
): Promise<number> {
  const inboxId = letter.meta?.['inboxId'];
  if (typeof inboxId !== 'string' && typeof inboxId !== 'number') {
    io.stderr.write(`✗ dead letter ${letter.id} (${letter.source}) does not say which inbox entry it was\n`);
    return 1;
  }
  if (!(await deps.inbox.revive(String(inboxId)))) {
    io.stderr.write(
      `✗ dead letter ${letter.id}: inbox entry ${inboxId} is no longer dead (revived already, or processed)\n`,
    );
    return 1;
  }
  await deps.letters.markRetried(letter.id, `revived inbox entry ${inboxId}`, now);
  io.stdout.write(
    `dead letter ${letter.id}: inbox entry ${inboxId} (${letter.source}) has fresh attempts; the inbox worker of \`verbatim start\` processes it again\n`,
  );
  return 0;
}

import type { CustomerMessage, CustomerMessageInput } from '../customer-message.ts';
import type { IngestOutcome } from '../ports.ts';
import { ingestCustomerMessage, ingestMessage, prepareMessage } from './ingest-message.ts';
import type { PipelineDeps } from './pipeline-deps.ts';

/**
 * Ingests messages that arrived together (group commit: see compose-verbatim.ts) in one
 * transaction, with the same decisions `ingestMessage` takes for each: the customer messages run
 * one after the other, in the order they were sent, through the very code a single message runs,
 * against a transaction that reads their ids, threads and conversations once and writes
 * set-based at the end. Two messages of one thread in a batch therefore join one request, and a
 * message delivered twice in a batch is stored once.
 *
 * One result per input, in order. A batch that fails (one bad message, a lost race that outlived
 * the retries) is rolled back whole and each message is ingested again on its own, so only the
 * message that fails alone reports failure and the inbox retries only its entry. Staff messages
 * and lone messages take the single-message path.
 */
export async function ingestMessages(
  deps: PipelineDeps,
  inputs: CustomerMessageInput[],
  options: {
    /** Told when a batch failed and its messages are ingested one by one (for a log line). */
    onBatchFailed?: (error: unknown, size: number) => void;
  } = {},
): Promise<Array<PromiseSettledResult<IngestOutcome>>> {
  const results: Array<PromiseSettledResult<IngestOutcome> | undefined> = new Array(inputs.length);
  const batch: Array<{ index: number; message: CustomerMessage }> = [];
  const alone: number[] = [];
  inputs.forEach((input, index) => {
    try {
      const message = prepareMessage(deps, input);
      if (message.author.external) batch.push({ index, message });
      else alone.push(index);
    } catch (error) {
      results[index] = { status: 'rejected', reason: error };
    }
  });
  if (batch.length < 2) alone.push(...batch.map((item) => item.index));
  else {
    // Sent order (stable for equal times), so a thread's first message opens its request.
    batch.sort((a, b) => a.message.sentAt.getTime() - b.message.sentAt.getTime() || a.index - b.index);
    try {
      const outcomes = await deps.store.atomicallyBatch(
        {
          lockKeys: batch.map((item) => `conversation:${item.message.conversation}`),
          messages: batch.map((item) => item.message),
        },
        async (tx) => {
          const done: IngestOutcome[] = [];
          for (const item of batch) done.push(await ingestCustomerMessage(deps, tx, item.message));
          return done;
        },
      );
      batch.forEach((item, position) => {
        results[item.index] = { status: 'fulfilled', value: outcomes[position] as IngestOutcome };
      });
    } catch (error) {
      options.onBatchFailed?.(error, batch.length);
      // Nothing of the batch was committed: each message gets its own transaction and its own fate.
      alone.push(...batch.map((item) => item.index));
    }
  }
  const single = await Promise.allSettled(
    alone.map((index) => ingestMessage(deps, inputs[index] as CustomerMessageInput)),
  );
  alone.forEach((index, position) => {
    results[index] = single[position];
  });
  return results as Array<PromiseSettledResult<IngestOutcome>>;
}

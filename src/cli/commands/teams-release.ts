import { createDeliveryRecords } from '../../teams/delivery-records.ts';
import { type CliCommand, UsageError } from '../cli-command.ts';
import { loadConfigOrExplain } from '../load-config-or-explain.ts';
import { openStorageOrExplain } from '../open-storage-or-explain.ts';

/**
 * `verbatim teams-release KEY`: after a crash (or lost answer) a Teams post may or may not have
 * been made, and Verbatim does not guess (a guess could post twice). An operator who checked the
 * channel and found no post releases the attempt; the next delivery retry posts it once.
 */
export const teamsReleaseCommand: CliCommand = {
  name: 'teams-release',
  summary: 'release an uncertain Teams delivery after checking the channel has no such post',
  usage: 'verbatim teams-release DELIVERY_KEY   (the key is in the DeliveryUncertainError message)',
  async run(args, io) {
    const [key, ...rest] = args;
    if (!key || rest.length > 0) throw new UsageError('give exactly one delivery key');
    const config = loadConfigOrExplain(io);
    if (!config) return 1;
    const storage = await openStorageOrExplain(
      config,
      io,
      'stop `verbatim start` first, or use DATABASE_URL',
    );
    if (!storage) return 1;
    try {
      const released = await createDeliveryRecords(storage.keyv).release(key);
      io.stdout.write(
        released
          ? `✓ released ${key}: the next retry of its delivery job posts it\n`
          : `✗ no uncertain Teams delivery ${key} (already posted, released, or never attempted)\n`,
      );
      return released ? 0 : 1;
    } finally {
      await storage.close();
    }
  },
};

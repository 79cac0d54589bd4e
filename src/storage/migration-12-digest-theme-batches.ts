import type { Migration } from './migrations.ts';

/**
 * A digest prepared ahead of its posting time keeps the Message Batch that names its emerging
 * themes; null once settled (every digest stored before this is final).
 */
export const migration12DigestThemeBatches: Migration = {
  id: 12,
  name: 'digests prepared ahead keep the batch that names their emerging themes',
  sql: `ALTER TABLE digests ADD COLUMN theme_batch jsonb`,
};

import type { Migration } from './migrations.ts';

/**
 * Every write of a request row bumps `version`; `saveRequest` only writes when the version it
 * read is still the stored one (compare-and-set), so a stale copy can never undo another
 * writer's change. See docs/architecture.md, "One writer discipline".
 */
export const migration4RequestVersion: Migration = {
  id: 4,
  name: 'request version for compare-and-set writes',
  sql: `ALTER TABLE requests ADD COLUMN version integer NOT NULL DEFAULT 0`,
};

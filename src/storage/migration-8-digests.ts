import type { Migration } from './migrations.ts';

/** Weekly digests computed once per week and scope, and their posts claimed once per destination. */
export const migration8Digests: Migration = {
  id: 8,
  name: 'weekly digests stored per week and scope, posts claimed once per destination',
  sql: `
    CREATE TABLE digests (
      week text NOT NULL,
      scope text NOT NULL,
      digest jsonb NOT NULL,
      computed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (week, scope)
    );

    CREATE TABLE digest_posts (
      week text NOT NULL,
      scope text NOT NULL,
      destination text NOT NULL,
      late boolean NOT NULL DEFAULT false,
      claimed_at timestamptz NOT NULL DEFAULT now(),
      lease_until timestamptz NOT NULL,
      post_id text,
      posted_at timestamptz,
      chart text,
      PRIMARY KEY (week, scope, destination)
    );
    CREATE INDEX requests_opened_at ON requests (opened_at)
  `,
};

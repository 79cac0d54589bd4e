import pg from 'pg';

/** Where the accepted work stands, read from the bot's PostgreSQL database. */
export interface StageProbe {
  /** One line: inbox backlog, requests, triage and deliver jobs by state, routed posts. */
  sample(): Promise<string>;
  close(): Promise<void>;
}

/**
 * Reads the chaos bot's database from the driver, so a slow drain can be placed in a stage
 * (inbox, triage, deliver) and a stall told apart from throughput. PostgreSQL only: an embedded
 * PGlite database is open in the bot's process alone.
 */
export function openStageProbe(url: string): StageProbe {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  // The database restart of the chaos run drops this connection too; the next sample reconnects.
  pool.on('error', () => {});
  return {
    async sample() {
      try {
        const [counts, jobs] = await Promise.all([
          pool.query<{ inbox: string; requests: string; triaged: string; routed: string }>(`
            SELECT (SELECT count(*) FROM inbox WHERE processed_at IS NULL AND dead_at IS NULL) AS inbox,
                   (SELECT count(*) FROM requests) AS requests,
                   (SELECT count(*) FROM requests WHERE triaged_at IS NOT NULL) AS triaged,
                   (SELECT count(*) FROM routed_posts) AS routed`),
          pool.query<{ name: string; state: string; count: string }>(`
            SELECT name, state::text, count(*) FROM pgboss.job
             WHERE name IN ('triage', 'deliver') AND state IN ('created', 'retry', 'active')
             GROUP BY 1, 2`),
        ]);
        const row = counts.rows[0]!;
        const job = (name: string, state: string) =>
          jobs.rows.find((r) => r.name === name && r.state === state)?.count ?? '0';
        const queue = (name: string) =>
          `${name} ${job(name, 'created')}+${job(name, 'retry')}r/${job(name, 'active')}a`;
        return `inbox ${row.inbox}, requests ${row.requests}, triaged ${row.triaged}, ${queue('triage')}, ${queue('deliver')}, routed ${row.routed}`;
      } catch (error) {
        return `database not readable (${(error as Error).message})`;
      }
    },
    async close() {
      await pool.end();
    },
  };
}

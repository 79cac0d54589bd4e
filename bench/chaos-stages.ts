import pg from 'pg';

/** Where the accepted work stands, read from the bot's PostgreSQL database. */
export interface StageProbe {
  /** One line: inbox backlog, requests, triage and deliver jobs by state, routed posts. */
  sample(): Promise<string>;
  /** Per queue: jobs completed, how long they waited to start and how long they ran (p50 / p95). */
  timings(): Promise<string[]>;
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
    async timings() {
      const { rows } = await pool.query<{
        name: string;
        jobs: string;
        wait50: number;
        wait95: number;
        run50: number;
        run95: number;
      }>(`
        SELECT name, count(*) AS jobs,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM started_on - start_after)) AS wait50,
               percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM started_on - start_after)) AS wait95,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM completed_on - started_on)) AS run50,
               percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM completed_on - started_on)) AS run95
          FROM pgboss.job
         WHERE name IN ('triage', 'deliver') AND state = 'completed'
         GROUP BY 1 ORDER BY 1 DESC`);
      const ms = (seconds: number) => `${Math.round(seconds * 1000)} ms`;
      return rows.map(
        (r) =>
          `${r.name}: ${r.jobs} completed; waited ${ms(r.wait50)} / ${ms(r.wait95)}, ran ${ms(r.run50)} / ${ms(r.run95)} (p50 / p95; last attempt)`,
      );
    },
    async close() {
      await pool.end();
    },
  };
}

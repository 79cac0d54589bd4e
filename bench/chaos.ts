/**
 * `npm run chaos [-- messages=1000 kills=10 backends=pglite,postgres]`: kills the bot with
 * SIGKILL at random moments while customer messages arrive (bench/chaos-run.ts) and prints, per
 * backend, accepted, routed exactly once, lost, doubled and the time from the last restart until
 * every accepted message was routed. Exits non-zero unless lost and doubled are 0 and everything
 * was routed within 60 s of the last restart. PostgreSQL: TEST_DATABASE_URL (or
 * CHAOS_DATABASE_URL) names a server on which a scratch database is made; that server is also
 * restarted once mid-stream with CHAOS_DB_RESTART_COMMAND (default: Debian's `pg_ctlcluster` for
 * the one installed cluster; `dbRestart=0` skips it). It restarts the whole server: run it on a
 * machine where nothing else uses that server at the time. `postIntervalMs=1000` keeps Slack's
 * one post per second per channel (default 0: unpaced, so the run measures recovery, not pacing).
 * On PostgreSQL the run prints every 5 s where the work stands (inbox, triage and deliver jobs,
 * routed) and, at the end, how long jobs waited and ran.
 */
import { execSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { type ChaosResult, runChaos } from './chaos-run.ts';

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, value] = arg.split('=');
    return [key, value];
  }),
);
const messages = Number(args['messages'] ?? 1000);
const kills = Number(args['kills'] ?? 10);
const databaseUrl = process.env['CHAOS_DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'];
const backends = (args['backends'] ?? (databaseUrl ? 'pglite,postgres' : 'pglite')).split(',') as Array<
  'pglite' | 'postgres'
>;

const restartCommand =
  process.env['CHAOS_DB_RESTART_COMMAND'] ??
  'pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main restart';
const restartDatabase = async () => {
  execSync(restartCommand, { stdio: 'inherit', shell: '/bin/sh' });
};

const results: ChaosResult[] = [];
for (const backend of backends) {
  console.log(
    `chaos on ${backend}: ${messages} messages, ${kills} kills (load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')})`,
  );
  const result = await runChaos({
    backend,
    messages,
    kills,
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(args['postIntervalMs'] ? { postIntervalMs: Number(args['postIntervalMs']) } : {}),
    ...(backend === 'postgres' && args['dbRestart'] !== '0' ? { restartDatabase } : {}),
    log: (line) => console.log(`  ${line}`),
  });
  results.push(result);
}
console.table(
  results.map((r) => ({
    backend: r.backend,
    messages: r.messages,
    kills: r.kills,
    accepted: r.accepted,
    'routed once': r.routedOnce,
    lost: r.lost,
    doubled: r.doubled,
    'routed after last restart (s)':
      r.routedAfterRestartMs === null ? 'not all' : (r.routedAfterRestartMs / 1000).toFixed(1),
    ok: r.ok,
  })),
);
console.log(
  `load average at the end: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
process.exit(results.every((r) => r.ok) ? 0 : 1);

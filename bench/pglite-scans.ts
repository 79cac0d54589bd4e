// `node [flags] bench/pglite-scans.ts [rounds=5]`: a standalone PGlite (16 MB shared buffers) with 200,000
// rows, four aggregate statements timed per round, and the process's RSS at the end: how Node flags
// and glibc variables (MALLOC_ARENA_MAX …) change PGlite's scan speed (docs/performance.md, "Memory").
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';

const db = await PGlite.create({ startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'] });
await db.exec(`create table m (id serial primary key, account text, team text, priority int, at timestamptz, body text);
insert into m (account, team, priority, at, body)
select 'acct' || (i % 50), 'team' || (i % 7), i % 4, now() - (i || ' minutes')::interval, repeat('x', 200) || i
from generate_series(1, 200000) i;`);
const queries = [
  `select account, count(*), avg(priority), max(at) from m group by account order by 2 desc`,
  `select team, priority, count(*) from m where at > now() - interval '60 days' group by 1, 2`,
  `select date_trunc('day', at) d, count(*), sum(length(body)) from m group by 1 order by 1`,
  `select count(distinct account || team) from m where body like '%99%'`,
];
const rounds = Number(process.argv[2] ?? 5);
const times = [];
for (let r = 0; r < rounds; r++) {
  const t = performance.now();
  for (const q of queries) await db.query(q);
  times.push(performance.now() - t);
}
const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]) / 1024;
console.log(
  JSON.stringify({
    flags: process.execArgv.join(' '),
    env: Object.entries(process.env)
      .filter(([k]) => k.startsWith('MALLOC_'))
      .map(([k, v]) => `${k}=${v}`)
      .join(' '),
    roundsMs: times.map((t) => Math.round(t)),
    rssMB: Math.round(rss),
  }),
);
await db.close();

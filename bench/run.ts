import { cpus, totalmem } from 'node:os';
import { benchAiCost } from './ai-cost.ts';
import { benchChurnHealth } from './churn-health.ts';
import { benchDigest } from './digest-time.ts';
import { benchEndToEnd } from './end-to-end-throughput.ts';
import { benchInboxWrites } from './inbox-write-throughput.ts';
import { benchIngestThroughput } from './ingest-throughput.ts';

// `npm run bench`: every benchmark, each against a baseline measured in the same run.
const only = process.argv[2];
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
console.log(`Verbatim benchmarks — ${new Date().toISOString().slice(0, 10)} — ${machine}`);

if (!only || only === 'ingest') {
  console.log('\nDurable ingest vs raw single-row INSERT (same payload, same database)');
  console.table(await benchIngestThroughput());
}
if (!only || only === 'inbox') {
  console.log(
    '\nInbox write (group commit) vs raw single-row INSERT (same payload, same database, 64 callers)',
  );
  console.table(await benchInboxWrites());
}
if (!only || only === 'e2e') {
  console.log('\nEnd to end (ingest → triage job → deliver job → routed post) with a fixed-latency analyzer');
  const { results, breakdowns } = await benchEndToEnd();
  console.table(results);
  console.log('Where the time went (ms since the workers started; job times from pg-boss rows)');
  // One column per backend: the labels are long.
  const byStep: Record<string, Record<string, string | number>> = {};
  for (const { backend, ...steps } of breakdowns)
    for (const [step, value] of Object.entries(steps))
      byStep[step] = { ...byStep[step], [String(backend)]: value };
  console.table(byStep);
}
if (!only || only === 'ai') {
  console.log(
    '\nAI cost per triage: calls, prompt-cache reads, tokens and cost (fake Messages API usage figures)',
  );
  console.table(await benchAiCost());
}
if (!only || only === 'slack') {
  console.log('\nSlack HTTP mode: response time of 500 signed events with a 2-second analyzer');
  // Its own process: it loads a worker thread for the load and owns its fake Slack.
  const { spawnSync } = await import('node:child_process');
  spawnSync(process.execPath, ['--import', 'tsx', 'bench/slack-ack-latency.ts'], { stdio: 'inherit' });
}
if (!only || only === 'digest') {
  console.log(
    '\nWeekly digest of 100,000 requests with an 8-week baseline of 900,000, vs one GROUP BY topic, week',
  );
  console.table(await benchDigest());
}
if (!only || only === 'churn') {
  console.log('\n/churn, the risk list and the nightly snapshot on a large store (docs/health.md)');
  console.table(await benchChurnHealth());
}

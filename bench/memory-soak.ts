/**
 * `npx tsx bench/memory-soak.ts [minutes=10] [rate=10]`: the bot (bench/chaos-bot.ts, Slack HTTP
 * mode against the fake Slack Web API) receives customer messages at a steady `rate` per second
 * for `minutes`; its resident set size is read from /proc every 15 s. Prints RSS after a one-minute
 * warm-up, its lowest, highest and last value, the drift from warm-up to the end (the bar:
 * within ±10 %), and how many messages were sent and routed. PostgreSQL when BENCH_DATABASE_URL
 * (or TEST_DATABASE_URL) names a server (a scratch database is made on it), else embedded PGlite.
 * Linux only (/proc).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { signSlackRequest } from '../test/fakes/sign-slack-request.ts';
import { createScratchDatabase } from '../test/support/scratch-database.ts';
import { customerMessageEvent, startBenchSlack, TEAM_CHANNELS } from './bench-slack-workspace.ts';

const minutes = Number(process.argv[2] ?? 10);
const rate = Number(process.argv[3] ?? 10);
const SECRET = 'soak-signing-secret';
const WARM_UP_MS = 60_000;
const SAMPLE_MS = 15_000;

function rssMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

const slack = await startBenchSlack();

const server = process.env['BENCH_DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'];
const scratch = server ? await createScratchDatabase(server) : null;
const bot: ChildProcess = spawn(
  process.execPath,
  ['--import', 'tsx', join(import.meta.dirname, 'chaos-bot.ts')],
  {
    env: {
      ...process.env,
      CHAOS_DATA_DIR: mkdtempSync(join(tmpdir(), 'verbatim-soak-')),
      CHAOS_BOT_TOKEN: slack.botToken,
      CHAOS_SLACK_API_URL: slack.url,
      CHAOS_SIGNING_SECRET: SECRET,
      ...(scratch ? { CHAOS_DATABASE_URL: scratch.url } : {}),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const port = await new Promise<number>((resolve, reject) => {
  createInterface({ input: bot.stdout! }).on('line', (line) => {
    if (line.startsWith('{"port"')) resolve((JSON.parse(line) as { port: number }).port);
  });
  bot.once('exit', (code) => reject(new Error(`bot exited with ${code}`)));
});
const url = `http://127.0.0.1:${port}/slack/events`;
console.log(
  `soak: ${minutes} min at ${rate} messages/s on ${scratch ? 'PostgreSQL' : 'embedded PGlite'}, bot pid ${bot.pid}`,
);

const baseSeconds = Math.floor(Date.now() / 1000) - (minutes * 60 * rate + 10) * 86_400;
let sent = 0;
let accepted = 0;
async function deliver(i: number): Promise<void> {
  const body = customerMessageEvent({
    i,
    baseSeconds,
    text: `Soak message ${i}: the export fails`,
    eventId: `EvSoak${i}`,
  });
  for (let attempt = 0; attempt < 20; attempt++) {
    const response = await fetch(url, {
      method: 'POST',
      headers: signSlackRequest({ body, signingSecret: SECRET }),
      body,
    }).catch(() => null);
    await response?.arrayBuffer();
    if (response?.ok) {
      accepted += 1;
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const started = Date.now();
const sender = setInterval(() => {
  void deliver(sent);
  sent += 1;
}, 1000 / rate);
const samples: Array<{ at: number; rss: number }> = [];
await new Promise((resolve) => setTimeout(resolve, WARM_UP_MS));
while (Date.now() - started < minutes * 60_000) {
  samples.push({ at: (Date.now() - started) / 1000, rss: rssMegabytes(bot.pid!) });
  console.log(`  ${samples.at(-1)!.at.toFixed(0)} s: RSS ${samples.at(-1)!.rss.toFixed(1)} MB, ${sent} sent`);
  await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
}
clearInterval(sender);
await new Promise((resolve) => setTimeout(resolve, 5000));
samples.push({ at: (Date.now() - started) / 1000, rss: rssMegabytes(bot.pid!) });
const routed = TEAM_CHANNELS.reduce(
  (sum, channel) =>
    sum +
    slack.messages(channel).filter((message) => JSON.stringify(message.blocks ?? []).includes('Soak message'))
      .length,
  0,
);
const first = samples[0]!.rss;
const last = samples.at(-1)!.rss;
const values = samples.map((sample) => sample.rss);
console.table([
  {
    database: scratch ? 'postgres' : 'pglite',
    'sent / accepted / routed': `${sent} / ${accepted} / ${routed}`,
    'RSS after warm-up (MB)': first.toFixed(1),
    'min (MB)': Math.min(...values).toFixed(1),
    'max (MB)': Math.max(...values).toFixed(1),
    'last (MB)': last.toFixed(1),
    'drift (bar ±10 %)': `${(((last - first) / first) * 100).toFixed(1)} %`,
  },
]);
bot.kill('SIGTERM');
await new Promise((resolve) => bot.once('exit', resolve));
await slack.close();
await scratch?.drop();

/**
 * `npx tsx bench/memory-soak.ts [minutes=10] [rate=10] [messages=N] [built]`: the bot
 * (bench/chaos-bot.ts, Slack HTTP mode against the fake Slack Web API) receives customer messages
 * at a steady `rate` per second for `minutes`, or until `messages` have been sent when given. Its
 * resident set size is read from /proc every 15 s, with the V8 breakdown (`process.memoryUsage()`)
 * the bot reports on SIGUSR2. Prints RSS after a one-minute warm-up, its lowest, highest and last
 * value, the drift from warm-up to the end (the issue's bar: within ±10 %), and how many messages
 * were sent, accepted and routed.
 *
 * `built` runs the compiled bot (`npm run build` first) with plain Node, as `npm start` does;
 * otherwise the TypeScript sources through tsx, whose loader then lives in the measured process.
 * `cli` runs production's own entry instead of the chaos bot: `bin/verbatim.js start` on the built
 * dist/, with the Node flags and environment variables of package.json's `start` script (read from
 * it), configured by environment only (the test config as VERBATIM_CONFIG, the fake Slack as
 * SLACK_API_URL, NODE_ENV=production) and so with production's defaults: Slack's pace of one post a
 * second per channel (routing falls behind at more than that; the backlog waits in the database),
 * job polling every second. Its memory report is preloaded (`--import bench/memory-report.ts`).
 * PostgreSQL when BENCH_DATABASE_URL (or TEST_DATABASE_URL) names a server (a scratch database
 * `verbatim_mem_…` is made on it), else embedded PGlite. BENCH_NODE_OPTIONS is passed to the bot's
 * Node (for example a heap limit to compare), BENCH_BOT_ENV (`NAME=value …`) to its environment.
 * Linux only (/proc).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { signSlackRequest } from '../test/fakes/sign-slack-request.ts';
import { createScratchDatabase } from '../test/support/scratch-database.ts';
import { TEST_CONFIG_YAML } from '../test/support/test-config-yaml.ts';
import { customerMessageEvent, startBenchSlack, TEAM_CHANNELS } from './bench-slack-workspace.ts';
import { rssByMapping } from './rss-by-mapping.ts';

// Positional `minutes rate` (the old form) or key=value; a bare word is a flag.
const positional = process.argv.slice(2).filter((arg) => !arg.includes('=') && /^\d/.test(arg));
const args = Object.fromEntries(
  process.argv
    .slice(2)
    .filter((arg) => !positional.includes(arg))
    .map((arg) => {
      const [key, value] = arg.split('=');
      return [key, value ?? '1'];
    }),
);
const rate = Number(args['rate'] ?? positional[1] ?? 10);
const messageLimit = args['messages'] ? Number(args['messages']) : null;
const minutes = Number(args['minutes'] ?? positional[0] ?? (messageLimit ? messageLimit / rate / 60 : 10));
const cli = args['cli'] === '1';
const built = args['built'] === '1' || cli;
const SECRET = 'soak-signing-secret';
const WARM_UP_MS = 60_000;
const SAMPLE_MS = 15_000;
// `drain=SECONDS`: how long to wait at the end for the last messages to be routed.
const DRAIN_MS = Number(args['drain'] ?? 120) * 1000;
// Ten minutes apart: past the grouping window (so each message is its own request), and 100,000
// messages still end in the past.
const SPACING_SECONDS = 600;

const root = join(import.meta.dirname, '..');
if (built && !existsSync(join(root, 'dist', 'compose-verbatim.js'))) {
  console.error('memory-soak built/cli: run `npm run build` first (dist/ is missing)');
  process.exit(1);
}

/**
 * The Node flags and environment of package.json's `start` script, e.g. `node bin/check-node-version.cjs
 * && exec node --max-semi-space-size=16 bin/verbatim.js start`: what follows the last `&&`, its
 * `NAME=value` words the environment, the words between `node` and `bin/verbatim.js` the flags.
 */
function startScript(): { flags: string[]; env: Record<string, string> } {
  const script = (
    JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } }
  ).scripts.start;
  const words = script.split('&&').at(-1)!.trim().split(/\s+/);
  const node = words.indexOf('node');
  const entry = words.indexOf('bin/verbatim.js');
  if (node < 0 || entry < node || words[entry + 1] !== 'start') {
    throw new Error(`memory-soak cli: cannot read package.json's start script: ${script}`);
  }
  const env = Object.fromEntries(
    words
      .slice(0, node)
      .filter((word) => /^[A-Z_][A-Z0-9_]*=/.test(word))
      .map((word) => [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)]),
  );
  return { flags: words.slice(node + 1, entry), env };
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

function rssMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

const slack = await startBenchSlack();

const server = process.env['BENCH_DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'];
const scratch = server ? await createScratchDatabase(server, 'verbatim_mem_') : null;
const botFile = join(import.meta.dirname, 'chaos-bot.ts');
const nodeOptions = (process.env['BENCH_NODE_OPTIONS'] ?? '').split(' ').filter(Boolean);
const botEnv = Object.fromEntries(
  (process.env['BENCH_BOT_ENV'] ?? '')
    .split(' ')
    .filter(Boolean)
    .map((word) => [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)]),
);
const dataDir = mkdtempSync(join(tmpdir(), 'verbatim-soak-'));
const start = cli ? startScript() : null;
const cliPort = cli ? await freePort() : 0;
let configFile = '';
if (cli) {
  configFile = join(dataDir, 'verbatim.config.yaml');
  writeFileSync(configFile, TEST_CONFIG_YAML);
}
const bot: ChildProcess = start
  ? spawn(
      process.execPath,
      [
        ...start.flags,
        ...nodeOptions,
        '--import',
        join(import.meta.dirname, 'memory-report.ts'),
        'bin/verbatim.js',
        'start',
      ],
      {
        cwd: root,
        // Only what production would have: no variables of this shell (DATABASE_URL, API keys).
        env: {
          PATH: process.env['PATH'] ?? '',
          HOME: process.env['HOME'] ?? '',
          NODE_ENV: 'production',
          VERBATIM_CONFIG: configFile,
          VERBATIM_DATA_DIR: join(dataDir, 'data'),
          ...(scratch ? { DATABASE_URL: scratch.url } : {}),
          SLACK_BOT_TOKEN: slack.botToken,
          SLACK_API_URL: slack.url,
          SLACK_SIGNING_SECRET: SECRET,
          PORT: String(cliPort),
          HOST: '127.0.0.1',
          LOG_LEVEL: 'warn',
          ...start.env,
          ...botEnv,
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    )
  : spawn(
      process.execPath,
      // Built: Node strips this one file's types itself; everything else it loads is dist/*.js.
      built ? [...nodeOptions, botFile] : [...nodeOptions, '--import', 'tsx', botFile],
      {
        env: {
          ...process.env,
          NODE_OPTIONS: '',
          CHAOS_DATA_DIR: dataDir,
          CHAOS_BOT_TOKEN: slack.botToken,
          CHAOS_SLACK_API_URL: slack.url,
          CHAOS_SIGNING_SECRET: SECRET,
          CHAOS_MEMORY_REPORT: '1',
          ...(built ? { CHAOS_BOT_BUILT: '1' } : {}),
          ...(scratch ? { CHAOS_DATABASE_URL: scratch.url } : {}),
          ...botEnv,
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
type MemoryUsage = ReturnType<typeof process.memoryUsage> & {
  spaces?: Record<string, { size: number; used: number }>;
};
let memoryWaiter: ((usage: MemoryUsage) => void) | null = null;
const port = await new Promise<number>((resolve, reject) => {
  createInterface({ input: bot.stdout! }).on('line', (line) => {
    if (line.startsWith('{"port"')) resolve((JSON.parse(line) as { port: number }).port);
    if (line.startsWith('{"memory"')) {
      const report = JSON.parse(line) as { memory: MemoryUsage; spaces: MemoryUsage['spaces'] };
      memoryWaiter?.({ ...report.memory, spaces: report.spaces });
    } else if (cli && line.trim()) console.log(`  bot: ${line}`);
  });
  bot.once('exit', (code) => reject(new Error(`bot exited with ${code}`)));
  // `verbatim start` prints no port: it is ready when /readyz answers 200.
  if (cli) {
    const poll = setInterval(() => {
      fetch(`http://127.0.0.1:${cliPort}/readyz`)
        .then((response) => {
          if (response.ok) {
            clearInterval(poll);
            resolve(cliPort);
          }
        })
        .catch(() => undefined);
    }, 200);
  }
});
async function botMemory(): Promise<MemoryUsage | null> {
  const reply = new Promise<MemoryUsage | null>((resolve) => {
    memoryWaiter = resolve;
    setTimeout(() => resolve(null), 2000);
  });
  bot.kill('SIGUSR2');
  return reply;
}
const url = `http://127.0.0.1:${port}/slack/events`;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
console.log(
  `soak: ${messageLimit ? `${messageLimit} messages` : `${minutes} min`} at ${rate} messages/s on ${
    scratch ? 'PostgreSQL' : 'embedded PGlite'
  }, ${
    start
      ? `verbatim start (${[...Object.entries(start.env).map(([k, v]) => `${k}=${v}`), ...start.flags].join(' ')})`
      : built
        ? 'built dist/ on plain Node'
        : 'sources through tsx'
  }${nodeOptions.length ? ` (${nodeOptions.join(' ')})` : ''}${
    Object.keys(botEnv).length ? ` [${process.env['BENCH_BOT_ENV']}]` : ''
  }, bot pid ${bot.pid}, load ${load()}`,
);

const total = messageLimit ?? Math.round(minutes * 60 * rate);
const baseSeconds = Math.floor(Date.now() / 1000) - (total + 10) * SPACING_SECONDS;
let sent = 0;
let accepted = 0;
let inFlight = 0;
let maxInFlight = 0;
async function deliver(i: number): Promise<void> {
  const body = customerMessageEvent({
    i,
    baseSeconds,
    text: `Soak message ${i}: the export fails`,
    eventId: `EvSoak${i}`,
    spacingSeconds: SPACING_SECONDS,
  });
  inFlight += 1;
  maxInFlight = Math.max(maxInFlight, inFlight);
  try {
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
  } finally {
    inFlight -= 1;
  }
}

// Every routed post lands in a team channel; only soak messages are sent, so counting posts is enough
// while running (the final count checks the text).
const posted = () => TEAM_CHANNELS.reduce((sum, channel) => sum + slack.messages(channel).length, 0);

const started = Date.now();
// Paced by the clock, not by timer callbacks: a late tick sends what is due.
const sender = setInterval(() => {
  const due = Math.min(total, Math.floor(((Date.now() - started) / 1000) * rate));
  while (sent < due) {
    void deliver(sent);
    sent += 1;
  }
  if (sent >= total) clearInterval(sender);
}, 20);
type Sample = { at: number; rss: number; memory: MemoryUsage | null };
const samples: Sample[] = [];
const mb = (bytes: number | undefined) => (bytes === undefined ? '?' : (bytes / 2 ** 20).toFixed(0));
async function sample(): Promise<void> {
  const memory = await botMemory();
  samples.push({ at: (Date.now() - started) / 1000, rss: rssMegabytes(bot.pid!), memory });
  const last = samples.at(-1)!;
  console.log(
    `  ${last.at.toFixed(0)} s: RSS ${last.rss.toFixed(1)} MB (heap ${mb(memory?.heapUsed)}/${mb(
      memory?.heapTotal,
    )}, external ${mb(memory?.external)}, arrayBuffers ${mb(memory?.arrayBuffers)}), ${sent} sent, ${posted()} routed, ${inFlight} in flight, load ${load()}`,
  );
  if (process.env['BENCH_HEAP_SPACES'] === '1' && memory?.spaces) {
    const spaces = Object.entries(memory.spaces).map(
      ([name, space]) => `${name} ${mb(space.used)}/${mb(space.size)}`,
    );
    console.log(`    V8 spaces (used/size MB): ${spaces.join(', ')}`);
  }
  if (process.env['BENCH_SMAPS'] === '1') console.log(`    RSS by mapping (MB): ${rssByMapping(bot.pid!)}`);
}
await new Promise((resolve) => setTimeout(resolve, WARM_UP_MS));
while (sent < total) {
  await sample();
  await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
}
const sendSeconds = (Date.now() - started) / 1000;
// Let the last messages arrive and route, so the final RSS is "after N messages".
const drainStarted = Date.now();
while ((inFlight > 0 || posted() < accepted) && Date.now() - drainStarted < DRAIN_MS) {
  await new Promise((resolve) => setTimeout(resolve, 1000));
}
const drainSeconds = (Date.now() - drainStarted) / 1000;
await sample();
const routed = TEAM_CHANNELS.reduce(
  (sum, channel) =>
    sum +
    slack.messages(channel).filter((message) => JSON.stringify(message.blocks ?? []).includes('Soak message'))
      .length,
  0,
);
const first = samples[0]!.rss;
const last = samples.at(-1)!.rss;
const values = samples.map((entry) => entry.rss);
console.table([
  {
    database: scratch ? 'postgres' : 'pglite',
    bot: cli ? 'verbatim start' : built ? 'dist' : 'tsx',
    'sent / accepted / routed': `${sent} / ${accepted} / ${routed}`,
    'sent in (s)': sendSeconds.toFixed(0),
    'drained in (s)': drainSeconds.toFixed(0),
    'max in flight': maxInFlight,
    'RSS after warm-up (MB)': first.toFixed(1),
    'min (MB)': Math.min(...values).toFixed(1),
    'max (MB)': Math.max(...values).toFixed(1),
    'last (MB)': last.toFixed(1),
    'drift (bar ±10 %)': `${(((last - first) / first) * 100).toFixed(1)} %`,
  },
]);
console.log(`load at the end ${load()}`);
bot.kill('SIGTERM');
await new Promise((resolve) => bot.once('exit', resolve));
await slack.close();
await scratch?.drop();

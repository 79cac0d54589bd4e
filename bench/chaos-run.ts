import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { signSlackRequest } from '../test/fakes/sign-slack-request.ts';
import { createScratchDatabase } from '../test/support/scratch-database.ts';
import { customerMessageEvent, startBenchSlack, TEAM_CHANNELS } from './bench-slack-workspace.ts';
import { openStageProbe, type StageProbe } from './chaos-stages.ts';

export interface ChaosOptions {
  backend: 'pglite' | 'postgres';
  /** Server for the postgres backend; a scratch database is made on it and dropped after. */
  databaseUrl?: string;
  messages: number;
  kills: number;
  /** Share of messages Slack delivers twice (default 0.1). */
  duplicateShare?: number;
  /** Longest wait, after the last restart, for every accepted message to be routed (ms). */
  routeWithinMs?: number;
  /** The bot's spacing of posts in one Slack channel (ms); default 0, unpaced (see chaos-bot.ts). */
  postIntervalMs?: number;
  /** Restarts the database server once, mid-stream, while the bot keeps running (PostgreSQL). */
  restartDatabase?: () => Promise<void>;
  log?: (line: string) => void;
}

export interface ChaosResult {
  backend: string;
  messages: number;
  kills: number;
  accepted: number;
  routedOnce: number;
  lost: number;
  doubled: number;
  /** From the bot's last restart until every accepted message was routed (ms); null if never. */
  routedAfterRestartMs: number | null;
  ok: boolean;
}

const SECRET = 'chaos-signing-secret';
const marker = (i: number) => `chaosmsg${String(i).padStart(5, '0')}x`;

/**
 * The chaos run: Verbatim in Slack HTTP mode as a child process; N customer messages are posted
 * to it as signed Events API requests (a share of them twice, as Slack's retries), while the bot
 * is killed with SIGKILL at random moments and started again. A request that got no 2xx is sent
 * again, like Slack would. Then it counts, in the fake Slack's channels, the routed posts that
 * quote each accepted message: exactly once, lost (none) or doubled (more).
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosResult> {
  const log = options.log ?? (() => {});
  const duplicateShare = options.duplicateShare ?? 0.1;
  const routeWithinMs = options.routeWithinMs ?? 60_000;
  const slack = await startBenchSlack();

  let scratch: { url: string; drop(): Promise<void> } | null = null;
  if (options.backend === 'postgres') {
    if (!options.databaseUrl)
      throw new Error('the postgres backend needs a database URL (TEST_DATABASE_URL)');
    scratch = await createScratchDatabase(options.databaseUrl);
  }
  const probe: StageProbe | null = scratch ? openStageProbe(scratch.url) : null;
  const startedAt = Date.now();
  // Every 5 s, where the work stands (PostgreSQL): which stage holds the backlog, over the whole run.
  const sampling = probe
    ? setInterval(async () => {
        log(`[${((Date.now() - startedAt) / 1000).toFixed(0)} s] ${await probe.sample()}`);
      }, 5000)
    : null;
  const botEnv: Record<string, string> = {
    CHAOS_DATA_DIR: mkdtempSync(join(tmpdir(), 'verbatim-chaos-')),
    CHAOS_BOT_TOKEN: slack.botToken,
    CHAOS_SLACK_API_URL: slack.url,
    CHAOS_SIGNING_SECRET: SECRET,
    CHAOS_POST_INTERVAL_MS: String(options.postIntervalMs ?? 0),
    ...(scratch ? { CHAOS_DATABASE_URL: scratch.url } : {}),
  };

  let bot: ChildProcess | null = null;
  let url: string | null = null;
  let lastRestart = 0;
  const start = async (): Promise<void> => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'chaos-bot.ts')], {
      env: { ...process.env, ...botEnv },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    bot = child;
    const port = await new Promise<number>((resolve, reject) => {
      const lines = createInterface({ input: child.stdout! });
      lines.on('line', (line) => {
        if (line.startsWith('{"port"')) resolve((JSON.parse(line) as { port: number }).port);
      });
      child.once('exit', (code) => reject(new Error(`chaos bot exited with ${code} before it was up`)));
    });
    url = `http://127.0.0.1:${port}/slack/events`;
    lastRestart = Date.now();
  };
  const kill = async (): Promise<void> => {
    const child = bot;
    if (!child) return;
    url = null;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  };

  const accepted = new Set<number>();
  const base = Math.floor(Date.now() / 1000) - (options.messages + 2) * 86_400;
  /** Sends one event until it gets a 2xx, like Slack (which retries a few times, then gives up; we do not). */
  async function deliver(i: number, copy: number): Promise<void> {
    const body = customerMessageEvent({
      i,
      baseSeconds: base,
      text: `Our export fails again ${marker(i)} please help`,
      eventId: `EvChaos${i}`,
    });
    for (let attempt = copy; ; attempt++) {
      const target = url;
      if (target) {
        try {
          const response = await fetch(target, {
            method: 'POST',
            headers: {
              ...signSlackRequest({ body, signingSecret: SECRET }),
              ...(attempt > 0
                ? { 'x-slack-retry-num': String(attempt), 'x-slack-retry-reason': 'http_timeout' }
                : {}),
            },
            body,
            signal: AbortSignal.timeout(3000),
          });
          await response.arrayBuffer();
          if (response.ok) {
            accepted.add(i);
            return;
          }
        } catch {
          // Connection refused or reset by the kill, or no answer in 3 s: Slack sends again.
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
    }
  }

  try {
    await start();
    let sent = 0;
    const sender = (async () => {
      const queue = Array.from({ length: options.messages }, (_, i) => i);
      await Promise.all(
        Array.from({ length: 16 }, async () => {
          for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
            await deliver(i, 0);
            if (i % Math.round(1 / duplicateShare) === 0) await deliver(i, 1);
            sent += 1;
          }
        }),
      );
    })();
    // One database restart at a random point of the middle of the stream: the bot is not killed,
    // it must ride out the lost connections (its requests answer 5xx meanwhile and are resent).
    const restartDatabase = options.restartDatabase;
    const databaseRestart = restartDatabase
      ? (async () => {
          const due = Math.floor(options.messages * (0.3 + Math.random() * 0.4));
          while (sent < due) await new Promise((resolve) => setTimeout(resolve, 20));
          log(`restarting the database after ${sent} messages sent`);
          await restartDatabase();
          log('database back');
        })()
      : Promise.resolve();
    // Kill k comes at a random point of the k-th stretch of the stream, so kills hit a bot busy
    // with accepted, unrouted work; the stream pauses while the bot is down, as it would for Slack.
    for (let k = 0; k < options.kills; k++) {
      const due = Math.floor((options.messages * (k + Math.random())) / (options.kills + 1));
      while (sent < due) await new Promise((resolve) => setTimeout(resolve, 20));
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 500));
      await kill();
      log(`kill ${k + 1}/${options.kills} after ${sent} messages sent`);
      await start();
    }
    await sender;
    await databaseRestart;
    log(`all ${options.messages} messages accepted; waiting for routing`);

    const count = () => {
      const seen = new Map<number, number>();
      for (const channel of TEAM_CHANNELS) {
        for (const message of slack.messages(channel)) {
          if (message.thread_ts !== undefined && message.thread_ts !== message.ts) continue;
          const found = new Set(JSON.stringify(message.blocks ?? []).match(/chaosmsg\d{5}x/g) ?? []);
          for (const hit of found) {
            const i = Number(hit.slice(8, 13));
            seen.set(i, (seen.get(i) ?? 0) + 1);
          }
        }
      }
      return seen;
    };
    let routedAfterRestartMs: number | null = null;
    let reported = Date.now();
    for (;;) {
      const seen = count();
      if (Date.now() - reported >= 5000) {
        // Progress, so a slow drain (throughput) is told apart from a stall (work held by the dead).
        reported = Date.now();
        log(
          `${((Date.now() - lastRestart) / 1000).toFixed(0)} s after the last restart: ${seen.size}/${accepted.size} routed`,
        );
      }
      if ([...accepted].every((i) => seen.has(i))) {
        routedAfterRestartMs = Date.now() - lastRestart;
        break;
      }
      if (Date.now() - lastRestart > routeWithinMs * 2) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // A moment longer, so a late second post would be counted.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const seen = count();
    log(
      `routed posts per team channel: ${TEAM_CHANNELS.map((channel) => `${channel} ${slack.messages(channel).filter((m) => m.thread_ts === undefined || m.thread_ts === m.ts).length}`).join(', ')}`,
    );
    for (const line of (await probe?.timings()) ?? []) log(line);
    const acceptedList = [...accepted];
    const routedOnce = acceptedList.filter((i) => seen.get(i) === 1).length;
    const lost = acceptedList.filter((i) => !seen.has(i)).length;
    const doubled = acceptedList.filter((i) => (seen.get(i) ?? 0) > 1).length;
    return {
      backend: options.backend,
      messages: options.messages,
      kills: options.kills,
      accepted: accepted.size,
      routedOnce,
      lost,
      doubled,
      routedAfterRestartMs,
      ok:
        lost === 0 && doubled === 0 && routedAfterRestartMs !== null && routedAfterRestartMs <= routeWithinMs,
    };
  } finally {
    const child = bot as ChildProcess | null;
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    if (sampling) clearInterval(sampling);
    await probe?.close();
    await slack.close();
    await scratch?.drop();
    rmSync(botEnv['CHAOS_DATA_DIR']!, { recursive: true, force: true });
  }
}

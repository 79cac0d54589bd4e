import type { Server } from 'node:http';
import type { Express } from 'express';
import type Keyv from 'keyv';
import type { DestinationStream, Logger } from 'pino';
import { createAnalyzer } from './analyzers/create-analyzer.ts';
import type { AppConfig } from './config/load-config.ts';
import type { Directory } from './core/directory.ts';
import { applyRequestCommand } from './core/pipeline/apply-request-command.ts';
import { ingestMessage } from './core/pipeline/ingest-message.ts';
import type { DeliveryDeps, PipelineSettings, TriageDeps } from './core/pipeline/pipeline-deps.ts';
import type { RequestStore } from './core/pipeline/request-store.ts';
import { type Analyzer, type Clock, type IngestMessage, type Notifier, systemClock } from './core/ports.ts';
import { readImapUrl } from './email/read-imap-url.ts';
import { createUnwrapEmailText } from './email/unwrap-email-text.ts';
import { createHttpApp, finishHttpApp } from './http/create-http-app.ts';
import { JobRunner, type JobRunnerOptions } from './jobs/job-runner.ts';
import { registerPipelineWorkers } from './jobs/register-pipeline-workers.ts';
import { registerRetentionWorker } from './jobs/register-retention-worker.ts';
import { registerSlaWorker } from './jobs/register-sla-worker.ts';
import { createLogger } from './logging/create-logger.ts';
import { createMetrics, type Metrics } from './metrics/create-metrics.ts';
import { type AccountEvent, recordAccountEvent } from './storage/account-event-store.ts';
import { listStoredAccounts, mergeAccounts } from './storage/account-store.ts';
import { describeRequestAudit } from './storage/describe-request-audit.ts';
import { claimOnce } from './storage/once-claims.ts';
import { openStorage, type Storage } from './storage/open-storage.ts';
import { readRequestAudit } from './storage/read-request-audit.ts';
import { createRequestStore } from './storage/request-store.ts';

/** What a platform adapter (Slack, Teams, email) gives the composition root. */
export interface PlatformAdapter {
  name: string;
  notifier?: Notifier;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** What a platform adapter receives: the pipeline's entry points and shared infrastructure. */
export interface AdapterContext {
  config: AppConfig;
  directory: Directory;
  logger: Logger;
  metrics: Metrics;
  http: Express;
  keyv: Keyv;
  storage: Storage;
  store: RequestStore;
  ingest: IngestMessage;
  applyCommand: typeof applyRequestCommand extends (deps: never, input: infer I) => infer R
    ? (input: I) => R
    : never;
  clock: Clock;
  /** True for exactly one caller per key across replicas and restarts (event ids, …). */
  claimOnce: (key: string) => Promise<boolean>;
  recordAccountEvent: (event: AccountEvent) => Promise<void>;
  /** A request's audit trail as plain text (the routed post's "Explain"); null for an unknown request. */
  explainRequest: (requestId: string) => Promise<string | null>;
  /**
   * Unwraps an email's text the way email ingestion does (forwards credited to the original
   * sender, quoted text separated); used for emails sent into Slack. Null until wired.
   */
  unwrapEmailText: UnwrapEmailText | null;
}

/** See AdapterContext.unwrapEmailText. */
export type UnwrapEmailText = (input: {
  from: { name: string; email: string };
  subject: string | null;
  text: string;
}) => {
  author: { name: string; email: string };
  text: string;
  quotedText: string | null;
  forwardedBy: { name: string; email: string } | null;
  subject: string | null;
};

export interface StartOptions {
  config: AppConfig;
  /** Log destination (tests pass a memory stream). */
  logDestination?: DestinationStream;
  logger?: Logger;
  clock?: Clock;
  /** Replaces the analyzer chosen from the environment (benchmarks, tests). */
  analyzer?: Analyzer;
  /** Notifiers used when no platform adapter provides one for a platform (demo: console). */
  fallbackNotifiers?: Notifier[];
  /** Platform adapters to start; built from the environment by `createAdapters` in the CLI. */
  adapters?: Array<(context: AdapterContext) => Promise<PlatformAdapter | null>>;
  /** Listen for HTTP on config.env.PORT (default true). */
  listen?: boolean;
  /** Run job workers in this process (default true). */
  workers?: boolean;
  pollingIntervalSeconds?: number;
  /** Job timing overrides (crash-recovery tests shorten expiry). */
  jobOptions?: Pick<
    JobRunnerOptions,
    'jobExpireSeconds' | 'superviseIntervalSeconds' | 'retryDelaySeconds' | 'cronWorkerIntervalSeconds'
  >;
  settings?: Partial<PipelineSettings>;
  /** Register cron schedules (the SLA tick) in this process (default true; the demo replays history without them). */
  schedules?: boolean;
  /** Jobs run at once per process: triage (LLM-bound) and delivery (default 8 each). */
  concurrency?: { triage?: number; deliver?: number };
}

export interface Verbatim {
  config: AppConfig;
  logger: Logger;
  metrics: Metrics;
  storage: Storage;
  jobs: JobRunner;
  store: RequestStore;
  directory: Directory;
  ingest: IngestMessage;
  recordAccountEvent: AdapterContext['recordAccountEvent'];
  claimOnce: AdapterContext['claimOnce'];
  http: Express;
  server: Server | null;
  /** Port the HTTP server listens on (useful when PORT=0). */
  port: number | null;
  /** Starts the job workers when `workers: false` deferred them (replay ingests first, then triages). */
  startWorkers(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The composition root: config → logger → storage → jobs → analyzers → adapters → core.
 * The only module that knows every piece.
 */
export async function startVerbatim(options: StartOptions): Promise<Verbatim> {
  const { config } = options;
  const { env } = config;
  const logger =
    options.logger ??
    createLogger({
      level: env.LOG_LEVEL,
      destination: options.logDestination,
      secrets: [
        env.SLACK_BOT_TOKEN,
        env.SLACK_APP_TOKEN,
        env.SLACK_SIGNING_SECRET,
        env.ANTHROPIC_API_KEY,
        env.EMAIL_WEBHOOK_SECRET,
        env.MAILGUN_WEBHOOK_SIGNING_KEY,
        env.EMAIL_BASIC_AUTH,
        env.TEAMS_CLIENT_SECRET,
        ...imapSecrets(env.IMAP_URL),
      ],
    });
  const clock = options.clock ?? systemClock;
  const metrics = createMetrics();
  const storage = await openStorage({ databaseUrl: env.DATABASE_URL, dataDir: env.VERBATIM_DATA_DIR });
  logger.info({ database: storage.describe }, 'storage ready');
  const directory: Directory = {
    ...config.directory,
    accounts: mergeAccounts(config.directory.accounts, await listStoredAccounts(storage.db)),
  };

  const jobs = new JobRunner({
    storage,
    logger,
    pollingIntervalSeconds: options.pollingIntervalSeconds,
    ...options.jobOptions,
  });
  await jobs.start();
  const store = createRequestStore(storage.db, (tx, job) =>
    jobs.enqueueWithin(tx, job.queue, job.data, { key: job.key, delaySeconds: job.delaySeconds }),
  );
  const settings: PipelineSettings = {
    groupingWindowMinutes: config.file.grouping.windowMinutes,
    triageDelaySeconds: config.file.grouping.triageDelaySeconds,
    noisePatterns: config.file.noise.patterns,
    renewalWindowDays: config.file.analysis.renewalWindowDays,
    ...options.settings,
  };
  const pipeline = { store, directory, clock, settings };
  const ingest: IngestMessage = async (message) => {
    const outcome = await ingestMessage(pipeline, message);
    metrics.messagesIngested.inc({ platform: message.platform, outcome: outcome.status });
    return outcome;
  };

  const http = createHttpApp({
    logger,
    metrics,
    readiness: [
      { name: 'database', check: async () => void (await storage.db.query('SELECT 1')) },
      { name: 'jobs', check: () => jobs.ping() },
    ],
    beforeMetrics: async () => {
      for (const count of await jobs.queueCounts()) {
        metrics.queueDepth.set({ queue: count.queue, state: 'queued' }, count.queued);
        metrics.queueDepth.set({ queue: count.queue, state: 'active' }, count.active);
      }
    },
  });

  const context: AdapterContext = {
    config,
    directory,
    logger,
    metrics,
    http,
    keyv: storage.keyv,
    storage,
    store,
    ingest,
    applyCommand: (input) => applyRequestCommand(pipeline, input),
    clock,
    claimOnce: (key) => claimOnce(storage.db, key),
    recordAccountEvent: (event) => recordAccountEvent(storage.db, event),
    explainRequest: async (requestId) => {
      const audit = await readRequestAudit(storage.db, requestId);
      return audit && describeRequestAudit(audit, { withText: false });
    },
    unwrapEmailText: createUnwrapEmailText(directory.ownDomains),
  };
  const adapters: PlatformAdapter[] = [];
  for (const create of options.adapters ?? []) {
    const adapter = await create(context);
    if (adapter) adapters.push(adapter);
  }
  finishHttpApp(http, logger);

  const notifiers = [
    ...adapters.flatMap((adapter) => (adapter.notifier ? [adapter.notifier] : [])),
    ...(options.fallbackNotifiers ?? []),
  ];
  const analyzer = options.analyzer ?? createAnalyzer(config, logger);
  let workersStarted = false;
  const startWorkers = async () => {
    if (workersStarted) return;
    workersStarted = true;
    const triage: TriageDeps = { ...pipeline, analyzer };
    const delivery: DeliveryDeps = { ...pipeline, notifiers };
    await registerPipelineWorkers(jobs, {
      triage,
      delivery,
      metrics,
      logger,
      triageConcurrency: options.concurrency?.triage,
      deliverConcurrency: options.concurrency?.deliver,
    });
    // SLA clocks (helper "sla"): a tick a minute nudges, escalates and measures response times.
    await registerSlaWorker(jobs, {
      db: storage.db,
      store,
      directory,
      clock,
      notifiers,
      settings: config.file,
      metrics,
      logger,
      schedule: options.schedules,
    });
    // Retention (docs/privacy.md): a daily run, once across replicas.
    await registerRetentionWorker(jobs, {
      db: storage.db,
      settings: config.file.retention,
      timezone: config.file.calendar.timezone,
      clock,
      logger,
      schedule: options.schedules,
    });
  };
  if (options.workers !== false) await startWorkers();

  let server: Server | null = null;
  let port: number | null = null;
  if (options.listen !== false) {
    server = await new Promise<Server>((resolve, reject) => {
      const listening = http.listen(env.PORT, env.HOST, () => resolve(listening)).on('error', reject);
    });
    const address = server.address();
    port = typeof address === 'object' && address ? address.port : null;
    logger.info({ port }, 'http server listening');
  }
  for (const adapter of adapters) {
    await adapter.start();
    logger.info({ adapter: adapter.name }, 'adapter started');
  }

  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      logger.info('shutting down: no new work, finishing jobs in flight');
      if (server) await new Promise<void>((resolve) => server?.close(() => resolve()));
      for (const adapter of adapters)
        await adapter.stop().catch((error) => logger.warn({ err: error }, 'adapter stop'));
      await jobs.stop(10_000);
      await storage.close();
      logger.info('stopped');
    })();
    return stopping;
  };

  return {
    config,
    logger,
    metrics,
    storage,
    jobs,
    store,
    directory,
    ingest,
    recordAccountEvent: context.recordAccountEvent,
    claimOnce: context.claimOnce,
    http,
    server,
    port,
    startWorkers,
    stop,
  };
}

/** The IMAP URL and its password, so neither can reach a log line. */
function imapSecrets(url: string | undefined): string[] {
  if (!url) return [];
  const parsed = readImapUrl(url);
  return parsed.ok ? [url, parsed.endpoint.password] : [url];
}

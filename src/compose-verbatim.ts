import type { Server } from 'node:http';
import type { Express } from 'express';
import type { DestinationStream, Logger } from 'pino';
import type { AdapterContext, PlatformAdapter } from './adapter-contract.ts';
import { createAnalyzer } from './analyzers/create-analyzer.ts';
import { createThemeNamer, logThemeNamingFallback } from './analyzers/create-theme-namer.ts';
import type { AppConfig } from './config/load-config.ts';
import type { CustomerMessageInput } from './core/customer-message.ts';
import type { DigestPublisher } from './core/digest/digest-publisher.ts';
import type { DigestTarget } from './core/digest/post-due-digests.ts';
import type { Account, Directory } from './core/directory.ts';
import type { HealthDeps } from './core/health/explain-account.ts';
import { fanOutHealthAlerts } from './core/health/fan-out-health-alerts.ts';
import { type SnapshotRunOutcome, takeDailySnapshots } from './core/health/take-daily-snapshots.ts';
import type { Inbox } from './core/inbox.ts';
import { applyRequestCommand } from './core/pipeline/apply-request-command.ts';
import { ingestMessages } from './core/pipeline/ingest-messages.ts';
import type { DeliveryDeps, PipelineSettings, TriageDeps } from './core/pipeline/pipeline-deps.ts';
import type { RequestStore } from './core/pipeline/request-store.ts';
import {
  type Analyzer,
  type Clock,
  type IngestMessage,
  type IngestOutcome,
  type Notifier,
  systemClock,
} from './core/ports.ts';
import { warmFloorRules } from './core/priority-floor.ts';
import { createDigestDeps } from './create-digest-deps.ts';
import { createHealthDeps } from './create-health-deps.ts';
import { readImapUrl } from './email/read-imap-url.ts';
import { createUnwrapEmailText } from './email/unwrap-email-text.ts';
import { createHttpApp, finishHttpApp } from './http/create-http-app.ts';
import { serveNotReady } from './http/serve-not-ready.ts';
import { createInboxWorker } from './jobs/inbox-worker.ts';
import { createJobBackedRequestStore } from './jobs/job-backed-request-store.ts';
import { JobRunner, type JobRunnerOptions } from './jobs/job-runner.ts';
import { registerDigestWorker } from './jobs/register-digest-worker.ts';
import { registerHealthWorker } from './jobs/register-health-worker.ts';
import { registerPipelineWorkers } from './jobs/register-pipeline-workers.ts';
import { registerRetentionWorker } from './jobs/register-retention-worker.ts';
import { registerSlaWorker } from './jobs/register-sla-worker.ts';
import { createLogger } from './logging/create-logger.ts';
import { createMetrics, type Metrics } from './metrics/create-metrics.ts';
import { refreshDeadLetterGauge } from './metrics/refresh-dead-letter-gauge.ts';
import { recordAccountEvent } from './storage/account-event-store.ts';
import { listStoredAccounts, mergeAccounts, upsertAccount } from './storage/account-store.ts';
import { countOpenRequests } from './storage/count-open-requests.ts';
import { createDeadLetterStore } from './storage/dead-letter-store.ts';
import { describeRequestAudit } from './storage/describe-request-audit.ts';
import { createGroupCommit } from './storage/group-commit.ts';
import { createInboxStore } from './storage/inbox-store.ts';
import { claimOnce, releaseClaim } from './storage/once-claims.ts';
import type { Storage } from './storage/open-storage.ts';
import { type DatabaseRetry, openStorageWhenReachable } from './storage/open-storage-when-reachable.ts';
import { readRequestAudit } from './storage/read-request-audit.ts';
import { listClaimedRequests, listOpenRequestsForTeam } from './storage/request-queries.ts';
import { watchDatabase } from './storage/watch-database.ts';
import { createWebhookNonceStore } from './storage/webhook-nonce-store.ts';

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
  /** Digest publishers used when no platform adapter provides one for a platform (demo: console). */
  fallbackDigestPublishers?: DigestPublisher[];
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
  /** Backoff while the database cannot be reached at start (default 0.5 s doubling to 10 s). */
  databaseRetry?: DatabaseRetry;
  /** Jobs run at once per process: triage (LLM-bound) and delivery (default 8 each). */
  concurrency?: { triage?: number; deliver?: number };
  /** Inbox processing timing overrides (tests). */
  inboxOptions?: {
    leaseSeconds?: number;
    heartbeatSeconds?: number;
    pollMs?: number;
    retryDelaySeconds?: number;
    maxAttempts?: number;
  };
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
  health: HealthDeps;
  claimOnce: AdapterContext['claimOnce'];
  http: Express;
  server: Server | null;
  /** Port the HTTP server listens on (useful when PORT=0). */
  port: number | null;
  /** Takes today's health snapshots now and alerts band changes (what the nightly job does). */
  takeHealthSnapshots(): Promise<SnapshotRunOutcome>;
  /** Hands a dead letter to the adapter that kept it; null when no running adapter takes it. */
  retryDeadLetter(letter: { source: string; raw: Uint8Array }): Promise<string | null>;
  /** Starts the job workers when `workers: false` deferred them (replay ingests first, then triages). */
  startWorkers(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Connections a burst may queue in the kernel before this process accepts them (Node's default
 * is 511; the kernel caps it at net.core.somaxconn). When the accept queue is full, Linux drops
 * the SYN and the sender retries after 1 s, then 3 s, 7 s: a burst of 2,000 Slack events at a
 * busy moment had thousands of connections dropped at 511 and none at 4,096
 * (docs/performance.md, "Against a bare Bolt app").
 */
const LISTEN_BACKLOG = 4096;

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
  // PostgreSQL not up yet (a restart, a deploy order): wait for it, answering not-ready meanwhile.
  let waitingRoom: Awaited<ReturnType<typeof serveNotReady>> | null = null;
  let waitingReason = '';
  const storage = await openStorageWhenReachable(
    { databaseUrl: env.DATABASE_URL, dataDir: env.VERBATIM_DATA_DIR },
    {
      logger,
      ...(options.databaseRetry ? { retry: options.databaseRetry } : {}),
      async onWaiting(reason) {
        waitingReason = reason;
        if (options.listen === false) return;
        waitingRoom = await serveNotReady({ port: env.PORT, host: env.HOST, reason: () => waitingReason });
        logger.info({ port: waitingRoom.port }, 'http server answering not-ready while the database is away');
      },
    },
  );
  await (waitingRoom as Awaited<ReturnType<typeof serveNotReady>> | null)?.close();
  logger.info({ database: storage.describe }, 'storage ready');
  for (const notice of storage.notices ?? []) logger.warn(notice);
  const databaseWatch = storage.db.kind === 'postgres' ? watchDatabase(storage.db, logger) : null;
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
  const store = createJobBackedRequestStore(storage.db, jobs);
  const settings: PipelineSettings = {
    groupingWindowMinutes: config.file.grouping.windowMinutes,
    triageDelaySeconds: config.file.grouping.triageDelaySeconds,
    noisePatterns: config.file.noise.patterns,
    renewalWindowDays: config.file.analysis.renewalWindowDays,
    ...options.settings,
  };
  const pipeline = { store, directory, clock, settings };
  // Group commit: messages ingested while a batch is being written share the next batch's one
  // transaction (ingest-messages.ts); each caller still gets its own message's outcome or error.
  const ingestBatches = createGroupCommit<CustomerMessageInput, PromiseSettledResult<IngestOutcome>>({
    // A server commits several batches side by side (their conversation locks are taken in one
    // order), and smaller batches keep its connections busy while others claim and complete;
    // PGlite has one connection, so there one large batch at a time is fastest.
    maxBatch: storage.db.kind === 'postgres' ? 16 : 64,
    maxInFlight: storage.db.kind === 'postgres' ? 4 : 1,
    write: (messages) =>
      ingestMessages(pipeline, messages, {
        onBatchFailed: (error, size) =>
          logger.warn({ err: error, size }, 'batch ingest failed; ingesting its messages one by one'),
      }),
  });
  const ingest: IngestMessage = async (message) => {
    const settled = await ingestBatches.add(message);
    if (settled.status === 'rejected') throw settled.reason;
    const outcome = settled.value;
    metrics.messagesIngested.inc({ platform: message.platform, outcome: outcome.status });
    return outcome;
  };

  const inboxStore = createInboxStore(storage.db);
  const inboxWorker = createInboxWorker({
    store: inboxStore,
    deadLetters: createDeadLetterStore(storage.db),
    logger,
    onDeadLetter: (source) => metrics.deadLetters.inc({ source }),
    ...options.inboxOptions,
  });
  const inbox: Inbox = {
    async append(entry) {
      const outcome = await inboxStore.append(entry);
      inboxWorker.wake();
      return outcome;
    },
    isPending: (source, platformId) => inboxStore.isPending(source, platformId),
    process: (source, handler, processOptions) => inboxWorker.process(source, handler, processOptions),
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
      await refreshDeadLetterGauge(metrics, createDeadLetterStore(storage.db), jobs);
    },
  });

  const health = createHealthDeps({
    db: storage.db,
    accounts: () => directory.accounts,
    file: config.file,
    clock,
  });
  const context: AdapterContext = {
    config,
    directory,
    logger,
    metrics,
    http,
    cache: storage.keyv,
    store,
    ingest,
    inbox,
    applyCommand: (input) => applyRequestCommand(pipeline, input),
    clock,
    claimOnce: (key) => claimOnce(storage.db, key),
    releaseClaim: (key) => releaseClaim(storage.db, key),
    deadLetters: createDeadLetterStore(storage.db),
    webhookNonces: createWebhookNonceStore(storage.db),
    async upsertAccount(account, source) {
      await upsertAccount(storage.db, account, source);
      replaceAccount(directory, account);
    },
    requestLists: {
      countOpen: (accountId) => countOpenRequests(storage.db, accountId),
      listClaimed: (userId) => listClaimedRequests(storage.db, userId),
      listOpenForTeam: (teamId) => listOpenRequestsForTeam(storage.db, teamId),
    },
    recordAccountEvent: (event) => recordAccountEvent(storage.db, event),
    health,
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
  // Before any message arrives: the first triage would otherwise compile the floor's regexes.
  warmFloorRules();
  const healthAlerts = () =>
    fanOutHealthAlerts(adapters.flatMap((adapter) => (adapter.healthAlerts ? [adapter.healthAlerts] : [])));
  const alertSettings = {
    channel: config.file.churn.alertChannel ?? null,
    cooldownHours: config.file.churn.alertCooldownHours,
    announceImprovements: config.file.churn.announceImprovements,
  };
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
    // Account health (issue 9): nightly snapshots, band-change alerts once across replicas.
    await registerHealthWorker(jobs, {
      health,
      alerts: healthAlerts,
      alertSettings,
      cron: config.file.churn.snapshotSchedule,
      timezone: config.file.calendar.timezone,
      logger,
      schedule: options.schedules,
    });
    // Weekly digest (helper "digest"): posted once per week per destination, late after downtime.
    await registerDigestWorker(jobs, {
      deps: createDigestDeps({
        db: storage.db,
        file: config.file,
        directory,
        publishers: [
          ...adapters.flatMap((adapter) => (adapter.digestPublisher ? [adapter.digestPublisher] : [])),
          ...(options.fallbackDigestPublishers ?? []),
        ],
        onChartError: (error) => logger.warn({ err: error }, 'digest chart not rendered; posting without it'),
        themeNamer: createThemeNamer(config, logger),
        onThemeNamingFallback: logThemeNamingFallback(logger.child({ component: 'digest' })),
      }),
      targets: digestTargets(config, directory),
      schedule: config.file.digest.schedule,
      prepareMinutesBefore: config.file.digest.prepareMinutesBefore,
      clock,
      logger,
      cron: options.schedules,
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
    inboxWorker.start();
  };
  if (options.workers !== false) await startWorkers();

  let server: Server | null = null;
  let port: number | null = null;
  if (options.listen !== false) {
    server = await new Promise<Server>((resolve, reject) => {
      const listening = http
        .listen(env.PORT, env.HOST, LISTEN_BACKLOG, () => resolve(listening))
        .on('error', reject);
    });
    const address = server.address();
    port = typeof address === 'object' && address ? address.port : null;
    logger.info({ port }, 'http server listening');
  }
  for (const adapter of adapters) {
    await adapter.start();
    logger.info({ adapter: adapter.name }, 'adapter started');
  }
  if (adapters.length > 0) {
    logger.info({ adapters: adapters.map((adapter) => adapter.name) }, 'adapters connected');
  } else if (options.listen !== false) {
    // Only for a serving bot: demo and replay run without adapters on purpose.
    logger.warn(
      'no platform adapter connected: nothing will be ingested or posted; set SLACK_BOT_TOKEN (Slack) or an email variable (EMAIL_WEBHOOK_SECRET, IMAP_URL, …) and run `verbatim doctor`',
    );
  }

  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      logger.info('shutting down: no new work, finishing jobs in flight');
      if (server) await new Promise<void>((resolve) => server?.close(() => resolve()));
      for (const adapter of adapters)
        await adapter.stop().catch((error) => logger.warn({ err: error }, 'adapter stop'));
      databaseWatch?.stop();
      await inboxWorker.stop(10_000);
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
    health,
    takeHealthSnapshots: () => takeDailySnapshots({ ...health, alerts: healthAlerts(), alertSettings }),
    claimOnce: context.claimOnce,
    http,
    server,
    port,
    async retryDeadLetter(letter) {
      for (const adapter of adapters) {
        const outcome = (await adapter.retryDeadLetter?.(letter)) ?? null;
        if (outcome !== null) return outcome;
      }
      return null;
    },
    startWorkers,
    stop,
  };
}

/** The company-wide digest's destination and each configured team slice's. */
function digestTargets(config: AppConfig, directory: Directory): DigestTarget[] {
  const { digest } = config.file;
  const targets: DigestTarget[] = digest.destination
    ? [{ teamId: null, destination: digest.destination }]
    : [];
  for (const team of directory.teams.filter((candidate) => digest.teams.includes(candidate.id)))
    targets.push({ teamId: team.id, destination: team.destination });
  return targets;
}

/** Applies a stored account to this process's directory: replaces the one with its id, or adds it. */
function replaceAccount(directory: Directory, account: Account): void {
  const index = directory.accounts.findIndex((candidate) => candidate.id === account.id);
  if (index === -1) directory.accounts.push(account);
  else directory.accounts[index] = account;
}

/** The IMAP URL and its password, so neither can reach a log line. */
function imapSecrets(url: string | undefined): string[] {
  if (!url) return [];
  const parsed = readImapUrl(url);
  return parsed.ok ? [url, parsed.endpoint.password] : [url];
}

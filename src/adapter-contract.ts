import type { Express } from 'express';
import type { Logger } from 'pino';
import type { AppConfig } from './config/load-config.ts';
import type { DigestPublisher } from './core/digest/digest-publisher.ts';
import type { Account, DirectoryView } from './core/directory.ts';
import type { HealthDeps } from './core/health/explain-account.ts';
import type { HealthAlertSender } from './core/health/take-daily-snapshots.ts';
import type { Inbox } from './core/inbox.ts';
import type { applyRequestCommand } from './core/pipeline/apply-request-command.ts';
import type { RequestStore } from './core/pipeline/request-store.ts';
import type { Clock, DeadLetterSink, IngestMessage, Notifier, SharedCache } from './core/ports.ts';
import type { ReplayGuard } from './email/replay-guard.ts';
import type { Metrics } from './metrics/create-metrics.ts';
import type { AccountEvent } from './storage/account-event-store.ts';
import type { RequestListItem } from './storage/request-queries.ts';

// The contract between the composition root (compose-verbatim.ts) and the platform adapters
// (Slack, Teams, email): what an adapter is given and what it gives back. Kept apart from the
// root so adapters depend on this small module, not on everything the root wires.

/** What a platform adapter (Slack, Teams, email) gives the composition root. */
export interface PlatformAdapter {
  name: string;
  notifier?: Notifier;
  /** Sends at-risk alerts (owner DM, CS channel) on this platform. */
  healthAlerts?: HealthAlertSender;
  /** Posts the weekly digest on this platform. */
  digestPublisher?: DigestPublisher;
  start(): Promise<void>;
  stop(): Promise<void>;
  /**
   * Feeds a dead letter this adapter kept (raw input) through its listeners again, like a
   * redelivery; resolves with what became of it, or null when the letter is not this adapter's.
   */
  retryDeadLetter?(letter: { source: string; raw: Uint8Array }): Promise<string | null>;
}

/**
 * What a platform adapter receives: the pipeline's entry points, the commands and read queries it
 * needs, and shared infrastructure — never the database itself.
 */
export interface AdapterContext {
  /** The environment and the config file; the directory is `directory` below, read-only. */
  config: Pick<AppConfig, 'env' | 'file'>;
  /** Read-only: a mapping made on a platform goes through `upsertAccount`. */
  directory: DirectoryView;
  logger: Logger;
  metrics: Metrics;
  http: Express;
  /** Small state shared by replicas (caches, delivery records, cursors), with optional expiry. */
  cache: SharedCache;
  store: RequestStore;
  ingest: IngestMessage;
  /** Where inbound events are stored before the platform is acknowledged, and processed from. */
  inbox: Inbox;
  applyCommand: typeof applyRequestCommand extends (deps: never, input: infer I) => infer R
    ? (input: I) => R
    : never;
  clock: Clock;
  /** True for exactly one caller per key across replicas and restarts (event ids, …). */
  claimOnce: (key: string) => Promise<boolean>;
  /** Gives a claim back (the work it guarded failed), so a redelivery can claim it again. */
  releaseClaim: (key: string) => Promise<void>;
  /** Where input that cannot be processed is kept whole, for inspection and retry. */
  deadLetters: DeadLetterSink;
  /** Nonces of signed webhooks (email), so a captured request cannot be replayed. */
  webhookNonces: ReplayGuard;
  /**
   * Stores an account like an imported one (so it survives restarts; `source` says who changed it)
   * and applies it to this process's directory at once. Other replicas see it after a restart.
   */
  upsertAccount: (account: Account, source: string) => Promise<void>;
  /** Request lists as App Home shows them. */
  requestLists: RequestLists;
  recordAccountEvent: (event: AccountEvent) => Promise<void>;
  /** Account health: its store (signals, snapshots), account matcher, model and clock. */
  health: HealthDeps;
  /** A request's audit trail as plain text (the routed post's "Explain"); null for an unknown request. */
  explainRequest: (requestId: string) => Promise<string | null>;
  /**
   * Unwraps an email's text the way email ingestion does (forwards credited to the original
   * sender, quoted text separated); used for emails sent into Slack. Null until wired.
   */
  unwrapEmailText: UnwrapEmailText | null;
}

/** See AdapterContext.requestLists. */
export interface RequestLists {
  /** Requests of an account that are not resolved. */
  countOpen(accountId: string): Promise<number>;
  /** Requests claimed by a user and not resolved, oldest first. */
  listClaimed(userId: string): Promise<RequestListItem[]>;
  /** A team's routed requests that are not resolved, most urgent first, then oldest. */
  listOpenForTeam(teamId: string): Promise<RequestListItem[]>;
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

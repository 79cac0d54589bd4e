import type { Directory } from '../directory.ts';
import type { Analyzer, Clock, Notifier } from '../ports.ts';
import type { RequestStore } from './request-store.ts';

/** Tunables of the pipeline, from the config file. */
export interface PipelineSettings {
  /** Consecutive messages of one account in one conversation within this many minutes form one request. */
  groupingWindowMinutes: number;
  /** Seconds triage waits after a new request, so a customer's burst of messages is triaged together. */
  triageDelaySeconds: number;
  noisePatterns: string[];
  /** Days before renewal in which an enterprise account's negative message raises the priority floor. */
  renewalWindowDays: number;
  /** Seconds one delivery attempt may take before another may presume it died (default 300). */
  deliveryLeaseSeconds?: number;
  /** False for a backfill: requests are stored and triaged but not posted (default true). */
  postRoutedPosts?: boolean;
}

export interface PipelineDeps {
  store: RequestStore;
  directory: Directory;
  clock: Clock;
  settings: PipelineSettings;
}

export interface TriageDeps extends PipelineDeps {
  analyzer: Analyzer;
  /** Called when a triage's analysis has ended, before its result is stored (the job runner's cue). */
  onAnalysed?: () => void;
}

export interface DeliveryDeps extends PipelineDeps {
  /** The notifier for each platform a destination may name. */
  notifiers: Notifier[];
}

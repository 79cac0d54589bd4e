import type { Priority } from '../priority.ts';
import type { QuoteCandidate } from './choose-quotes.ts';
import type { Digest } from './digest.ts';
import type { ThemeNamingBatch } from './theme-namer.ts';

/**
 * The weeks a digest reads: `bounds` are the instants that start each baseline week, then the
 * digest week, then the end of the digest week (baselineWeeks + 2 instants). A row's week index
 * is 0 for the oldest baseline week … baselineWeeks for the digest week.
 */
export interface DigestWindow {
  bounds: Date[];
  /** Only requests routed to this team; null for all. */
  teamId: string | null;
}

/** Read queries the digest needs, each an aggregate over requests opened in the window. */
export interface DigestSource {
  topicWeekCounts(
    window: DigestWindow,
  ): Promise<Array<{ topic: string; week: number; count: number; accounts: number }>>;
  priorityWeekCounts(
    window: DigestWindow,
  ): Promise<Array<{ priority: Priority | null; week: number; count: number }>>;
  /** Per account (null: unmapped) in the digest week. Negative: sentiment below −0.3. */
  accountsInWeek(
    window: DigestWindow,
  ): Promise<Array<{ accountId: string | null; requests: number; negative: number; meanSentiment: number }>>;
  /**
   * Up to `perTopic` candidates for each topic of the digest week, the most negative first. Every
   * topic's, so the ranking can run while the counts that decide which topics are quoted do.
   */
  quoteCandidates(window: DigestWindow, perTopic: number): Promise<Array<QuoteCandidate & { topic: string }>>;
  /** Requests of the digest week with no topic or a low-confidence analysis (< `belowConfidence`). */
  unmatchedRequests(window: DigestWindow, belowConfidence: number, limit: number): Promise<QuoteCandidate[]>;
  /** First responses of routed requests opened in the digest week, per team; unanswered counted now. */
  responsiveness(window: DigestWindow): Promise<
    Array<{
      teamId: string;
      responded: number;
      medianMinutes: number | null;
      p90Minutes: number | null;
      withinTarget: number | null;
      breaches: number;
      unanswered: number;
    }>
  >;
}

/** Stored digests: computed once per week and scope, read back for re-runs and past weeks. */
export interface DigestArchive {
  find(week: string, scope: string): Promise<Digest | null>;
  /** Stores the digest unless one exists; returns whichever is stored. */
  keep(week: string, scope: string, digest: Digest): Promise<Digest>;
  /**
   * Stores a digest prepared ahead of posting, its themes still awaiting the naming `batch`, unless
   * one exists; true when this call stored it.
   */
  keepPrepared(week: string, scope: string, digest: Digest, batch: ThemeNamingBatch): Promise<boolean>;
  /** The naming batch a stored digest still awaits, or null (none, or already settled). */
  pendingThemeBatch(week: string, scope: string): Promise<ThemeNamingBatch | null>;
  /**
   * Replaces a prepared digest with its final form, once: only while it still awaits `batchId`.
   * Returns whichever is stored afterwards (another replica's settlement wins a race).
   */
  settle(week: string, scope: string, batchId: string, digest: Digest): Promise<Digest>;
}

/** A cluster of requests that fit no topic. */
export interface Theme {
  keyPhrases: string[];
  requestIds: string[];
}

/** Clusters free text offline (TF-IDF) and names each cluster with its key phrases. */
export interface ThemeClusterer {
  cluster(documents: Array<{ id: string; text: string }>): Theme[];
}

import type { PostRef } from '../ports.ts';
import type { Request } from '../request.ts';
import type { Transition } from '../request-transitions.ts';
import type { NudgePlanItem } from '../sla-schedule.ts';

/** One SLA nudge or escalation that a replica claimed, keyed by `nudgeKey`. */
export interface SlaNudge {
  key: string;
  requestId: string;
  kind: NudgePlanItem['kind'];
  seq: number;
  /** When the plan said it was due. */
  dueAt: Date;
  /** Sent more than LATE_AFTER_MINUTES after it could first have gone out (downtime, backlog). */
  late: boolean;
  claimedAt: Date;
  /** Null while in flight: claimed, not (yet) known to be posted. */
  sentAt: Date | null;
  /** Where it was posted, once sent. */
  post: PostRef | null;
  /** Why it will never be sent (the clock stopped, a later nudge superseded it); null otherwise. */
  abandoned: string | null;
}

export type NewSlaNudge = Pick<
  SlaNudge,
  'key' | 'requestId' | 'kind' | 'seq' | 'dueAt' | 'late' | 'claimedAt'
>;

/** Business minutes measured for a request, stored for account health and the digest. */
export interface SlaTimes {
  requestId: string;
  firstResponseAt: Date | null;
  firstResponseBusinessMinutes: number | null;
  resolvedAt: Date | null;
  resolutionBusinessMinutes: number | null;
  targetMinutes: number | null;
}

/**
 * What the SLA checker persists beside the RequestStore. Implemented over Postgres in
 * `src/storage/sla-store.ts`. Every "this happens once" decision is one atomic statement
 * (`INSERT … ON CONFLICT DO NOTHING RETURNING`), never a read followed by a write.
 */
export interface SlaStore {
  /**
   * Routed requests that are not resolved, oldest routed first. `running` keeps only those whose
   * clock still runs (no first response yet); `teamId` keeps one team's. `includeUnposted` adds
   * triaged requests that were never posted (a replay with `--no-post`), for `verbatim sla`.
   */
  listOpenRequests(filter?: {
    teamId?: string;
    running?: boolean;
    limit?: number;
    includeUnposted?: boolean;
  }): Promise<Request[]>;
  /** Every nudge claimed for these requests: sent, in flight or abandoned. */
  listNudges(requestIds: readonly string[]): Promise<SlaNudge[]>;
  /** Claimed nudges that are neither sent nor abandoned (their sender failed or died). */
  listUnsentNudges(): Promise<SlaNudge[]>;
  /**
   * Claims a nudge: true for exactly one caller per key across replicas and restarts. A
   * `transition` (the escalation's audit entry) is recorded in the same transaction, so it exists
   * if and only if the claim does.
   */
  claimNudge(nudge: NewSlaNudge, transition?: Transition): Promise<boolean>;
  markNudgeSent(key: string, post: PostRef, at: Date): Promise<void>;
  abandonNudge(key: string, reason: string): Promise<void>;
  /**
   * Routed requests changed in the last `lookbackDays` days whose first response or resolution is
   * not measured yet (a resolution counts again after a reopen and a new resolve).
   */
  listUnmeasured(lookbackDays: number): Promise<Request[]>;
  /** Stores the first-response time unless already stored; true for the one caller that stored it. */
  recordFirstResponse(
    requestId: string,
    input: { at: Date; businessMinutes: number; targetMinutes: number },
  ): Promise<boolean>;
  /** Stores the resolution time unless this resolution (`at`) is already stored; true for the one caller that stored it. */
  recordResolution(
    requestId: string,
    input: { at: Date; businessMinutes: number; targetMinutes: number },
  ): Promise<boolean>;
  getTimes(requestId: string): Promise<SlaTimes | null>;
}

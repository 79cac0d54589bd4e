import type { Directory } from '../directory.ts';
import type { Priority } from '../priority.ts';
import type { RequestState } from '../request-state.ts';
import { type SlaState, slaStatus } from '../sla-schedule.ts';
import { createTeamClocks, type SlaSettings, type TeamClocks } from './create-team-clocks.ts';
import { requestSlaClock } from './request-sla-clock.ts';
import type { SlaNudge, SlaStore } from './sla-store.ts';

/** One open request and where its SLA clock stands, for `verbatim sla`. */
export interface SlaClockRow {
  requestId: string;
  account: string | null;
  teamId: string;
  priority: Priority;
  state: RequestState;
  claimedBy: string | null;
  routedAt: Date;
  /**
   * False when the request was triaged but never posted (a replay with `--no-post`): its clock is
   * shown from the customer's first message, as if it had been routed then.
   */
  posted: boolean;
  /** First-response target, business minutes (plain minutes for 24/7 priorities). */
  targetMinutes: number;
  elapsedBusinessMinutes: number;
  /** When the target is (or was) reached. */
  dueAt: Date;
  /** Where the clock stands: ok, warned, breached, escalated, or stopped (answered). */
  clock: SlaState;
  allHours: boolean;
  timezone: string;
  snoozedUntil: Date | null;
  /** Nudges sent (or in flight, or abandoned) so far. */
  nudges: Array<Pick<SlaNudge, 'kind' | 'seq' | 'dueAt' | 'sentAt' | 'late' | 'abandoned'>>;
}

/** Routed (or triaged but not posted), unresolved requests with their clocks, the soonest due first. */
export async function listSlaClocks(
  deps: { sla: SlaStore; directory: Directory; settings: SlaSettings; clocks?: TeamClocks },
  input: { now: Date; teamId?: string },
): Promise<SlaClockRow[]> {
  const ctx = { ...deps, clocks: deps.clocks ?? createTeamClocks(deps.settings) };
  const requests = await deps.sla.listOpenRequests({
    includeUnposted: true,
    ...(input.teamId === undefined ? {} : { teamId: input.teamId }),
  });
  const nudges = await deps.sla.listNudges(requests.map((request) => request.id));
  const rows: SlaClockRow[] = [];
  for (const request of requests) {
    const posted = request.routedAt !== null;
    const sla = requestSlaClock(ctx, posted ? request : { ...request, routedAt: request.openedAt });
    if (sla === null) continue;
    const status = slaStatus({
      routedAt: sla.routedAt,
      priority: sla.priority,
      tier: sla.tier,
      policy: deps.settings.sla,
      clock: sla.clock,
      now: input.now,
      stoppedAt: sla.stoppedAt,
    });
    const account = deps.directory.accounts.find((candidate) => candidate.id === request.accountId);
    rows.push({
      requestId: request.id,
      account: account?.name ?? null,
      teamId: sla.team.id,
      priority: sla.priority,
      state: request.state,
      claimedBy: request.claimedBy ? (request.claimedBy.name ?? request.claimedBy.id) : null,
      routedAt: sla.routedAt,
      posted,
      targetMinutes: status.targetMinutes,
      elapsedBusinessMinutes: status.elapsedBusinessMinutes,
      dueAt: status.dueAt,
      clock: status.state,
      allHours: sla.allHours,
      timezone: sla.timezone,
      snoozedUntil: request.snoozedUntil,
      nudges: nudges
        .filter((nudge) => nudge.requestId === request.id)
        .map(({ kind, seq, dueAt, sentAt, late, abandoned }) => ({
          kind,
          seq,
          dueAt,
          sentAt,
          late,
          abandoned,
        })),
    });
  }
  return rows.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.requestId.localeCompare(b.requestId));
}

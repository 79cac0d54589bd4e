import type { Directory } from '../directory.ts';
import type { Clock, Notifier } from '../ports.ts';
import type { Request } from '../request.ts';
import type { Actor } from '../request-state.ts';
import { applyCommand } from '../request-transitions.ts';
import { dueNudges, LATE_AFTER_MINUTES, type NudgePlanItem, nudgeKey, planNudges } from '../sla-schedule.ts';
import { createTeamClocks, type SlaSettings, type TeamClocks } from './create-team-clocks.ts';
import { measureSlaTimes, type SlaMeasurement } from './measure-sla-times.ts';
import { type RequestSlaClock, requestSlaClock } from './request-sla-clock.ts';
import type { RequestStore } from './request-store.ts';
import { findNudgeRoute, type SendOutcome, sendSlaNudge } from './send-sla-nudge.ts';
import type { SlaNudge, SlaStore } from './sla-store.ts';

export interface CheckSlaDeps {
  requests: RequestStore;
  sla: SlaStore;
  directory: Directory;
  clock: Clock;
  notifiers: Notifier[];
  settings: SlaSettings;
  /** Built from `settings` when absent; pass one to keep its caches between ticks. */
  clocks?: TeamClocks;
  /** At most this many nudges are sent per tick, so a catch-up cannot flood a platform (default 200). */
  maxNudgesPerTick?: number;
}

export interface SentNudge {
  requestId: string;
  key: string;
  kind: NudgePlanItem['kind'];
  late: boolean;
  outcome: Exclude<SendOutcome['status'], 'in-progress'>;
  /** True when a later tick finished a nudge whose first attempt failed or died. */
  retry: boolean;
}

/** What one tick did; failures are per nudge so one broken request never stops the others. */
export interface SlaTickOutcome {
  /** Requests whose clocks were looked at. */
  checked: number;
  sent: SentNudge[];
  /** Nudges that will never be sent, with the reason. */
  abandoned: Array<{ key: string; reason: string }>;
  /** Nudges left for a later tick (routed post not where the team is yet, another replica sending, the cap). */
  deferred: Array<{ requestId: string; key: string | null; reason: string }>;
  failed: Array<{ requestId: string; key: string | null; error: Error }>;
  measured: SlaMeasurement[];
}

/** Verbatim itself, as recorded in the audit trail of an escalation. */
export const SLA_ACTOR: Actor = { id: 'system', name: 'Verbatim SLA' };

/** A claim older than this with no post is assumed to belong to a sender that failed or died (ms). */
export const RETRY_UNSENT_AFTER_MS = 60_000;

/**
 * One SLA tick, run every minute by one replica at a time (and safe when several run at once):
 * 1. retries nudges claimed earlier whose post did not go out (sender failed or died);
 * 2. for each routed request whose clock runs, claims each nudge that is due (the pure schedule:
 *    business hours, snooze, catch-up collapse, lateness) and posts it; an escalation is claimed
 *    together with its `escalate` audit entry and re-renders the routed post;
 * 3. stores first-response and resolution times of requests answered or resolved since.
 * A nudge is claimed before it is posted, so no two replicas or restarts ever both post it.
 */
export async function checkSla(deps: CheckSlaDeps): Promise<SlaTickOutcome> {
  const clocks = deps.clocks ?? createTeamClocks(deps.settings);
  const ctx = { ...deps, clocks };
  const outcome: SlaTickOutcome = {
    checked: 0,
    sent: [],
    abandoned: [],
    deferred: [],
    failed: [],
    measured: [],
  };
  let budget = deps.maxNudgesPerTick ?? 200;

  await retryUnsent(ctx, outcome);

  const requests = await deps.sla.listOpenRequests({ running: true });
  const claimed = groupByRequest(await deps.sla.listNudges(requests.map((request) => request.id)));
  for (const request of requests) {
    const sla = requestSlaClock(ctx, request);
    if (sla === null) continue;
    outcome.checked += 1;
    const due = dueNudges({
      requestId: request.id,
      plan: planNudges({
        routedAt: sla.routedAt,
        priority: sla.priority,
        tier: sla.tier,
        policy: deps.settings.sla,
        clock: sla.clock,
      }),
      now: deps.clock.now(),
      stoppedAt: sla.stoppedAt,
      snoozedUntil: request.snoozedUntil,
      sent: new Set((claimed.get(request.id) ?? []).map((nudge) => nudge.key)),
      clock: sla.clock,
    });
    if (due.length === 0) continue;
    try {
      const route = await findNudgeRoute(ctx, request);
      if (route === null) {
        outcome.deferred.push({
          requestId: request.id,
          key: null,
          reason: 'routed post not in the team channel yet',
        });
        continue;
      }
      for (const item of due) {
        if (budget <= 0) {
          outcome.deferred.push({
            requestId: request.id,
            key: item.key,
            reason: 'nudge cap per tick reached',
          });
          continue;
        }
        const nudge = { key: item.key, kind: item.kind, seq: item.seq, dueAt: item.dueAt, late: item.late };
        if (!(await claim(ctx, request, sla, nudge))) continue;
        budget -= 1;
        await send(ctx, outcome, { request, sla, nudge, route }, false);
      }
    } catch (error) {
      outcome.failed.push({ requestId: request.id, key: null, error: asError(error) });
    }
  }

  outcome.measured = await measureSlaTimes({ ...ctx, sla: deps.sla });
  return outcome;
}

type Ctx = CheckSlaDeps & { clocks: TeamClocks };
type NudgeToSend = Pick<SlaNudge, 'key' | 'kind' | 'seq' | 'dueAt' | 'late'>;

/** Claims a nudge; an escalation's `escalate` transition is recorded with the claim. */
async function claim(ctx: Ctx, request: Request, sla: RequestSlaClock, nudge: NudgeToSend): Promise<boolean> {
  const now = ctx.clock.now();
  const escalation =
    nudge.kind === 'escalation' ? applyCommand(request, { kind: 'escalate' }, SLA_ACTOR, now) : null;
  const transition =
    escalation?.ok === true
      ? {
          ...escalation.transition,
          detail: { reason: 'sla', nudge: nudge.key, targetMinutes: String(sla.targetMinutes) },
        }
      : undefined;
  const won = await ctx.sla.claimNudge({ ...nudge, requestId: request.id, claimedAt: now }, transition);
  if (won && transition) {
    // The routed post shows its latest change ("escalated by Verbatim SLA").
    await ctx.requests.enqueue({
      queue: 'deliver',
      data: { requestId: request.id, kind: 'update' },
      key: request.id,
    });
  }
  return won;
}

async function send(
  ctx: Ctx,
  outcome: SlaTickOutcome,
  input: Parameters<typeof sendSlaNudge>[1],
  retry: boolean,
): Promise<void> {
  const { request, nudge } = input;
  try {
    const result = await sendSlaNudge(ctx, input);
    if (result.status === 'in-progress') {
      outcome.deferred.push({
        requestId: request.id,
        key: nudge.key,
        reason: 'another attempt is posting it',
      });
      return;
    }
    await ctx.sla.markNudgeSent(nudge.key, result.ref, ctx.clock.now());
    outcome.sent.push({
      requestId: request.id,
      key: nudge.key,
      kind: nudge.kind,
      late: nudge.late,
      outcome: result.status,
      retry,
    });
  } catch (error) {
    // The claim stays: the nudge is retried by a later tick (retryUnsent), never re-claimed.
    outcome.failed.push({ requestId: request.id, key: nudge.key, error: asError(error) });
  }
}

/**
 * Nudges claimed but not posted: posted now if they still make sense, abandoned when the clock
 * has stopped or a later thread nudge superseded them; left alone while snoozed or out of hours.
 */
async function retryUnsent(ctx: Ctx, outcome: SlaTickOutcome): Promise<void> {
  const now = ctx.clock.now();
  const unsent = (await ctx.sla.listUnsentNudges()).filter(
    (nudge) => now.getTime() - nudge.claimedAt.getTime() >= RETRY_UNSENT_AFTER_MS,
  );
  if (unsent.length === 0) return;
  for (const nudge of unsent) {
    try {
      const request = await ctx.requests.getRequest(nudge.requestId);
      const sla = request && requestSlaClock(ctx, request);
      const reason = !request || !sla ? 'request gone' : abandonReason(ctx, nudge, sla, request);
      if (reason) {
        await ctx.sla.abandonNudge(nudge.key, reason);
        outcome.abandoned.push({ key: nudge.key, reason });
        continue;
      }
      if (!request || !sla) continue;
      if ((request.snoozedUntil && now < request.snoozedUntil) || !sla.clock.isOpen(now)) continue;
      const route = await findNudgeRoute(ctx, request);
      if (route === null) {
        outcome.deferred.push({
          requestId: request.id,
          key: nudge.key,
          reason: 'routed post not in the team channel yet',
        });
        continue;
      }
      const late = nudge.late || now.getTime() - nudge.claimedAt.getTime() > LATE_AFTER_MINUTES * 60_000;
      await send(ctx, outcome, { request, sla, nudge: { ...nudge, late }, route }, true);
    } catch (error) {
      outcome.failed.push({ requestId: nudge.requestId, key: nudge.key, error: asError(error) });
    }
  }
}

/** Why a claimed, unsent nudge should never be sent now; null when it still should. */
function abandonReason(ctx: Ctx, nudge: SlaNudge, sla: RequestSlaClock, request: Request): string | null {
  if (sla.stoppedAt !== null || request.state === 'resolved') return 'clock stopped';
  const plan = planNudges({
    routedAt: sla.routedAt,
    priority: sla.priority,
    tier: sla.tier,
    policy: ctx.settings.sla,
    clock: sla.clock,
  });
  const index = plan.findIndex((item) => nudgeKey(request.id, item) === nudge.key);
  if (index === -1) return 'no longer in the plan (the policy or priority changed)';
  if (nudge.kind === 'escalation') return null;
  // Like dueNudges: a thread nudge is stale once a later one is due (the breach replaces the warning).
  const now = ctx.clock.now().getTime();
  const laterDue = plan
    .slice(index + 1)
    .some((item) => item.kind !== 'escalation' && item.dueAt.getTime() <= now);
  return laterDue ? 'superseded by a later nudge' : null;
}

function groupByRequest(nudges: SlaNudge[]): Map<string, SlaNudge[]> {
  const byRequest = new Map<string, SlaNudge[]>();
  for (const nudge of nudges)
    byRequest.set(nudge.requestId, [...(byRequest.get(nudge.requestId) ?? []), nudge]);
  return byRequest;
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

import type { Usage } from '../analysis.ts';
import type { Account } from '../directory.ts';
import { mostUrgent } from '../priority.ts';
import { buildTriageRecord } from '../triage-record.ts';
import { analyzeRequestText, requestText } from './analyze-request-text.ts';
import type { TriageDeps } from './pipeline-deps.ts';
import type { RunningJob } from './request-store.ts';

export type TriageOutcome =
  | {
      /** `triaged`: first triage (or again before routing); `raised`/`unchanged`: re-triage of a routed request. */
      status: 'triaged' | 'raised' | 'unchanged';
      requestId: string;
      priority: string;
      teamId: string;
      engine: string;
      usage: Usage | null;
      /** Messages joined while the analysis ran; one more triage was scheduled for them. */
      retriageScheduled: boolean;
    }
  | { status: 'skipped'; requestId: string; reason: string };

/**
 * Analyses a request's verbatim text (every live message of it), applies the priority floor (the
 * analyzer may raise a priority, never lower it below the floor) and chooses the owning team.
 *
 * Before routing, the result is stored and delivery is scheduled. On a routed request (a customer
 * follow-up, or a message that joined while triage ran) the priority only rises and the team
 * stays: a rise is stored and the routed post is updated, the rise noted in its thread and, for a
 * new P1, escalated (the SLA clock reads the priority, so it moves to the new target by itself).
 * Messages that joined while the analysis ran get one more triage, scheduled here.
 *
 * `job`, the triage job being run, is completed in the transaction that stores the result, so
 * the result and the job's completion commit together (one commit fewer per triage).
 */
export async function triageRequest(
  deps: TriageDeps,
  requestId: string,
  job?: RunningJob,
): Promise<TriageOutcome> {
  const loaded = await deps.store.loadRequest(requestId);
  if (!loaded) return { status: 'skipped', requestId, reason: 'unknown request' };
  const { request } = loaded;
  const messages = liveMessages(loaded.messages);
  if (messages.length === 0) return { status: 'skipped', requestId, reason: 'no messages left' };

  const account = findAccount(deps.directory.accounts, request.accountId);
  const now = deps.clock.now();
  const { analysis, analyzerPriority, floor, route } = await analyzeRequestText(deps, {
    text: requestText(messages),
    account,
    now,
  });
  deps.onAnalysed?.();
  const analysed = new Set(messages.map((message) => message.id));

  return deps.store.atomically(`request:${requestId}`, async (tx) => {
    const fresh = await tx.loadRequest(requestId);
    if (!fresh) return { status: 'skipped', requestId, reason: 'unknown request' } as const;
    const current = fresh.request;
    if (job) await tx.completeJob(job);
    const joined = liveMessages(fresh.messages).some((message) => !analysed.has(message.id));
    if (joined) {
      await tx.enqueue({ queue: 'triage', data: { requestId }, key: requestId });
    }
    const priority = current.priority ? mostUrgent(current.priority, analysis.priority) : analysis.priority;
    const result = { requestId, engine: analysis.engine, usage: analysis.usage, retriageScheduled: joined };
    // Every triage, first or re-triage, leaves an audit record, whatever it changes.
    await tx.appendTriageRecord(
      buildTriageRecord({
        requestId,
        at: now,
        retriage: current.analysis !== null,
        analysis: { ...analysis, priority },
        analyzerPriority,
        floor,
        teamId: current.teamId ?? route.team.id,
      }),
    );

    if (current.routedAt === null) {
      const teamId = route.team.id;
      await tx.saveTriage(requestId, {
        analysis: { ...analysis, priority },
        floor,
        priority,
        teamId,
        triagedAt: now,
      });
      if (deps.settings.postRoutedPosts !== false) {
        await tx.enqueue({ queue: 'deliver', data: { requestId, kind: 'post' }, key: requestId });
      }
      return { status: 'triaged', priority, teamId, ...result } as const;
    }

    const teamId = current.teamId ?? route.team.id;
    const previous = current.priority;
    if (previous !== null && priority === previous) {
      return { status: 'unchanged', priority, teamId, ...result } as const;
    }
    await tx.saveTriage(requestId, {
      analysis: { ...analysis, priority },
      floor,
      priority,
      teamId,
      triagedAt: now,
    });
    await tx.enqueue({ queue: 'deliver', data: { requestId, kind: 'update' }, key: requestId });
    if (previous !== null) {
      await tx.enqueue({
        queue: 'deliver',
        data: { requestId, kind: 'priority-raised', from: previous },
        key: requestId,
      });
    }
    return { status: 'raised', priority, teamId, ...result } as const;
  });
}

function liveMessages<M extends { deletedAt: Date | null }>(messages: M[]): M[] {
  return messages.filter((message) => message.deletedAt === null);
}

function findAccount(accounts: Account[], id: string | null): Account | null {
  return id === null ? null : (accounts.find((account) => account.id === id) ?? null);
}

import type { Usage } from '../analysis.ts';
import type { Account } from '../directory.ts';
import { buildTriageRecord } from '../triage-record.ts';
import { analyzeRequestText, requestText } from './analyze-request-text.ts';
import type { TriageDeps } from './pipeline-deps.ts';

export type TriageOutcome =
  | {
      status: 'triaged';
      requestId: string;
      priority: string;
      teamId: string;
      engine: string;
      usage: Usage | null;
    }
  | { status: 'skipped'; requestId: string; reason: string };

/**
 * Analyses a request's verbatim text, applies the priority floor (the analyzer may raise a
 * priority, never lower it below the floor) and chooses the owning team, then schedules delivery.
 */
export async function triageRequest(deps: TriageDeps, requestId: string): Promise<TriageOutcome> {
  const request = await deps.store.getRequest(requestId);
  if (!request) return { status: 'skipped', requestId, reason: 'unknown request' };
  if (request.routedAt) return { status: 'skipped', requestId, reason: 'already routed' };
  const messages = (await deps.store.requestMessages(requestId)).filter(
    (message) => message.deletedAt === null,
  );
  if (messages.length === 0) return { status: 'skipped', requestId, reason: 'no messages left' };

  const account = findAccount(deps.directory.accounts, request.accountId);
  const now = deps.clock.now();
  const {
    analysis: final,
    analyzerPriority,
    floor,
    route,
  } = await analyzeRequestText(deps, {
    text: requestText(messages),
    account,
    now,
  });

  await deps.store.atomically(`request:${requestId}`, async (tx) => {
    await tx.saveTriage(requestId, {
      analysis: final,
      floor,
      priority: final.priority,
      teamId: route.team.id,
      triagedAt: now,
    });
    await tx.appendTriageRecord(
      buildTriageRecord({
        requestId,
        at: now,
        retriage: request.analysis !== null,
        analysis: final,
        analyzerPriority,
        floor,
        teamId: route.team.id,
      }),
    );
    if (deps.settings.postRoutedPosts !== false) {
      await tx.enqueue({ queue: 'deliver', data: { requestId, kind: 'post' }, key: requestId });
    }
  });
  return {
    status: 'triaged',
    requestId,
    priority: final.priority,
    teamId: route.team.id,
    engine: final.engine,
    usage: final.usage,
  };
}

function findAccount(accounts: Account[], id: string | null): Account | null {
  return id === null ? null : (accounts.find((account) => account.id === id) ?? null);
}

import type { Account } from '../directory.ts';
import { applyFloor, findFloorHits } from '../priority-floor.ts';
import { chooseRoute } from '../routing.ts';
import type { TriageDeps } from './pipeline-deps.ts';

export type TriageOutcome =
  | { status: 'triaged'; requestId: string; priority: string; teamId: string; engine: string }
  | { status: 'skipped'; requestId: string; reason: string };

/**
 * Analyses a request's verbatim text, applies the priority floor (the analyzer may raise a
 * priority, never lower it below the floor) and chooses the owning team, then schedules delivery.
 */
export async function triageRequest(deps: TriageDeps, requestId: string): Promise<TriageOutcome> {
  const request = await deps.store.getRequest(requestId);
  if (!request) return { status: 'skipped', requestId, reason: 'unknown request' };
  if (request.routedAt) return { status: 'skipped', requestId, reason: 'already routed' };
  const messages = (await deps.store.requestMessages(requestId)).filter((message) => message.deletedAt === null);
  if (messages.length === 0) return { status: 'skipped', requestId, reason: 'no messages left' };

  const account = findAccount(deps.directory.accounts, request.accountId);
  const text = messages.map(triageText).join('\n\n');
  const now = deps.clock.now();
  const floorContext = { text, account, now, renewalWindowDays: deps.settings.renewalWindowDays };
  const textFloor = findFloorHits({ ...floorContext, sentiment: null });

  const analysis = await deps.analyzer.analyze({
    text,
    account: account && { id: account.id, name: account.name, tier: account.tier, renewalDate: account.renewalDate },
    taxonomy: deps.directory.topics,
    summaryLanguage: summaryLanguage(deps, account),
    floor: textFloor,
  });
  const floor = findFloorHits({ ...floorContext, sentiment: analysis.sentiment });
  const final = applyFloor(analysis, floor);
  const route = chooseRoute({ directory: deps.directory, account, topics: final.topics, priority: final.priority });

  await deps.store.atomically(`request:${requestId}`, async (tx) => {
    await tx.saveTriage(requestId, {
      analysis: final,
      floor,
      priority: final.priority,
      teamId: route.team.id,
      triagedAt: now,
    });
    if (deps.settings.postRoutedPosts !== false) {
      await tx.enqueue({ queue: 'deliver', data: { requestId, kind: 'post' }, key: requestId });
    }
  });
  return { status: 'triaged', requestId, priority: final.priority, teamId: route.team.id, engine: final.engine };
}

/** An email's subject often carries the complaint itself; the analysis reads it with the body. */
function triageText(message: { platform: string; subject: string | null; text: string }): string {
  if (message.platform !== 'email' || !message.subject) return message.text;
  return message.text.trim() ? `${message.subject}\n\n${message.text}` : message.subject;
}

function findAccount(accounts: Account[], id: string | null): Account | null {
  return id === null ? null : (accounts.find((account) => account.id === id) ?? null);
}

/**
 * The summary is written in the owning team's language. The team is only known after analysis,
 * so this uses the team the account is pinned to, else the default team's language.
 */
function summaryLanguage(deps: TriageDeps, account: Account | null): string {
  const pinned = account?.routing['*'];
  const teamId = pinned ?? deps.directory.defaultTeam;
  return deps.directory.teams.find((team) => team.id === teamId)?.language ?? 'en';
}

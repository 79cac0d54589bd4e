import type { Directory, Team } from '../directory.ts';
import type { RoutedPostView } from '../ports.ts';
import type { Request } from '../request.ts';
import type { Transition } from '../request-transitions.ts';

/** The platform-neutral picture of a routed post, for a Notifier to render. */
export function buildRoutedPostView(input: {
  request: Request;
  messages: RoutedPostView['messages'];
  directory: Directory;
  lastTransition: Transition | null;
}): RoutedPostView {
  const { request, directory } = input;
  if (!request.analysis || !request.priority) throw new Error(`request ${request.id} has not been triaged`);
  const account = directory.accounts.find((candidate) => candidate.id === request.accountId) ?? null;
  const team = ownerTeam(directory, request);
  return {
    requestId: request.id,
    priority: request.priority,
    account: account && { id: account.id, name: account.name, tier: account.tier },
    team: { id: team.id, name: team.name },
    // Retention marks are carried explicitly: a blanked text is not an empty message.
    messages: input.messages.map((message) => ({ ...message, bodyRemovedAt: message.bodyRemovedAt ?? null })),
    analysis: request.analysis,
    wordsRemovedAt: request.wordsRemovedAt ?? null,
    floor: request.floor,
    state: request.state,
    claimedBy: request.claimedBy,
    snoozedUntil: request.snoozedUntil,
    lastChange: input.lastTransition && {
      kind: input.lastTransition.kind,
      actor: input.lastTransition.actor,
      at: input.lastTransition.at,
    },
    unmapped: account === null,
    reassignTargets: directory.teams
      .filter((candidate) => candidate.id !== team.id)
      .map(({ id, name }) => ({ id, name })),
  };
}

export function ownerTeam(directory: Directory, request: Request): Team {
  const team =
    directory.teams.find((candidate) => candidate.id === request.teamId) ??
    directory.teams.find((candidate) => candidate.id === directory.defaultTeam);
  if (!team) throw new Error(`no team "${request.teamId}" and no default team "${directory.defaultTeam}"`);
  return team;
}

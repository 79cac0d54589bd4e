import type { Analysis, Usage } from '../analysis.ts';
import type { Account, Directory } from '../directory.ts';
import type { FloorHit } from '../floor.ts';
import type { Analyzer, AnalyzerInput } from '../ports.ts';
import { applyFloor, findFloorHits } from '../priority-floor.ts';
import { chooseRoute, type Route } from '../routing.ts';

export interface TextAnalysis {
  /** The analysis with the priority floor applied. */
  analysis: Analysis;
  floor: FloorHit[];
  route: Route;
}

/**
 * Analyses a request's verbatim text, applies the priority floor (the analyzer may raise a
 * priority, never lower it below the floor) and chooses the owning team. Stores nothing: triage
 * and `verbatim explain` share it.
 */
export async function analyzeRequestText(
  deps: { analyzer: Analyzer; directory: Directory; settings: { renewalWindowDays: number } },
  input: { text: string; account: Account | null; now: Date },
): Promise<TextAnalysis> {
  const { account, text, now } = input;
  const floorContext = { text, account, now, renewalWindowDays: deps.settings.renewalWindowDays };
  const analyzerInput: AnalyzerInput = {
    text,
    account: account && {
      id: account.id,
      name: account.name,
      tier: account.tier,
      renewalDate: account.renewalDate,
    },
    taxonomy: deps.directory.topics,
    summaryLanguage: guessSummaryLanguage(deps.directory, account),
    floor: findFloorHits({ ...floorContext, sentiment: null }),
  };
  let analysis = await deps.analyzer.analyze(analyzerInput);
  const floor = findFloorHits({ ...floorContext, sentiment: analysis.sentiment });
  const route = chooseRoute({
    directory: deps.directory,
    account,
    topics: analysis.topics,
    priority: applyFloor(analysis, floor).priority,
  });
  if (route.team.language !== analyzerInput.summaryLanguage) {
    analysis = await inTeamLanguage(deps.analyzer, analyzerInput, analysis, route.team.language);
  }
  return { analysis: applyFloor(analysis, floor), floor, route };
}

/** The words a request is analysed on: its messages in order; an email's subject (which often
 * carries the complaint itself) is read with its body. */
export function requestText(
  messages: Array<{ platform: string; subject: string | null; text: string }>,
): string {
  return messages
    .map((message) => {
      if (message.platform !== 'email' || !message.subject) return message.text;
      return message.text.trim() ? `${message.subject}\n\n${message.text}` : message.subject;
    })
    .join('\n\n');
}

/**
 * The summary is written in the owning team's language, but the team is only known after
 * analysis: the first guess is the team the account is pinned to, else the default team.
 */
function guessSummaryLanguage(directory: Directory, account: Account | null): string {
  const teamId = account?.routing['*'] ?? directory.defaultTeam;
  return directory.teams.find((team) => team.id === teamId)?.language ?? 'en';
}

/**
 * When the owning team reads another language than the first guess, only the words meant for
 * people (summary and priority reason) are asked for again; priority, topics and signals stay
 * those the route was chosen on, so a second answer can never move the request.
 */
async function inTeamLanguage(
  analyzer: Analyzer,
  input: AnalyzerInput,
  first: Analysis,
  language: string,
): Promise<Analysis> {
  const second = await analyzer.analyze({ ...input, summaryLanguage: language });
  return {
    ...first,
    summary: second.summary,
    priorityReason: second.priorityReason,
    usage: addUsage(first.usage, second.usage),
  };
}

function addUsage(a: Usage | null, b: Usage | null): Usage | null {
  if (!a || !b) return a ?? b;
  return {
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    cacheReadTokens: a.cacheReadTokens + b.cacheReadTokens,
    cacheWriteTokens: a.cacheWriteTokens + b.cacheWriteTokens,
    costUsd: a.costUsd + b.costUsd,
  };
}

import type { Analysis, Usage } from '../analysis.ts';
import type { Account, Directory } from '../directory.ts';
import type { FloorHit } from '../floor.ts';
import type { Analyzer, AnalyzerInput } from '../ports.ts';
import { applyFloor, findFloorHits } from '../priority-floor.ts';
import { chooseRoute, type Route } from '../routing.ts';
import { verifyChurnQuotes } from '../verify-churn-quotes.ts';

export interface TextAnalysis {
  /** The analysis with the priority floor applied and its churn quotes verified. */
  analysis: Analysis;
  /** The priority the analyzer itself chose, before the floor. */
  analyzerPriority: Analysis['priority'];
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
  const otherLanguages = teamLanguages(deps.directory).filter(
    (language) => language !== analyzerInput.summaryLanguage,
  );
  if (otherLanguages.length > 0) analyzerInput.otherLanguages = otherLanguages;
  let analysis = verifyChurnQuotes(await deps.analyzer.analyze(analyzerInput), text);
  const analyzerPriority = analysis.priority;
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
  return { analysis: applyFloor(analysis, floor), analyzerPriority, floor, route };
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

/** Every language a team reads, in team order, once each. */
function teamLanguages(directory: Directory): string[] {
  return [...new Set(directory.teams.map((team) => team.language))];
}

/**
 * When the owning team reads another language than the first guess, the summary and priority
 * reason come from the translations the same call returned (the model is asked for every team
 * language at once, so one call per triage is the rule). An analyzer that returned none (the
 * offline engine) is asked again for those words only; priority, topics and signals stay those the
 * route was chosen on, so a second answer can never move the request.
 */
async function inTeamLanguage(
  analyzer: Analyzer,
  input: AnalyzerInput,
  first: Analysis,
  language: string,
): Promise<Analysis> {
  const translation = first.translations?.find((candidate) => candidate.language === language);
  if (translation) {
    return { ...first, summary: translation.summary, priorityReason: translation.priorityReason };
  }
  const second = await analyzer.analyze({ ...input, summaryLanguage: language, otherLanguages: [] });
  return {
    ...first,
    summary: second.summary,
    priorityReason: second.priorityReason,
    usage: addUsage(first.usage, second.usage),
    ...(first.trace
      ? { trace: { ...first.trace, calls: (first.trace.calls ?? 0) + (second.trace?.calls ?? 0) } }
      : {}),
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

import type { Account, Team, Topic } from '../directory.ts';
import type { HealthSnapshot } from '../health/health-snapshot.ts';
import { RECENT_SNAPSHOT_DAYS } from '../health/health-store.ts';
import { PRIORITIES } from '../priority.ts';
import { chooseQuotes, type QuoteCandidate } from './choose-quotes.ts';
import type { Digest, DigestQuote, DigestTheme, DigestTopic } from './digest.ts';
import { digestHealthAccounts } from './digest-health-accounts.ts';
import type { DigestArchive, DigestSource, DigestWindow, ThemeClusterer } from './digest-source.ts';
import { formatIsoWeek, type IsoWeek, shiftWeek, weekStart } from './iso-week.ts';
import {
  applyThemeNames,
  type ThemeNamer,
  type ThemeNames,
  type ThemeNamingBatch,
  type ThemeToName,
  themeId,
} from './theme-namer.ts';
import {
  classifyTopicTrends,
  DEFAULT_TREND_SETTINGS,
  type TopicTrend,
  type TrendSettings,
} from './topic-trends.ts';

export interface DigestDeps {
  source: DigestSource;
  archive: DigestArchive;
  themes: ThemeClusterer;
  topics: Topic[];
  teams: Team[];
  accounts: Account[];
  timezone: string;
  trend?: Partial<TrendSettings>;
  /** Account-health snapshots (latest per account on or before a day); absent: no health section. */
  health?: {
    latestSnapshots(
      day: string,
      options?: { factors?: boolean; withinDays?: number },
    ): Promise<Map<string, HealthSnapshot>>;
  };
  /** Names emerging themes (Claude); absent: every theme keeps its key-phrase label. */
  themeNamer?: ThemeNamer;
  /** How long posting waits for a prepared digest's naming batch before it falls back (ms). */
  themeBatchWaitMs?: number;
  /** Told each time themes keep their key-phrase labels although a namer was there, and why. */
  onThemeNamingFallback?: (event: ThemeNamingFallback) => void;
}

/** Why a digest's themes were not named by Claude (for logs; no customer text). */
export interface ThemeNamingFallback {
  week: string;
  scope: string;
  reason: 'error' | 'unnamed' | 'batch-not-ended' | 'batch-not-submitted' | 'no-namer';
  batchId?: string;
  /** Themes that kept their key-phrase label, of all the digest's themes. */
  unnamed: number;
  themes: number;
  error?: unknown;
}

export interface DigestInput {
  week: IsoWeek;
  /** A team's slice, or null for the company-wide digest. */
  teamId: string | null;
  now: Date;
  /**
   * For a digest prepared ahead: how long to wait for its naming batch, then post with key-phrase
   * labels and store that as final. Absent: look once and, if the batch has not ended, return the
   * prepared digest as it is (key-phrase labels) without settling it.
   */
  themeWaitMs?: number;
}

/** Scope key under which a digest is stored: `all` or the team id. */
export function digestScope(teamId: string | null): string {
  return teamId ?? 'all';
}

/**
 * The digest of a week: read from the archive when it was computed before (so a re-run posts
 * the same words and numbers), else computed from storage and kept.
 */
export async function prepareDigest(deps: DigestDeps, input: DigestInput): Promise<Digest> {
  const week = formatIsoWeek(input.week);
  const scope = digestScope(input.teamId);
  const stored = await deps.archive.find(week, scope);
  if (stored) {
    const batch = await deps.archive.pendingThemeBatch(week, scope);
    return batch
      ? settlePreparedDigest(deps, { week, scope, digest: stored, batch, waitMs: input.themeWaitMs })
      : stored;
  }
  return deps.archive.keep(week, scope, await computeDigest(deps, input));
}

/**
 * A prepared digest whose themes await a naming batch: collects the batch and stores the final
 * digest, Claude's names where it gave them and key-phrase labels elsewhere. Without a deadline
 * (`waitMs` absent) a batch still running leaves the prepared digest as it is.
 */
async function settlePreparedDigest(
  deps: DigestDeps,
  input: { week: string; scope: string; digest: Digest; batch: ThemeNamingBatch; waitMs: number | undefined },
): Promise<Digest> {
  const { week, scope, digest, batch } = input;
  const fallback = (reason: ThemeNamingFallback['reason'], error?: unknown) =>
    deps.onThemeNamingFallback?.({
      week,
      scope,
      reason,
      batchId: batch.batchId,
      unnamed: digest.emerging.length,
      themes: digest.emerging.length,
      ...(error === undefined ? {} : { error }),
    });
  // Key-phrase labels as prepared: stored as final once the wait is over.
  const settleUnnamed = (reason: ThemeNamingFallback['reason'], error?: unknown) => {
    fallback(reason, error);
    return deps.archive.settle(week, scope, batch.batchId, digest);
  };
  const namer = deps.themeNamer;
  if (!namer?.collect) return input.waitMs === undefined ? digest : settleUnnamed('no-namer');
  let result: Awaited<ReturnType<NonNullable<ThemeNamer['collect']>>>;
  try {
    result = await namer.collect(batch.batchId, {
      waitMs: input.waitMs ?? 0,
      themeIds: digest.emerging.map((_, index) => themeId(index)),
    });
  } catch (error) {
    return input.waitMs === undefined ? digest : settleUnnamed('error', error);
  }
  if (result.status === 'pending')
    return input.waitMs === undefined ? digest : settleUnnamed('batch-not-ended');
  const emerging = nameThemes(deps, { week, scope }, digest.emerging, result.names);
  return deps.archive.settle(week, scope, batch.batchId, { ...digest, emerging });
}

/** Applies names and reports the themes that kept their key-phrase label. */
function nameThemes(
  deps: DigestDeps,
  key: { week: string; scope: string },
  themes: DigestTheme[],
  names: ThemeNames,
): DigestTheme[] {
  const named = applyThemeNames(themes, names);
  const unnamed = named.filter((theme) => theme.namedBy !== 'claude').length;
  if (unnamed > 0)
    deps.onThemeNamingFallback?.({ ...key, reason: 'unnamed', unnamed, themes: themes.length });
  return named;
}

const QUOTES_PER_TOPIC = 2;
const CANDIDATES_PER_TOPIC = 40;
const CHARTED_TOPICS = 6;
const THEME_CONFIDENCE = 0.5;
const THEME_DOCUMENTS = 2000;
const MAX_LISTED = 8;

/**
 * Computes the digest from storage without reading or writing the archive; emerging themes are
 * named by `deps.themeNamer` now (one call) when there is one, else by their key phrases.
 */
export async function computeDigest(deps: DigestDeps, input: DigestInput): Promise<Digest> {
  const { digest, themesToName } = await computeDigestDraft(deps, input);
  const namer = deps.themeNamer;
  if (!namer || themesToName.length === 0) return digest;
  const key = { week: digest.week, scope: digestScope(input.teamId) };
  let names: ThemeNames;
  try {
    names = await namer.name(themesToName, digest.language);
  } catch (error) {
    deps.onThemeNamingFallback?.({
      ...key,
      reason: 'error',
      unnamed: themesToName.length,
      themes: themesToName.length,
      error,
    });
    return digest;
  }
  return { ...digest, emerging: nameThemes(deps, key, digest.emerging, names) };
}

/** Member texts sent to the namer per theme, and the characters kept of each. */
const SAMPLES_PER_THEME = 3;
const SAMPLE_CHARS = 400;

/**
 * The digest with every emerging theme labelled by its key phrases, and what a namer needs to
 * name those themes (key phrases and a few member texts, unredacted: the adapter redacts).
 */
export async function computeDigestDraft(
  deps: DigestDeps,
  input: DigestInput,
): Promise<{ digest: Digest; themesToName: ThemeToName[] }> {
  const settings = { ...DEFAULT_TREND_SETTINGS, ...deps.trend };
  const weeks = Array.from({ length: settings.baselineWeeks + 2 }, (_, index) =>
    shiftWeek(input.week, index - settings.baselineWeeks),
  );
  const window: DigestWindow = {
    bounds: weeks.map((week) => weekStart(week, deps.timezone)),
    teamId: input.teamId,
  };
  const current = settings.baselineWeeks;
  const team = deps.teams.find((candidate) => candidate.id === input.teamId) ?? null;
  const accountName = (id: string | null) => deps.accounts.find((account) => account.id === id)?.name ?? id;
  const topicLabel = (id: string) => deps.topics.find((topic) => topic.id === id)?.label ?? id;

  // Themes need no counts: their requests are read and clustered (CPU in this process) while the
  // database counts (in its own), so the digest costs the slower of the two, not their sum.
  const themesRead = (async () => {
    const unmatched = await deps.source.unmatchedRequests(window, THEME_CONFIDENCE, THEME_DOCUMENTS);
    const themes = deps.themes.cluster(
      unmatched.map((candidate) => ({ id: candidate.requestId, text: candidate.text })),
    );
    return { unmatched, themes };
  })();
  // Quote candidates are ranked for every topic of the week while the counts run (a topic's
  // ranking does not depend on the others'); only the rising and falling topics' are used.
  const candidatesRead = deps.source.quoteCandidates(window, CANDIDATES_PER_TOPIC);
  // Settled here so a failure is not left unhandled while the counts are awaited.
  themesRead.catch(() => {});
  candidatesRead.catch(() => {});
  const [topicRows, priorityRows, accountRows, responsiveRows] = await Promise.all([
    deps.source.topicWeekCounts(window),
    deps.source.priorityWeekCounts(window),
    deps.source.accountsInWeek(window),
    deps.source.responsiveness(window),
  ]);

  const perTopic = new Map<string, { count: number; accounts: number; baseline: number }>();
  for (const row of topicRows) {
    const entry = perTopic.get(row.topic) ?? { count: 0, accounts: 0, baseline: 0 };
    if (row.week === current) {
      entry.count += row.count;
      entry.accounts = row.accounts;
    } else entry.baseline += row.count;
    perTopic.set(row.topic, entry);
  }
  const trends = classifyTopicTrends(
    [...perTopic].map(([topic, entry]) => ({ topic, ...entry })),
    settings,
  );
  const byStrength = (a: TopicTrend, b: TopicTrend) =>
    a.pValue - b.pValue || b.count - a.count || a.topic.localeCompare(b.topic);
  const risingTrends = trends
    .filter((trend) => trend.kind === 'rising' || trend.kind === 'new')
    .sort(byStrength);
  const fallingTrends = trends.filter((trend) => trend.kind === 'falling').sort(byStrength);

  const candidates = await candidatesRead;
  const toQuote = (candidate: QuoteCandidate): DigestQuote => ({
    text: candidate.text,
    account: accountName(candidate.account),
    author: candidate.author,
    link: candidate.link,
    at: candidate.at.toISOString(),
  });
  const toTopic = (trend: TopicTrend): DigestTopic => ({
    topic: trend.topic,
    label: topicLabel(trend.topic),
    kind: trend.kind === 'steady' ? 'rising' : trend.kind,
    count: trend.count,
    baseline: trend.baseline,
    accounts: trend.accounts,
    rateRatio: Number.isFinite(trend.rateRatio) ? trend.rateRatio : null,
    ci: [trend.ci[0], Number.isFinite(trend.ci[1]) ? trend.ci[1] : null],
    pValue: trend.pValue,
    qValue: trend.qValue,
    quotes: chooseQuotes(
      candidates.filter((candidate) => candidate.topic === trend.topic),
      QUOTES_PER_TOPIC,
    ).map(toQuote),
  });

  const weekly = (predicate: (week: number) => boolean) =>
    priorityRows.filter((row) => predicate(row.week)).reduce((sum, row) => sum + row.count, 0);
  const requests = weekly((week) => week === current);
  const baselineMean = weekly((week) => week < current) / settings.baselineWeeks;

  const { unmatched, themes } = await themesRead;
  const byRequest = new Map(unmatched.map((candidate) => [candidate.requestId, candidate]));
  const clustered = themes
    .map((theme) => {
      const members = theme.requestIds.flatMap((id) => {
        const member = byRequest.get(id);
        return member ? [member] : [];
      });
      return {
        members,
        theme: {
          label: theme.keyPhrases.slice(0, 3).join(', '),
          namedBy: 'key-phrases',
          keyPhrases: theme.keyPhrases,
          count: members.length,
          accounts: new Set(members.map((member) => member.account)).size,
          quotes: chooseQuotes(members, 1).map(toQuote),
        } satisfies DigestTheme,
      };
    })
    .filter(({ theme }) => theme.count >= settings.minMentions && theme.accounts >= settings.minAccounts)
    .slice(0, 5);
  const emerging = clustered.map(({ theme }) => theme);
  const themesToName: ThemeToName[] = clustered.map(({ theme, members }, index) => ({
    id: themeId(index),
    keyPhrases: theme.keyPhrases,
    samples: chooseQuotes(members, SAMPLES_PER_THEME).map((member) => member.text.slice(0, SAMPLE_CHARS)),
  }));

  const charted = [
    ...risingTrends.slice(0, CHARTED_TOPICS / 2),
    ...fallingTrends.slice(0, CHARTED_TOPICS / 2),
  ];
  const chart = charted.flatMap((trend) =>
    weeks.slice(0, current + 1).map((week, index) => ({
      week: formatIsoWeek(week),
      topic: trend.topic,
      label: topicLabel(trend.topic),
      count: topicRows
        .filter((row) => row.topic === trend.topic && row.week === index)
        .reduce((sum, row) => sum + row.count, 0),
    })),
  );

  const named = accountRows.filter((row) => row.accountId !== null);
  // Health by the end of the week (or now, for the week in progress) against its start.
  const weekEnd = new Date(Math.min(window.bounds[current + 1]!.getTime() - 1, input.now.getTime()));
  const dayOf = (at: Date) => at.toISOString().slice(0, 10);
  const [atEnd, atStart] = deps.health
    ? await Promise.all([
        deps.health.latestSnapshots(dayOf(weekEnd), { factors: false, withinDays: RECENT_SNAPSHOT_DAYS }),
        deps.health.latestSnapshots(dayOf(new Date(window.bounds[current]!.getTime() - 1)), {
          factors: false,
          withinDays: RECENT_SNAPSHOT_DAYS,
        }),
      ])
    : [new Map<string, HealthSnapshot>(), new Map<string, HealthSnapshot>()];
  const health = digestHealthAccounts({
    accounts: deps.accounts,
    atEnd,
    atStart,
    weekEnd,
    // A team's slice shows the accounts that wrote to that team this week.
    scope: input.teamId === null ? null : new Set(named.map((row) => row.accountId ?? '')),
  });
  const teamsShown = input.teamId === null ? deps.teams : team ? [team] : [];
  const digest: Digest = {
    week: formatIsoWeek(input.week),
    team: input.teamId,
    language: team?.language ?? 'en',
    timezone: deps.timezone,
    from: window.bounds[current]!.toISOString(),
    to: window.bounds[current + 1]!.toISOString(),
    baselineWeeks: settings.baselineWeeks,
    quiet: requests === 0,
    volume: {
      requests,
      baselineWeeklyMean: baselineMean,
      byPriority: PRIORITIES.map((priority) => ({
        priority,
        count: priorityRows
          .filter((row) => row.priority === priority && row.week === current)
          .reduce((sum, row) => sum + row.count, 0),
        baselineWeeklyMean:
          priorityRows
            .filter((row) => row.priority === priority && row.week < current)
            .reduce((sum, row) => sum + row.count, 0) / settings.baselineWeeks,
      })),
      accounts: named.length,
      accountNames: named.map((row) => accountName(row.accountId) ?? '').sort((a, b) => a.localeCompare(b)),
      unmappedRequests: accountRows.find((row) => row.accountId === null)?.requests ?? 0,
    },
    rising: risingTrends.slice(0, MAX_LISTED).map(toTopic),
    falling: fallingTrends.slice(0, MAX_LISTED).map(toTopic),
    emerging,
    accounts: {
      source: atEnd.size > 0 ? 'health' : 'negative-requests',
      ...health,
      list: named
        .filter((row) => row.negative > 0)
        .sort(
          (a, b) =>
            b.negative - a.negative ||
            a.meanSentiment - b.meanSentiment ||
            (a.accountId ?? '').localeCompare(b.accountId ?? ''),
        )
        .slice(0, 5)
        .map((row) => ({
          account: row.accountId ?? '',
          name: accountName(row.accountId) ?? '',
          negativeRequests: row.negative,
          requests: row.requests,
          meanSentiment: row.meanSentiment,
        })),
    },
    responsiveness: {
      teams: teamsShown.flatMap((shown) => {
        const row = responsiveRows.find((candidate) => candidate.teamId === shown.id);
        // A team with nothing to report this week is left out, so a quiet week stays short.
        if (!row || (row.responded === 0 && row.breaches === 0 && row.unanswered === 0)) return [];
        return [
          {
            team: shown.id,
            name: shown.name,
            responded: row.responded,
            medianMinutes: row.medianMinutes,
            p90Minutes: row.p90Minutes,
            withinTarget: row.withinTarget,
            breaches: row.breaches,
            unanswered: row.unanswered,
          },
        ];
      }),
    },
    chart,
    computedAt: input.now.toISOString(),
  };
  return { digest, themesToName };
}

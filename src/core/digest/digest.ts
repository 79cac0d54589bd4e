import type { HealthBand } from '../health/health-model.ts';
import type { Priority } from '../priority.ts';

/**
 * The weekly digest as data: what `verbatim digest --json` prints, what is stored per week and
 * scope, and what each platform renders. Numbers that are infinite (a topic with no baseline)
 * are null, so the value survives JSON unchanged.
 */
export interface Digest {
  /** ISO week, `YYYY-Www`. */
  week: string;
  /** Team id of a per-team slice, or null for the company-wide digest. */
  team: string | null;
  /** Language of the fixed texts (BCP 47). */
  language: string;
  timezone: string;
  /** The week's bounds as ISO instants: [from, to). */
  from: string;
  to: string;
  baselineWeeks: number;
  /** True when the week had no requests at all: the digest says so briefly. */
  quiet: boolean;
  volume: DigestVolume;
  rising: DigestTopic[];
  falling: DigestTopic[];
  emerging: DigestTheme[];
  accounts: DigestAccounts;
  responsiveness: DigestResponsiveness;
  /** Weekly counts of the charted topics over the baseline and the digest week, oldest first. */
  chart: DigestChartPoint[];
  /** When it was computed (ISO instant); a stored digest keeps its first computation. */
  computedAt: string;
}

export interface DigestVolume {
  requests: number;
  /** Mean requests per baseline week. */
  baselineWeeklyMean: number;
  byPriority: Array<{ priority: Priority; count: number; baselineWeeklyMean: number }>;
  /** Accounts with at least one request this week (named accounts only). */
  accounts: number;
  accountNames: string[];
  /** Requests from conversations not mapped to an account. */
  unmappedRequests: number;
}

export interface DigestQuote {
  /** The customer's words, verbatim. */
  text: string;
  account: string | null;
  author: string;
  link: string | null;
  /** ISO instant the customer wrote it. */
  at: string;
}

export interface DigestTopic {
  topic: string;
  label: string;
  /** `new`: no requests on the topic in the whole baseline. */
  kind: 'new' | 'rising' | 'falling';
  count: number;
  /** Requests on the topic across all baseline weeks together. */
  baseline: number;
  accounts: number;
  /** Weekly rate ÷ baseline weekly rate; null when the baseline is 0. */
  rateRatio: number | null;
  /** Interval of the rate ratio; an upper bound of null is unbounded. */
  ci: [number, number | null];
  pValue: number;
  qValue: number;
  quotes: DigestQuote[];
}

export interface DigestTheme {
  /**
   * The cluster's name: a short name Claude gave it, or its key phrases (offline). Either way these
   * are not the customer's words, so views never show the label as a quotation.
   */
  label: string;
  /** Which engine named the theme: `claude`, or `key-phrases` when Claude did not (or was not asked). */
  namedBy: ThemeNamedBy;
  keyPhrases: string[];
  count: number;
  accounts: number;
  quotes: DigestQuote[];
}

export type ThemeNamedBy = 'claude' | 'key-phrases';

export interface DigestAccounts {
  /**
   * Where the health parts come from. `health`: nightly account-health snapshots exist for the
   * week, so `healthDrops` and `atRisk` are filled; `negative-requests`: there are none yet, so
   * only `list` (the accounts with the most negative requests this week) says anything.
   */
  source: 'health' | 'negative-requests';
  /** The week's biggest health-score drops (at least MIN_HEALTH_DROP points), biggest first. */
  healthDrops: Array<{
    account: string;
    name: string;
    scoreFrom: number;
    scoreTo: number;
    drop: number;
    band: HealthBand | null;
    topReason: string | null;
  }>;
  /** Accounts at risk or critical at the end of the week, most urgent first. */
  atRisk: Array<{
    account: string;
    name: string;
    score: number | null;
    band: HealthBand | null;
    urgency: number;
    topReason: string | null;
  }>;
  /** The accounts with the most negative requests this week. */
  list: Array<{
    account: string;
    name: string;
    negativeRequests: number;
    requests: number;
    meanSentiment: number;
  }>;
}

export interface DigestResponsiveness {
  teams: Array<{
    team: string;
    name: string;
    /** Routed requests opened this week that got a first response. */
    responded: number;
    /** First-response time in business minutes (plain minutes for 24/7 priorities); null with no responses. */
    medianMinutes: number | null;
    p90Minutes: number | null;
    /** Share (0…1) of responded requests answered within their target; null with no responses. */
    withinTarget: number | null;
    /** Breach nudges that fell due this week. */
    breaches: number;
    /** Routed requests opened in the baseline weeks or the digest week without a first response, when computed. */
    unanswered: number;
  }>;
}

export interface DigestChartPoint {
  week: string;
  topic: string;
  label: string;
  count: number;
}

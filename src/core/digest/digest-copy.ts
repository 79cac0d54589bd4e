import type { Digest, DigestTopic, ThemeNamedBy } from './digest.ts';

/**
 * The digest's fixed texts per language; customer words are never translated. A team's slice
 * uses the team's language when it is listed here, else English.
 */
export interface DigestCopy {
  title: (week: string, team: string | null) => string;
  late: string;
  quiet: string;
  volume: (requests: number, baseline: string, accounts: number) => string;
  unmapped: (count: number) => string;
  rising: string;
  falling: string;
  newTopic: string;
  noTrend: string;
  topicLine: (count: number, baseline: string, ratio: string, ci: string, q: string) => string;
  newLine: (count: number, accounts: number, weeks: number) => string;
  emerging: string;
  /** Which engine named an emerging theme, shown small beside it (the name is not a quote). */
  themeNamedBy: (namedBy: ThemeNamedBy) => string;
  accounts: string;
  accountsSource: string;
  accountLine: (negative: number, requests: number) => string;
  healthDrops: string;
  dropLine: (from: number, to: number, band: string | null) => string;
  atRisk: string;
  atRiskLine: (score: number | null, band: string | null) => string;
  noHealth: string;
  responsiveness: string;
  responseLine: (median: string, p90: string, within: string, breaches: number, unanswered: number) => string;
  noResponses: (breaches: number, unanswered: number) => string;
  chartAlt: (week: string) => string;
  chartMissing: string;
  method: string;
}

const en: DigestCopy = {
  title: (week, team) => `Weekly digest ${week}${team ? ` · ${team}` : ''}`,
  late: 'Posted late: Verbatim was not running when this digest was due.',
  quiet: 'A quiet week: no customer requests.',
  volume: (requests, baseline, accounts) =>
    `${requests} requests (baseline ${baseline}/week) from ${accounts} accounts`,
  unmapped: (count) => `${count} from conversations not mapped to an account`,
  rising: 'Rising',
  falling: 'Falling',
  newTopic: 'new',
  noTrend: 'No topic rose or fell beyond chance this week.',
  topicLine: (count, baseline, ratio, ci, q) =>
    `${count} this week vs ${baseline}/week · ×${ratio} (95% CI ${ci}) · q=${q}`,
  newLine: (count, accounts, weeks) =>
    `${count} this week from ${accounts} accounts, none in the previous ${weeks} weeks`,
  emerging: 'Emerging themes (no matching topic)',
  themeNamedBy: (namedBy) => (namedBy === 'claude' ? 'named by Claude' : 'key phrases'),
  accounts: 'Accounts to watch',
  accountsSource: 'Most negative requests this week.',
  accountLine: (negative, requests) => `${negative} negative of ${requests} requests`,
  healthDrops: 'Biggest health drops this week',
  dropLine: (from, to, band) => `health ${from} → ${to}${band ? `, now ${band}` : ''}`,
  atRisk: 'Accounts at risk',
  atRiskLine: (score, band) => `${band ?? 'no band'}, health ${score ?? '–'}`,
  noHealth: 'No account-health snapshots for this week yet (they are taken nightly).',
  responsiveness: 'First response',
  responseLine: (median, p90, within, breaches, unanswered) =>
    `median ${median}, p90 ${p90}, ${within} within target · ${breaches} breaches · ${unanswered} unanswered now`,
  noResponses: (breaches, unanswered) =>
    `no first responses · ${breaches} breaches · ${unanswered} unanswered now`,
  chartAlt: (week) => `Weekly request counts of the rising and falling topics up to ${week}`,
  chartMissing: 'The chart could not be rendered this time; the numbers above are complete.',
  method:
    'Exact Poisson rate test vs the baseline, Benjamini–Hochberg q ≤ 0.1, ≥ 3 requests from ≥ 2 accounts.',
};

const fi: DigestCopy = {
  title: (week, team) => `Viikkokooste ${week}${team ? ` · ${team}` : ''}`,
  late: 'Julkaistu myöhässä: Verbatim ei ollut käynnissä, kun kooste oli määrä julkaista.',
  quiet: 'Hiljainen viikko: ei asiakaspyyntöjä.',
  volume: (requests, baseline, accounts) =>
    `${requests} pyyntöä (vertailutaso ${baseline}/vko) ${accounts} asiakkaalta`,
  unmapped: (count) => `${count} keskusteluista, joita ei ole liitetty asiakkaaseen`,
  rising: 'Nousussa',
  falling: 'Laskussa',
  newTopic: 'uusi',
  noTrend: 'Mikään aihe ei noussut tai laskenut sattumaa enempää tällä viikolla.',
  topicLine: (count, baseline, ratio, ci, q) =>
    `${count} tällä viikolla, vertailutaso ${baseline}/vko · ×${ratio} (95 % lv ${ci}) · q=${q}`,
  newLine: (count, accounts, weeks) =>
    `${count} tällä viikolla ${accounts} asiakkaalta, ei yhtään edellisten ${weeks} viikon aikana`,
  emerging: 'Uudet teemat (ei vastaavaa aihetta)',
  themeNamedBy: (namedBy) => (namedBy === 'claude' ? 'Clauden nimeämä' : 'avainsanat'),
  accounts: 'Seurattavat asiakkaat',
  accountsSource: 'Eniten kielteisiä pyyntöjä tällä viikolla.',
  accountLine: (negative, requests) => `${negative} kielteistä / ${requests} pyyntöä`,
  healthDrops: 'Suurimmat terveyspisteiden laskut tällä viikolla',
  dropLine: (from, to, band) => `terveys ${from} → ${to}${band ? `, nyt ${band}` : ''}`,
  atRisk: 'Riskissä olevat asiakkaat',
  atRiskLine: (score, band) => `${band ?? 'ei luokkaa'}, terveys ${score ?? '–'}`,
  noHealth: 'Tältä viikolta ei vielä ole asiakkaiden terveystilannekuvia (ne otetaan öisin).',
  responsiveness: 'Ensivastaus',
  responseLine: (median, p90, within, breaches, unanswered) =>
    `mediaani ${median}, p90 ${p90}, ${within} tavoitteessa · ${breaches} ylitystä · ${unanswered} vastaamatta nyt`,
  noResponses: (breaches, unanswered) =>
    `ei ensivastauksia · ${breaches} ylitystä · ${unanswered} vastaamatta nyt`,
  chartAlt: (week) => `Nousevien ja laskevien aiheiden pyynnöt viikoittain viikkoon ${week} asti`,
  chartMissing: 'Kaaviota ei voitu piirtää tällä kertaa; yllä olevat luvut ovat täydelliset.',
  method: 'Tarkka Poisson-testi vertailutasoon, Benjamini–Hochberg q ≤ 0,1, ≥ 3 pyyntöä ≥ 2 asiakkaalta.',
};

const COPY: Record<string, DigestCopy> = { en, fi };

export function digestCopy(language: string): DigestCopy {
  return COPY[language.split('-')[0]!.toLowerCase()] ?? en;
}

/** Business minutes as `45 min`, `3.5 h`. */
export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return '–';
  if (minutes < 90) return `${Math.round(minutes)} min`;
  return `${(minutes / 60).toFixed(1)} h`;
}

/** A number with two significant decimals at most, `∞` for null (unbounded). */
export function formatRatio(value: number | null): string {
  if (value === null) return '∞';
  return value >= 10 ? value.toFixed(0) : value.toFixed(value >= 1 ? 1 : 2);
}

/** A q- or p-value: `0.003`, `<0.001`. */
export function formatProbability(value: number): string {
  return value < 0.001 ? '<0.001' : value.toFixed(3);
}

/** One topic's numbers in words: count vs baseline, rate ratio with its interval, q-value. */
export function describeTopic(digest: Digest, topic: DigestTopic): string {
  const copy = digestCopy(digest.language);
  if (topic.kind === 'new') return copy.newLine(topic.count, topic.accounts, digest.baselineWeeks);
  const ci = `${formatRatio(topic.ci[0])}–${formatRatio(topic.ci[1])}`;
  return copy.topicLine(
    topic.count,
    (topic.baseline / digest.baselineWeeks).toFixed(1),
    formatRatio(topic.rateRatio),
    ci,
    formatProbability(topic.qValue),
  );
}

/** A team's first-response figures in words. */
export function describeResponse(digest: Digest, team: Digest['responsiveness']['teams'][number]): string {
  const copy = digestCopy(digest.language);
  if (team.responded === 0) return copy.noResponses(team.breaches, team.unanswered);
  return copy.responseLine(
    formatMinutes(team.medianMinutes),
    formatMinutes(team.p90Minutes),
    team.withinTarget === null ? '–' : `${Math.round(team.withinTarget * 100)} %`,
    team.breaches,
    team.unanswered,
  );
}

import { isContractBreach } from './contract-breach.ts';
import {
  isDeniedIncident,
  isGenericInQuestion,
  isPlannedFor,
  isSupposedInQuestion,
} from './denied-incident.ts';
import { worksEventually } from './eventually-works.ts';
import { isFigurativeDown } from './figurative-down.ts';
import type { FloorHit } from './floor.ts';
import { FLOOR_RULES, type FloorRule, NEGATORS, NOT_PROPER_NAMES, RENEWAL_RISK_CUES } from './floor-cues.ts';
import { isDesiredState } from './floor-desired-state.ts';
import { maskMachineText } from './floor-machine-text.ts';
import { isFramedAsHypothetical } from './hypothetical-frame.ts';
import { isNamedAfterOutages } from './named-after-outages.ts';
import { isNarrowScope } from './narrow-scope.ts';
import { isCalmRetrospective, isPastIncident } from './past-incident.ts';
import { mentionsPlannedStop } from './planned-stop.ts';
import { mostUrgent, type Priority, priorityRank } from './priority.ts';
import { isQuotedMention } from './quoted-mention.ts';
import { deniesIncidentNow, isRetracted } from './retracted-incident.ts';
import { isSignatureTitle } from './signature-title.ts';
import { isSomeoneElsesOutage } from './someone-elses-outage.ts';
import { asksNoticePeriodCalmly, isUndecidedQuestion } from './undecided-churn.ts';

/**
 * The priority floor: deterministic rules that set a minimum priority whatever an analyzer says,
 * so a model (or a prompt injection in the customer's text) can raise a priority but never bury
 * an outage, a security incident or a cancellation. False positives cost a faster look; false
 * negatives cost a customer, so the cues lean towards firing.
 */

export interface FloorInput {
  text: string;
  account: { tier: string; renewalDate?: string } | null;
  /** −1 … 1, or null when not known yet. */
  sentiment: number | null;
  now: Date;
  /** Calendar days before the renewal date in which a negative enterprise message raises the floor. */
  renewalWindowDays: number;
}

/** Characters scanned. Floor cues sit in what the customer wrote up front, not in a pasted log. */
export const MAX_FLOOR_CHARS = 50_000;
/** Sentiment at or below which an enterprise message near renewal is a risk. */
export const RENEWAL_RISK_SENTIMENT = -0.3;
/** Words looked at before a cue for a negator ("no data loss", "ei ole alhaalla"). */
const NEGATION_WINDOW_WORDS = 3;
/** Words looked at after a cue for "…is over / resolved" ("the outage is over now"). */
const RESOLUTION_WINDOW_WORDS = 4;
const RESOLVED_WORDS = new Set([
  'over',
  'resolved',
  'fixed',
  'ended',
  'restored',
  'ohi',
  'korjattu',
  'korjaantui',
]);
const CLAUSE_BREAK = /[.,;:!?\n]|\s(?:but|however|mutta|kuitenkin)\s/giu;
const WORD = /\p{L}+(?:['’]\p{L}+)*/gu;
const MS_PER_DAY = 86_400_000;

interface CompiledRule extends FloorRule {
  regexes: RegExp[];
  unlessInClauseRegex?: RegExp;
}

/** Turns a readable cue (see `floor-cues.ts`) into a global, case-insensitive Unicode regex. */
export function compileCue(cue: string): RegExp {
  const source = cue.replaceAll(' ', '\\s+').replaceAll("'", "['’]");
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${source})(?![\\p{L}\\p{N}_])`, 'giu');
}

const COMPILED: readonly CompiledRule[] = FLOOR_RULES.map((rule) => ({
  ...rule,
  regexes: rule.cues.map(compileCue),
  ...(rule.unlessInClause
    ? { unlessInClauseRegex: new RegExp(rule.unlessInClause.replaceAll(' ', '\\s+'), 'iu') }
    : {}),
}));

const RENEWAL_RISK_RULE: CompiledRule = {
  rule: 'renewal-risk',
  priority: 'P2',
  reason: '',
  negatable: true,
  cues: [...RENEWAL_RISK_CUES],
  regexes: RENEWAL_RISK_CUES.map(compileCue),
};

/** Every floor rule that fires for the text and account, at most one hit per rule, P1 rules first. */
export function findFloorHits(input: FloorInput): FloorHit[] {
  const text = maskMachineText(input.text.slice(0, MAX_FLOOR_CHARS));
  const hits: FloorHit[] = [];
  for (const rule of COMPILED) {
    const phrase = findEarliestCue(text, rule);
    if (phrase !== null) hits.push({ rule: rule.rule, priority: rule.priority, reason: rule.reason, phrase });
  }
  const renewal = findRenewalRisk(input, text);
  if (renewal) hits.push(renewal);
  return hits;
}

let warmed = false;

/**
 * Runs the rules over sample texts twice, so their regexes are compiled now rather than in the
 * first triage: V8 compiles a regex on its first run and again to machine code on its second, and
 * the floor's hundreds of cues took ~110 ms each time, on the event loop (docs/performance.md,
 * "End to end with a slow analyzer"). Once per process.
 */
export function warmFloorRules(): void {
  if (warmed) return;
  warmed = true;
  const now = new Date();
  for (let round = 0; round < 2; round++) {
    for (const text of ['Export is broken since this morning', 'Production is down, we may cancel']) {
      findFloorHits({ text, account: null, sentiment: null, now, renewalWindowDays: 30 });
      findDissatisfaction(text);
    }
  }
}

/**
 * The customer's words of dissatisfaction or doubt about staying (`RENEWAL_RISK_CUES`), or null.
 * Analyzers use it too, so a negative tone counts only when it is said in so many words.
 */
export function findDissatisfaction(text: string): string | null {
  return findEarliestCue(text.slice(0, MAX_FLOOR_CHARS), RENEWAL_RISK_RULE);
}

/** The most urgent priority among the hits, or null when none fired. */
export function floorPriority(hits: FloorHit[]): Priority | null {
  return hits.reduce<Priority | null>(
    (floor, hit) => (floor === null ? hit.priority : mostUrgent(floor, hit.priority)),
    null,
  );
}

/**
 * Raises an analysis to the floor. Never lowers it; when it raises, the reason says why
 * (`…; floor: mentions an outage`) so the team sees the model was overruled.
 */
export function applyFloor<A extends { priority: Priority; priorityReason: string }>(
  analysis: A,
  hits: FloorHit[],
): A {
  const floor = floorPriority(hits);
  if (floor === null || priorityRank(analysis.priority) <= priorityRank(floor)) return analysis;
  const decisive = hits.find((hit) => hit.priority === floor)!;
  const note = `floor: ${decisive.reason}`;
  const reason = analysis.priorityReason.trim().replace(/[.;,:]+$/u, '');
  const priorityReason = reason === '' ? note : `${reason}; ${note}`;
  return { ...analysis, priority: floor, priorityReason };
}

const INCIDENT_RULES: ReadonlySet<string> = new Set(['outage', 'data-loss', 'security']);

const MARKED_RESOLVED = /\[(?:resolved|closed|fixed|ratkaistu|korjattu)\]\s*(?:[-–:]\s*)?$/iu;

/** The verbatim words of the earliest cue of the rule that is not negated, or null. */
function findEarliestCue(text: string, rule: CompiledRule): string | null {
  return findEarliestCueAt(text, rule)?.phrase ?? null;
}

function findEarliestCueAt(text: string, rule: CompiledRule): { index: number; phrase: string } | null {
  let best: { index: number; phrase: string } | null = null;
  for (const regex of rule.regexes) {
    for (const match of text.matchAll(regex)) {
      if (best !== null && match.index >= best.index) break;
      if (match.groups?.['name'] !== undefined && !isProperName(match.groups['name'])) continue;
      const end = match.index + match[0].length;
      if (rule.negatable && isNegated(text, match.index, end)) continue;
      // "No breach or anything like that": an incident denied outright, even where clause negation is off.
      if (rule.unlessDenied && isDeniedIncident(text, match.index, end)) continue;
      if (rule.unlessDesired && isDesiredState(text, match.index)) continue;
      // "What happens to the widget if your platform goes down?" supposes an outage.
      // "What happens to our data if we terminate the contract?" supposes leaving, too, and "how
      // would you notify us if your platform were compromised?" an intrusion.
      if (
        (rule.rule === 'outage' ||
          rule.rule === 'cancellation' ||
          rule.rule === 'security' ||
          rule.rule === 'data-loss') &&
        isSupposedInQuestion(text, match.index, end)
      )
        continue;
      if (rule.unlessInClauseRegex?.test(clauseAround(text, match.index, end))) continue;
      // "Our new parent company is reviewing all contracts. What is our notice period? Nothing
      // decided yet": a review asked about calmly is the analyzer's to weigh, not an alarm.
      if ((rule.rule === 'involuntary' || rule.rule === 'competitor-switch') && isUndecidedQuestion(text))
        continue;
      // So is the notice period asked about then ("Mikä on irtisanomisaika? … Ei mitään päätöksiä vielä").
      if (rule.rule === 'cancellation' && asksNoticePeriodCalmly(text, match.index)) continue;
      // "a two-hour outage on Tuesday" recounts an incident; nothing is down now.
      if (rule.rule === 'outage' && isPastIncident(text, match.index, end)) continue;
      // "An incident report for last Thursday's outage? Nothing urgent, all fine since": looked back on.
      if (INCIDENT_RULES.has(rule.rule) && isCalmRetrospective(text)) continue;
      if (rule.rule === 'outage' && isFigurativeDown(text, end)) continue;
      if (rule.rule === 'outage' && isSomeoneElsesOutage(text, match.index)) continue;
      // 'raportissa "Katkokset"', "Is downtime calculated …?": a report or a figure named after outages.
      if (rule.rule === 'outage' && isNamedAfterOutages(text, match.index, end)) continue;
      // "Quick hypothetical from our business continuity lead: if the portal went down …"
      if (rule.rule === 'outage' && isFramedAsHypothetical(text)) continue;
      // "How do you notify customers of an outage?": any outage, asked about.
      if (INCIDENT_RULES.has(rule.rule) && isGenericInQuestion(text, match.index, end)) continue;
      // "A contingency plan in case the platform goes down": prepared for, not happening.
      if ((rule.rule === 'outage' || rule.rule === 'security') && isPlannedFor(text, match.index)) continue;
      // "It does load eventually, but the browser says the page is not responding": slow, not down.
      if (rule.rule === 'outage' && worksEventually(text)) continue;
      // "Subject: [Resolved] Service disruption": a forwarded notice that it is over.
      if (
        INCIDENT_RULES.has(rule.rule) &&
        MARKED_RESOLVED.test(text.slice(Math.max(0, match.index - 20), match.index))
      )
        continue;
      if (rule.priority !== 'P1' && isQuotedMention(text, match.index, end)) continue;
      // "Terveisin / Johanna Aho / Lakimies": the writer's title under the sign-off.
      if (rule.priority !== 'P1' && isSignatureTitle(text, match.index, end)) continue;
      // "Per our MSA … that is a clear breach": the contract's word, not an intrusion.
      if (rule.rule === 'security' && isContractBreach(text, match.index, end)) continue;
      // "Code 500 when I save a macro; the other macros work": one corner, not an outage.
      if (rule.rule === 'outage' && isNarrowScope(text)) continue;
      // "PRODUCTION DOWN!!! … sorry, our own VPN, works again": taken back in the same message.
      if (INCIDENT_RULES.has(rule.rule) && (isRetracted(text, end) || deniesIncidentNow(text))) continue;
      // "Production stops over midsummer for a planned maintenance shutdown", "we will be
      // conducting our continuity test on 12 June … simulate an IdP failure": nothing failed.
      if ((rule.rule === 'outage' || rule.rule === 'security') && mentionsPlannedStop(text)) continue;
      best = { index: match.index, phrase: match[0] };
      break;
    }
  }
  return best;
}

/** "Zendesk", "HubSpot", "Zendeskiin": capitalised and not a common word such as "The" or "Monday". */
export function isProperName(word: string): boolean {
  return /^\p{Lu}/u.test(word) && !NOT_PROPER_NAMES.has(word.toLowerCase().replace(/[.&+-]+$/, ''));
}

/**
 * Simple negation within the same clause: a negator among the few words before the cue ("no data
 * loss", "we have not had any outage", "palvelu ei ole alhaalla"), or "is over / resolved" right
 * after it ("the outage is over") unless that is negated too ("has not been resolved").
 */
function isNegated(text: string, start: number, end: number): boolean {
  const before = lastClause(text.slice(Math.max(0, start - 200), start));
  const wordsBefore = (before.match(WORD) ?? []).slice(-NEGATION_WINDOW_WORDS);
  if (wordsBefore.some(isNegator)) return true;
  const after = firstClause(text.slice(end, end + 200));
  const wordsAfter = (after.match(WORD) ?? [])
    .slice(0, RESOLUTION_WINDOW_WORDS)
    .map((word) => word.toLowerCase());
  return wordsAfter.some((word) => RESOLVED_WORDS.has(word)) && !wordsAfter.some(isNegator);
}

function isNegator(word: string): boolean {
  const lower = word.toLowerCase().replaceAll('’', "'");
  return NEGATORS.has(lower) || lower.endsWith("n't");
}

/** The clause holding text[start, end): from the clause break before to the one after. */
function clauseAround(text: string, start: number, end: number): string {
  const before = lastClause(text.slice(Math.max(0, start - 200), start));
  return `${before}${text.slice(start, end)}${firstClause(text.slice(end, end + 200))}`;
}

function lastClause(text: string): string {
  let cut = 0;
  for (const match of text.matchAll(CLAUSE_BREAK)) cut = match.index + match[0].length;
  return text.slice(cut);
}

function firstClause(text: string): string {
  const match = new RegExp(CLAUSE_BREAK.source, CLAUSE_BREAK.flags.replace('g', '')).exec(text);
  return match ? text.slice(0, match.index) : text;
}

/**
 * An enterprise account's negative message within `renewalWindowDays` calendar days (UTC) before
 * its renewal date, renewal day included, that states dissatisfaction or doubt in so many words
 * (`RENEWAL_RISK_CUES`): the tone alone never sets a floor. The phrase is the sentence that says it.
 */
function findRenewalRisk(input: FloorInput, text: string): FloorHit | null {
  const { account, sentiment, now, renewalWindowDays } = input;
  if (account?.tier !== 'enterprise' || !account.renewalDate) return null;
  if (sentiment === null || sentiment > RENEWAL_RISK_SENTIMENT) return null;
  const dissatisfaction = findEarliestCueAt(text, RENEWAL_RISK_RULE);
  if (dissatisfaction === null) return null;
  const days = daysUntil(account.renewalDate, now);
  if (days === null || days < 0 || days > renewalWindowDays) return null;
  const when = days === 0 ? 'today' : `in ${days} day${days === 1 ? '' : 's'}`;
  return {
    rule: 'renewal-risk',
    priority: 'P2',
    reason: `negative message (sentiment ${sentiment.toFixed(2)}) from an enterprise account renewing ${when}`,
    phrase: sentenceHolding(text, dissatisfaction.index),
  };
}

/** Whole UTC calendar days from `now` to an ISO date (YYYY-MM-DD); null when the date is invalid. */
function daysUntil(isoDate: string, now: Date): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return null;
  const target = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (Number.isNaN(target)) return null;
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.round((target - today) / MS_PER_DAY);
}

/**
 * The verbatim sentence that says the dissatisfaction (at most 200 characters), so the post quotes
 * the customer's reason rather than their greeting or opening line.
 */
function sentenceHolding(text: string, at: number): string {
  const sentences = text.match(/[^.!?\n]+[.!?]*/g) ?? [];
  let offset = 0;
  for (const sentence of sentences) {
    const start = text.indexOf(sentence, offset);
    offset = start + sentence.length;
    if (at < offset) return sentence.trim().slice(0, 200).trimEnd();
  }
  return text.trim().slice(0, 200).trimEnd();
}

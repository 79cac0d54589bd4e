import { createHash } from 'node:crypto';
import type { Analysis } from '../../core/analysis.ts';
import { maskMachineText, pastedFailure } from '../../core/floor-machine-text.ts';
import { isNarrowScope } from '../../core/narrow-scope.ts';
import { mentionsPlannedStop } from '../../core/planned-stop.ts';
import type { Analyzer, AnalyzerInput } from '../../core/ports.ts';
import { mostUrgent, priorityRank } from '../../core/priority.ts';
import { findDissatisfaction } from '../../core/priority-floor.ts';
import { isRetracted } from '../../core/retracted-incident.ts';
import { isUndecidedQuestion } from '../../core/undecided-churn.ts';
import { bundledTriageModels, type TriageModels } from '../learned/triage-models.ts';
import { findChurnSignals } from './churn-cues.ts';
import { decidePriority } from './decide-priority.ts';
import { describePriority } from './describe-priority.ts';
import { detectLanguage } from './detect-language.ts';
import { readDownplaying } from './downplayed-voice.ts';
import { type Evidence, summarizeExtractively } from './extractive-summary.ts';
import { isFavourableComparison } from './favourable-comparison.ts';
import { frameSummary } from './frame-summary.ts';
import { leadWithIncidentTopic } from './lead-with-incident-topic.ts';
import { learnedChurnSignal } from './learned-churn.ts';
import { raiseByLearnedSignal } from './learned-raise.ts';
import { matchTopics } from './match-topics.ts';
import { mentionsNonProduction } from './outage-composition.ts';
import { isPlainlyPositive } from './plainly-positive.ts';
import { findSarcasticOutage } from './sarcastic-complaint.ts';
import { scoreSentiment } from './score-sentiment.ts';
import { tokenizeWords } from './tokenize-words.ts';
import { findUrgencyCues } from './urgency-cues.ts';
import { isWeakValueAtStake } from './weak-value-at-stake.ts';

export interface HeuristicAnalyzerOptions {
  /** Competitor names the organisation knows, reported in this spelling when the customer names them. */
  knownCompetitors?: readonly string[];
  /**
   * Only the first this many UTF-16 units are analysed (default 20,000), which keeps a pasted log
   * cheap. The relayed text is never cut; only the triage reads less of it.
   */
  maxAnalysedChars?: number;
  /**
   * The learned urgency and churn signals (learned-raise.ts, learned-churn.ts); default the models
   * in assets/models, `null` for the rules alone.
   */
  triageModels?: TriageModels | null;
}

const DEFAULT_MAX_ANALYSED_CHARS = 20_000;

/** Evidence weights for choosing summary sentences: incidents and churn say most about a request. */
const SUMMARY_WEIGHTS = { critical: 3, high: 2, low: 1.5, churn: 2, topic: 1, tone: 0.5 } as const;

/** Confidence: a floor for any text, one step per piece of evidence, a ceiling below certainty. */
const CONFIDENCE = { base: 0.3, step: 0.08, max: 0.85, unsureLanguage: 0.1, shortText: 0.45 } as const;
const SHORT_TEXT_LETTERS = 20;
/** A single lexicon word this negative ("unacceptable", "terrible") says the customer is unhappy. */
const OUTRIGHT_ANGER = -3;

/** Laughter that takes the edge off "URGENT!!!": 😂 🤣 😅 😄 😆, lol, haha, jk. */
const JOKING = /[😂🤣😅😄😆😁]|(?<![\p{L}])(?:lol|lmao|haha\p{L}*|hehe\p{L}*|jk)(?![\p{L}])/iu;

/**
 * The offline triage engine: deterministic, no network, English and Finnish lexicons, the
 * configured taxonomy's keywords and an extractive summary. The default in the demo and the
 * fallback when the LLM is unavailable. It reports floor hits in its reason but does not apply
 * them; the core does.
 */
/** "options to … exit early", "terminate", "irtisanoa": leaving asked about, even calmly. */
const ASKS_HOW_TO_LEAVE =
  /(?<![\p{L}])(?:exit (?:early|the contract)|terminat\p{L}*|cancel\p{L}*|end the contract|break clause|irtisan\p{L}*|pur(?:kaa|ku\p{L}*) sopimu\p{L}*|lopettaa sopimu\p{L}*)(?![\p{L}])/iu;

/** Leaving before the contract ends; "terminate" and "cancel" also name data retention and bookings. */
const ASKS_TO_EXIT_EARLY =
  /(?<![\p{L}])(?:(?:otherwise|or else),? (?:we['’]ll|we will|we would|we['’]d) (?:need|have) to (?:have a )?(?:conversation|talk) about (?:the|our) contract|exit (?:early|the contract)|earliest (?:possible )?exit|end (?:the|our) contract early|break clause|pur(?:kaa|ku\p{L}*) sopimu\p{L}*|irtisanoa sopimu\p{L}* (?:kesken|ennen))(?![\p{L}])/iu;

/** The tone given to sarcastic praise around a failure that reaches everything. */
const SARCASTIC_TONE = -0.5;

export function createHeuristicAnalyzer(options: HeuristicAnalyzerOptions = {}): Analyzer {
  return {
    name: 'heuristic',
    analyze: async (input) => analyzeHeuristically(input, options),
  };
}

export function analyzeHeuristically(input: AnalyzerInput, options: HeuristicAnalyzerOptions = {}): Analysis {
  // Pasted logs and code are masked: the customer's own words decide (see floor-machine-text.ts).
  const analysed = sliceWhole(input.text, options.maxAnalysedChars ?? DEFAULT_MAX_ANALYSED_CHARS);
  const text = maskMachineText(analysed);
  const detected = detectLanguage(text);
  const tokens = tokenizeWords(text);
  const scored = scoreSentiment(text, tokens);
  // "Brilliant. Every single stylist has an empty day. Love that for us.": the praise is not meant.
  const sentiment =
    findSarcasticOutage(text) === null
      ? scored
      : { ...scored, score: Math.min(scored.score, SARCASTIC_TONE) };
  // A pasted failing trace may stand in for the failure words; breadth must be the customer's own.
  const cues = findUrgencyCues(text, tokens, { pastedFailure: pastedFailure(analysed) });
  const topics = matchTopics(text, tokens, input.taxonomy, { compounds: detected.language === 'fi' });
  const models = options.triageModels === undefined ? bundledTriageModels() : options.triageModels;
  const ruledChurn = findChurnSignals(text, {
    sentiment: sentiment.score,
    knownCompetitors: options.knownCompetitors ?? [],
  });
  const outrightAnger = sentiment.cues.some((cue) => cue.intensity <= OUTRIGHT_ANGER);
  const negativeWeight = sentiment.cues.reduce((sum, cue) => sum + Math.min(0, cue.weight), 0);
  // "Signed the renewal for two more years 🎉": nothing for a learned second opinion to find.
  const plainlyPositive = isPlainlyPositive(sentiment.score, negativeWeight, cues.length);
  const learnedChurn = plainlyPositive ? null : learnedChurnSignal(text, ruledChurn, models);
  // "Much better than some of our other suppliers": the market named to praise the vendor.
  const detectedChurn = (learnedChurn ? [learnedChurn] : ruledChurn).filter(
    (item) => !(item.signal.driver === 'competitor' && isFavourableComparison(item.signal.phrase)),
  );
  const churnSignals = detectedChurn.map((item) => item.signal);
  const aboutNonProduction = mentionsNonProduction(text) && !cues.some((cue) => cue.level === 'critical');
  const narrowScope = isNarrowScope(text);
  // Taken back, or planned: "we're running a DR drill on Saturday, simulating a complete loss".
  const problemTakenBack = isRetracted(text, 0) || mentionsPlannedStop(text);
  const downplaying = readDownplaying(text);
  const downplayed = downplaying !== 'none';
  const undecided = isUndecidedQuestion(text);
  const ruled = decidePriority({
    cues,
    sentiment: sentiment.score,
    negativeWeight,
    statesDissatisfaction: findDissatisfaction(text) !== null || outrightAnger,
    outrightAnger,
    churnSignals: detectedChurn,
    tier: input.account?.tier ?? null,
    asksQuestion: /[?？]/u.test(text),
    weakValueAtStake: isWeakValueAtStake(text),
    aboutNonProduction,
    jokingTone: JOKING.test(input.text),
    narrowScope,
    asksHowToLeave: ASKS_HOW_TO_LEAVE.test(text),
    asksToExitEarly: ASKS_TO_EXIT_EARLY.test(text),
    // "RCA for Monday's incident by Friday. No current issues": a deadline on nothing broken.
    problemTakenBack,
    downplayed,
    undecided,
  });
  const decision = raiseByLearnedSignal(ruled, text, {
    model: models?.urgency ?? null,
    aboutNonProduction,
    narrowScope,
    problemTakenBack,
    plainlyPositive,
    downplayed,
    downplayedThroughout: downplaying === 'throughout',
    undecided,
  });

  const evidence: Evidence[] = [
    ...cues.map((cue) => ({ at: cue.start, weight: SUMMARY_WEIGHTS[cue.level] })),
    ...churnSignals.map((signal) => ({
      at: Math.max(0, text.indexOf(signal.phrase)),
      weight: SUMMARY_WEIGHTS.churn,
    })),
    ...topics.flatMap((topic) => topic.offsets.map((at) => ({ at, weight: SUMMARY_WEIGHTS.topic }))),
    ...sentiment.cues.flatMap((cue) => {
      const at = text.indexOf(cue.phrase);
      return at === -1 ? [] : [{ at, weight: SUMMARY_WEIGHTS.tone }];
    }),
  ];
  const pieces =
    cues.length +
    churnSignals.length +
    sentiment.cues.length +
    topics.reduce((n, t) => n + t.phrases.length, 0);
  let confidence = Math.min(CONFIDENCE.max, CONFIDENCE.base + CONFIDENCE.step * pieces);
  if (detected.basis === 'default') confidence -= CONFIDENCE.unsureLanguage;
  if ((text.match(/\p{L}/gu)?.length ?? 0) < SHORT_TEXT_LETTERS)
    confidence = Math.min(confidence, CONFIDENCE.shortText);

  // The floor is applied here as well as in the core, so the reason explains it in the team's language.
  const raisedBy =
    [...input.floor]
      .sort((a, b) => priorityRank(a.priority) - priorityRank(b.priority))
      .find((hit) => priorityRank(hit.priority) < priorityRank(decision.priority)) ?? null;
  const extract = summarizeExtractively(text, evidence);
  const reasonIn = (summaryLanguage: string) =>
    describePriority(decision, { summaryLanguage, sentiment: sentiment.score, raisedBy });
  // The extract is the customer's own sentences; the framing and the priority reason are templates
  // each team gets in its language, all from this one pass.
  const translations = (input.otherLanguages ?? []).map((language) => ({
    language,
    summary: frameSummary(extract, detected.language, language),
    priorityReason: reasonIn(language),
  }));
  return {
    summary: frameSummary(extract, detected.language, input.summaryLanguage),
    priority: raisedBy ? mostUrgent(decision.priority, raisedBy.priority) : decision.priority,
    priorityReason: reasonIn(input.summaryLanguage),
    topics: leadWithIncidentTopic(
      topics.map((topic) => topic.topicId),
      raisedBy?.rule ?? decision.basis.rule,
      input.taxonomy.map((topic) => topic.id),
    ),
    sentiment: sentiment.score,
    churnSignals,
    language: detected.language,
    confidence: Math.round(Math.max(0, confidence) * 100) / 100,
    engine: 'heuristic',
    usage: null,
    ...(translations.length > 0 ? { translations } : {}),
    trace: {
      promptVersion: 'heuristic',
      inputHash: createHash('sha256').update(input.text).digest('hex'),
      redactions: 0,
      calls: 0,
    },
  };
}

/** The first `max` UTF-16 units, without splitting a surrogate pair. */
function sliceWhole(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

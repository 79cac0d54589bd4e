import type { Tier } from '../../core/directory.ts';
import type { Priority } from '../../core/priority.ts';
import type { DetectedChurnSignal } from './churn-cues.ts';
import type { UrgencyCue, UrgencyKind } from './urgency-cues.ts';

/** Why a priority was chosen: the rule and, where there is one, the customer's words. */
export interface PriorityBasis {
  rule: UrgencyKind | 'churn-risk' | 'very-negative' | 'praise' | 'learned' | 'default';
  phrase: string | null;
}

export interface PriorityDecision {
  priority: Priority;
  basis: PriorityBasis;
}

export interface PriorityEvidence {
  cues: readonly UrgencyCue[];
  /** −1 … 1. */
  sentiment: number;
  /** Sum of the negative sentiment cues' weights (≤ 0); shows a problem is described. */
  negativeWeight: number;
  /**
   * The customer says outright that they are unhappy ("frustrating", "unacceptable", "pettynyt"),
   * as opposed to a tone made of mild problem words ("cannot see the Reports tab").
   */
  statesDissatisfaction: boolean;
  /** A single word of outright anger: lexicon weight −3 ("unacceptable", "furious", "kestämätön"). */
  outrightAnger: boolean;
  churnSignals: readonly DetectedChurnSignal[];
  tier: Tier | null;
  /** The text asks something; praise rarely does. */
  asksQuestion: boolean;
  /** The customer laughs at their own urgency: "😂", "😅", "lol", "haha". */
  jokingTone?: boolean;
  /** The message is about a test, staging or sandbox environment and reports no incident. */
  aboutNonProduction?: boolean;
  /** Weak value said of the whole product or tied to a renewal (weak-value-at-stake.ts). */
  weakValueAtStake?: boolean;
  /** The customer says the problem is theirs alone ("colleagues are fine"; core/narrow-scope.ts). */
  narrowScope?: boolean;
  /** The customer asks how to leave or end the contract early ("exit early", "irtisanoa"). */
  asksHowToLeave?: boolean;
  /**
   * The customer asks how to get out of the contract before its end, or threatens to ("exit early",
   * "the earliest exit date", "purkaa sopimus", "otherwise we'll need to have a conversation about
   * the contract").
   */
  asksToExitEarly?: boolean;
  /** The customer takes the problem back ("no current issues", "works again"; core/retracted-incident.ts). */
  problemTakenBack?: boolean;
  /** The customer makes light of their own complaint ("not a big deal, but …"; downplayed-voice.ts). */
  downplayed?: boolean;
  /** The customer asks calmly and says nothing is decided yet (core/undecided-churn.ts). */
  undecided?: boolean;
}

/** Drivers about the customer's circumstances or the market: under review, not yet a decision. */
const CIRCUMSTANCE_DRIVERS: ReadonlySet<string> = new Set([
  'involuntary',
  'competitor',
  'weak-value',
  'changed-needs',
]);

/** Drivers about how the customer is heard and served: a complaint they downplay is not pressing. */
const VOICE_DRIVERS: ReadonlySet<string> = new Set(['unheard-voice', 'complaint-handling', 'promise-gap']);

/** High cues that are enough on their own for P2. */
const DECISIVE_HIGH: ReadonlySet<UrgencyKind> = new Set([
  'blocker',
  'stated-urgency',
  'legal',
  'cancellation',
  'price-dispute',
  'billing-error',
  'vulnerability',
]);

/** Tone at which a message is P2 by itself; enterprise accounts get attention sooner. */
const VERY_NEGATIVE = -0.75;
const VERY_NEGATIVE_ENTERPRISE = -0.45;

/** An impact phrase that is itself the harm ("really hurting us", "menetetään myyntiä"), not a setting. */
const SAYS_HARM = /hurting|losing|conversions?\b|menet/iu;

/** Tone at which outright anger makes a message P2 whatever the tier. */
const ANGRY = -0.5;

/** Tone at which a message without problem words reads as praise. */
const PRAISE = 0.35;

/**
 * Chooses P1–P4 the way the triage policy reads: P1 incidents (outage, data loss, security); P2
 * blockers, stated urgency, legal or cancellation talk, a price change made without notice, impact or a deadline on a problem, an
 * explicit churn signal other than weak value, or a very negative customer who says they are
 * unhappy (the lexicon score alone is not enough); P4 patience, ideas or
 * praise without a problem; P3 everything else.
 */
export function decidePriority(evidence: PriorityEvidence): PriorityDecision {
  const patient = evidence.cues.some((cue) => cue.kind === 'patience');
  const critical = evidence.cues.find((cue) => cue.level === 'critical');
  if (critical) return { priority: 'P1', basis: { rule: critical.kind, phrase: critical.phrase } };

  // "URGENT!!! the sandbox is down": the capitals do not make a test environment an emergency.
  const high = evidence.cues.filter(
    (cue) =>
      cue.level === 'high' &&
      !(
        (patient || evidence.aboutNonProduction === true || evidence.jokingTone === true) &&
        cue.kind === 'stated-urgency'
      ),
  );
  const decisive = high.find((cue) => DECISIVE_HIGH.has(cue.kind));
  if (decisive) return { priority: 'P2', basis: { rule: decisive.kind, phrase: decisive.phrase } };
  // Impact or a deadline matters when something is wrong, not in "our customers love it".
  const impact = high.find((cue) => cue.kind === 'business-impact' || cue.kind === 'deadline');
  // "No rush … our MD wants it for the board pack at the end of the month": a date given with room.
  if (
    impact &&
    (evidence.negativeWeight <= -2 || SAYS_HARM.test(impact.phrase)) &&
    evidence.problemTakenBack !== true &&
    !patient
  )
    return { priority: 'P2', basis: { rule: impact.kind, phrase: impact.phrase } };

  // A customer who says they are unheard, were promised otherwise, are badly served, are
  // outgrowing us, are looking elsewhere or are being forced out is a retention risk today.
  // Weak value on its own ("we barely use it") is a conversation, unless the renewal or the whole
  // product is at stake.
  // "What are our options to reduce the contract or exit early?": a customer who asks how to leave
  // is a retention risk whether the reason is said in so many words or only read between the lines.
  const risk =
    evidence.churnSignals.find(
      (item) => item.explicit && (item.signal.driver !== 'weak-value' || evidence.weakValueAtStake === true),
    ) ?? (evidence.asksToExitEarly === true ? evidence.churnSignals[0] : undefined);
  // "Not urgent, but I mentioned it in January and again last month": heard, and not rushed. A
  // wish asked for again ("Toive: … toivottu jo parin vuoden ajan") is the same unhurried voice.
  const unhurriedWish =
    risk?.signal.driver === 'unheard-voice' &&
    evidence.cues.some((cue) => cue.kind === 'idea') &&
    evidence.negativeWeight > -2;
  // "In the demo you showed X; I can't find it. Is it on a different plan?", "We sold one site; how
  // do we reduce the seats?": a gap or a change asked about calmly is a question to answer well.
  const calmQuestion =
    (risk?.signal.driver === 'promise-gap' || risk?.signal.driver === 'changed-needs') &&
    evidence.asksQuestion &&
    evidence.negativeWeight > -1 &&
    !evidence.statesDissatisfaction &&
    // "What are our options to reduce the contract or exit early?" asks how to leave.
    !evidence.asksHowToLeave;
  // "Not a big deal, but my last three tickets each took 4–5 days": heard, and made light of.
  // Not when the customer goes on to raise the contract: "not trying to be difficult, but … otherwise
  // we'll need to have a conversation about the contract".
  const downplayedVoice =
    evidence.downplayed === true && VOICE_DRIVERS.has(risk?.signal.driver ?? '') && !evidence.asksToExitEarly;
  // "Could you remind me what our notice period is …? Nothing decided yet": a review asked about.
  const undecidedReview =
    evidence.undecided === true &&
    CIRCUMSTANCE_DRIVERS.has(risk?.signal.driver ?? '') &&
    // "reviewing every software subscription" is the review itself, not dissatisfaction said.
    !evidence.outrightAnger &&
    evidence.negativeWeight > -2 &&
    !evidence.asksToExitEarly;
  if (risk)
    return {
      priority: patient || unhurriedWish || calmQuestion || downplayedVoice || undecidedReview ? 'P3' : 'P2',
      basis: { rule: 'churn-risk', phrase: risk.signal.phrase },
    };

  // Outright anger ("furious", "kestämätön") about a described problem is an angry customer —
  // unless they say themselves that it is small ("not blocking anything, just confusing") or
  // theirs alone ("my colleagues say for them it is normal").
  // Nor when they say nothing is wrong now ("Question, not an incident!"): the tone is the topic's.
  // Nor when they make light of it themselves ("Small UX complaint: …").
  const toneDecides =
    !patient &&
    evidence.narrowScope !== true &&
    evidence.problemTakenBack !== true &&
    evidence.downplayed !== true;
  if (toneDecides && evidence.outrightAnger && evidence.sentiment <= ANGRY)
    return { priority: 'P2', basis: { rule: 'very-negative', phrase: null } };
  const threshold = evidence.tier === 'enterprise' ? VERY_NEGATIVE_ENTERPRISE : VERY_NEGATIVE;
  if (toneDecides && evidence.sentiment <= threshold && evidence.statesDissatisfaction)
    return { priority: 'P2', basis: { rule: 'very-negative', phrase: null } };

  // "Not urgent", "no rush": the customer sets the pace, even for a bug.
  const patience = evidence.cues.find((cue) => cue.kind === 'patience');
  if (patience) return { priority: 'P4', basis: { rule: 'patience', phrase: patience.phrase } };
  const idea = evidence.cues.find((cue) => cue.kind === 'idea');
  if (idea && evidence.negativeWeight > -2)
    return { priority: 'P4', basis: { rule: 'idea', phrase: idea.phrase } };
  if (evidence.sentiment >= PRAISE && evidence.negativeWeight === 0 && !evidence.asksQuestion) {
    return { priority: 'P4', basis: { rule: 'praise', phrase: null } };
  }
  return { priority: 'P3', basis: { rule: 'default', phrase: null } };
}

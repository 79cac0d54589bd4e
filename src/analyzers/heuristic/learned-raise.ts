import { type LogisticModel, scoreText } from '../learned/logistic-model.ts';
import type { PriorityDecision } from './decide-priority.ts';
import { weightiestSentence } from './weightiest-sentence.ts';

/**
 * The learned signal as a second opinion on the rules: when they leave a request at P3 or P4 but
 * the text reads like the urgent messages the model was trained on, it becomes P2. The signal only
 * raises, and never to P1 — an incident page needs words the rules can quote. A customer who says
 * it can wait, a message about a test environment, trouble the customer says is theirs alone, or a
 * message with nothing negative in it (plainly-positive.ts) keeps the rules' decision. The basis quotes
 * the sentence whose words weigh most, so the reason still points at the customer's words.
 */
export function raiseByLearnedSignal(
  decision: PriorityDecision,
  text: string,
  context: {
    model: LogisticModel | null;
    aboutNonProduction: boolean;
    narrowScope: boolean;
    problemTakenBack?: boolean;
    plainlyPositive?: boolean;
    /** The customer makes light of their complaint (downplayed-voice.ts). */
    downplayed?: boolean;
    /** … and does not turn to a report after it ("Not angry, just …"; downplayed-voice.ts). */
    downplayedThroughout?: boolean;
    /** The customer asks calmly and says nothing is decided (core/undecided-churn.ts). */
    undecided?: boolean;
  },
): PriorityDecision {
  const { model } = context;
  if (
    model === null ||
    context.aboutNonProduction ||
    context.narrowScope ||
    context.problemTakenBack ||
    context.plainlyPositive
  )
    return decision;
  if (decision.priority !== 'P3' && decision.priority !== 'P4') return decision;
  if (decision.basis.rule === 'patience') return decision;
  // "Not a big deal, but it took 9 days to get a first reply": a complaint the customer made light
  // of was read for its pace already; the learned words of retention risk would only undo that.
  if (decision.basis.rule === 'churn-risk' && context.downplayed === true) return decision;
  // Nor, whatever the rules read, one made light of with no "but" after it ("Not angry, just …").
  if (context.downplayedThroughout === true) return decision;
  // "Could you remind me what our notice period is …? Nothing decided yet": a calm question under
  // review, whatever the rules made of it.
  if (context.undecided === true) return decision;
  const score = scoreText(model, text);
  if (score.probability < model.threshold) return decision;
  return { priority: 'P2', basis: { rule: 'learned', phrase: weightiestSentence(text, score.wordWeights) } };
}

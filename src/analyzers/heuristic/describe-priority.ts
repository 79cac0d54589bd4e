import type { FloorHit } from '../../core/floor.ts';
import type { PriorityDecision } from './decide-priority.ts';

type Rule = PriorityDecision['basis']['rule'];

/** Reason templates per language; `{phrase}` is the customer's words, quoted. */
const TEMPLATES: Record<'en' | 'fi', Record<Rule, string> & { floor: string; tone: string }> = {
  en: {
    outage: 'Outage wording: {phrase}.',
    'data-loss': 'Data loss wording: {phrase}.',
    security: 'Security incident wording: {phrase}.',
    blocker: 'Blocks the customer’s work: {phrase}.',
    'stated-urgency': 'The customer calls it urgent: {phrase}.',
    'business-impact': 'Impact on the customer’s business: {phrase}.',
    deadline: 'A deadline is mentioned: {phrase}.',
    legal: 'Legal or contractual threat: {phrase}.',
    cancellation: 'Talk of cancelling or not renewing: {phrase}.',
    'churn-risk': 'Churn risk in the customer’s words: {phrase}.',
    'very-negative': 'Very negative tone.',
    idea: 'An idea or wish: {phrase}.',
    patience: 'The customer says it can wait: {phrase}.',
    praise: 'Positive feedback, no problem described.',
    default: 'A question or problem without urgency cues.',
    floor: 'Priority floor: {reason} ({priority}).',
    tone: 'Tone {sentiment}.',
  },
  fi: {
    outage: 'Käyttökatkoon viittaava ilmaus: {phrase}.',
    'data-loss': 'Tietojen menetykseen viittaava ilmaus: {phrase}.',
    security: 'Tietoturvaongelmaan viittaava ilmaus: {phrase}.',
    blocker: 'Estää asiakkaan työn: {phrase}.',
    'stated-urgency': 'Asiakas kertoo asian olevan kiireellinen: {phrase}.',
    'business-impact': 'Vaikuttaa asiakkaan liiketoimintaan: {phrase}.',
    deadline: 'Asiassa on määräaika: {phrase}.',
    legal: 'Oikeudellinen tai sopimukseen liittyvä uhka: {phrase}.',
    cancellation: 'Puhetta irtisanomisesta tai jatkamatta jättämisestä: {phrase}.',
    'churn-risk': 'Asiakaspoistuman riski asiakkaan sanoin: {phrase}.',
    'very-negative': 'Hyvin kielteinen sävy.',
    idea: 'Idea tai toive: {phrase}.',
    patience: 'Asiakas kertoo, ettei asialla ole kiire: {phrase}.',
    praise: 'Myönteistä palautetta, ei ongelmaa.',
    default: 'Kysymys tai ongelma ilman kiireellisyyteen viittaavia ilmauksia.',
    floor: 'Prioriteetin alaraja: {reason} ({priority}).',
    tone: 'Sävy {sentiment}.',
  },
};

/** Quoted customer words in a reason are kept short; the verbatim text is on the post anyway. */
const MAX_QUOTE_LENGTH = 80;

/**
 * The priority reason in the team's language (English or Finnish; other languages get English),
 * with the floor hits the core will apply, so the post explains the final priority.
 */
export function describePriority(
  decision: PriorityDecision,
  context: { summaryLanguage: string; sentiment: number; floor: readonly FloorHit[] },
): string {
  const templates = context.summaryLanguage.toLowerCase().startsWith('fi') ? TEMPLATES.fi : TEMPLATES.en;
  const phrase = decision.basis.phrase ? `“${shorten(decision.basis.phrase)}”` : '';
  const parts = [templates[decision.basis.rule].replace('{phrase}', phrase)];
  if (decision.basis.rule !== 'very-negative' && context.sentiment <= -0.5) {
    parts.push(templates.tone.replace('{sentiment}', context.sentiment.toFixed(2)));
  }
  for (const hit of context.floor) {
    parts.push(templates.floor.replace('{reason}', hit.reason).replace('{priority}', hit.priority));
  }
  return parts.join(' ');
}

function shorten(phrase: string): string {
  const single = phrase
    .replace(/\s+/gu, ' ')
    .replace(/[.!?,;:]+$/u, '')
    .trim();
  return single.length <= MAX_QUOTE_LENGTH ? single : `${single.slice(0, MAX_QUOTE_LENGTH - 1).trimEnd()}…`;
}

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
    'price-dispute': 'A price change the customer was not told about: {phrase}.',
    'billing-error': 'The customer was charged twice: {phrase}.',
    vulnerability: 'A security weakness reported, not known to be used: {phrase}.',
    'churn-risk': 'Churn risk in the customer’s words: {phrase}.',
    'very-negative': 'Very negative tone.',
    learned: 'Reads like the urgent examples the offline triage learned from, most of all: {phrase}.',
    idea: 'An idea or wish: {phrase}.',
    patience: 'The customer says it can wait: {phrase}.',
    praise: 'Positive feedback, no problem described.',
    default: 'A question or problem without urgency cues.',
    floor: 'Priority floor {priority}: {reason}.',
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
    'price-dispute': 'Hinnanmuutos, josta asiakkaalle ei kerrottu: {phrase}.',
    'billing-error': 'Asiakkaalta on veloitettu kahdesti: {phrase}.',
    vulnerability: 'Raportoitu tietoturvaheikkous, jota ei tiettävästi ole käytetty: {phrase}.',
    'churn-risk': 'Asiakaspoistuman riski asiakkaan sanoin: {phrase}.',
    'very-negative': 'Hyvin kielteinen sävy.',
    learned:
      'Muistuttaa kiireellisiä esimerkkejä, joista offline-luokittelu on oppinut, eniten kohta: {phrase}.',
    idea: 'Idea tai toive: {phrase}.',
    patience: 'Asiakas kertoo, ettei asialla ole kiire: {phrase}.',
    praise: 'Myönteistä palautetta, ei ongelmaa.',
    default: 'Kysymys tai ongelma ilman kiireellisyyteen viittaavia ilmauksia.',
    floor: 'Prioriteetin alaraja {priority}: {reason}.',
    tone: 'Sävy {sentiment}.',
  },
};

/**
 * The floor's reasons in Finnish, by rule id (the core writes them in English). A rule missing
 * here is named by its English reason.
 */
const FINNISH_FLOOR_REASONS: Record<string, string> = {
  outage: 'viesti kertoo käyttökatkosta',
  'data-loss': 'viesti kertoo kadonneista tai vioittuneista tiedoista',
  security: 'viesti kertoo tietoturvapoikkeamasta',
  legal: 'viesti mainitsee oikeudellisia tai tietosuojaan liittyviä huolia',
  cancellation: 'viesti puhuu irtisanomisesta tai sopimuksen jatkamatta jättämisestä',
  'competitor-switch': 'viesti puhuu siirtymisestä kilpailijalle',
  involuntary: 'viesti mainitsee yrityskaupan, budjettileikkaukset tai maksukyvyttömyyden',
  'renewal-risk': 'yritysasiakas ilmaisee tyytymättömyyttä sopimuksen uusimisen lähestyessä',
};

/** Quoted customer words in a reason are kept short; the verbatim text is on the post anyway. */
const MAX_QUOTE_LENGTH = 80;

/**
 * The priority reason in the team's language (English or Finnish; other languages get English).
 * When the floor raised the priority (`raisedBy`), the reason ends with that floor rule, so the
 * post explains the final priority in one language and the core has nothing to append.
 */
export function describePriority(
  decision: PriorityDecision,
  context: { summaryLanguage: string; sentiment: number; raisedBy: FloorHit | null },
): string {
  const finnish = context.summaryLanguage.toLowerCase().startsWith('fi');
  const templates = finnish ? TEMPLATES.fi : TEMPLATES.en;
  const phrase = decision.basis.phrase ? `“${shorten(decision.basis.phrase)}”` : '';
  const hit = context.raisedBy;
  // "No urgency cues" would contradict the floor that raised the priority.
  const parts =
    hit && decision.basis.rule === 'default'
      ? []
      : [templates[decision.basis.rule].replace('{phrase}', phrase)];
  if (decision.basis.rule !== 'very-negative' && context.sentiment <= -0.5) {
    parts.push(templates.tone.replace('{sentiment}', context.sentiment.toFixed(2)));
  }
  if (hit) {
    const reason = (finnish ? FINNISH_FLOOR_REASONS[hit.rule] : undefined) ?? hit.reason;
    parts.push(
      templates.floor
        .replace('{reason}', `${reason} (“${shorten(hit.phrase)}”)`)
        .replace('{priority}', hit.priority),
    );
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

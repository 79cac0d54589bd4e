import { sentenceAround } from '../../core/sentence-around.ts';
import { apostropheTolerant } from './apostrophe-tolerant.ts';

/**
 * The customer's own money held back: "Stripe has paused our payouts since 28 Oct … rent is due on
 * the 15th", "tilitykset on jäädytetty". A business without its takings cannot pay staff or rent,
 * so it is a serious blocker (P2), not a billing question. Asked about as a rule ("when are payouts
 * paused?") it reports nothing.
 */
const W = '(?<![\\p{L}\\p{N}])';
const PAYOUTS = `(?:payouts?|settlements?|disbursements?|tilitykse\\p{L}*|tilitys|maksatukse\\p{L}*|maksatus)`;
const HELD = `(?:paused|frozen|froze|on hold|held|suspended|withheld|blocked|stopped|jäädy\\p{L}*|pysäy\\p{L}*|pysähty\\p{L}*|jäissä|seis)`;

const HELD_PAYOUTS = apostropheTolerant(
  `${W}(?:${HELD} (?:\\p{L}+ ){0,2}${PAYOUTS}|${PAYOUTS} (?:\\p{L}+ ){0,3}${HELD})(?![\\p{L}])`,
  'iu',
);

export function findHeldPayouts(text: string): { phrase: string; start: number } | null {
  const hit = HELD_PAYOUTS.exec(text);
  if (hit === null) return null;
  if (sentenceAround(text, hit.index).text.trimEnd().endsWith('?')) return null;
  return { phrase: hit[0], start: hit.index };
}

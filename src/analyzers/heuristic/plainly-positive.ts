/** Sentiment at or above which a message with no negative word and no urgency cue reads as good news. */
const GOOD_NEWS = 0.3;

/**
 * A message with no negative word, no urgency cue and a clearly positive tone ("Signed the renewal
 * for another two years 🎉, thanks to Tom"). The learned signals weigh words, and words such as
 * "renewal" or a competitor's name weigh towards churn wherever they appear; in good news there is
 * nothing for a second opinion to find, so they stay silent and the rules decide alone.
 */
export function isPlainlyPositive(sentiment: number, negativeWeight: number, urgencyCues: number): boolean {
  return sentiment >= GOOD_NEWS && negativeWeight === 0 && urgencyCues === 0;
}

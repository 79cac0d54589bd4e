import type { Analysis } from './analysis.ts';
import { verifyQuote } from './verify-quote.ts';

/**
 * Checks every churn-signal phrase against the customer's stored text. A phrase found there is
 * replaced by the stored span and marked `quoted`; one that is not (a paraphrase, a translation,
 * a phrase the model made up) is kept as the analyzer's words, marked `quoted: false`, so no
 * renderer puts it in quotation marks.
 */
export function verifyChurnQuotes(analysis: Analysis, storedText: string): Analysis {
  return {
    ...analysis,
    churnSignals: analysis.churnSignals.map((signal) => {
      const check = verifyQuote(signal.phrase, storedText);
      return check.verbatim ? { ...signal, phrase: check.quote, quoted: true } : { ...signal, quoted: false };
    }),
  };
}

/**
 * "Much better than some of our other suppliers", "We evaluated three other providers before
 * choosing you", "Compared to other suppliers we deal with, that was really refreshing": the
 * customer names the rest of the market to praise the vendor. A rival mentioned this way is no
 * competitor signal; in the labelled sets such messages were praise (P4) every time.
 */
const FAVOURABLE =
  /(?<![\p{L}])(?:(?:much |far |way |so much )?better than (?:any|all|most|some)(?: of)? (?:the |our )?other (?:suppliers?|vendors?|providers?|systems?|tools?|platforms?|partners?)|compared (?:to|with) (?:the |our )?other (?:suppliers?|vendors?|providers?|systems?|tools?)[^.!?\n]{0,60}(?:refreshing|better|best|great|impressive|night and day)|before (?:choosing|picking|going with|selecting) you|(?:the|you were the) only one (?:that|who) (?:got|did|handled|managed)|(?:with|from) different vendors and (?:this|yours|you) (?:was|were) the (?:smoothest|best|easiest|quickest))(?![\p{L}])/iu;

export function isFavourableComparison(sentence: string): boolean {
  return FAVOURABLE.test(sentence);
}

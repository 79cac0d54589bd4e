/**
 * Slow, but it gets there: "it does load eventually, so not a disaster", "raportti kyllä valmistuu
 * lopulta", "if I split it into batches of 200 it works fine". A browser that says "page not
 * responding" on the way is no outage when the customer says the thing finishes, or finishes in
 * smaller pieces; it is a performance problem to fix, not a page.
 */
const EVENTUALLY =
  /(?<![\p{L}])(?:(?:does|do|did|it|they|will|still) (?:\p{L}+ )?(?:loads?|completes?|finish(?:es)?|works?|goes through|go through|catch(?:es)? up|gets? there)(?: \p{L}+)? eventually|eventually (?:loads|completes|finishes|works|goes through|catches up|gets there)|(?:valmistuu|latautuu|toimii|menee läpi|aukeaa|avautuu)(?: \p{L}+)? lopulta|lopulta (?:valmistuu|latautuu|toimii|aukeaa|avautuu|menee läpi))(?![\p{L}])/iu;

/** "If I split into batches of 200 it works fine", `kun rajaa vuoden kerrallaan niin toimii`. */
const SMALLER_WORKS =
  /(?<![\p{L}])(?:(?:if|when) (?:i|we|you) (?:split|narrow|limit|filter|reduce|break)[^.!?\n]{0,60}?(?:it |that )?works(?: fine| ok)?|(?:filtering|narrowing|limiting|splitting)(?: it)? (?:to|into|by) (?:\p{L}+ ){0,3}works|kun (?:rajaa|rajaan|rajataan|jakaa|pilkkoo)[^.!?\n]{0,50}?(?:niin )?toimii)(?![\p{L}])/iu;

export function worksEventually(text: string): boolean {
  return EVENTUALLY.test(text) || SMALLER_WORKS.test(text);
}

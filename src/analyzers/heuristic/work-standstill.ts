import { sentenceAround } from '../../core/sentence-around.ts';
import { apostropheTolerant } from './apostrophe-tolerant.ts';

/**
 * A whole workplace brought to a stop: "Nothing can go to the sandblast room, so the whole workshop
 * has stopped — three letter cutters standing around", "koko verstas on seis". A team that cannot
 * work is a serious blocker (P2) whatever the failure was called. Said of the future or as a
 * supposition ("if the export fails, the whole line stops") it reports nothing yet.
 */
const W = '(?<![\\p{L}\\p{N}])';

const STANDSTILL = apostropheTolerant(
  `${W}(?:(?:the |our )?(?:whole|entire) (?:[\\p{L}-]+ ){0,2}(?:workshop|shop floor|team|office|warehouse|crew|line|production|plant|site|kitchen|yard|depot|staff|workforce|department|studio|fleet|factory|floor) (?:has |have |is |are |was |were )?(?:(?:come|ground) to a (?:standstill|halt)|at a (?:standstill|halt)|stopped|standing (?:still|idle|around)|sat idle|sitting idle|idle)|(?:\\d+|two|three|four|five|six|seven|eight|nine|ten|a dozen) (?:[\\p{L}-]+ ){0,2}(?:standing|sitting|sat) (?:around|idle)|koko (?:\\p{L}+ )?(?:paja|tuotanto|verstas|tiimi|työmaa|varasto|linja|tehdas|konepaja|porukka|henkilökunta|keittiö) (?:on |oli )?(?:ihan |täysin )?(?:seis|pysähdyksissä|pysähtynyt|pysähtyi|tyhjän panttina)|(?:seisoo|seisovat|seisoi) (?:\\p{L}+ )?tyhjän panttina)(?![\\p{L}])`,
  'iu',
);

/** A supposition or a future in the same sentence: "if it fails, the whole line stops". */
const SUPPOSED_BEFORE =
  /(?<![\p{L}])(?:if|unless|would|could|otherwise|or else|in case|before|jos|muuten|ennen kuin|mikäli)(?![\p{L}])[^.!?\n]*$/iu;

export function findWorkStandstill(text: string): { phrase: string; start: number } | null {
  const hit = STANDSTILL.exec(text);
  if (hit === null) return null;
  if (SUPPOSED_BEFORE.test(text.slice(sentenceAround(text, hit.index).start, hit.index))) return null;
  return { phrase: hit[0], start: hit.index };
}

/**
 * "Down" that is not a service being down:
 * - "our whole team is down… with the flu": the idiom for being ill;
 * - "ticket volume is down about 70%", "sales are down by a third", "down from 40 to 12": a
 *   quantity that fell;
 * - "it's slowing down our team", "narrow it down": the particle of another verb.
 * Only the words right after "down" count, so "down with a 503" and "down for 70 minutes" stay
 * outages.
 */
const WITH_ILLNESS =
  /^\s*(?:\.{2,3}|…)?\s*with (?:the |a |an )?(?:flu|cold|covid|covid-19|fever|virus|stomach bug|tummy bug|migraine|sickness|illness|norovirus|chickenpox)(?![\p{L}])/iu;

const BY_A_QUANTITY =
  /^\s*[▼▲↓↑]?\s*(?:nicely |steadily |gradually |slowly |as expected )?(?:(?:by |about |around |roughly |nearly |almost |some |another |over |more than |~)*(?:\d[\d.,]*\s*(?:%|percent|per cent|pct)|[€£$]\s?\d[\d.,]*\s*[km]?(?![\p{L}])|\d[\d.,]*\s*[km]?\s*(?:€|eur|euros|gbp)(?![\p{L}])|(?:a |one )?(?:third|quarter|half|fifth|tenth)|\d+\s*x)|(?:from|to) (?:about |around |~)?(?:[€£$]\s?\d|\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a hundred|a few|a couple|half|a third|a quarter)(?![\p{L}]))|by \d|(?:below|under) (?:zero|0|\d))/iu;

/** "breaks application volumes down by ward": a breakdown, not a failure. */
const BY_A_DIMENSION =
  /^\s*by (?:ward|month|week|day|year|quarter|region|team|category|type|user|agent|site|department|branch|location|product|channel|source|status|date|person|employee|client|customer)s?(?![\p{L}])/iu;

/** "Down" as the particle of a verb: "it's slowing down", "narrow it down", "calm down". */
const PARTICLE_OF =
  /(?<![\p{L}])(?:slow|slows|slowed|slowing|narrow|narrowed|narrowing|calm|calmed|calming|scale|scaled|scaling|wind|winding|cut|cutting|write|writing|wrote|written|track|tracked|tracking|hunt|hunting|tone|toned|water|watered|settle|settled|settling|step|stepped|stepping|mark|marked|pin|pinned|boil|boils|boiled|trim|trimmed|sit|sat|sitting|let|letting|turn|turned|turning|break|breaks|broken|breaking|bog|bogged|bogging|weigh|weighs|weighed|weighing)(?: (?:it|them|this|that|things|us|everything))? down$/iu;

/** "Our first-time-fix rate is way down this week": a measure that fell, not a service. */
const A_MEASURE_FELL =
  /(?<![\p{L}])(?:rates?|scores?|volumes?|numbers?|sales|revenue|conversions?|usage|traffic|visits|calls|counts?|percentages?|share|margins?|kpis?|nps|csat|bookings|sign-?ups|tickets|prices?|costs?|fees?)(?: [\p{L}\p{N}-]+){0,6} (?:is|are|was|were|went|goes|go|has gone|have gone|has been|have been) (?:way |well |sharply |significantly |slightly |a lot |massively )?down$/iu;

/** "The Q2 report went down really well with the client": received well. */
const WENT_DOWN_WELL =
  /^\s+(?:(?:really |very |so |quite |extremely )?well|an? (?:absolute )?(?:storm|treat))(?![\p{L}])/iu;

/** "Our team is a bit down on the new UI": a mood. */
const IN_LOW_SPIRITS =
  /(?<![\p{L}])(?:a bit|a little|bit|pretty|quite|rather|feeling|feel|felt|kinda|kind of|sort of) down$/iu;

export function isFigurativeDown(text: string, end: number): boolean {
  const after = text.slice(end, end + 40);
  if (
    WITH_ILLNESS.test(after) ||
    BY_A_QUANTITY.test(after) ||
    BY_A_DIMENSION.test(after) ||
    WENT_DOWN_WELL.test(after)
  )
    return true;
  if (IN_LOW_SPIRITS.test(text.slice(Math.max(0, end - 30), end))) return true;
  if (A_MEASURE_FELL.test(text.slice(Math.max(0, end - 80), end))) return true;
  const before = text.slice(Math.max(0, end - 40), end);
  return /down$/iu.test(before) && PARTICLE_OF.test(before);
}

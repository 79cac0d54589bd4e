/**
 * "Not a big deal, but it took 9 working days to get an answer", "Gently raising this again – I
 * think this is the third time?", "Not a complaint exactly, but we'd like to know who our contact
 * is": the customer makes light of their own complaint about being unheard or badly served. In the
 * labelled sets such a complaint was P3 eighteen times and never P2, so the customer sets the pace.
 *
 * Negated, the downplaying says the opposite: "that's not a small thing", "ei tää oo mikään
 * pikkujuttu".
 */
const DOWNPLAYING =
  /(?<![\p{L}])(?:not urgent as such|(?:it['’]s |it is |this is )?not (?:urgent|a big deal|the end of the world) (?:for us|as such)|(?:not|no) (?:a )?(?:big|huge|massive) deal|not angry|not (?:trying )?to get anyone in trouble|ei (?:oo|ole) (?:mikään )?kriittinen(?: asia)?|not the end of the world|no drama|(?:just )?a bit of feedback|small (?:[\p{L}-]+ )?complaint|small thing(?! maybe| perhaps| probably)|not trying to (?:be difficult|make a fuss|be a pain|nag)|gently (?:raising|chasing|nudging|bumping)|not a complaint(?: exactly| as such)?|ei mitään kiireellistä|ei (?:iso|suuri) asia|pikkujuttu|ei kiirettä sinänsä)(?![\p{L}])/iu;

const NEGATED_BEFORE =
  /(?:(?<![\p{L}])(?:not|isn['’]t|wasn['’]t|hardly|no)|['’]s not|(?<![\p{L}])ei(?: \p{L}+){0,2}(?: mikään)?)\s+(?:a\s+|exactly\s+)?$/iu;

/**
 * How the customer makes light of their complaint, if they do: `throughout` ("Not angry, just would
 * love an actual answer") or `then-a-report` when a "but" follows the hedge ("Small thing but
 * time-sensitive: the invoicing run fails").
 */
export type Downplaying = 'none' | 'then-a-report' | 'throughout';

/** "Small thing but time-sensitive: …", "not the end of the world, but …": the hedge turns to a report. */
const TURNS_AFTER = /^[\s,.:;–—-]*(?:\p{L}+[\s,]+)?(?:but|however|mutta|mut)(?![\p{L}])/iu;

export function readDownplaying(text: string): Downplaying {
  const hit = DOWNPLAYING.exec(text);
  if (hit === null) return 'none';
  // "not a big deal" carries its own "not"; "that's not a small thing" negates the downplaying.
  if (
    !/^(?:not|no)\s/iu.test(hit[0]) &&
    NEGATED_BEFORE.test(text.slice(Math.max(0, hit.index - 30), hit.index))
  )
    return 'none';
  const end = hit.index + hit[0].length;
  return TURNS_AFTER.test(text.slice(end, end + 30)) ? 'then-a-report' : 'throughout';
}

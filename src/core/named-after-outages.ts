/**
 * Outage words that name a report, a field or a figure rather than report an outage:
 * 'raportissa "Katkokset"', 'the "Downtime" column', "Katkosraportti", "käyttökatkoseuranta",
 * "Is downtime calculated from driver shifts?". Shared by the priority floor and the analyzer.
 */
/** What holds a name in quotes: 'the report "Katkokset"', 'raportissa "Katkokset"', 'the "Downtime" column'. */
const NAME_HOLDER_BEFORE =
  /(?:reports?|tabs?|columns?|fields?|views?|menus?|filters?|modules?|buttons?|statuses|status|tags?|categor(?:y|ies)|labels?|sections?|codes?|tiles?|widgets?|alert rules?|rules?|raport\p{L}*|välilehd\p{L}*|välilehti|sarak\p{L}*|kent\p{L}*|kenttä|näkym\p{L}*|valiko\p{L}*|tila\p{L}*)(?:\s+(?:called|named|labell?ed|titled|nimeltä|to|from|as))?\s+$/iu;
/** What follows a name in quotes: 'the "Outage" filter', 'the "Screen outage" function'. */
const NAME_HOLDER_AFTER =
  /^\s+(?:(?:daily|weekly|monthly|automatic|summary|e-?mail|slack|teams|sms|push) )?(?:integrations?|channels?|calendars?|planners?|schedules?|entries|bookings?|alerts?(?: rules?)?|rules?|e-?mails?|tiles?|widgets?|codes?|notifications?|dashboards?|sops?|procedures?|forms?|checklists?|documents?|filters?|status(?:es)?|categor(?:y|ies)|reports?|functions?|buttons?|fields?|columns?|tabs?|labels?|tags?|options?|settings?|views?|menus?|blocks?|types?|modules?|templates?|suodatin\p{L}*|raport\p{L}*|kent\p{L}*|sarak\p{L}*|toimin\p{L}*|painik\p{L}*|tila\p{L}*)(?![\p{L}])/iu;
/** The rest of a Finnish compound that names a report or a view: "Katko|sraportti", "käyttökatko|seuranta". */
const NAMED_COMPOUND_TAIL = /^\p{L}+?(?:raport|seurant|tilasto|näkym|listau)\p{L}*$/iu;
/** "The downtime entries are there on the machine records": records of stops, not a stop. */
const RECORDS_AFTER =
  /^\s+(?:entries|hours|records|reports?|trackers?|blocks?|tabs?|columns?|figures|minutes|totals?|logs?|codes?|reasons?|categor(?:y|ies)|tracking|statistics|stats)(?![\p{L}])/iu;
/**
 * "when an instructor adds downtime (e.g. holiday 20–27 Dec)", "when I add the downtime": downtime
 * as something the customer enters into a calendar (or the calendar "shows the downtime"), not an outage.
 */
const ENTERED_BEFORE =
  /(?<![\p{L}])(?:add|adds|added|adding|enter|enters|entered|entering|shows|showing|displays|schedule|schedules|scheduling|plan|plans|planning|create|creates|created|creating|book|books|booked|booking|block out|mark|marks|marked|set up|sets up)\s+(?:(?:the|a|some|any|their|his|her|our|an?)\s+)?(?:[\p{L}-]+\s+)?$/iu;

/** "Is downtime calculated from driver shifts?": how a figure is made, not an incident. */
const FIGURE_MADE_AFTER =
  /^\s+(?:is |are )?(?:calculated|counted|measured|defined|recorded|computed|taken from|derived from|read from|based on)(?![\p{L}])/iu;

/** "Mainoskatkon erottelusääntö … katkossa oli kaksi autoliikettä": a commercial break, not an outage. */
const AD_BREAKS = /(?<![\p{L}])mainos(?:katko|tauko)\p{L}*/iu;

/** "(Reports > Facilities > Court downtime)": the last step of a menu path is a page's name. */
const MENU_PATH_BEFORE = /[>›»→]\s*(?:[\p{L}\p{N}-]+\s+){0,3}$/u;
/** "counts our scheduled overnight power-off as downtime": a category a figure is made of. */
const COUNTED_AS_BEFORE =
  /(?<![\p{L}])(?:count|record|log|mark|class|classif|treat|flag|report|book)\p{L}* (?:[^.!?\n]{1,80} )?as $/iu;

export function isNamedAfterOutages(text: string, start: number, end: number): boolean {
  const word = text.slice(start).match(/^\p{L}+/u)?.[0] ?? '';
  if (/^(?:outages?|downtime)$/iu.test(word)) {
    const before = text.slice(Math.max(0, start - 100), start);
    if (MENU_PATH_BEFORE.test(before) || COUNTED_AS_BEFORE.test(before)) return true;
  }
  if (/katko/iu.test(word) && AD_BREAKS.test(text)) return true;
  if (NAMED_COMPOUND_TAIL.test(word)) return true;
  if (/^downtime$/iu.test(word) && ENTERED_BEFORE.test(text.slice(Math.max(0, start - 40), start)))
    return true;
  if (/^(?:outages?|downtime)$/iu.test(word) && FIGURE_MADE_AFTER.test(text.slice(end, end + 30)))
    return true;
  if (/^(?:outages?|downtime)$/iu.test(word) && RECORDS_AFTER.test(text.slice(end, end + 30))) return true;
  // The quoted word or words around the cue, preceded by what holds them.
  const open = text.slice(Math.max(0, start - 40), start).search(/["“'‘][^"“”'‘’\n]*$/u);
  if (open === -1) return false;
  const openAt = Math.max(0, start - 40) + open;
  const close = text.slice(end).search(/["”'’]/u);
  if (close === -1 || close > 30 || /[.!?\n]/u.test(text.slice(end, end + close))) return false;
  return (
    NAME_HOLDER_BEFORE.test(text.slice(Math.max(0, openAt - 35), openAt)) ||
    NAME_HOLDER_AFTER.test(text.slice(end + close + 1, end + close + 40))
  );
}

import { NOT_A_VENDOR_CHANGE } from '../../core/floor-cues.ts';
import { sentenceAround } from '../../core/sentence-around.ts';
import { apostropheTolerant } from './apostrophe-tolerant.ts';

/** A competitor the customer named, with where the naming phrase is in the text. */
export interface CompetitorMention {
  name: string;
  /** UTF-16 span of the whole naming phrase ("switch to Zendesk"). */
  start: number;
  end: number;
}

/**
 * Words after a naming verb ("switch to …") or before a comparison ("… is cheaper"). Which of them
 * is the name is decided in code, because a case-insensitive pattern cannot require a capital.
 */
// A word may hold inner dots ("Monday.com") but a dot before a space ends the name.
const NAME_WORD = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}&:'’-]|\\.(?=[\\p{L}\\p{N}]))*";
const AFTER = `(${NAME_WORD}(?: ${NAME_WORD}){0,2})`;
const BEFORE = `(${NAME_WORD})`;
const WORD_START = '(?<![\\p{L}\\p{N}])';

/**
 * `after`: the name follows (up to two lower-case words may stand before it in Finnish, "vaihdamme
 * todennäköisesti Zendeskiin"); `before`: the name is the word before. `finnish`: the name is
 * inflected ("Zendeskiin") and needs its ending removed.
 */
interface NamingPattern {
  regex: RegExp;
  side: 'after' | 'before';
  finnish: boolean;
}

const pattern = (source: string, side: 'after' | 'before', finnish: boolean): NamingPattern => ({
  regex: apostropheTolerant(WORD_START + source, 'giu'),
  side,
  finnish,
});

const NAMING_PATTERNS: readonly NamingPattern[] = [
  pattern(
    `(?:switch(?:ing|ed)?|mov(?:e|ing|ed)|migrat(?:e|ing|ed)|go(?:ing)? over|changing) (?:(?:our|all our|all of our) \\p{L}+ )?(?:over |back )?to ${AFTER}`,
    'after',
    false,
  ),
  pattern(`(?:go(?:ing)?|went|gone) with ${AFTER}`, 'after', false),
  // A new stakeholder bringing their old tool: "used Zendesk at her last company".
  pattern(
    `(?:used|using|uses|ran|loved|loves|prefers|preferred|knows|brought|swears by) ${AFTER} (?:at|in|from) (?:her|his|their|my) (?:last|previous|former|old) (?:company|job|employer|role|workplace|team)`,
    'after',
    false,
  ),
  // "in talks with Freshdesk", "negotiating with Zendesk": a supplier conversation under way.
  pattern(
    `(?:in (?:talks|negotiations|discussions) with|negotiating with|talking to) ${AFTER}`,
    'after',
    false,
  ),
  pattern(`replac(?:e|ing) (?:you|your \\p{L}+|it) with ${AFTER}`, 'after', false),
  pattern(`(?:quotes?|offers?|proposals?|pricing|bids?) from ${AFTER}`, 'after', false),
  pattern(
    // "we're going to look at Gorgias seriously": the intent to look makes it an evaluation.
    `(?:going to|gonna|will|we['’]ll|have to|need to|start(?:ed)? to) (?:seriously |properly )?look(?:ing)? (?:seriously |properly )?at ${AFTER}`,
    'after',
    false,
  ),
  pattern(
    // "ran everything on FieldCore": what a newcomer wants to bring along.
    `(?:ran|runs|run|running) everything on ${AFTER}`,
    'after',
    false,
  ),
  pattern(
    // "trialling X", not "Trial Balance" (an accounting report).
    `(?:evaluat(?:e|ing)|trial(?:l)?ing|trial(?:l)?ed|pilot(?:ing)?|demo(?:ing)?|test-driv(?:e|ing)) ${AFTER}`,
    'after',
    false,
  ),
  pattern(
    `(?:trials?|pilots?|demos?|comparisons?|evaluations?|benchmarks?|proofs? of concept|poc) (?:of|with|against) ${AFTER}`,
    'after',
    false,
  ),
  pattern(
    `compar(?:e|es|ed|ing) (?:you |your \\p{L}+ |it |us )?(?:with|to|against) ${AFTER}`,
    'after',
    false,
  ),
  pattern(
    `${BEFORE} (?:is|are|was|would be) (?:much |way |a lot |significantly |far )?(?:cheaper|better|faster|less expensive|half the price)`,
    'before',
    false,
  ),
  pattern(`${BEFORE} (?:offers|gives us|gave us|quoted|already has|already does)`, 'before', false),
  pattern(
    // "siirtyä asianhallinnassa Microsoft 365 -pohjaiseen" skips where (-ssa, -ssä) to reach the name;
    // "siirrytään Teosto-raportoinnissa kuukausiraportoinnista …" names where, not whom.
    `(?:vaihta(?:a|maan|mista|mme|isimme)|vaihdamme|vaihdetaan|vaihdettais(?:iin)?|siirty(?:ä|mään|mistä)|siirrymme|siirrytään|siirryttäis(?:iin)?) (?:[\\p{L}-]+(?:ssa|ssä) )?(?![\\p{L}-]+(?:ssa|ssä)(?![\\p{L}]))${AFTER}`,
    'after',
    true,
  ),
  pattern(
    `${BEFORE} (?:on|olisi|oli) (?:paljon |selvästi |huomattavasti |jopa )?(?:halvempi|edullisempi|parempi|nopeampi)`,
    'before',
    true,
  ),
  pattern(`tarjou\\p{L}* ${AFTER}`, 'after', true),
  pattern(`(?:vertail|kokeil|testa|arvioi|demo|esitteli|esiteltiin)\\p{L}* ${AFTER}`, 'after', true),
  // "tiimi on alkanut käyttää Freshdeskin ilmaisversiota": a rival already in use beside us.
  pattern(
    `(?:alka\\p{L}*|aloitt\\p{L}*|ruvenn\\p{L}*) (?:\\p{L}+ )?käyttä(?:ä|mään) ${AFTER}`,
    'after',
    true,
  ),
  pattern(
    `(?:started|begun|began|have been|secretly|quietly) using ${AFTER}(?=[^.!?\\n]*(?:instead|free (?:tier|version|plan)|on the side|alongside|in parallel))`,
    'after',
    false,
  ),
  pattern(`${BEFORE} tarjo(?:aa|si|aisi|avat|sivat)`, 'before', true),
  // "Saimme Freshdeskiltä tarjouksen": the name in the from-case right before the offer.
  pattern(`${BEFORE} tarjou(?:ksen|ksia|ksi|s)`, 'before', true),
];

/** Capitalised words that are not vendors: pronouns, days, months, languages, platforms. */
const NOT_A_NAME = new Set(
  [
    'the a an our your their its it this that these those we they you i he she them us me my',
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july',
    'august september october november december english finnish swedish german suomi ruotsi englanti',
    'maanantai tiistai keskiviikko torstai perjantai lauantai sunnuntai',
    'se ne he me te hän tämä tuo nämä ne meidän teidän heidän',
    'windows mac macos ios android linux chrome safari firefox edge',
    'pro premium enterprise basic starter growth plus annual monthly yearly sso api',
    'url csv pdf ip vpn crm erp ui ux id excel word outlook teams slack',
  ]
    .join(' ')
    .split(' '),
);

const NOT_A_VENDOR_CHANGE_NEAR = new RegExp(NOT_A_VENDOR_CHANGE, 'iu');

const FINNISH_DATA_BEFORE =
  /(?<![\p{L}])(?:myynnit|myynti|tiedot|laskut|tilaukset|data|datat|tapahtumat|kirjaukset|merkinnät|tuotteet|asiakkaat|tunnit|palkat)(?: \p{L}+)? $/iu;

const OWN_PLAN = /-(?:paket|paketti|tilau|versio|lisens|taso|plan|tier)\p{L}*$/iu;
const PLAN_NOUN_AFTER =
  /^\s*(?:plan|tier|package|edition|version|subscription|licen[cs]e|seats?|paket\p{L}*|taso\p{L}*)(?![\p{L}])/iu;

/**
 * Competitor names introduced by "switch to X", "X is cheaper", "vaihtaa X:ään", "X on halvempi"…
 * A name must start with a capital letter. Known competitor names (config) win over the text's
 * spelling; Finnish case endings are removed by rule otherwise (best effort, documented).
 */
export function findCompetitorNames(text: string, known: readonly string[]): CompetitorMention[] {
  const mentions: CompetitorMention[] = [];
  for (const { regex, side, finnish } of NAMING_PATTERNS) {
    regex.lastIndex = 0;
    for (const match of text.matchAll(regex)) {
      const picked = pickName(match[1]!.split(' '), side, finnish, known);
      if (!picked) continue;
      // "saako myynnit siirtymään Procountoriin": data that moves to another system, an integration.
      if (finnish && FINNISH_DATA_BEFORE.test(text.slice(Math.max(0, match.index - 30), match.index)))
        continue;
      // "pääkäyttäjäksi vaihtaa Sannan": a role in the translative before the verb names a person.
      if (
        finnish &&
        /\p{L}+ksi\s+(?:\p{L}+\s+)?$/iu.test(text.slice(Math.max(0, match.index - 40), match.index))
      )
        continue;
      // "Siirrytään teille WooCommercesta" moves FROM a rival to us; "testattu iPhonella" names a device.
      if (finnish && side === 'after' && /(?:sta|stä|lta|ltä|lla|llä)$/iu.test(picked.raw)) continue;
      // "switch to the Pro plan", "vaihtaa Team-pakettiin": one of our own plans, not a rival.
      if (
        OWN_PLAN.test(picked.raw) ||
        PLAN_NOUN_AFTER.test(text.slice(match.index + match[0].indexOf(picked.raw) + picked.raw.length))
      )
        continue;
      // "switch to WhatsApp and back", "address is changing to Unit 4": no vendor change.
      if (NOT_A_VENDOR_CHANGE_NEAR.test(sentenceAround(text, match.index).text)) continue;
      // For "switch to X …" the phrase ends at the name, not at the words read after it.
      const end =
        side === 'after'
          ? match.index + match[0].indexOf(picked.raw) + picked.raw.length
          : match.index + match[0].length;
      mentions.push({ name: picked.name, start: match.index, end });
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}

function pickName(
  words: string[],
  side: 'after' | 'before',
  finnish: boolean,
  known: readonly string[],
): { name: string; raw: string } | null {
  let picked: string[];
  if (side === 'before') {
    picked = words.slice(-1);
  } else if (finnish) {
    // Finnish may put an adverb first ("vaihdamme luultavasti Zendeskiin"); one word is the name.
    const first = words.findIndex(isCapitalised);
    // "vaihtaa pääkäyttäjäksi Jarin": a role in the translative (-ksi) changes a person, not a vendor.
    const role = words.slice(0, Math.max(0, first)).some((word) => /ksi$/iu.test(word));
    picked = first === -1 || first > 2 || role ? [] : [words[first]!];
  } else {
    // English: the name comes right after the verb; a second capitalised word belongs to it.
    picked = [];
    for (const word of words.slice(0, 2)) {
      if (!isCapitalised(word)) break;
      picked.push(word);
    }
  }
  const raw = picked.join(' ');
  let name = raw.replace(/[:'’-]+$/u, '');
  if (!name || !isCapitalised(name) || NOT_A_NAME.has(name.toLowerCase())) return null;
  const canonical = known.find((candidate) => name.toLowerCase().startsWith(candidate.toLowerCase()));
  if (canonical) return { name: canonical, raw };
  if (finnish) name = removeFinnishEnding(name);
  return name.length >= 2 && !NOT_A_NAME.has(name.toLowerCase()) ? { name, raw } : null;
}

function isCapitalised(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase() && first === first.toUpperCase();
}

const VOWELS = 'aeiouyäö';

/**
 * Removes a Finnish case ending from a foreign name: "HubSpot:iin" → "HubSpot", "Zendeskiin" →
 * "Zendesk", "Zendeskiä" → "Zendesk", "Salesforcelle" → "Salesforce", "Jiraan" → "Jira". Consonant-final names take an
 * `i` before the ending; vowel-final ones double the vowel before `n` in the illative.
 */
function removeFinnishEnding(name: string): string {
  const colon = name.indexOf(':');
  if (colon > 0) return name.slice(0, colon);
  const lower = name.toLowerCase();
  const endsInConsonant = (stem: string) => stem.length > 0 && !VOWELS.includes(stem.at(-1)!);
  for (const ending of [
    'ihin',
    'iin',
    'ille',
    'ilta',
    'iltä',
    'ista',
    'istä',
    'issa',
    'issä',
    'in',
    'ia',
    'iä',
  ]) {
    const stem = lower.slice(0, -ending.length);
    if (lower.endsWith(ending) && endsInConsonant(stem) && stem.length >= 3)
      return name.slice(0, stem.length);
  }
  for (const ending of ['lle', 'lta', 'ltä', 'sta', 'stä', 'ssa', 'ssä', 'n', 'a', 'ä']) {
    const stem = lower.slice(0, -ending.length);
    if (!lower.endsWith(ending) || stem.length < 3 || endsInConsonant(stem)) continue;
    // Illative of a vowel-final name doubles the vowel: "Jiraan" = "Jira" + "an".
    if (ending === 'n' && stem.at(-1) === stem.at(-2)) return name.slice(0, stem.length - 1);
    return name.slice(0, stem.length);
  }
  return name;
}

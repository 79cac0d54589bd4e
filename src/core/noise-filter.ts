import { isAutoReply, isSignature, withoutDisclaimer } from './auto-reply.ts';
import { isBulkMail } from './bulk-mail.ts';
import { acknowledgesNotice, closesFixedTicket, isClosingNote } from './closing-note.ts';
import { LONGEST_NOISE_PHRASE, NOISE_FILLERS, NOISE_PHRASES, type NoiseCategory } from './noise-cues.ts';
import { findFloorHits } from './priority-floor.ts';

/**
 * Tells engagement ("thanks!", "ok 👍", "kiitos paljon", "hyvää viikonloppua") from requests.
 * Noise still counts as engagement for account health; it just does not become a request.
 *
 * The rule is conservative because a false "noise" hides a customer's words from the team:
 * - a message is noise only when greeting/thanks/acknowledgement phrases, fillers ("so much",
 *   "paljon"), a name right after a greeting or thanks ("Thanks, Anna!") and emoji cover ALL of it;
 * - any question mark makes it a request ("ok?", "hello? anyone?" is a customer waiting);
 * - empty text is not noise: a message with only a screenshot attached has empty text;
 * - longer than `MAX_NOISE_CHARS` is never noise, but for bulk mail;
 * - an out-of-office or other automatic reply is noise (auto-reply.ts, as strict as the above);
 * - so is a short note closing the customer's own message ("resolved now, sorry for the noise",
 *   closing-note.ts) and a newsletter that reached the inbound address (bulk-mail.ts).
 * Extra patterns from config are tested (case-insensitive, Unicode) against the whole text with
 * ordinary regex search semantics: anchor them with `^…$` to match whole messages only.
 */

export type NoiseResult = { noise: boolean; reason: string | null };

export interface NoisePatternError {
  /** Position in `noise.patterns` (0-based, as in the config path). */
  index: number;
  pattern: string;
  message: string;
}

/** Characters. Real acknowledgements are short; anything longer is read by a human. */
export const MAX_NOISE_CHARS = 1000;

const NOT_NOISE: NoiseResult = { noise: false, reason: null };

/** A quoted line of the message being answered: "> On Tue, Support wrote:", "> Hi Kieran, …". */
const QUOTED_LINE = /^\s*>.*$\n?/gmu;

/** The signature under a "-- " delimiter line (RFC 3676), to the end of the message. */
const SIGNATURE_BLOCK = /\n[ \t]*--[ \t]*\n[\s\S]*$/u;
/** Slack shortcodes such as `:tada:`, `:+1:`, `:thumbsup::skin-tone-2:`. */
const SHORTCODE = /:[a-z0-9_+'-]+:/gi;
/** Slack user mentions `<@U123>` / `<@U123|anna>`: addressing someone, not asking anything. */
const MENTION = /<@[A-Z0-9]+(?:\|[^>]*)?>/g;
/** Text emoticons, only as whole words so `:D` inside text does not count. */
const EMOTICON = /(?<!\S)(?:[:;=8]-?[)(DPpOo3/\\|*]|<3|\^\^|xD|XD)(?!\S)/g;
/** Emoji code points and the joiners, variation selectors and keycaps that glue them together. */
const UNICODE_EMOJI =
  /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\u200d|\ufe0f|\u20e3/gu;
const QUESTION = /[?？¿]/;
const TOKEN = /\+1|[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const SENTENCE_BREAK = /[.!;\n。]/;
const NAME = /^\p{Lu}\p{Ll}+$/u;
/** A greeting or thanks may be followed by at most this many names ("Thanks Anna and Pekka"). */
const MAX_NAMES = 2;

/** Later categories win: "hi, thanks" is thanks; "ok kiitos" is thanks. */
const CATEGORY_ORDER: readonly NoiseCategory[] = ['greeting', 'acknowledgement', 'thanks'];

interface Token {
  lower: string;
  original: string;
  /** True when a sentence ends between the previous token and this one. */
  breakBefore: boolean;
}

export function classifyNoise(text: string, options: { patterns?: string[] } = {}): NoiseResult {
  // A newsletter is long and still nobody's request.
  if (isBulkMail(text)) return { noise: true, reason: 'bulk-mail' };
  if (text.length > MAX_NOISE_CHARS || text.trim() === '') return NOT_NOISE;
  // "> On Tue, Support wrote: … \n Great, got it, thanks": only the customer's own lines count.
  // "Kiitti! 👍 \n -- \n Petra Salonen …": the signature under the standard "-- " line is not the note.
  const own = text.replace(QUOTED_LINE, '').replace(SIGNATURE_BLOCK, '').trim();
  const builtIn = classifyByLexicon(own === '' ? text : own);
  if (builtIn.noise) return builtIn;
  const patterns = options.patterns ?? [];
  for (let index = 0; index < patterns.length; index += 1) {
    const regex = compileCached(patterns[index]!);
    if (regex?.test(text)) return { noise: true, reason: `pattern:${index}` };
  }
  // After the configured patterns, so an organisation's own auto-reply pattern names itself.
  if (isAutoReply(text)) return { noise: true, reason: 'auto-reply' };
  // "Re: Incident report – outage 12 Feb \n Thanks, received … feel free to close this one": the
  // subject names what is being closed.
  // "… all good on our end. / Kind regards / … / This e-mail and any attachments may contain
  // confidential information … does not accept liability for any data loss": the notice is the server's.
  const body = withoutDisclaimer(text);
  // "… the reminders stopped going out … Since your patch the reminders are firing again. Happy for
  // you to close #48213": a note that closes a fixed ticket recounts what it closes.
  // "Re: Huoltokatko la 16.11. \n Kuitattu, kiitos tiedosta … katko ei vaikuta meihin": the break
  // it acknowledges is the one announced, not a report.
  if (
    isClosingNote(body) &&
    (closesFixedTicket(body) || acknowledgesNotice(body) || !reportsAnything(body.replace(REPLY_SUBJECT, '')))
  )
    return { noise: true, reason: 'closing-note' };
  if (MEMBERSHIP_NOTICE.test(text.trim()) || isMembershipDigest(text))
    return { noise: true, reason: 'membership' };
  if (isCalendarResponse(text)) return { noise: true, reason: 'calendar-response' };
  return NOT_NOISE;
}

/** Compiles config patterns exactly as `classifyNoise` will, so config validation can report them. */
export function compileNoisePatterns(patterns: string[]): {
  ok: boolean;
  errors: NoisePatternError[];
  regexes: RegExp[];
} {
  const errors: NoisePatternError[] = [];
  const regexes: RegExp[] = [];
  patterns.forEach((pattern, index) => {
    try {
      regexes.push(compilePattern(pattern));
    } catch (error) {
      errors.push({ index, pattern, message: error instanceof Error ? error.message : String(error) });
    }
  });
  return { ok: errors.length === 0, errors, regexes };
}

function compilePattern(pattern: string): RegExp {
  if (pattern.trim() === '') throw new Error('an empty pattern would match every message');
  return new RegExp(pattern, 'iu');
}

/**
 * "Kevin Park has joined the channel", "<@U123> left #acme-support", "Anna liittyi kanavalle":
 * a membership notice posted as text (bridged channels, email digests). Membership itself is read
 * from the platform's events for account health; the text asks nothing.
 */
const MEMBERSHIP_NOTICE =
  /^(?:<@[A-Z0-9]+(?:\|[^>]*)?>|@?\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3}) (?:has )?(?:joined|left) (?:the )?(?:channel|conversation|group|team|#[\w-]+)(?: #?[\w-]+)?[.!]?$|^@?\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3} (?:liittyi|poistui) (?:kanavalle|kanavalta|keskusteluun|keskustelusta|ryhmään|ryhmästä)(?: #[\w-]+)?[.!]?$/u;

/**
 * "Accepted: Quarterly account review \n When: … \n Where: Microsoft Teams Meeting": a calendar
 * client's automatic answer to an invitation. A reply with a note of its own is left a request.
 */
const CALENDAR_RESPONSE = {
  /** "Accepted: Quarterly review – Acme @ Thu 28 Nov 2024 10:00–11:00 (EET)": the subject line. */
  head: /^(?:(?:accepted|declined|tentative|tentatively accepted|hyväksytty|hylätty|alustava|alustavasti hyväksytty):\s[^\n?]{1,200}|[^\n?]{1,80} (?:has )?(?:accepted|declined|tentatively accepted) (?:this|the|your) (?:meeting|invitation|invite)\.?)$/iu,
  /** What the client writes under it: when, where, who answered. */
  line: /^\s*(?:(?:when|where|aika|paikka|sijainti):[^\n]*|(?:accepted|declined|tentatively accepted) by [^\n?]{1,60}|join (?:microsoft )?teams meeting[^\n]*|join zoom meeting[^\n]*|[^\n?]{1,80} (?:has )?(?:accepted|declined|tentatively accepted) (?:this|the|your) (?:meeting|invitation|invite)\.?|agenda\b[^\n]{0,30}:[^\n]*|(?:join on your computer|join the meeting|click here to join|meeting id|passcode|microsoft teams (?:meeting|meet)|need help\?)[^\n]*|[_–—=-]{3,}|[^\n?]{1,80} on (?:hyväksynyt|hylännyt) (?:kutsun|kokouksen|kokouskutsun|kalenterikutsun|tapaamisen)\.?)$/iu,
  /** A line of the sender's own under an acceptance: short, no question. */
  note: /^[^\n?]{1,160}$/u,
  /** The meeting's name: short, no question, no sentence. */
  title: /^[^\n?.!]{1,100}$/u,
  /** A time or a When line: what makes it a calendar answer, not "Accepted: we'll go with plan B". */
  time: /\d{1,2}[:.]\d{2}|^\s*(?:when|aika):/imu,
};

/** An item of the agenda the organiser wrote: numbered or bulleted, no question. */
const AGENDA_ITEM = /^\s*(?:\d{1,2}[.)]|[-•*–])\s+[^\n?]{1,140}$/u;
const AGENDA_LINE = /^\s*agenda\b[^\n]{0,30}:\s*$/imu;

function isCalendarResponse(text: string): boolean {
  const [head, ...rest] = text.trim().split('\n');
  const hasAgenda = AGENDA_LINE.test(text);
  // "Dan has accepted this meeting." puts the meeting's title on a line of its own, once.
  let titles = 0;
  let notes = 0;
  return (
    CALENDAR_RESPONSE.head.test(head!.trim()) &&
    rest.every(
      (line) =>
        line.trim() === '' ||
        CALENDAR_RESPONSE.line.test(line) ||
        // "Head of Ground Operations, Lapland Ground Services Oy" under the name: who answered.
        (titles === 1 && isSignature(line)) ||
        // "1. Q3 incident recap (online sales outage 21 Sept)": the organiser's agenda, copied in.
        (hasAgenda && AGENDA_ITEM.test(line)) ||
        (CALENDAR_RESPONSE.title.test(line.trim()) && ++titles === 1) ||
        // "Greg will join from 10:15, he has a tenant inspection beforehand.": one short note.
        (CALENDAR_RESPONSE.note.test(line.trim()) && ++notes === 1),
    ) &&
    CALENDAR_RESPONSE.time.test(text) &&
    (notes === 0 ||
      (!RAISES_SOMETHING.test(text.replace(CALENDAR_RESPONSE.head, '')) && !reportsAnything(text)))
  );
}

/** Memo of compiled patterns (null = invalid, ignored here; config validation reports it). */
const compiled = new Map<string, RegExp | null>();
const MAX_CACHED_PATTERNS = 256;

function compileCached(pattern: string): RegExp | null {
  const hit = compiled.get(pattern);
  if (hit !== undefined) return hit;
  let regex: RegExp | null;
  try {
    regex = compilePattern(pattern);
  } catch {
    regex = null;
  }
  if (compiled.size >= MAX_CACHED_PATTERNS) compiled.clear();
  compiled.set(pattern, regex);
  return regex;
}

function classifyByLexicon(text: string): NoiseResult {
  if (QUESTION.test(text)) return NOT_NOISE;
  let emoji = 0;
  const count = (): string => {
    emoji += 1;
    return ' ';
  };
  const stripped = text
    .normalize('NFC')
    .replace(MENTION, ' ')
    .replace(SHORTCODE, count)
    .replace(EMOTICON, count)
    .replace(UNICODE_EMOJI, count);
  const tokens = tokenize(stripped);
  if (tokens.length === 0) return emoji > 0 ? { noise: true, reason: 'emoji-only' } : NOT_NOISE;
  const categories = coverTokens(tokens);
  if (categories === null || categories.size === 0) return NOT_NOISE;
  const reason = [...CATEGORY_ORDER].reverse().find((category) => categories.has(category))!;
  return { noise: true, reason };
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  for (const match of text.matchAll(TOKEN)) {
    const gap = text.slice(previousEnd, match.index);
    tokens.push({
      original: match[0],
      lower: match[0].toLowerCase().replaceAll('’', "'"),
      breakBefore: tokens.length > 0 && SENTENCE_BREAK.test(gap),
    });
    previousEnd = match.index + match[0].length;
  }
  return tokens;
}

/**
 * Walks the tokens, taking the longest known phrase at each position. Returns the categories seen,
 * or null as soon as a token is neither a phrase, a filler nor an allowed name.
 */
function coverTokens(tokens: Token[]): Set<NoiseCategory> | null {
  const categories = new Set<NoiseCategory>();
  let previous: 'addressing' | 'other' = 'other';
  let names = 0;
  let index = 0;
  while (index < tokens.length) {
    const step = matchPhrase(tokens, index);
    if (step) {
      // Fillers keep the state: "thanks so much Anna", "hi Anna and Pekka".
      if (step.category) {
        categories.add(step.category);
        previous = step.category === 'greeting' || step.category === 'thanks' ? 'addressing' : 'other';
      }
      index += step.length;
      continue;
    }
    const token = tokens[index]!;
    const isName =
      previous === 'addressing' && !token.breakBefore && names < MAX_NAMES && NAME.test(token.original);
    if (!isName) return null;
    names += 1;
    index += 1;
  }
  return categories;
}

function matchPhrase(
  tokens: Token[],
  start: number,
): { length: number; category: NoiseCategory | null } | null {
  const longest = Math.min(LONGEST_NOISE_PHRASE, tokens.length - start);
  for (let length = longest; length >= 1; length -= 1) {
    const slice = tokens.slice(start, start + length);
    // A phrase never spans a sentence break: "Ok. Thanks" is two phrases, not one.
    if (slice.slice(1).some((token) => token.breakBefore)) continue;
    const key = slice.map((token) => token.lower).join(' ');
    const category = NOISE_PHRASES.get(key);
    if (category) return { length, category };
    if (NOISE_FILLERS.has(key)) return { length, category: null };
  }
  return null;
}

/** One person, or a few, in a channel's join line: "*Sanna Mäkelä*", "tom.harding", "Aino Virtanen (Kuusiniemi City)". */
const MEMBER =
  "(?:\\*\\*|[*_])?@?[\\p{L}][\\p{L}\\p{N}.'’_-]*(?: [\\p{L}][\\p{L}.'’-]*){0,3}(?:\\*\\*|[*_])?(?: \\([^)\\n]{1,60}\\))?";
const MEMBERS = `${MEMBER}(?:(?:, | and | ja )${MEMBER}){0,4}`;
const CHANNEL = '(?: to)?(?: the)?(?: this)?(?: (?:channel|conversation|group|team))?(?: #[\\w-]+)?';
/**
 * "*Sanna Mäkelä* has joined #ext-kuntalab. Also, *Pekka* and *Laura* were added by Jukka.",
 * "tom.harding joined #ext-northgate. / ellie.w left #ext-northgate.": a client's digest of who
 * came and went, one notice per line or sentence.
 */
const MEMBERSHIP_PART = new RegExp(
  `^(?:also,? |myös )?${MEMBERS} (?:(?:has |have )?(?:joined|left)|(?:was|were) added${CHANNEL}(?: by ${MEMBER})?|liittyi|poistui)${CHANNEL}(?: kanavalle| kanavalta)?(?: #[\\w-]+)?(?: along with (?:\\d+|one|two|three|four|five) others?| ja \\d+ muuta)?(?:\\. (?:also|myös),? ${MEMBERS} (?:liittyi|joined|(?:was|were) added${CHANNEL}(?: by ${MEMBER})?))?[.!]?$`,
  'iu',
);

/**
 * What may follow a join line: the newcomer introduced, by themselves or by a colleague ("Tom: hi
 * all 👋 I've taken over from Ruth on the systems side", "Priya is our new Digital Subscriptions
 * Manager", "Say hi 👋"). A question or anything else makes it a request.
 */
const INTRODUCTION =
  /^[^?\n]{0,200}(?<![\p{L}])(?:(?:i['’]ve|has|have|i have) taken over from|(?:is|are) (?:our|the) new|will be taking over|taking over from|say (?:hi|hello)|saying (?:hi|hello)|just saying (?:hi|hello)|will (?:mostly )?be lurking|aloitti (?:meillä|uutena)|on (?:meidän )?uusi)[^?\n]{0,160}$|^[\p{L}][\p{L}.'’ -]{1,40} [—–-] [^?\n]{1,140}$|^this channel is shared with [^?\n]{1,80}\. messages are visible to members of both organi[sz]ations\.?$|^[\p{L}][\p{L}.'’ _-]{1,40}:\s*(?:hi|hello|hey|moi|hei|morjens)(?: all| everyone| team| kaikki| kaikille)?(?:[\s!.,]|\p{Extended_Pictographic}|\uFE0F)*$/iu;

/**
 * The channel's own topic or standing reminder, shown under a join line ("Channel topic: Shared
 * support channel … For urgent outages use the P1 hotline"): written by whoever set the channel up,
 * so its outage words are instructions, not a report.
 */
const CHANNEL_NOTE =
  /^_?(?:(?:channel )?(?:topic|purpose|description)|kanavan (?:aihe|kuvaus|tarkoitus))\s*:[^?\n]{1,300}$|^[^?\n]{1,80} (?:changed|set) the channel (?:topic|purpose|description) to:?[^?\n]{1,300}$|^_?(?:reminder:\s*)?this channel is (?:shared with|for) [^?\n]{1,300}$/iu;

/** "Also in this channel: Ville Rautio, Marko Tuominen and 6 others.": who else is there. */
const ALSO_IN_CHANNEL = new RegExp(
  `^(?:also in this (?:channel|conversation)|myös (?:tällä )?kanavalla):\\s*${MEMBERS}(?: (?:and|ja) (?:\\d+|one|two|three|four|five|six) (?:others?|muuta))?\\.?$`,
  'iu',
);

function isMembershipDigest(text: string): boolean {
  const parts = text
    .split(/\n+|(?<=[.!])\s+(?=(?:also|myös)\b)|(?<=#[\w-]+\.)\s+/iu)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (parts.length === 0 || parts.length > 6 || !MEMBERSHIP_PART.test(parts[0]!)) return false;
  return parts.every(
    (part, at) =>
      MEMBERSHIP_PART.test(part) ||
      (at > 0 && ALSO_IN_CHANNEL.test(part)) ||
      (at > 0 && INTRODUCTION.test(part) && !RAISES_SOMETHING.test(part) && !reportsAnything(part)) ||
      (at > 0 && CHANNEL_NOTE.test(part)),
  );
}

/** Words that make a note a topic of its own: "I would like to discuss the invoice errors too." */
const RAISES_SOMETHING =
  /(?<![\p{L}])(?:errors?|issues?|problems?|broken|wrong|fail\p{L}*|bugs?|down|discuss|complain\p{L}*|not working|doesn['’]t work|virhe\p{L}*|ongelm\p{L}*|rikki|vika\p{L}*|vioi\p{L}*|ei toimi|keskustel\p{L}*|alhaalla)(?![\p{L}])/iu;

/**
 * Anything the priority floor would raise: a closing's words can sit beside an incident or a notice
 * ("Nothing else needed from us, production is down again", "all sorted — we won't renew though"),
 * and an introduction or a calendar note can carry a report. The floor's renewal rule needs an
 * account, so no date or window matters here.
 */
/** The subject line of a reply on top of it: "Re: Incident report – outage 12 Feb". */
const REPLY_SUBJECT = /^\s*(?:re|vs|sv|aw|ref)\s*:[^\n]*\n/iu;

/** "On Tue, 4 Jun 2024 at 09:12, Gareth Lloyd <…> wrote:" above the quoted message. */
const QUOTE_HEADER =
  /^\s*(?:on|le|am|\d{1,2}\.\d{1,2}\.\d{2,4})\b[^\n]{0,160}(?:wrote|kirjoitti|a écrit|schrieb):\s*$/gimu;

function reportsAnything(text: string): boolean {
  // The quoted message being answered reports what the note closes, not something new.
  const own = text.replace(QUOTED_LINE, '').replace(QUOTE_HEADER, '');
  return (
    findFloorHits({ text: own, account: null, sentiment: null, now: new Date(0), renewalWindowDays: 0 })
      .length > 0
  );
}

/**
 * A stop somebody planned, or rehearsed: "our production is stopped over midsummer — a planned
 * maintenance shutdown", "suunniteltu huoltokatko su klo 2–4", "we're running a disaster recovery
 * drill on Saturday", "one scenario was 'payroll vendor completely unavailable for 48 hours'".
 * Nothing failed; whether it is ours or the customer's, it is a question about scheduling, not an
 * outage to page for — unless something broke after it ("down since your maintenance window").
 */
export const PLANNED_STOP =
  '(?<![\\p{L}])(?:(?:disaster recovery|dr|failover|continuity|business-continuity|tabletop|incident response|fire|evacuation)(?: \\p{L}+)? (?:drill|test|exercise|simulation)s?|drill|scenario|simulat\\p{L}*|valmiusharjoitu\\p{L}*|(?:palo|poistumis|evakuointi|kriisi|jatkuvuus|toipumis|varautumis|katko|häiriö|tietoturva|kyber|dr-|varmistus)harjoitu\\p{L}*|harjoitu(?:s|ksen|ksessa) (?:\\p{L}+ ){0,2}(?:ajetaan|pidetään|järjestetään|aikana)|(?:planned|scheduled|announced|routine) (?:[\\p{L}-]+ ){0,3}(?:maintenance|downtime|shutdown|outages?|stoppage|works?)|maintenance (?:window|shutdown|break|weekend)|(?:summer|winter|christmas|annual|seasonal|holiday) (?:shutdown|stoppage)|kesäseisok\\p{L}*|down for (?:scheduled |planned |routine )?(?:maintenance|an? (?:update|upgrade))|suunnitel\\p{L}* (?:huolto\\p{L}*|katko\\p{L}*|seisok\\p{L}*|käyttökatko\\p{L}*)|huoltokatko\\p{L}*|huoltoseisok\\p{L}*|huoltotauko\\p{L}*|vuosihuol\\p{L}*|(?:will be|we[\\u0027\\u2019]ll be|are going to be|plan to be|is|are) (?:running|conducting|doing|carrying out) (?:an? |our )?(?:[\\p{L}-]+ ){0,3}(?:penetration test|pen ?test|pentest)s? (?:against|on|of) (?:our|their)|(?:will be|is going to be|[\\u0027\\u2019]ll be|goes|go) (?:down|offline|unavailable) (?:tomorrow|tonight|this weekend|next \\p{L}+|on \\p{L}+day)|(?:will be|is going to be|[\\u0027\\u2019]ll be) (?:down|offline|unavailable|closed) for (?:a |the )?(?:\\d+|two|three|four|a few|several|couple of) (?:days|weeks)|(?:will be|is going to be|[\\u0027\\u2019]ll be) (?:down|offline|closed|shut) for (?:the )?(?:[\\p{L}-]+ )?(?:clean-?out|cleaning|renovation|refurbishment|servicing|repairs?|rebuild|disinfection|inspection|the (?:holidays|season|winter|summer))|(?:ensi|tulevana|huomenna) (?:\\p{L}+ )?\\p{L}*katko\\p{L}*|(?:power cut|outage|downtime|shutdown) (?:\\p{L}+ )?(?:next \\p{L}+|tomorrow)|(?:on|ovat|olemme|menee|menevät) (?:alhaalla|poissa käytöstä|katkolla|suljettuna|nurin) (?:huomenna|ylihuomenna|ensi \\p{L}+|tänä yönä|viikonloppuna))(?![\\p{L}])';

const PLANNED_ALL = new RegExp(PLANNED_STOP, 'giu');
/** "…since your 02:00 maintenance window", "huoltokatkon jälkeen": the plan is when it broke. */
const FAILED_SINCE_BEFORE = /(?<![\p{L}])(?:since|after|following)\s+(?:\S+\s+){0,3}$/iu;
const FAILED_SINCE_AFTER = /^\s*(?:jälkeen|lähtien)(?![\p{L}])/iu;

/**
 * Whether the message is about a stop or drill somebody planned, anywhere in it — not one that
 * something broke after ("down since your maintenance window").
 */
export function mentionsPlannedStop(text: string): boolean {
  for (const match of text.matchAll(PLANNED_ALL)) {
    const before = text.slice(Math.max(0, match.index - 40), match.index);
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 15);
    if (!FAILED_SINCE_BEFORE.test(before) && !FAILED_SINCE_AFTER.test(after)) return true;
  }
  return false;
}

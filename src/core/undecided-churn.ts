/**
 * "Could you remind me what our notice period is …? Nothing decided yet", "Mikä on meidän
 * sopimuksen irtisanomisaika? Mitään päätöksiä ei vielä ole": a customer whose parent company,
 * budget or board puts the contract under review asks a calm question and says nothing has been
 * decided. The churn signal stands (it is the account's story), but it is a question to answer well,
 * not an alarm. In the labelled sets such messages with an acquisition, budget or competitor driver
 * were P3 30 times and P2 13 times, where the same drivers without the words were P2 five times in six.
 */
const NO_DECISION_YET = new RegExp(
  [
    String.raw`no (?:final )?decisions?(?: (?:has|have) been)?(?: (?:made|taken))?(?: (?:yet|at this point|so far))?(?=[.,;!)]|\s*$| on | either| about)`,
    'no decisions? (?:made|taken|yet)',
    'nothing(?: is| has been)? (?:decided|final|settled)(?: yet)?',
    "(?:not|haven['’]t|have not|hasn['’]t|has not) (?:yet )?(?:been )?decided",
    "(?:can['’]t|cannot) promise anything(?: (?:at this point|yet))?",
    '(?:day to day |for now )?nothing (?:else )?(?:changes|will change)(?: for now)?',
    'just (?:want|wanted|need|needed|trying) to (?:know|understand) (?:our|the|what the) options',
    // Finnish
    '(?:ei|eikä) (?:ole )?(?:vielä )?(?:mitään )?päätöksiä',
    '(?:mitään )?päätöksiä ei (?:ole )?(?:vielä )?(?:ole|tehty)',
    'ei (?:ole |oo )?(?:vielä )?päätetty',
    'ei (?:ole|oo) (?:vielä )?(?:tehty )?päätöstä',
    'mitään ei (?:ole|oo) (?:vielä )?päätetty',
    String.raw`(?:halutaan|haluamme|haluttais\p{L}*) (?:vaan |vain |ensin )?tietää (?:\p{L}+ )?vaihtoehdot`,
  ]
    .map((part) => `(?:${part})`)
    .join('|'),
  'iu',
);

const WHOLE_WORD = new RegExp(`(?<![\\p{L}])(?:${NO_DECISION_YET.source})(?![\\p{L}])`, 'iu');

/**
 * A concrete alternative already in view: the new owner's own system, a group contract with another
 * supplier, proposals asked from other vendors. Then it is a retention risk, decided or not.
 */
const ALTERNATIVE_IN_VIEW =
  /(?<![\p{L}])(?:another (?:[\p{L}/-]+ ){0,2}(?:provider|supplier|vendor|system|platform)|other (?:vendors|suppliers|providers)|(?:their|its) own (?:in-house )?[\p{L}-]+|group(?:-wide)? contract|single (?:group )?contract|uses \p{Lu}[\p{L}-]*|migrat\p{L}*|move (?:onto|to) (?:it|their|the group)|proposals? from|toise\p{L}* (?:toimittaja|järjestelmä|palvelu)\p{L}*|oma\p{L}* (?:järjestelmä|toiminnanohjau)\p{L}*)(?![\p{L}])/iu;

/** Whether the customer asks something and says no decision has been made, with no alternative in view. */
export function isUndecidedQuestion(text: string): boolean {
  return /[?？]/u.test(text) && WHOLE_WORD.test(text) && !ALTERNATIVE_IN_VIEW.test(text);
}

/** "irtisanomisaika", "irtisanomisehdot": the contract's terms named, not a notice given. */
const NOTICE_PERIOD = /^irtisanomis(?:aika|ajan|ajasta|aikaa|ehdo|ehto)\p{L}*/iu;

/**
 * Whether the word at `start` names the notice period ("Mikä on meidän irtisanomisaika? … Ei mitään
 * päätöksiä vielä") in a calm question under review: the terms asked about, not notice given.
 */
export function asksNoticePeriodCalmly(text: string, start: number): boolean {
  return NOTICE_PERIOD.test(text.slice(start, start + 40)) && isUndecidedQuestion(text);
}

/**
 * Lexicon of the noise filter: words and phrases (English and Finnish) that, on their own, make a
 * message engagement rather than a request. Phrases are lower-case tokens separated by single
 * spaces, apostrophes normalised to `'`. A message is noise only when these phrases (plus fillers,
 * names and emoji) cover ALL of it, so "thanks, but the export is still broken" stays a request.
 */

export type NoiseCategory = 'greeting' | 'thanks' | 'acknowledgement';

const GREETINGS = [
  // English
  ...['hi', 'hello', 'hey', 'hiya', 'howdy', 'greetings', 'good morning', 'good afternoon'],
  ...['good evening', 'morning', 'bye', 'goodbye', 'bye bye', 'see you', 'see ya', 'talk soon'],
  ...['take care', 'you too', 'same to you', 'enjoy your weekend', 'enjoy the weekend'],
  ...['happy friday', 'happy holidays', 'merry christmas', 'happy new year', 'best regards'],
  ...['kind regards', 'regards', 'br', "season's greetings", 'seasons greetings'],
  // "talk thursday", "speak on monday", "see you next week"
  ...['talk', 'speak', 'see you', 'catch up'].flatMap((verb) =>
    [
      'monday',
      'tuesday',
      'wednesday',
      'thursday',
      'friday',
      'tomorrow',
      'later',
      'soon',
      'then',
      'next week',
    ].flatMap((when) => [`${verb} ${when}`, `${verb} on ${when}`]),
  ),
  // Finnish
  ...['moi', 'moikka', 'moro', 'hei', 'heippa', 'hej', 'hej hej', 'heipä hei', 'hei hei'],
  ...['terve', 'tervehdys', 'huomenta', 'päivää', 'iltaa', 'nähdään', 'samoin', 'sinulle myös'],
  ...['teille myös', 'hyvää jatkoa', 'hyvät jatkot', 'hyvää joulua', 'hyvää uutta vuotta'],
  ...['terveisin', 'ystävällisin terveisin', 'rauhallista joulua', 'onnellista uutta vuotta'],
  // "palataan ens viikolla", "jutellaan huomenna"
  ...['palataan', 'palaillaan', 'jutellaan', 'puhutaan', 'nähdään'].flatMap((verb) =>
    [
      '',
      ' asiaan',
      ' huomenna',
      ' ens viikolla',
      ' ensi viikolla',
      ' myöhemmin',
      ' maanantaina',
      ' tiistaina',
      ' keskiviikkona',
      ' torstaina',
      ' perjantaina',
    ].map((when) => `${verb}${when}`),
  ),
];

/** "have a nice weekend", "hyvää viikonloppua"… built from parts so every combination is covered. */
const WELL_WISHES = [
  ...['have a', 'have a very'].flatMap((lead) =>
    ['nice', 'great', 'good', 'lovely', 'wonderful'].flatMap((adjective) =>
      ['weekend', 'day', 'evening', 'week', 'one', 'holiday', 'vacation'].map(
        (noun) => `${lead} ${adjective} ${noun}`,
      ),
    ),
  ),
  ...['hyvää', 'mukavaa', 'kivaa', 'rentouttavaa', 'aurinkoista'].flatMap((adjective) =>
    ['viikonloppua', 'päivää', 'päivänjatkoa', 'iltaa', 'huomenta', 'lomaa', 'kesää', 'viikkoa'].map(
      (noun) => `${adjective} ${noun}`,
    ),
  ),
];

const THANKS = [
  // English
  ...['thanks', 'thank you', 'thank u', 'thankyou', 'thanku', 'thx', 'thnx', 'tnx', 'ty', 'tyvm'],
  ...['cheers', 'many thanks', 'much appreciated', 'appreciated', 'appreciate it'],
  ...['i appreciate it', 'really appreciate it', 'thanks a lot', 'thanks a million'],
  ...['thanks again'],
  // Finnish
  ...['kiitos', 'kiitti', 'kiitoksia', 'kiitokset', 'kiitos kiitos', 'kiitoksia paljon'],
  ...['kiitos samoin', 'kiitän', 'kiitti vaan'],
  // Swedish, Finland's other language
  ...['tack', 'tack så mycket', 'tusen tack'],
];

const ACKNOWLEDGEMENTS = [
  // English
  ...['ok', 'okay', 'okey', 'oki', 'okie', 'k', 'kk', '+1', 'got it', 'gotcha', 'sounds good'],
  ...['sounds great', 'sounds perfect', 'noted', 'roger', 'roger that', 'understood', 'will do'],
  ...['sure', 'sure thing', 'alright', 'all right', 'all good', 'no worries', 'no problem', 'np'],
  ...['great', 'perfect', 'awesome', 'excellent', 'brilliant', 'wonderful', 'fantastic'],
  ...['amazing', 'cool', 'nice', 'lovely', 'super', 'good', 'fine', 'works now', 'it works'],
  ...['it works now', 'that works', 'that worked', 'makes sense', 'perfect sense'],
  ...["that's exactly what i needed", 'exactly what i needed', 'just what i needed', "that's what i needed"],
  ...['that fixed it', 'that fixed the issue', 'that did it', 'that did the trick', 'all good now'],
  ...["that's great", "that's perfect", "that's fine", 'that is great', 'great news'],
  ...['good news', 'will check', "i'll check", 'haha', 'hehe', 'lol', 'yay', 'wow', 'great job'],
  ...['good job', 'great work', 'nice work', 'well done', 'all set', "we're good", 'all done'],
  ...['done', 'yes', 'yes exactly', 'yep', 'yup', 'yeah', 'exactly', 'fair enough', 'fair point'],
  ...['agreed', 'totally', 'true', 'indeed', 'for sure', 'absolutely', 'of course', 'on it'],
  ...['will try', "i'll try", 'will try tmrw', 'will try tomorrow', 'will test', "i'll test", 'will do tmrw'],
  // Finnish
  ...['okei', 'okei okei', 'joo', 'juu', 'jep', 'jees', 'jees jees', 'selvä', 'selvä homma'],
  ...['selvä juttu', 'selvä peli', 'hyvä', 'hyvä on', 'hyvä homma', 'hyvä juttu', 'hienoa'],
  ...['hieno homma', 'loistavaa', 'loistava', 'mahtavaa', 'mahtava', 'täydellistä'],
  ...['erinomaista', 'kiva', 'kivaa', 'kiva kuulla', 'toimii', 'toimii nyt', 'nyt toimii'],
  ...['nyt toimii taas', 'toimii taas', 'sopii', 'sopii hyvin', 'tehdään niin', 'katsotaan'],
  ...['jes', 'aivan', 'ymmärretty', 'asia selvä', 'hyvää työtä', 'hyvin tehty'],
  ...['katotaan', 'katotaan huomenna', 'katsotaan huomenna', 'hoidan', 'hoidetaan', 'teen niin'],
  ...['totta', 'just niin', 'juuri niin', 'niinpä', 'näin on', 'sovitaan niin', 'ehdottomasti'],
  ...['odotellaan', 'odotellaan päivitystä', 'jäädään odottamaan', 'odotamme päivitystä'],
];

/**
 * Words that carry no request on their own but often sit beside a phrase: "thanks SO MUCH",
 * "kiitos PALJON", "hi TEAM". Never enough to make a message noise without a real phrase.
 */
export const NOISE_FILLERS: ReadonlySet<string> = new Set([
  ...['so', 'much', 'very', 'a', 'lot', 'again', 'team', 'guys', 'all', 'everyone', 'everybody'],
  ...[
    ...['ensi viikolla', 'ens viikolla', 'huomenna', 'myöhemmin'],
    'tmrw',
    'tomorrow',
    'later',
    'mate',
    'buddy',
    'folks',
    'there',
    'you',
    'both',
    'and',
    'too',
    'also',
    'just',
    'really',
    'oh',
    'ah',
  ],
  ...['oh ok', 'for the help', 'for your help', 'for helping', 'for the quick reply'],
  ...['for the quick response', 'for the quick answer', 'for the quick fix', 'for the fix'],
  ...['for the update', 'for the info', 'for the information', 'for letting me know'],
  ...['for letting us know', 'for a great year', 'for the great year', 'for another great year'],
  ...['from all of us', 'from all of us at', 'from the whole team', 'from the whole team at'],
  ...['now', 'then', 'paljon', 'kovasti', 'tosi', 'todella', 'vaan'],
  ...['vain', 'nyt', 'sitten', 'ja', 'myös', 'kaikille', 'teille', 'sulle', 'sinulle', 'tiimi'],
  ...['avusta', 'avustasi', 'nopeasta vastauksesta', 'nopeasta avusta', 'vastauksesta'],
  ...['tiedosta', 'tiedoista', 'tästä', 'korjauksesta', 'päivityksestä'],
  ...['palaverissa', 'kokouksessa', 'at the meeting', 'in the meeting', 'on the call'],
]);

function withCategory(phrases: readonly string[], category: NoiseCategory): Array<[string, NoiseCategory]> {
  return phrases.map((phrase) => [phrase, category]);
}

/** Phrase → category. Fillers are kept apart (see `NOISE_FILLERS`). */
export const NOISE_PHRASES: ReadonlyMap<string, NoiseCategory> = new Map([
  ...withCategory(GREETINGS, 'greeting'),
  ...withCategory(WELL_WISHES, 'greeting'),
  ...withCategory(ACKNOWLEDGEMENTS, 'acknowledgement'),
  ...withCategory(THANKS, 'thanks'),
]);

/** Longest phrase, in tokens, so the matcher knows how far to look ahead. */
export const LONGEST_NOISE_PHRASE = Math.max(
  ...[...NOISE_PHRASES.keys(), ...NOISE_FILLERS].map((phrase) => phrase.split(' ').length),
);

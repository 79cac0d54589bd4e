/**
 * Word lists for the offline sentiment score. Weights are on a −3…3 scale in the spirit of
 * VADER/AFINN: ±1 mild, ±2 clear, ±3 strong. Finnish entries are stems (matched as word forms,
 * see match-word-form.ts) because Finnish inflects heavily. Multi-word entries take precedence
 * over the single words inside them ("not working" is one negative cue, not a negated positive).
 */
export interface SentimentEntry {
  phrase: string;
  weight: number;
  language: 'en' | 'fi';
}

const en = (weight: number, ...phrases: string[]): SentimentEntry[] =>
  phrases.map((phrase) => ({ phrase, weight, language: 'en' }));
const fi = (weight: number, ...phrases: string[]): SentimentEntry[] =>
  phrases.map((phrase) => ({ phrase, weight, language: 'fi' }));

export const SENTIMENT_ENTRIES: readonly SentimentEntry[] = [
  // Set phrases that contain a cue word but carry no tone; matching them first keeps "good" in
  // "Good morning" from counting.
  ...en(0, 'good morning', 'good afternoon', 'good evening', 'good day', 'have a good', 'quick question', 'good question'),
  ...fi(0, 'hyvää huomenta', 'hyvää päivää', 'hyvää iltaa', 'hyvää viikonloppua', 'hyvä kysymys', 'nopea kysymys'),
  // English, positive.
  ...en(
    3,
    'love',
    'loving',
    'amazing',
    'awesome',
    'fantastic',
    'excellent',
    'outstanding',
    'brilliant',
    'superb',
  ),
  ...en(3, 'great job', 'well done', 'life saver', 'lifesaver', 'game changer'),
  ...en(2, 'great', 'happy', 'glad', 'pleased', 'impressed', 'delighted', 'perfect', 'wonderful', 'smooth'),
  ...en(2, 'appreciate', 'appreciated', 'kudos', 'praise', 'praised', 'compliment', 'recommend', 'enjoy', 'helpful', 'easy'),
  ...en(
    1,
    'thank you',
    'thanks',
    'good',
    'nice',
    'fine',
    'works',
    'fixed',
    'resolved',
    'solved',
    'quick',
    'fast',
    'useful',
  ),
  ...en(1, 'intuitive', 'reliable', 'improved', 'improvement', 'cool'),
  // English, negative.
  ...en(-3, 'terrible', 'horrible', 'awful', 'unacceptable', 'disaster', 'disastrous', 'furious', 'outraged'),
  ...en(-3, 'useless', 'worst', 'ridiculous', 'hate', 'disgrace', 'appalling', 'nightmare', 'scam'),
  ...en(-2, 'broken', 'bad', 'angry', 'annoyed', 'annoying', 'frustrated', 'frustrating', 'disappointed'),
  ...en(-2, 'disappointing', 'unhappy', 'upset', 'poor', 'fail', 'failed', 'failing', 'fails', 'failure'),
  ...en(-2, 'crash', 'crashes', 'crashed', 'lost', 'loss', 'wrong', 'error', 'errors', 'outage', 'down'),
  ...en(-2, 'not working', "doesn't work", 'does not work', "don't work", "isn't working", 'stopped working'),
  ...en(-2, "can't", 'cannot', 'unable', 'impossible', 'blocked', 'stuck', 'overcharged', 'complaint'),
  ...en(-2, 'no response', 'no reply', 'still waiting', 'waste', 'wasted', 'misleading', 'confusing'),
  ...en(-1, 'bug', 'bugs', 'buggy', 'slow', 'issue', 'issues', 'problem', 'problems', 'concern', 'concerned'),
  ...en(-1, 'worried', 'unclear', 'missing', 'delay', 'delayed', 'expensive', 'difficult', 'hard'),
  ...en(-1, 'unfortunately', 'sadly', 'glitch', 'lag', 'timeout', 'confused', 'weird', 'strange', 'cancel'),
  // Finnish, positive (stems).
  ...fi(
    3,
    'loistava',
    'mahtava',
    'upea',
    'erinomai',
    'huippu',
    'ihana',
    'hyvää työtä',
    'rakastan',
    'rakastamme',
  ),
  ...fi(2, 'kiitollinen', 'kehu', 'kehuneet', 'hieno', 'hienosti', 'tyytyväi', 'iloinen', 'ilahdu', 'ilahdutt'),
  ...fi(2, 'helppo', 'helposti', 'suosittel', 'täydellinen', 'arvosta', 'sujuva', 'sujuvasti', 'onnistui'),
  ...fi(
    1,
    'kiitos',
    'kiitoksia',
    'hyvä',
    'kiva',
    'kivasti',
    'toimii',
    'toimivat',
    'korjattu',
    'korjaantui',
    'ratkesi',
  ),
  ...fi(1, 'nopea', 'nopeasti', 'selkeä', 'selkeästi', 'kätevä', 'hyödyllinen', 'parannus', 'luotettava'),
  // Finnish, negative (stems).
  ...fi(
    -3,
    'kamala',
    'kauhea',
    'surkea',
    'järkyttävä',
    'käsittämätön',
    'käsittämätöntä',
    'törkeä',
    'skandaali',
  ),
  ...fi(
    -3,
    'ei hyväksyttävää',
    'ei ole hyväksyttävää',
    'täysin kelvoton',
    'kelvoton',
    'hyödytön',
    'raivostutt',
  ),
  ...fi(
    -2,
    'ei toimi',
    'eivät toimi',
    'ei toimineet',
    'lakannut toimimasta',
    'ei onnistu',
    'ei pysty',
    'emme pysty',
  ),
  ...fi(-2, 'emme pääse', 'ei pääse', 'eivät pääse', 'rikki', 'huono', 'huonosti', 'pettynyt', 'pettymys'),
  ...fi(-2, 'turhautu', 'harmittaa', 'ärsyttää', 'ärsyttävä', 'vihainen', 'virhe', 'virheellinen', 'kaatuu'),
  ...fi(
    -2,
    'kaatui',
    'katko',
    'alhaalla',
    'kadonnut',
    'kadonneet',
    'hävinnyt',
    'hävisi',
    'mahdoton',
    'valitus',
  ),
  ...fi(-2, 'ei vastausta', 'ei ole vastattu', 'odotamme yhä', 'odotamme edelleen', 'harhaanjohtava'),
  ...fi(-1, 'vika', 'vian', 'bugi', 'ongelma', 'hidas', 'hitaasti', 'hitaa', 'valitettavasti', 'harmi'),
  ...fi(-1, 'ikävä', 'huoli', 'huolissaan', 'epäselvä', 'puuttuu', 'viive', 'viivästy', 'kallis', 'vaikea'),
  ...fi(-1, 'jumittaa', 'outo', 'sekava', 'hankala'),
];

/** Words that flip the polarity of the next few words ("not good", "ei hyvä", "never fast"). */
export const NEGATORS: ReadonlySet<string> = new Set([
  'not',
  'no',
  'never',
  'nothing',
  'nobody',
  'hardly',
  'without',
  "don't",
  "doesn't",
  "didn't",
  "isn't",
  "aren't",
  "wasn't",
  "weren't",
  "won't",
  "wouldn't",
  "can't",
  "couldn't",
  'ei',
  'en',
  'et',
  'emme',
  'ette',
  'eivät',
  'älä',
  'ilman',
  'eikä',
]);

/** How many following words a negator reaches. */
export const NEGATION_SCOPE_WORDS = 3;

/** A negated cue keeps part of its strength with the opposite sign ("not great" is mildly negative). */
export const NEGATION_FACTOR = -0.75;

/** Words that strengthen the next cue, with their multiplier. */
export const INTENSIFIERS: ReadonlyMap<string, number> = new Map([
  ['very', 1.5],
  ['really', 1.4],
  ['extremely', 1.8],
  ['so', 1.3],
  ['totally', 1.6],
  ['completely', 1.6],
  ['absolutely', 1.7],
  ['super', 1.5],
  ['incredibly', 1.7],
  ['todella', 1.5],
  ['tosi', 1.4],
  ['erittäin', 1.6],
  ['aivan', 1.4],
  ['täysin', 1.6],
  ['ihan', 1.3],
  ['niin', 1.3],
  ['äärimmäisen', 1.8],
  ['hyvin', 1.4],
]);

/** Emoji and emoticons with a clear tone, weighted like words. */
export const EMOJI_WEIGHTS: ReadonlyMap<string, number> = new Map([
  ['👍', 1.5],
  ['🙏', 1],
  ['😊', 2],
  ['🙂', 1],
  ['😀', 2],
  ['😃', 2],
  ['😄', 2],
  ['😁', 2],
  ['🎉', 2.5],
  ['🥳', 2.5],
  ['❤', 2.5],
  ['💙', 2],
  ['💯', 2],
  ['👏', 2],
  ['🚀', 1.5],
  ['✅', 1],
  [':)', 1],
  [':-)', 1],
  [':D', 2],
  ['👎', -2],
  ['😡', -3],
  ['🤬', -3],
  ['😠', -2.5],
  ['😤', -2],
  ['😞', -2],
  ['😢', -2],
  ['😭', -2],
  ['🙄', -1.5],
  ['😕', -1],
  ['🙁', -1.5],
  ['☹', -1.5],
  ['😩', -2],
  ['😫', -2],
  ['💩', -2],
  [':(', -1.5],
  [':-(', -1.5],
]);

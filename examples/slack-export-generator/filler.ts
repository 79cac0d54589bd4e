import { addDays, toEpoch, toLocal, toWorkingTime } from './local-time.ts';
import { CUSTOMERS, findChannel } from './people.ts';
import type { Reply, Scene } from './scene.ts';
import type { Random } from './seeded-random.ts';

/**
 * Everyday traffic around the storylines: routine questions with answers (fast, slow or never),
 * thank-yous, and now and then a second message right after the first (a grouping case).
 */

interface Routine {
  question: string;
  answer: string;
}

const ROUTINE_EN: Routine[] = [
  {
    question: 'Quick question: how do I add a new user to our workspace?',
    answer: 'Hi! Settings → Users → Invite. Let me know if the button does not show up for you.',
  },
  {
    question: 'Is there a way to export the weekly report as PDF?',
    answer: 'Yes: open the report, then ⋯ → Export → PDF.',
  },
  {
    question: 'Where can I change the notification settings for my team?',
    answer: 'Profile → Notifications for yourself, or Settings → Teams → Notifications for the whole team.',
  },
  {
    question: 'Search does not find records by reference number if the number has a dash in it. Known issue?',
    answer:
      "Yes, a known issue, and the fix ships in next week's release. Searching without the dash works meanwhile.",
  },
  {
    question: 'Could you remind me what the API rate limit is on our plan?',
    answer: '600 requests per minute per token; the response headers show the remaining budget.',
  },
  {
    question: 'Can we get an extra sandbox environment for testing?',
    answer: 'Sure, I have created one for you. Login details coming by DM.',
  },
  {
    question: 'Is the 2FA setting per user or for the whole organisation?',
    answer: 'Both: admins can enforce it for everyone under Settings → Security.',
  },
  {
    question: 'A new colleague cannot see the Reports tab. Which role does she need?',
    answer: 'Analyst or higher. Admins can change roles under Settings → Users.',
  },
  {
    question: "Do you have a changelog for last week's release?",
    answer: 'Here you go: <https://docs.verbatim-demo.example/changelog|Changelog>',
  },
  {
    question: 'Is there a webhook when a case is closed?',
    answer: 'Yes, `case.closed`. You can subscribe under Settings → Webhooks.',
  },
  {
    question: 'The mobile app logs me out every day, is that expected?',
    answer: 'It should not. Which app version do you have? 3.4.1 fixed a session bug.',
  },
  {
    question: 'Can we rename our workspace? We rebranded last month.',
    answer: 'Done! It may take a few minutes to show everywhere.',
  },
  {
    question: 'Our invoicing address has changed. Where do I update it?',
    answer: 'Settings → Billing → Invoice details. Changes apply from the next invoice.',
  },
  {
    question: 'Is there any maintenance planned for this weekend?',
    answer: 'Nothing planned. We announce maintenance on the status page 7 days ahead.',
  },
  {
    question: 'Do you offer a training session for new admins?',
    answer: 'Yes, a free admin webinar every other Thursday. I will send you an invite.',
  },
  {
    question: 'Exports seem a bit slower than usual today. Anything going on?',
    answer: 'Nothing on our side, but I will keep an eye on it. Tell me if it gets worse.',
  },
  {
    question: 'It would be great if we could pin important cases to the top of the list.',
    answer: 'Good idea! I have passed it on to the product team.',
  },
  {
    question: 'Can we get our invoices as e-invoices instead of PDF?',
    answer: 'Yes: send us your e-invoice address and we will switch.',
  },
  {
    question: 'Is there a status page we can subscribe to?',
    answer: 'Yes: <https://status.verbatim-demo.example> has email and RSS subscriptions.',
  },
  {
    question: 'How do I bulk-import our existing contacts?',
    answer: 'Settings → Import → CSV. There is a template on the same page.',
  },
];

const ROUTINE_FI: Routine[] = [
  {
    question: 'Moi! Miten saan lisättyä uuden käyttäjän?',
    answer: 'Moi! Asetukset → Käyttäjät → Kutsu. Kerro, jos painike ei näy.',
  },
  {
    question: 'Saako viikkoraportin jotenkin PDF:nä ulos?',
    answer: 'Saa: avaa raportti ja valitse ⋯ → Vie → PDF.',
  },
  {
    question: 'Hei, missä voin muuttaa ilmoitusasetuksia?',
    answer: 'Profiili → Ilmoitukset, tai koko tiimille Asetukset → Tiimit → Ilmoitukset.',
  },
  {
    question: 'Haku ei löydä tilauksia, joiden viitenumerossa on väliviiva. Onko tämä tunnettu vika?',
    answer: 'On, ja korjaus tulee ensi viikon julkaisussa. Sillä välin haku toimii ilman väliviivaa.',
  },
  {
    question: 'Mikä on API:n kutsuraja meidän paketissa?',
    answer: '600 kutsua minuutissa per avain. Vastauksen otsakkeissa näkyy jäljellä oleva määrä.',
  },
  {
    question: 'Voisiko meille saada toisen testiympäristön?',
    answer: 'Totta kai, loin sen teille. Tunnukset tulevat yksityisviestillä.',
  },
  {
    question: 'Onko kaksivaiheinen tunnistautuminen käyttäjä- vai organisaatiokohtainen?',
    answer: 'Molempia: pääkäyttäjä voi pakottaa sen kaikille kohdasta Asetukset → Turvallisuus.',
  },
  {
    question: 'Uusi työntekijä ei näe Raportit-välilehteä. Mikä rooli hänelle pitää antaa?',
    answer: 'Analyytikko tai ylempi. Roolin voi vaihtaa kohdasta Asetukset → Käyttäjät.',
  },
  {
    question: 'Löytyykö jostain muutosloki viime viikon päivityksestä?',
    answer: 'Löytyy: <https://docs.verbatim-demo.example/changelog|Muutosloki>',
  },
  {
    question: 'Tuleeko webhook, kun tapaus suljetaan?',
    answer: 'Tulee, `case.closed`. Tilaus onnistuu kohdasta Asetukset → Webhookit.',
  },
  {
    question: 'Mobiilisovellus kirjaa ulos joka päivä, onko tämä normaalia?',
    answer: 'Ei pitäisi. Mikä sovelluksen versio teillä on? Versio 3.4.1 korjasi istuntovian.',
  },
  {
    question: 'Laskutusosoitteemme muuttui, mistä sen voi päivittää?',
    answer: 'Asetukset → Laskutus → Laskun tiedot. Muutos näkyy seuraavassa laskussa.',
  },
  {
    question: 'Saisiko laskut verkkolaskuina PDF:n sijaan?',
    answer: 'Onnistuu, lähettäkää verkkolaskuosoite niin vaihdamme.',
  },
  {
    question: 'Järjestättekö koulutusta uusille pääkäyttäjille?',
    answer: 'Kyllä, ilmainen webinaari joka toinen torstai. Lähetän kutsun.',
  },
  {
    question: 'Raportit latautuvat tänään vähän hitaasti, onko jotain meneillään?',
    answer: 'Meillä ei näy häiriötä, mutta seuraan tilannetta. Kerro, jos pahenee.',
  },
  {
    question: 'Miten tuon nykyiset yhteystiedot kerralla?',
    answer: 'Asetukset → Tuonti → CSV. Samalla sivulla on valmis pohja.',
  },
];

const THANKS = {
  en: [
    'thanks!',
    'Thank you!',
    'Perfect, thank you!',
    'ok',
    ':+1:',
    'Great, cheers',
    'Thank you :pray:',
    'Got it, thanks',
  ],
  fi: ['kiitos :+1:', 'Kiitos!', 'ok', 'Selvä, kiitos', 'Kiitti :pray:', ':+1:', 'kiitos 👍', 'Selvä'],
};

const ADDENDA = {
  en: [
    'Also: it happens in both Chrome and Edge.',
    '(Not urgent, by the way.)',
    'Sorry, forgot to say: this is for our second office.',
  ],
  fi: [
    'Lisäksi: sama tapahtuu sekä Chromessa että Edgessä.',
    '(Ei kiireellinen.)',
    'Ai niin, tämä koskee meidän toista toimipistettä.',
  ],
};

/** Routine threads per week (9 weeks from Mon 2026-09-21); Saimaa fades out. */
const WEEKLY_ROUTINES: Record<string, number[]> = {
  nordlake: [2, 2, 2, 1, 1, 1, 1, 1, 0],
  kestrel: [1, 1, 1, 1, 1, 2, 1, 1, 1],
  aurora: [2, 2, 2, 2, 2, 2, 2, 2, 2],
  pohjola: [2, 1, 2, 1, 2, 1, 2, 1, 2],
  harbor: [1, 1, 1, 1, 1, 1, 1, 1, 1],
  maple: [1, 2, 1, 2, 1, 2, 1, 2, 1],
  saimaa: [3, 2, 1, 1, 1, 0, 0, 0, 0],
  brightpath: [1, 1, 1, 1, 1, 1, 1, 1, 1],
  tundra: [1, 1, 1, 1, 1, 1, 1, 1, 1],
  lumen: [1, 1, 1, 1, 1, 1, 1, 1, 1],
  kivi: [1, 0, 1, 0, 1, 0, 1, 0, 1],
  oulu: [0, 1, 1, 1, 1, 1, 1, 1, 1],
  greenleaf: [0, 1, 0, 1, 0, 1, 0, 1, 0],
};

/** People who ask routine questions (the CFO and the departing champion's later weeks excluded). */
const NOT_ROUTINE = new Set(['U1NLPETER']);
const SUPPORT_STAFF = ['U0JUHA02', 'U0LAURA03', 'U0AINO01'];
const HELSINKI = 'Europe/Helsinki';
const FIRST_MONDAY = '2026-09-21';

export function generateFiller(random: Random): Scene[] {
  const scenes: Scene[] = [];
  for (const [key, perWeek] of Object.entries(WEEKLY_ROUTINES)) {
    const channel = findChannel(key);
    const pool = channel.language === 'fi' ? ROUTINE_FI : ROUTINE_EN;
    const unused = [...pool];
    const askers = CUSTOMERS.filter((c) => c.channel === key && !NOT_ROUTINE.has(c.id));
    perWeek.forEach((count, week) => {
      for (let n = 0; n < count; n++) {
        if (unused.length === 0) unused.push(...pool);
        const routine = unused.splice(random.int(0, unused.length - 1), 1)[0]!;
        const day = addDays(FIRST_MONDAY, week * 7 + random.int(0, 4));
        const at = `${day} ${String(random.int(8, 15)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}`;
        // Ville (Saimaa's champion) leaves the channel on 2026-10-30.
        const eligible = askers.filter((a) => a.id !== 'U1SSVILLE' || week < 5);
        const asker = random.pick(eligible);
        scenes.push(routineThread(random, key, channel.tz, channel.language, week, at, asker.id, routine));
        if (random.chance(0.12)) {
          const addendumAt = toLocal(toEpoch(at, channel.tz) + random.int(1, 3) * 60, channel.tz);
          scenes.push({
            channel: key,
            at: `${addendumAt.date} ${pad(addendumAt.hour)}:${pad(addendumAt.minute)}`,
            by: asker.id,
            text: random.pick(ADDENDA[channel.language]),
          });
        }
      }
    });
  }
  return scenes;
}

function routineThread(
  random: Random,
  key: string,
  tz: string,
  language: 'en' | 'fi',
  week: number,
  at: string,
  asker: string,
  routine: Routine,
): Scene {
  const asked = toEpoch(at, tz);
  const speed = random.next();
  const replies: Reply[] = [];
  if (speed < 0.87) {
    // 65 % answered within the hour, 22 % the next working day, 13 % never.
    const delay = speed < 0.65 ? random.int(4, 60) : random.int(18 * 60, 30 * 60);
    const answered = toWorkingTime(asked + delay * 60, HELSINKI, random.int(5, 80));
    replies.push({ after: localString(answered, tz), by: random.pick(SUPPORT_STAFF), text: routine.answer });
    if (random.chance(0.55)) {
      // Saimaa's people answer more and more slowly as the weeks go by.
      const thanksDelay = key === 'saimaa' ? random.int(2, 10) * (1 + week * week * 4) : random.int(2, 40);
      const thanked = toWorkingTime(answered + thanksDelay * 60, tz, random.int(5, 60));
      replies.push({ after: localString(thanked, tz), by: asker, text: random.pick(THANKS[language]) });
    }
  }
  return { channel: key, at, by: asker, text: routine.question, replies };
}

function localString(epoch: number, tz: string): string {
  const local = toLocal(epoch, tz);
  return `${local.date} ${pad(local.hour)}:${pad(local.minute)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

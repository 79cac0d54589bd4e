import { pdf, png, type Scene } from './scene.ts';

/**
 * Storylines of the growth and starter accounts. Saimaa is the quietly declining account:
 * lively in September, slower replies from the customer each month, a budget remark, the
 * champion leaving the channel, then near silence before the January renewal. BrightPath
 * (Intercom) and Tundra (Zendesk) mention competitors; scheduled exports and SSO keep coming back.
 */
export const GROWTH_SCENES: Scene[] = [
  // ── Saimaa Software (declining) ────────────────────────────────────────────
  {
    channel: 'saimaa',
    at: '2026-09-21 09:12',
    by: 'U1SSVILLE',
    text: 'Huomenta! Otimme uuden tiketöintinäkymän käyttöön koko tiimille, tosi hyvä päivitys :tada:',
    replies: [{ after: 10, by: 'U0LAURA03', text: 'Kiva kuulla, kiitos Ville!' }],
  },
  {
    channel: 'saimaa',
    at: '2026-09-23 13:30',
    by: 'U1SSVILLE',
    text: 'Suodatin "Avoimet" näyttää myös suljetut tapaukset, jos ne on suljettu tänään.',
    replies: [
      { after: 20, by: 'U0LAURA03', text: 'Kiitos! Voitko lähettää kuvakaappauksen?' },
      {
        after: 6,
        by: 'U1SSVILLE',
        text: 'Tässä',
        files: [png('Screenshot 2026-09-23 at 13.36.12.png', 312_044)],
      },
      { after: 40, by: 'U0LAURA03', text: 'Toistui meilläkin, korjaus tulee perjantain julkaisussa.' },
      { after: 4, by: 'U1SSVILLE', text: 'Loistavaa, kiitos!' },
    ],
  },
  {
    channel: 'saimaa',
    at: '2026-09-29 10:00',
    by: 'U1SSVILLE',
    text: 'Olisiko mahdollista saada SSO-kirjautuminen Azure AD:n kautta? Nyt käyttäjät joutuvat muistamaan erillisen salasanan.',
    replies: [
      {
        after: '2026-09-29 17:10',
        by: 'U0RYAN08',
        text: 'Hi Ville, SAML SSO is coming to beta in December. I will add you to the list.',
      },
      { after: 15, by: 'U1SSVILLE', text: 'Kiitos, kuulostaa hyvältä!' },
    ],
  },
  {
    channel: 'saimaa',
    at: '2026-10-01 11:20',
    by: 'U1SSKAISA',
    text: 'Miten saan kutsuttua uudet työntekijät palveluun kerralla? Meillä aloittaa 12 uutta.',
    replies: [
      { after: 25, by: 'U0JUHA02', text: 'Onnistuu CSV-tuonnilla: Asetukset → Käyttäjät → Tuo.' },
      { after: 8, by: 'U1SSKAISA', text: 'Kiitos!' },
    ],
  },
  {
    channel: 'saimaa',
    at: '2026-10-07 14:05',
    by: 'U1SSVILLE',
    text: 'Onko ajastettu raportti sähköpostiin mahdollinen? Johtoryhmä haluaisi viikkokoosteen maanantaisin.',
    replies: [
      { after: 50, by: 'U0LAURA03', text: 'Ei vielä, mutta se on tiekartalla. Lisään teidän toiveenne.' },
      { after: 130, by: 'U1SSVILLE', text: 'ok' },
    ],
  },
  {
    channel: 'saimaa',
    at: '2026-10-14 10:40',
    by: 'U1SSKAISA',
    text: 'Raporttien aikaleimat näyttävät UTC-aikaa, vaikka asetuksissa on Helsinki.',
    replies: [
      { after: 35, by: 'U0JUHA02', text: 'Voitko kertoa, mistä raportista on kyse?' },
      { after: '2026-10-15 15:20', by: 'U1SSKAISA', text: 'Viikkoraportti.' },
      { after: 30, by: 'U0JUHA02', text: 'Kiitos, korjattu nyt.' },
    ],
  },
  {
    channel: 'saimaa',
    at: '2026-10-22 13:15',
    by: 'U1SSVILLE',
    text: 'Meillä on ensi vuodelle tiukempi budjetti, joten joudumme käymään kaikki työkalut läpi. Voitteko lähettää erittelyn käytöstä viimeiseltä kolmelta kuukaudelta?',
    replies: [
      {
        after: 185,
        by: 'U0TOMMI10',
        text: 'Totta kai, lähetän huomenna. Sovitaanko samalla lyhyt palaveri?',
      },
    ],
  },
  {
    channel: 'saimaa',
    at: '2026-10-26 09:30',
    by: 'U0TOMMI10',
    text: 'Moi! Tässä käyttöraportti heinä–syyskuulta. Ehtisittekö palaveriin ensi viikolla?',
    files: [pdf('Saimaa-kayttoraportti-Q3-2026.pdf', 402_551)],
    replies: [{ after: '2026-10-30 14:40', by: 'U1SSKAISA', text: 'Palataan tähän.' }],
  },
  { channel: 'saimaa', at: '2026-10-30 14:55', by: 'U1SSVILLE', subtype: 'channel_leave', text: '' },
  {
    channel: 'saimaa',
    at: '2026-11-12 15:50',
    by: 'U1SSKAISA',
    text: 'Hei, Ville Saarinen ei enää työskentele meillä. Voitteko poistaa hänen tunnuksensa ja siirtää hänen raporttinsa minulle?',
    replies: [
      {
        after: 240,
        by: 'U0LAURA03',
        text: 'Tehty: Villen tunnus on poistettu ja raportit siirretty sinulle.',
      },
    ],
  },

  // ── BrightPath Learning ────────────────────────────────────────────────────
  {
    channel: 'brightpath',
    at: '2026-10-02 10:00',
    by: 'U1BPKEVIN',
    text: 'Student list pagination shows duplicates on pages 2 and 3 when sorting by last name.',
    replies: [
      {
        after: '2026-10-05 02:10',
        by: 'U0LAURA03',
        text: 'Thanks Kevin, reproduced. The fix is in the next release.',
      },
      { after: '2026-10-05 09:02', by: 'U1BPKEVIN', text: 'thanks!' },
    ],
  },
  {
    channel: 'brightpath',
    at: '2026-10-14 11:30',
    by: 'U1BPAMANDA',
    text: 'Could we schedule exports of the weekly engagement report? Our board asks for it every Monday.',
    replies: [
      { after: 180, by: 'U0RYAN08', text: "It is on the roadmap, and I have added BrightPath's vote." },
    ],
  },
  {
    channel: 'brightpath',
    at: '2026-10-26 15:45',
    by: 'U1BPKEVIN',
    text: 'Is dark mode on the roadmap? Asking for basically our whole team :sunglasses:',
  },
  {
    channel: 'brightpath',
    at: '2026-11-12 11:20',
    by: 'U1BPAMANDA',
    rich: true,
    text: 'Being transparent with you: Intercom quoted us roughly 40% less for a similar setup, and their scheduled reports are built in. We have been asking for scheduled exports since October. Help me understand why we should stay when we renew in February.',
    replies: [
      {
        after: 50,
        by: 'U0HELMI09',
        text: 'Thanks for being upfront, Amanda. Could we book 30 minutes this week? I would like to walk you through the roadmap and what we can do on pricing.',
      },
      { after: 120, by: 'U1BPAMANDA', text: 'Thursday 2pm ET works.' },
    ],
  },
  {
    channel: 'brightpath',
    at: '2026-11-19 09:40',
    by: 'U1BPKEVIN',
    text: 'Our card was charged twice this month ($3,000 each). Can you refund the duplicate?',
    replies: [
      { after: 55, by: 'U0DAVID06', text: 'Sorry Kevin, refund issued. It takes 3–5 business days.' },
      { after: 6, by: 'U1BPKEVIN', text: 'thanks!' },
    ],
  },

  // ── Tundra Analytics ───────────────────────────────────────────────────────
  {
    channel: 'tundra',
    at: '2026-09-24 09:50',
    by: 'U1TAANTTI',
    text: 'HubSpot-integraatio synkkaa yritykset kahteen kertaan, jos domain on kirjoitettu isoilla kirjaimilla.',
    replies: [{ after: 40, by: 'U0JUHA02', text: 'Kiitos, tunnettu vika ja korjaus on työn alla.' }],
  },
  {
    channel: 'tundra',
    at: '2026-10-08 13:25',
    by: 'U1TARIIKKA',
    text: 'Raporttinäkymä on tosi hidas, kuukausiraportin lataus kestää yli 30 sekuntia.',
    replies: [
      {
        after: '2026-10-09 10:15',
        by: 'U0SARA05',
        text: 'Hi Riikka, we deployed a caching fix this morning. Could you check again?',
      },
      { after: 120, by: 'U1TARIIKKA', text: 'Nyt toimii nopeammin, kiitos!' },
    ],
  },
  {
    channel: 'tundra',
    at: '2026-11-10 08:05',
    by: 'U1TARIIKKA',
    text: 'Onko teillä katko? Dashboard ei lataudu ollenkaan :fire:',
    replies: [
      { after: 8, by: 'U0JUHA02', text: 'On, tietokantahäiriö. Korjataan parhaillaan.' },
      { after: 75, by: 'U1TARIIKKA', text: 'Nyt toimii taas.' },
    ],
  },
  {
    channel: 'tundra',
    at: '2026-11-17 13:10',
    by: 'U1TAANTTI',
    rich: true,
    text: 'Suoraan sanottuna: Zendesk tarjosi meille vastaavan paketin noin 30 % halvemmalla, ja heillä SAML-kertakirjautuminen on valmiina. Olemme pyytäneet SSO:ta jo keväällä. Harkitsemme vaihtoa ensi vuonna, ellei hinnoittelu tai tiekartta muutu.',
    replies: [
      {
        after: 235,
        by: 'U0TOMMI10',
        text: 'Kiitos suorasta palautteesta, Antti. Soitanko huomenna? SSO:n beta alkaa joulukuussa, ja haluaisin näyttää sen teille ensimmäisten joukossa.',
      },
    ],
  },

  // ── Lumen Media ────────────────────────────────────────────────────────────
  {
    channel: 'lumen',
    at: '2026-10-01 09:05',
    by: 'U1LMCLARA',
    text: 'We have 8 new editors starting on Monday. Is there a short onboarding video we can share with them?',
    replies: [
      {
        after: 20,
        by: 'U0LAURA03',
        text: 'Yes! Here is the 10-minute intro: <https://docs.verbatim-demo.example/videos/intro|Getting started video>',
      },
      { after: 7, by: 'U1LMCLARA', text: 'Perfect, thank you!' },
    ],
  },
  {
    channel: 'lumen',
    at: '2026-10-28 16:20',
    by: 'U1LMJONAS',
    text: 'Just wanted to say: the new dashboard is brilliant. Our editors-in-chief love the topic view :heart_eyes: Great work, team!',
    reactions: [
      { name: 'heart', users: ['U0HELMI09', 'U0EMMA07'] },
      { name: 'tada', users: ['U0SARA05'] },
    ],
    replies: [{ after: 30, by: 'U0HELMI09', text: 'Thank you Jonas, this made our day! :blush:' }],
  },
  {
    channel: 'lumen',
    at: '2026-11-05 10:35',
    by: 'U1LMCLARA',
    text: 'Would love scheduled exports to our Google Drive. We download the report by hand every Monday.',
    replies: [{ after: 390, by: 'U0RYAN08', text: 'Noted, thanks Clara! It is a popular request.' }],
  },
  {
    channel: 'lumen',
    at: '2026-11-19 14:00',
    by: 'U1LMJONAS',
    text: "Q&amp;A: can we restrict a user to one brand's data only? We are onboarding a freelance editor.",
    replies: [
      { after: 15, by: 'U0JUHA02', text: 'Yes: create a role with brand scope under Settings → Roles.' },
      { after: 4, by: 'U1LMJONAS', text: 'thx!' },
    ],
  },

  // ── Kivi Rakennus ──────────────────────────────────────────────────────────
  {
    channel: 'kivi',
    at: '2026-09-22 07:45',
    by: 'U1KRPEKKA',
    text: 'Moi, miten kutsun työmaiden työnjohtajat palveluun? Heillä ei ole yrityksen sähköpostiosoitetta.',
    replies: [
      {
        after: 30,
        by: 'U0JUHA02',
        text: 'Moi Pekka! Voit kutsua henkilökohtaisella sähköpostilla, kun sallit sen asetuksista: Asetukset → Turvallisuus → Ulkoiset osoitteet.',
      },
      { after: 5, by: 'U1KRPEKKA', text: 'Kiitos Juha, tosi nopea apu! :pray:' },
    ],
  },
  {
    channel: 'kivi',
    at: '2026-10-13 12:10',
    by: 'U1KRPEKKA',
    text: 'Saako mobiilisovelluksessa kuvia liitettyä tapaukseen?',
    replies: [
      { after: 30, by: 'U0LAURA03', text: 'Saa, uusimmassa versiossa (3.4).' },
      { after: 60, by: 'U1KRPEKKA', text: 'ok' },
    ],
  },
  {
    channel: 'kivi',
    at: '2026-11-10 08:20',
    by: 'U1KRPEKKA',
    text: 'ei toimi :(',
    replies: [
      { after: 5, by: 'U0JUHA02', text: 'Tiedossa, korjataan parhaillaan.' },
      { after: 60, by: 'U1KRPEKKA', text: 'toimii taas, kiitos :+1:' },
    ],
  },
  { channel: 'kivi', at: '2026-11-18 07:30', by: 'U1KRPEKKA', text: 'kiitos 👍', rich: false },

  // ── Oulu Robotics ──────────────────────────────────────────────────────────
  {
    channel: 'oulu',
    at: '2026-09-28 10:30',
    by: 'U1ORELINA',
    text: 'Hei! Aloitimme juuri. Mistä löydän API-avaimen?',
    replies: [
      { after: 12, by: 'U0LAURA03', text: 'Tervetuloa! Asetukset → Kehittäjät → API-avaimet.' },
      { after: 3, by: 'U1ORELINA', text: 'kiitos!' },
    ],
  },
  {
    channel: 'oulu',
    at: '2026-10-19 14:15',
    by: 'U1ORMATTI',
    text: 'Päivämäärät näkyvät raporteissa väärin: kuukausi ja päivä ovat vaihtaneet paikkaa (esim. 10.5. vaikka pitäisi olla 5.10.).',
    replies: [
      {
        after: '2026-10-21 13:50',
        by: 'U0JUHA02',
        text: 'Kiitos ilmoituksesta, korjaus on tulossa ensi viikolla.',
      },
      { after: 10, by: 'U1ORMATTI', text: 'Hyvä.' },
    ],
  },
  {
    channel: 'oulu',
    at: '2026-11-04 09:55',
    by: 'U1ORELINA',
    text: 'Saisiko ajastetun raportin sähköpostiin? Olisi kätevä maanantaiaamuisin.',
  },
  {
    channel: 'oulu',
    at: '2026-11-20 11:05',
    by: 'U1ORELINA',
    text: 'Uusi raporttinäkymä on loistava, säästää meiltä tunnin viikossa!',
    replies: [{ after: 20, by: 'U0TOMMI10', text: 'Mahtavaa kuulla, kiitos Elina!' }],
  },

  // ── Greenleaf Foods ────────────────────────────────────────────────────────
  {
    channel: 'greenleaf',
    at: '2026-10-05 10:00',
    by: 'U1GFHANNAH',
    text: 'Hi, we have been charged twice for September (two payments of £700 on the 1st). Could you refund one of them?',
    replies: [
      {
        after: '2026-10-06 11:00',
        by: 'U1GFHANNAH',
        text: 'Still waiting on this. It is a lot of money for a small business like ours.',
      },
      {
        after: '2026-10-07 13:00',
        by: 'U0DAVID06',
        text: 'Hi Hannah, sorry for the delay. The refund was issued today.',
      },
      { after: 40, by: 'U1GFHANNAH', text: 'Thanks.' },
    ],
  },
  {
    channel: 'greenleaf',
    at: '2026-10-26 11:30',
    by: 'U1GFHANNAH',
    text: 'How do I connect our Xero account?',
    replies: [
      {
        after: 20,
        by: 'U0JUHA02',
        text: 'Under Integrations → Accounting → Xero. It takes about two minutes.',
      },
      { after: 15, by: 'U1GFHANNAH', text: 'thanks!' },
    ],
  },
  {
    channel: 'greenleaf',
    at: '2026-11-11 14:40',
    by: 'U1GFHANNAH',
    text: 'Could we switch to monthly billing instead of annual at renewal? Cash flow is tight this winter.',
    replies: [
      {
        after: '2026-11-12 10:10',
        by: 'U0HELMI09',
        text: 'Yes, that is possible. I will prepare the change for your renewal on 31 December.',
      },
    ],
  },
  { channel: 'greenleaf', at: '2026-11-18 09:10', by: 'U1GFHANNAH', text: 'ok thanks' },
];

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { createHeuristicAnalyzer } from '../../../src/analyzers/heuristic/heuristic-analyzer.ts';
import { type Account, TopicSchema } from '../../../src/core/directory.ts';
import type { AnalyzerInput } from '../../../src/core/ports.ts';
import { applyFloor, findFloorHits } from '../../../src/core/priority-floor.ts';

/**
 * The cases of issue 11 part 2, each through the production path of one message: floor hits,
 * the heuristic analyzer, then the floor applied by the core.
 */
const taxonomy = z
  .array(TopicSchema)
  .parse(parse(readFileSync(new URL('../../fixtures/triage-taxonomy.yaml', import.meta.url), 'utf8')));
const analyzer = createHeuristicAnalyzer();
const NOW = new Date('2026-12-05T12:00:00Z');
const ENTERPRISE_RENEWING = {
  id: 'acme',
  name: 'Acme',
  tier: 'enterprise',
  renewalDate: '2026-12-20',
} as unknown as Account;

async function triage(text: string, options: { account?: Account; language?: string } = {}) {
  const account = options.account ?? null;
  const firstLook = await analyzer.analyze(input(text, account, [], options.language));
  const floor = findFloorHits({
    text,
    account: account as { tier: string; renewalDate?: string } | null,
    sentiment: firstLook.sentiment,
    now: NOW,
    renewalWindowDays: 90,
  });
  return applyFloor(await analyzer.analyze(input(text, account, floor, options.language)), floor);
}

function input(text: string, account: Account | null, floor: AnalyzerInput['floor'], language = 'en') {
  return { text, account, taxonomy, summaryLanguage: language, floor };
}

const drivers = (analysis: { churnSignals: Array<{ driver: string }> }) =>
  analysis.churnSignals.map((signal) => signal.driver);

describe('issue 11: an offline triage that looks right', () => {
  it('keeps a neutral role question at P3 for an enterprise account near renewal', async () => {
    const analysis = await triage('A new colleague cannot see the Reports tab. Which role does she need?', {
      account: ENTERPRISE_RENEWING,
    });
    expect(analysis.priority).toBe('P3');
    expect(analysis.priorityReason).not.toMatch(/floor/iu);
  });

  it('still raises an enterprise customer who says they are unhappy before the renewal', async () => {
    const analysis = await triage(
      'Honestly we are disappointed: the reports have been wrong for weeks and nothing has improved.',
      { account: ENTERPRISE_RENEWING },
    );
    expect(analysis.priority).toBe('P2');
  });

  it('reads an SSO-enforcement request as a security question, not an outage', async () => {
    const analysis = await triage(
      'Could you enforce SAML SSO for our workspace, so that nobody can log in with a password anymore?',
    );
    expect(analysis.priority).toBe('P3');
    expect(analysis.priorityReason).not.toMatch(/outage/iu);
  });

  it('sees a Finnish competitor offer and considered switch as a competitor churn signal at P2', async () => {
    const analysis = await triage(
      'Zendesk tarjosi meille saman paketin noin 30 % halvemmalla. Harkitsemme vaihtoa, ellei hinta jousta.',
    );
    expect(analysis.churnSignals[0]).toMatchObject({ driver: 'competitor', competitor: 'Zendesk' });
    expect(analysis.priority).toBe('P2');
    const unnamed = await triage('Kilpailija on selvästi edullisempi. Mietimme siirtymistä ensi vuonna.');
    expect(drivers(unnamed)).toContain('competitor');
  });

  it.each([
    'This is our formal notice of termination of the service agreement, effective 31 January.',
    'Please cancel our subscription at the end of the current term.',
    'We will not renew the contract when it ends in March.',
  ])('gives an English termination or cancellation notice a churn signal: %j', async (text) => {
    const analysis = await triage(text);
    expect(analysis.churnSignals.length).toBeGreaterThan(0);
    expect(analysis.priority).toBe('P2');
  });

  it('lets the reason given in a notice name the driver', async () => {
    const analysis = await triage(
      'We are cancelling our subscription as of next month. Due to budget cuts we have to drop most tools.',
    );
    expect(drivers(analysis)[0]).toBe('involuntary');
  });

  it('treats a Finnish report that production has crashed as urgent', async () => {
    const analysis = await triage('Tuotanto on kaatunut, asiakkaamme eivät pääse tekemään tilauksia.');
    expect(analysis.priority).toBe('P1');
  });

  it('does not read "12 % lower" in the renewal terms as a competitor', async () => {
    const analysis = await triage(
      'According to our renewal terms the price should be 12 % lower than the quote. Can you check?',
    );
    expect(drivers(analysis)).not.toContain('competitor');
    expect(analysis.priority).toBe('P3');
    const offer = await triage('Another vendor quoted us a price 30 % cheaper for the same seats.');
    expect(drivers(offer)).toContain('competitor');
  });

  it('gives a possible security breach a negative tone', async () => {
    const analysis = await triage(
      'Possible security breach: someone logged in to an admin account from abroad and changed passwords.',
    );
    expect(analysis.priority).toBe('P1');
    expect(analysis.sentiment).toBeLessThan(0);
  });

  it('weighs what follows "but": love for one thing does not hide a broken other', async () => {
    const analysis = await triage('I love the new dashboard, but the Jira integration is broken.');
    expect(analysis.sentiment).toBeLessThan(0);
    expect(analysis.priority).not.toBe('P4');
    const negated = await triage('The new export is not bad at all, we are not unhappy with it.');
    expect(negated.sentiment).toBeGreaterThanOrEqual(0);
  });

  it('summarises the customer’s words, not a pasted log line, quote or greeting', async () => {
    const text = [
      'Hi team!',
      '> On Mon, Support wrote:',
      '> Please send us the logs.',
      '2026-10-14T23:00:40.200Z ERROR [tms-sync] -> 504 Gateway Timeout',
      '```',
      'const sync = await tms.push(orders);',
      '```',
      'The sync has been failing all night and no orders reach the warehouse.',
    ].join('\n');
    const analysis = await triage(text);
    expect(analysis.summary).toBe('The sync has been failing all night and no orders reach the warehouse.');
    // The pasted "504 Gateway Timeout" is not the customer calling an outage; their words decide.
    expect(analysis.priorityReason).not.toMatch(/Gateway Timeout/u);
    const said = await triage(`${text}\nThe whole platform is down for everyone.`);
    expect(said.priority).toBe('P1');
  });

  it('ranks a pasted log by the customer’s words: a nightly job failing since a release is P2', async () => {
    const text = [
      'Full log from our integration job again:',
      '```',
      '2026-10-14T23:00:40.200Z ERROR [tms-sync] -> 504 Gateway Timeout (attempt 1/5)',
      '```',
      'The nightly job has failed every night since the October release.',
    ].join('\n');
    const analysis = await triage(text);
    expect(analysis.priority).toBe('P2');
    expect(analysis.summary).toBe('The nightly job has failed every night since the October release.');
  });

  it('writes every fixed text in the team’s language, with clean punctuation', async () => {
    const text = 'Hi, the API is down for everyone since 9:00. Please check asap!';
    const finnish = await triage(text, { language: 'fi' });
    expect(finnish.summary).toMatch(/^Englanniksi: “.+”$/u);
    expect(finnish.priorityReason).toMatch(/^Käyttökatkoon viittaava ilmaus/u);
    expect(finnish.priorityReason).not.toMatch(/[A-Za-z]+ (?:an|the) outage/u);
    const english = await triage('Palvelu on ollut alhaalla aamusta asti, kukaan ei pääse kirjautumaan.');
    expect(english.summary).toMatch(/^In Finnish: “.+”$/u);
    for (const reason of [finnish.priorityReason, english.priorityReason]) {
      expect(reason).not.toMatch(/\.\s*[;,]|;\s*floor:|\)\.;/u);
    }
    const raised = await triage('Could you add a dark mode? Also the site is down.', { language: 'fi' });
    expect(raised.priority).toBe('P1');
    expect(raised.priorityReason).not.toMatch(/; floor:/u);
  });
});

describe('round 4: a pasted failing trace is outage evidence, breadth is the customer’s', () => {
  const trace = [
    '```',
    'Error: getaddrinfo ENOTFOUND gw.example.net',
    '    at GetAddrInfoReqWrap.onlookup (node:dns:120:26)',
    '```',
  ].join('\n');

  it('makes a trace plus "every call" and "customers cannot order" a P1 outage', async () => {
    const analysis = await triage(
      `This comes back on every call since lunch:\n${trace}\nOur customers cannot order anything.`,
    );
    expect(analysis.priority).toBe('P1');
    // The reason quotes the customer's words, never the log.
    expect(analysis.priorityReason).not.toMatch(/ENOTFOUND|onlookup/u);
  });

  it('keeps a trace from one failing export a normal bug', async () => {
    const analysis = await triage(
      `The CSV export of one report gives me this:\n${trace}\nAny idea what is wrong?`,
    );
    expect(analysis.priority).toBe('P3');
  });

  it('keeps a trace of a failure that is not happening now a normal question', async () => {
    const ok = ['```', 'INFO sync finished: 1200 rows in 3.2 s', '```'].join('\n');
    const analysis = await triage(`Every request is logged like this, is that expected?\n${ok}`);
    expect(analysis.priority).not.toBe('P1');
  });
});

describe('round 4: an unfenced exception is machine text too', () => {
  it('makes a bare Java trace plus "for all our users" a P1 outage', async () => {
    const text =
      'java.lang.IllegalStateException: connection pool exhausted\n\tat com.acme.db.Pool.take(Pool.java:88)\nIt is happening for all our users right now.';
    expect((await triage(text)).priority).toBe('P1');
  });

  it('keeps a Python error from one import a normal bug', async () => {
    const text = "KeyError: 'email'\nI get this when I import my CSV with an extra header row.";
    expect((await triage(text)).priority).toBe('P3');
  });
});

describe('round 4: a price change nobody announced', () => {
  it.each([
    'Our licence cost jumped 25 % this month and nobody told us. Please explain.',
    'Lasku nousi 30 % ilman minkäänlaista ennakkoilmoitusta.',
  ])('makes %j P2', async (text) => {
    const analysis = await triage(text);
    expect(analysis.priority).toBe('P2');
  });

  it.each([
    'Will prices go up without notice next year, or do you announce changes?',
    'The price increase was announced in September, fine. Where is the new price list?',
    'Hinnasto nousi tammikuussa, kuten ilmoititte. Mistä löydän vanhan hinnaston?',
  ])('keeps %j a normal question', async (text) => {
    expect((await triage(text)).priority).toBe('P3');
  });

  it('explains the rule in the team’s language', async () => {
    const analysis = await triage('Hintamme nousi 18 % ilman mitään ilmoitusta.', { language: 'fi' });
    expect(analysis.priorityReason).toMatch(/Hinnanmuutos, josta asiakkaalle ei kerrottu/u);
  });
});

describe('round 5: incidents told as a stopped flow, a count of zero or a quiet breadth', () => {
  it.each([
    'New chats stopped coming in at about 7am. Zero conversations since then on a normal Monday.',
    'Orders have stopped syncing to the warehouse and our customers are calling to ask where their parcels are.',
    'None of our 85 nurses have been able to open the patient queue since the night shift started.',
    'Sorry to bother you on a holiday, but none of our 2,400 members can log in to the portal.',
    'Chatit eivät ole tulleet perille lainkaan aamun jälkeen, ja asiakkaamme ihmettelevät hiljaisuutta.',
    'Kassajärjestelmä on ollut poissa käytöstä tunnin, eikä myymälöissämme pääse kukaan kirjautumaan.',
    'Sovellus ei tunnu käynnistyvän yhdelläkään kuljettajallamme, kaikki saavat virheen.',
  ])('makes %j a P1 outage', async (text) => {
    expect((await triage(text)).priority).toBe('P1');
  });

  it.each([
    'Zero new tickets in the sandbox since yesterday, is the test environment paused?',
    'Only my laptop stopped syncing the calendar; the others are fine.',
    'Kokeiluympäristössä ei ole tullut viestejä lainkaan, onko se tarkoituksella suljettu?',
  ])('keeps %j below P1', async (text) => {
    expect((await triage(text)).priority).not.toBe('P1');
  });
});

describe('round 5: security incidents composed from a lure, an unknown place or a question about what was taken', () => {
  it.each([
    'A colleague got a mail that looked like yours asking her to re-verify her password on a look-alike login page. She clicked it and typed it in.',
    'Our firewall logged sign-ins with the admin account from a city where we have no office. Please tell us what was downloaded.',
    'Agents here are seeing customer conversations from a company named Nordlicht in their inbox. Those are not ours.',
    'Saimme teidän nimissänne viestin, jossa pyydettiin vahvistamaan tunnukset väärennetyllä kirjautumissivulla. Kaksi käyttäjää syötti salasanansa.',
  ])('makes %j a P1 security incident', async (text) => {
    expect((await triage(text)).priority).toBe('P1');
  });

  it.each([
    'Do you ever send emails asking us to verify credentials? Just checking before our security training.',
    'Is there an audit report that shows which records were exported by whom?',
    'No breach or anything of the sort, we just want to require passkeys for admins. How?',
    'Tietomurtoa ei ole tapahtunut, mutta haluaisimme ottaa IP-rajauksen käyttöön. Miten se tehdään?',
  ])('keeps %j a normal question', async (text) => {
    expect((await triage(text)).priority).not.toBe('P1');
  });
});

describe('round 5: data that was there before and is missing now', () => {
  it('makes a quantity missing since an update a P1 data loss', async () => {
    const text =
      'Since Tuesday’s release about 1,300 contacts are missing from our CRM. They were there on Monday.';
    expect((await triage(text)).priority).toBe('P1');
  });

  it('makes the Finnish form a P1 data loss', async () => {
    const text = 'Migraation jälkeen yhteystiedoistamme puuttuu noin 800 riviä.';
    expect((await triage(text)).priority).toBe('P1');
  });

  it('keeps rows missing from one export a bug', async () => {
    const text = '240 rows are missing from the CSV export of the November report.';
    expect((await triage(text)).priority).not.toBe('P1');
  });
});

describe('round 5: churn in the customer’s own words', () => {
  it.each([
    [
      'Our new head of support ran Freshdesk at his previous company and wants us on it next quarter.',
      'competitor',
    ],
    ['Finance has put a freeze on all new software contracts until the summer.', 'involuntary'],
    [
      'The agent told us to just live with it and closed our case. The export still fails every week.',
      'complaint-handling',
    ],
    ['I have been waiting six days for anyone to look at the routing rules.', 'complaint-handling'],
    ['Tukenne sulki pyyntömme ilman selitystä, vaikka vika on yhä olemassa.', 'complaint-handling'],
    [
      'We are shifting our business from retail to wholesale next year, which you don’t really support.',
      'changed-needs',
    ],
  ])('reads %j as a P2 churn risk (%s)', async (text, driver) => {
    const analysis = await triage(text);
    expect(analysis.priority).toBe('P2');
    expect(drivers(analysis)).toContain(driver);
  });

  it.each([
    'To be honest, the support team doesn’t actually use it. Everything still goes through Outlook.',
    'Looking at the numbers I can’t see how I justify this to the board at renewal.',
    'Suoraan sanottuna hyöty on jäänyt laihaksi, ja suurin osa myyjistä ei avaa järjestelmää.',
  ])('reads whole-product weak value %j as a P2 retention risk', async (text) => {
    const analysis = await triage(text);
    expect(analysis.priority).toBe('P2');
    expect(drivers(analysis)).toContain('weak-value');
  });

  it('keeps a question about fewer licences before renewal a P3 conversation', async () => {
    const analysis = await triage(
      'Only 9 of our 30 licences are used. Could we reduce the seat count at renewal?',
    );
    expect(analysis.priority).toBe('P3');
    expect(drivers(analysis)).toContain('weak-value');
  });

  it('makes a Finnish non-renewal notice introduced by "ettemme" a P2 cancellation', async () => {
    const analysis = await triage('Haluamme ilmoittaa, ettemme jatka tilausta ensi vuoden puolella.');
    expect(analysis.priority).toBe('P2');
  });

  it('makes an invoice that is a percentage higher without notice a P2 dispute', async () => {
    const analysis = await triage('The new invoice is 22% higher than the last one and nobody told us why.');
    expect(analysis.priority).toBe('P2');
  });
});

describe('round 5: missing from an output after a release is a bug, not lost data', () => {
  it('keeps shipments missing from an export file after a release below P1', async () => {
    const text =
      'Checked after Monday’s release: the export now completes, but the file is missing every order with an umlaut in the name.';
    expect((await triage(text)).priority).not.toBe('P1');
  });
});

describe('round 6: what a human triager would not page for', () => {
  it.each([
    'URGENT!! staging is down again, no big deal, nobody uses it until Monday.',
    'KIIREELLINEN: testiympäristössä integraatiot eivät toimi ollenkaan. Tuotannossa kaikki ok.',
    'For our continuity plan: what happens to queued chats if your platform goes down?',
    'Please credit the hours of the March outages on the next invoice as the contract says.',
    'Our compliance team asks for the RCA of the incident on 3 May, no rush.',
    'Could you resend the invoice with our new address? Accounts payable can’t process it otherwise.',
  ])('keeps %j below P1', async (text) => {
    expect((await triage(text)).priority).not.toBe('P1');
  });

  it('reads "breach clocks" as SLA vocabulary, not an intrusion', async () => {
    const analysis = await triage('The breach clocks on our tickets show the wrong time zone.');
    expect(analysis.priority).not.toBe('P1');
  });

  it('names no competitor in "vaihtaa URL:ssa"', async () => {
    const analysis = await triage('Kun vaihtaa URL:ssa numeron, näkyy väärä sivu.');
    expect(drivers(analysis)).not.toContain('competitor');
  });

  it('reads "other vendor payments are bouncing" as no competitor', async () => {
    const analysis = await triage('The double charge maxed our card and other vendor payments are bouncing.');
    expect(drivers(analysis)).not.toContain('competitor');
  });
});

describe('round 6: incidents a human would page for', () => {
  it.each([
    'Someone used the login of an offboarded contractor last night and downloaded all customer exports.',
    'An agent pasted our admin token into a reply that went out to a customer. Please revoke it.',
    'Phone calls stopped creating tickets at 9:00 and our customers are emailing us asking why nobody answers.',
    'Kassaintegraatio lakkasi toimimasta aamulla, asiakkaat soittaa ja kyselee tilauksistaan.',
  ])('makes %j P1', async (text) => {
    expect((await triage(text)).priority).toBe('P1');
  });
});

describe('round 6: churn said sideways', () => {
  it.each([
    [
      'We are moving to field service only and honestly not sure your platform still fits us.',
      'changed-needs',
    ],
    ['Mietitään nyt, mistä me oikein maksetaan, kun tiimi ei avaa koko järjestelmää.', 'weak-value'],
    ['Uusi pakettinne ei enää vastaa sitä mitä tarvitsemme.', 'changed-needs'],
  ])('finds %j (%s)', async (text, driver) => {
    expect(drivers(await triage(text))).toContain(driver);
  });

  it('makes a Finnish price rise nobody announced P2', async () => {
    const analysis = await triage(
      'Lisenssin hinta on noussut 30 eurosta 41 euroon, eikä siitä ilmoitettu etukäteen.',
    );
    expect(analysis.priority).toBe('P2');
  });
});

describe('round 8: urgency taken back, production said to be fine, a lure that failed', () => {
  it.each([
    'URGENT!!! the FAQ page spells our product name wrong 😂',
    'KIIREELLINEN!! no ei oikeesti kiire, mutta raportin otsikko on väärin.',
    'super urgent lol: can you change my avatar colour',
    'URGENT: staging returns 502 on every page. Production is fine, just the staging box.',
    'Yksi käyttäjä klikkasi epäilyttävää linkkiä, mutta ei syöttänyt salasanaa mihinkään. Pitääkö tehdä jotain?',
  ])('keeps %j below P2', async (text) => {
    expect(['P3', 'P4']).toContain((await triage(text)).priority);
  });

  it('keeps "it is not really working for anyone" an outage, not patience', async () => {
    expect((await triage('The inbox is not really working for anyone since 8am.')).priority).toBe('P1');
  });

  it('keeps "ei vaan toimi" a failure', async () => {
    expect((await triage('Kirjautuminen ei vaan toimi kenelläkään tänään.')).priority).toBe('P1');
  });
});

describe('round 9: alarms taken back, one user’s trouble, exercises, hedges, auto-replies', () => {
  it.each([
    // Taken back later in the same message.
    'EVERYTHING IS DOWN!!! nothing loads\n\n...sorry, false alarm, it was our own proxy. Works again.',
    'Palvelu on alhaalla!! \n\nok unohtakaa, meidän oma palomuuri sekoili, nyt toimii taas.',
    'CRITICAL: the report header shows last year’s logo!! edit: cleared the cache, it’s fine now, never mind',
    'URGENT – RCA needed for the incident on Monday (login down 30 min). No current issues, fine since then. Please send the report by Friday.',
    // One user's trouble, however worded.
    'I get "internal server error 500" every time I open settings, but my colleagues say for them it works fine. Is it my account?',
    'Mulla tulee virhe 500 kun tallennan suodatinta. Kaikilla muilla toimii normaalisti.',
    // An announced exercise.
    'Heads-up: our security team runs a phishing simulation next week, so you may see odd reset mails from our domain. Please ignore them.',
    // A technical subscription.
    'How can we terminate the old event subscription for our staging webhook endpoint?',
    // Patience after all, and patience that is negated by nothing.
    'Small thing, not blocking anything: the tooltip says "Recieved". Not critical.',
  ])('keeps %j below P2', async (text) => {
    expect(['P3', 'P4']).toContain((await triage(text)).priority);
  });

  it.each([
    // The same alarms with the problem still there.
    'The whole site is down for our agents. We restarted our VPN and it works again for me, but still down for the rest of the team.',
    // A hedge that opens a report.
    'Pieni juttu vaan, mutta meidän kanavista ei oo tullut yhtään viestiä eilisen jälkeen, normaalisti satoja päivässä. Onko jotain rikki?',
  ])('still raises %j to P1 or P2', async (text) => {
    expect(['P1', 'P2']).toContain((await triage(text)).priority);
  });

  it.each([
    'Hello, our card was charged twice for the March invoice (2 × €2,400). Please refund one.',
    'We got double-billed for the annual plan this week.',
    'Kortilta veloitettiin lokakuun maksu kahteen kertaan, 2 × 890 €. Palautus kiitos.',
  ])('makes a double charge P2: %j', async (text) => {
    const analysis = await triage(text);
    expect(analysis.priority).toBe('P2');
    expect(analysis.priorityReason).toMatch(/charged twice|veloitettu kahdesti/u);
  });

  it.each([
    'What happens if a customer’s card is charged twice by mistake? Do you refund automatically?',
    'Just checking: we were not charged twice for March, right? The bank shows one payment.',
  ])('does not call %j a double charge', async (text) => {
    expect((await triage(text)).priorityReason).not.toMatch(/charged twice/u);
  });

  it('does not take "not a minor issue" for patience', async () => {
    const analysis = await triage(
      'This is not a minor issue: every invoice we sent this week has the wrong VAT number.',
    );
    expect(analysis.priority).not.toBe('P4');
  });

  it('does not read "vaihtaa pääkäyttäjäksi Jarin" as a switch to a competitor', async () => {
    const analysis = await triage(
      'Voitteko vaihtaa pääkäyttäjäksi Ainon? Minä lähden firmasta kuun lopussa.',
    );
    expect(analysis.churnSignals.map((signal) => signal.driver)).not.toContain('competitor');
  });
});

describe('round 10: hypotheticals, idioms, mentions, colloquial Finnish flows and quiet intruders', () => {
  it.each([
    // A supposition quoted from a questionnaire, and a plan asked about.
    'Our vendor questionnaire asks us to "describe what happens to queued messages if the platform is unavailable." Is there a document for that?',
    'We want to merge two workspaces next month. What are the steps, and is there any downtime?',
    'Due diligence question: what happens to our data if we terminate the contract one day?',
    // An idiom.
    'Half the support team is down with the flu this week, so our replies will be slow 🤒',
    // Words in quotes are mentions.
    'How do I make a view of tickets tagged "urgent" that were opened this week?',
    'Can messages that mention "chargeback" go straight to the finance queue?',
    // Test data deleted in a sandbox.
    'I wiped all 800 contacts in our sandbox while testing an import. Only test data, production untouched. Can I restore them?',
    // A routine review and a setting asked about.
    'For our annual vendor review, could you send the latest SOC 2 report?',
    'Our webhook was down during our own deploy yesterday. Do you retry deliveries, and if so how many times?',
    // A past incident with everything normal now.
    'Eilisen katkon osalta tilanne on meillä nyt normaali. Tarvitsisimme RCA:n perjantaihin mennessä hallitukselle.',
    // Patience said the Finnish way round, and "none of them urgent".
    'Voisimmeko siirtää ensi viikon palaverin? Kiirettä ei ole.',
    'A few admin items, none of them urgent: new PO number on invoices, and a new billing address.',
  ])('keeps %j below P2', async (text) => {
    expect(['P3', 'P4']).toContain((await triage(text)).priority);
  });

  it.each([
    // Colloquial Finnish: a flow that stopped, with its usual volume.
    'Pieni juttu, mut jonoon ei oo tullu yhtään sähköpostia perjantain jälkeen. Yleensä niitä on satoja maanantaisin.',
    'Sähköpostit ei tuu enää tiketeiks. Viimeinen tuli 7:12 ja asiakkaiden viestit menee ihan ohi.',
    // A sign-in from far away that was not the customer.
    'probably nothing, but there was a new sign-in to our admin account from an IP in Brazil at 4am. I was asleep.',
    'Pääkäyttäjän tunnuksella on kirjauduttu klo 02:40 IP:stä Singaporessa, vaikka hän on ollut lomalla koko viikon.',
  ])('raises %j to P1 or P2', async (text) => {
    expect(['P1', 'P2']).toContain((await triage(text)).priority);
  });

  it.each([
    [
      'Meille demottiin eilen Zendeskin reititystä. Jos tähän ei tule parannusta ennen kesää, vaihdetaan.',
      'competitor',
    ],
    ['Tiimi on alkanut käyttää Freshdeskin ilmaisversiota teidän sovelluksen rinnalla.', 'competitor'],
    [
      'Budjettikatselmoinnissa kysyttiin miks maksetaan, kun puolet lisensseistä on käyttämättä.',
      'weak-value',
    ],
  ])('finds the churn in %j (%s)', async (text, driver) => {
    expect(drivers(await triage(text))).toContain(driver);
  });

  it('does not call an SLA breach a security incident', async () => {
    const analysis = await triage(
      'Per our MSA the first response for Severity 1 is one hour. Yours came after six hours. That is a clear breach, the second this quarter.',
    );
    expect(analysis.priority).not.toBe('P1');
  });
});

describe('round 11: quiet complaints, promises, and settings changed by nobody', () => {
  it.each([
    [
      'Ticket 5521 was closed as "resolved" again without anyone fixing the login loop. Nobody even replied to my comments.',
      'complaint-handling',
    ],
    [
      'Sovelluksen vienti kaatuu taas. Ilmotin tästä jo keväällä ja sanottiin että korjataan seuraavassa versiossa.',
      'unheard-voice',
    ],
    [
      'When we signed, you told us the Jira sync would be two-way. It is one-way only. Feeling a bit misled.',
      'promise-gap',
    ],
  ])('finds the churn in %j (%s)', async (text, driver) => {
    expect(drivers(await triage(text))).toContain(driver);
  });

  it.each([
    'Our renewal quote came in 30% higher than last year for the same seats. Nobody mentioned a price change. Can you explain?',
    "Our admin got a 'two-factor authentication has been disabled on your account' email. She didn't do that, she is on leave this week.",
    'Entisen työntekijän tunnukset poistettiin maanantaina, mutta tänään hänen nimellään on lähetetty vastaus asiakkaalle.',
  ])('raises %j above P3', async (text) => {
    expect(['P1', 'P2']).toContain((await triage(text)).priority);
  });

  it('does not let "ei kiirettä sinänsä, mutta …" set the pace', async () => {
    const analysis = await triage(
      'Ei kiirettä sinänsä, mutta kaikki uudet tiketit menevät nyt yhdelle agentille eikä tiimille; hänellä on 400 avointa.',
    );
    expect(analysis.priority).not.toBe('P4');
  });

  it('keeps a password change the customer made themselves a normal request', async () => {
    expect(['P3', 'P4']).toContain(
      (await triage('I changed my password yesterday and now the mobile app asks me to log in every hour.'))
        .priority,
    );
  });
});

describe('round 12: good news, plans and questions are not incidents; data mixed up is', () => {
  it.each([
    "Following up on last night's outage — everything has been fine for us since 7am. Could you send the incident report?",
    'Ticket volume is down about 60% since we launched the help centre, so we may want fewer seats at renewal. No rush.',
    'Just signed the renewal for three more years 🎉 Thanks to Maria for all the help with the rollout!',
    'Search has been slowing down the team a bit this week. Not urgent.',
    "We're migrating ten years of data off our old AS/400 next month; can you share the import guide?",
    'Mitä asiakkaidemme viesteille tapahtuu jos teidän palvelu kaatuu? Tarvitsemme vastauksen riskiarvioon.',
    'Our plant has a planned maintenance shutdown next week. How do we pause alerts so the on-call phone stays quiet?',
    'Could you send the RCA for this one?\n\n-----Original Message-----\nSubject: [Resolved] Service disruption - EU region\nThe issue affecting access has been resolved.',
    'Question, not an incident: how would you notify us if your platform were compromised? Is that in the DPA?',
    'Your new forecasting screen is absolutely killing it, the planners love it.',
    'Our waiting queue on Monday mornings has basically disappeared since the new routing. Thank you!',
    'Your platform is classed as a critical supplier in our annual review; please send your SOC 2 report.',
    'Password login still works so no one is locked out, but SSO gives error AADSTS50011 on the EU instance.',
    'Kysymys GDPR-poistopyynnöistä: poistuvatko myös liitteet, vai pitääkö ne poistaa erikseen?',
  ])('keeps %j below P2', async (text) => {
    expect(['P3', 'P4']).toContain((await triage(text)).priority);
  });

  it('keeps an own-report number shift a bug, not lost data', async () => {
    expect(
      (await triage('All the numbers in the monthly report are shifted by one column since the update.'))
        .priority,
    ).not.toBe('P1');
  });

  it.each([
    'After this morning’s import all our contacts got mixed up — phone numbers swapped between customers, and reminders went to the wrong people.',
    'Pääkäyttäjä ajoi siivoustoiminnon ja se poisti myös avoimet tiketit, n. 2 400 kpl. Saako ne palautettua?',
    'Our March invoice lists 60 seats but we only have 15 users. Please fix it before the card is debited.',
    'The app logs our drivers out every few minutes and they lose their notes. All 40 drivers are affected.',
    'kaikki jumittaa ja välillä tulee timeout, 15 agenttia tyhjän panttina jo puoli tuntia',
    'love waking up to 9 double bookings. the channel sync has been doing whatever it wants since friday.',
  ])('raises %j to P1 or P2', async (text) => {
    expect(['P1', 'P2']).toContain((await triage(text)).priority);
  });

  it.each([
    ['I mentioned the export bug back in March and again in May.', 'unheard-voice'],
    [
      'The first human reply came after six hours and asked for logs we had already attached.',
      'complaint-handling',
    ],
    ['Lukeeko kukaan näitä oikeasti? Kirjoitin sen jo ensimmäiseen viestiin.', 'complaint-handling'],
    ['Only 4 of our 25 seats are actually used, and finance is asking about the line item.', 'weak-value'],
    ['Alkaa tuntua, että maksetaan tästä enemmän kuin saadaan irti.', 'weak-value'],
    [
      'Heads up: the company went into administration and administrators were appointed today.',
      'involuntary',
    ],
    ["If the sync breaks again we're going to look at Gorgias seriously.", 'competitor'],
    ['The demo we saw showed automatic translation; in our account it is manual.', 'promise-gap'],
  ])('finds the churn in %j (%s)', async (text, driver) => {
    expect(drivers(await triage(text))).toContain(driver);
  });

  it('reads a Finnish non-renewal said object first as churn', async () => {
    expect(
      drivers(await triage('Sopimusta ei jatketa vuoden lopun jälkeen. Tarvitsemme datan vientinä.')),
    ).not.toEqual([]);
  });

  it.each([
    ['Please address our invoices to our parent company from now on.', 'involuntary'],
    ['Google Ads is our main acquisition channel and the card was declined this morning.', 'involuntary'],
    ['Our former agent left us to join a competitor last month; please remove his seat.', 'competitor'],
    ['The Trial Balance report times out for the full year.', 'competitor'],
    ['Mitä datalle tapahtuu jos vaihdetaan Enterprise-paketista Team-pakettiin?', 'competitor'],
    ['Irtisanottu työntekijä pääsee yhä järjestelmään.', 'weak-value'],
    ['We copied our cancellation policies and rate plans from the old property.', 'weak-value'],
    ['Huomasimme että 14 % ei löydä vastinetta ja putoaa oletuskoodiin.', 'weak-value'],
  ])('finds in %j no %s churn', async (text, driver) => {
    expect(drivers(await triage(text))).not.toContain(driver);
  });

  it('lets the customer who is not in a hurry keep a heard complaint at P3', async () => {
    const analysis = await triage(
      'Following up again on the timezone bug in scheduled reports. Not urgent, but it has been a couple of months now.',
    );
    expect(drivers(analysis)).toContain('unheard-voice');
    expect(analysis.priority).toBe('P3');
  });
});

describe('round 13: plans, drills and generic questions; incidents in a P.S.; quiet leavers', () => {
  it.each([
    "We're writing a contingency plan in case the platform goes down during peak week. What's your uptime SLA?",
    'How do you notify customers of an outage, and is there a status page?',
    "FYI we're running a disaster recovery drill on Saturday; you'll see our API traffic drop to zero. Nothing is actually wrong.",
    "Yesterday we ran our continuity exercise; one scenario was 'payroll vendor completely unavailable for 48 hours'. It went fine.",
    'Our team is a bit down on the new UI to be honest, mainly because nobody can find the filter button. Where did it go?',
    'The cost report takes five minutes now, sometimes the browser says the page is not responding, but it does load eventually.',
    "got an email saying suspicious login detected from Lisbon — that was me, I'm at a conference lol. anything else I need to do?",
    'dashboard is dead slow when filtering by custom properties; standard ones are fine. workspace is acme-prod',
    'not urgent - the tracking page went down briefly last night but it was back before anyone noticed. Is there a status page?',
    'Our legal team is reviewing the MSA before renewal and has a question about which SLA credits would apply.',
  ])('keeps %j below P2', async (text) => {
    expect(['P3', 'P4']).toContain((await triage(text)).priority);
  });

  it.each([
    'Thanks for Tuesday, the walkthrough was great. Slides when you can.\n\nP.S. not sure if this is related to anything on your end, but since about 7:40 this morning none of the nurses at either site can log in.',
    'Pieni juttu vaan, jos joku ehtii katsomaan: kassat ei löydä yhtään tuotetta hinta-ajon jälkeen. Koskee kaikkia 32 myymälää ja osa asiakkaista lähtee tyhjin käsin.',
    'Quick one — is it expected that patient search returns nothing at the moment? Like, for every patient, for every doctor. Since about 8.',
    'it looks like the client dashboards aren’t loading any data since this morning, for any of our clients as far as I can tell',
    'Kevin, who left us three weeks ago and whose account we deactivated, logged in on Saturday and exported the full contact list.',
    'We offboarded a contractor on Friday. The audit log says he exported the full contact list this morning.',
    "love that every payslip in the portal now shows Jukka from accounting's name, salary and bank account. 140 people have opened theirs.",
    'no niin, kiva aloittaa maanantai kun yksikään lomake meidän sivuilla ei tallenna liidejä. 0 liidiä viikonlopun kampanjasta.',
  ])('raises %j to P1 or P2', async (text) => {
    expect(['P1', 'P2']).toContain((await triage(text)).priority);
  });

  it.each([
    [
      'Descartes came in and walked our ops team through their yard module; our COO wants a side-by-side before we sign anything.',
      'competitor',
    ],
    [
      'The board wants us to consolidate our vendor stack this year, and our ERP provider is pitching their own warehouse module.',
      'competitor',
    ],
    [
      'ollaan pyydetty jo puoli vuotta että oikeuksia vois rajata tiimikohtaisesti, eikä mitään tapahdu',
      'unheard-voice',
    ],
    ['I write 5 days ago about the wrong invoice and only get automatic answers.', 'complaint-handling'],
    ['We have barely touched the analytics add-on this year. Can we drop it at renewal?', 'weak-value'],
  ])('finds the churn in %j (%s)', async (text, driver) => {
    expect(drivers(await triage(text))).toContain(driver);
  });

  it.each([
    ['voisko meidän tilin pääkäyttäjäksi vaihtaa Sannan? mä lähden firmasta ens kuussa', 'competitor'],
    ['Merkinnät eivät ole siirtyneet Wilmaan maanantain jälkeen.', 'competitor'],
    ["We're restructuring our regions and need to move 40 users into two new teams.", 'involuntary'],
  ])('finds in %j no %s churn', async (text, driver) => {
    expect(drivers(await triage(text))).not.toContain(driver);
  });
});

describe('round 14: measures that fell, drills and policies; lost entries, blank pages, silent pushes; churn said plainly', () => {
  it.each([
    'Our first-time-fix rate on the ops dashboard is way down this week (82% to 51%). Did the widget start counting cancelled jobs?',
    'Hakutoiminto antaa aikakatkaisun jos hakee koko arkistosta, mutta kun rajaa vuoden kerrallaan niin toimii. Ei kiireellinen.',
    "Heads up: we're running our disaster recovery drill on Saturday, simulating a complete loss of our primary data centre. No action needed.",
    'Järjestämme valmiusharjoituksen, jossa simuloidaan tietomurtoa asiakasrekisteriin. Kenelle ilmoitetaan oikeasta tietomurrosta?',
    'Our insurer is asking how you handle outages during a big on-sale. Do you have an SLA document?',
    'Could you send the incident report for our register when it is available? End of the month is fine.',
    'A few wishes from the grants team: cloning a funding round, a progress bar on long forms. None of these are blockers.',
    'Please send your current DPA template and the list of sub-processors.\n\nYstävällisin terveisin\nJohanna Aho\nLakimies',
  ])('keeps %j below P2', async (text) => {
    expect(['P3', 'P4']).toContain((await triage(text)).priority);
  });

  it.each([
    'kaikki eilisen työmaapäiväkirjamerkinnät on hävinny!! ei näy kellään. 5 työmaata.',
    'Hei, tapahtumasovellus näyttää kaikille osallistujille pelkkää valkoista sivua. Paikalla on 4000 kävijää.',
    "Three new sub-editors start on Monday; how should we set up their roles?\n\nP.S. Not sure if this is related, but I don't think any push notifications have gone out since 6am. Our app users are getting nothing.",
    'Whole newsroom is hitting publish and nothing happens, no error, nothing.',
    "When she logs in she can see batches that don't look like ours, with another credit union's name on them.",
  ])('raises %j to P1 or P2', async (text) => {
    expect(['P1', 'P2']).toContain((await triage(text)).priority);
  });

  it.each([
    ['Per my last three emails, our receipts still show the old registration number.', 'unheard-voice'],
    ['raised the timezone bug in like 6 tickets over a year. nobody seems to care', 'unheard-voice'],
    ['nobody seems to care about the export bug. starting to look around tbh', 'competitor'],
    [
      "Thanks so much for closing my ticket as 'resolved' while the issue is very much still happening.",
      'complaint-handling',
    ],
    [
      "Teidän asiakaspalvelu vastasi englanniksi vaikka kirjoitin suomeks, ja sulki sen saman tien 'solved'.",
      'complaint-handling',
    ],
    [
      'tbh we barely log in anymore. any way to pause the subscription instead of paying for nothing?',
      'weak-value',
    ],
    ["we've only got about 15 people actually using the system out of the 60 seats we pay for", 'weak-value'],
    ["we won't need the consumption dashboards add-on going forward", 'changed-needs'],
    ['huoltopyyntömoduulia ei jatkossa tarvita, huoltoyhtiöllä on oma järjestelmänsä', 'changed-needs'],
    ["Our new IT director ran everything on FieldCore and he's keen to 'standardise'.", 'competitor'],
    ['ur sales guy swore blind offline mode works. it doesnt.', 'promise-gap'],
    [
      'Meidän IT ehdotti että siirryttäis Microsoftin työkaluun. Onko jotain syytä jatkaa teillä?',
      'competitor',
    ],
  ])('finds the churn in %j (%s)', async (text, driver) => {
    expect(drivers(await triage(text))).toContain(driver);
  });

  it('finds no merger in an old business id from before one', async () => {
    expect(
      drivers(await triage('laskussa on väärä y-tunnus (meidän vanha, ennen fuusiota). saisko korjattua?')),
    ).not.toContain('involuntary');
  });
});

describe('round 15: rehearsals, burglaries and policy questions; incidents after small talk; sales of sites', () => {
  it.each([
    "We're running our annual disaster recovery drill next Thursday and will simulate a complete outage of our EHR. Will your side queue messages?",
    'Hei, sopimusliitettä varten: missä ajassa ilmoitatte meille mahdollisesta tietoturvaloukkauksesta?',
    'We had a breach scare last month — it turned out to be a misconfigured printer share on our side. Can we get an admin login report?',
    'Our security team will run a penetration test against our own SSO next week; you may see failed logins from one range.',
    'Tampereen varastolle murtauduttiin viime yönä, poliisi hoitaa asiaa. Tarvitsen kameratallenteet, mutta Vie-painike on harmaana.',
    'What is the maximum data loss window (RPO) for our data, and is there a continuity plan?',
    "We're considering moving our crew scheduling onto your platform. What happens if your platform goes down in harvest?",
  ])('keeps %j below P1', async (text) => {
    expect((await triage(text)).priority).not.toBe('P1');
  });

  it.each([
    'Hi team, hope you had a nice weekend! Small thing — none of our 61 vans seem to have reported a position since 02:00, so dispatch is doing everything over the phone.',
    "none of the managers in our northeast region (14 stores) can publish next week's schedule and we must post it tomorrow",
    'love how your status page says all systems operational while none of my 6 restaurants can load the schedule',
    'Thanks for the quote.\n\nP.S. Odd one — a paralegal who left us at the end of last month still appears as active, opening and downloading documents.',
  ])('raises %j to P1 or P2', async (text) => {
    expect(['P1', 'P2']).toContain((await triage(text)).priority);
  });

  it.each([
    [
      "we've sold two of our five car parks to the city, what does that mean for our licence count?",
      'changed-needs',
    ],
    ['Myimme kaksi kolmesta kahvilastamme keväällä, nykyinen paketti on nyt liian iso.', 'changed-needs'],
    [
      'nobody outside my team has logged into the add-on since August; I will have to justify it to our COO',
      'weak-value',
    ],
  ])('finds the churn in %j (%s)', async (text, driver) => {
    expect(drivers(await triage(text))).toContain(driver);
  });

  it('finds no competitor in a vendor mentioned in passing, in brackets', async () => {
    expect(
      drivers(
        await triage(
          'Last year (different vendor) the drill sent 200 texts in ten minutes. Is there a drill mode?',
        ),
      ),
    ).not.toContain('competitor');
  });
});

describe('round 16: flows that stopped, said politely; exercises in Finnish compounds; workarounds that work', () => {
  it.each([
    "Thanks for last week! One small thing: since this morning our suppliers don't seem to be able to log in to the portal. It happens for everyone we've asked.",
    "P.S. not sure if related, but since 08:00 none of today's scheduled payouts to sellers have gone out. That is about 1,200 sellers.",
    'Since the update yesterday we are not receiving any new reservations from Booking.com. Normally we get 20-30 a day.',
    'HELP. All the volunteer shifts for next weekend are gone from the schedule after someone pressed Archive season.',
    'APUA – palkka-aineisto pitää lähettää pankkiin klo 14 mennessä ja vienti muotoilee IBANit väärin.',
  ])('raises %j to P1 or P2', async (text) => {
    expect(['P1', 'P2']).toContain((await triage(text)).priority);
  });

  it.each([
    'Hei! Saisinko kopion tammikuun laskusta? Meidän reskontrasta se on jotenkin hävinnyt.',
    'Iso kiitos Annalle! Kadonnut projektikansio palautui vartissa.',
    'Not urgent at all, just an idea: the public event calendar could show the aurora forecast next to our tours.',
    'Aloitamme ensi kuussa. Käyttäjiä on noin 320, laitteita noin 400.',
    'Reset emails land in spam for Gmail users since last week; before that nobody complained. DKIM shows FAIL.',
    'SIEM hälytti yöllä brute force -yrityksistä. Kyseessä oli meidän oma skanneri. Ei siis hätää.',
    'Järjestämme johtoryhmälle kyberharjoituksen. Skenaariossa hyökkääjä murtautuu palveluunne. Miten ilmoitatte poikkeamista?',
    'The bulk payment run keeps timing out with a 504 for ~800 invoices. If I split into batches of 200 it works fine.',
    'Mailchimp sync stopped adding new members: nobody who joined since 20 Sept is in the audience. Existing people still update.',
  ])('keeps %j below P1', async (text) => {
    expect((await triage(text)).priority).not.toBe('P1');
  });

  it.each([
    [
      'Olen nyt kolmannen kerran yhteydessä samasta asiasta, eikä edelliseen kahteen viestiin ole vastattu.',
      'unheard-voice',
    ],
    [
      'heads up — kandji demoed to our IT lead last week and their flow looked smoother. renewal is in june.',
      'competitor',
    ],
    ['Useampi naapuriyritys on jo siirtymässä toiseen varausjärjestelmään.', 'competitor'],
  ])('finds the churn in %j (%s)', async (text, driver) => {
    expect(drivers(await triage(text))).toContain(driver);
  });
});

describe('round 17: flows that stopped without a keyword; ex-employees; good news about errors', () => {
  it.each([
    "On another note, and this is the more pressing one: proof approval emails haven't been going out to our clients since 3pm yesterday. Nobody on the client side is getting anything.",
    'This morning when the team opened the central model, everything since Monday evening was gone, roughly three days of work from eight people.',
    'one of our ex-employees still has access. he just logged in and downloaded all the bid files. he was disabled in our AD on friday.',
    "Quick one — emails customers send to support@ haven't been turning into tickets since this morning. The last one that came through was at 07:12.",
    'love that your status page says all systems operational while our whole fleet (120 trucks) has been invisible on the map for 2 hours',
  ])('raises %j to P1 or P2', async (text) => {
    expect(['P1', 'P2']).toContain((await triage(text)).priority);
  });

  it.each([
    'Halusin sanoa, että tukenne on ollut hyvä koko käyttöönoton ajan, ja keräilyvirheet on jo selvästi vähentyneet.',
    'Eilisen katkon jälkeen (nyt kaikki toimii) osa katkon aikaisista chateista näkyy raportissa kahteen kertaan.',
  ])('keeps %j below P1', async (text) => {
    expect((await triage(text)).priority).not.toBe('P1');
  });
});

describe('round 18: learners locked out, certificates not issued, recordings made public; drills with scenarios', () => {
  it.each([
    'Hi, sorry to bother you — is anyone else seeing the login page just spin? None of our learners (we have about 300 booked in today) have been able to get in since around 8:10.',
    "Quick one — certificates aren't being generated for anyone who completed the course since Thursday, and the learners don't get the email.",
    "Our CEO's all-hands recording is now publicly viewable by anyone with the link and indexed by Google. It was set to Private.",
  ])('raises %j to P1 or P2', async (text) => {
    expect(['P1', 'P2']).toContain((await triage(text)).priority);
  });

  it.each([
    'Heads-up: we are running our annual DR drill on Saturday and one of the scenarios is "compromised credentials". Is there a bulk password reset?',
    'The CSV export for all learners times out with a 504, but filtering to a single department works. Can it run in the background?',
  ])('keeps %j below P1', async (text) => {
    expect((await triage(text)).priority).not.toBe('P1');
  });

  it.each([
    [
      'We are looking at a few practice management options for next year, including you and two others.',
      'competitor',
    ],
    [
      'Maksetaan 36 käyttäjästä mutta aktiivisia on kuusi. Talousjohtaja kysyi, miksi tästä maksetaan näin paljon.',
      'weak-value',
    ],
    [
      'It is with regret that I inform you that the company will be entering administration next week.',
      'involuntary',
    ],
    [
      "We've moved almost all of our training back to in-person, and I don't think the full package makes sense for us anymore.",
      'changed-needs',
    ],
  ])('finds the churn in %j (%s)', async (text, driver) => {
    expect(drivers(await triage(text))).toContain(driver);
  });
});

describe('round 19: a leaver who can still log in, APIs returning empty arrays; leaking radiators and reports that went down well', () => {
  it.each([
    'Small thing — one of our former negotiators, who left us at the end of January, says she can still log in to our account. She could see the applicant files yesterday.',
    'Cool cool cool. Your reporting API has been returning empty arrays for every endpoint since 6am, and the dashboards are all showing zero.',
  ])('raises %j to P1 or P2', async (text) => {
    expect(['P1', 'P2']).toContain((await triage(text)).priority);
  });

  it.each([
    'Photos of a leaking radiator upload rotated by 90 degrees from iPhones. Not the end of the world.',
    'Their Q2 organic traffic report went down really well, and they extended our retainer. Thank you!',
    "lol our client's site was down for 2 hours this morning (their hosting, not you). does your pixel still attribute those conversions?",
    'how do i transfer workspace ownership? our old admin left the company last month and nobody can change billing settings now',
    'olen kolme kertaa pyytänyt, että ovikoodit päivittyisivät, eikä kukaan ole vastannut.',
  ])('keeps %j below P1', async (text) => {
    expect((await triage(text)).priority).not.toBe('P1');
  });

  it('reads a competitor-tracking report as a feature, not a competitor', async () => {
    expect(
      drivers(
        await triage(
          'Ei kiirettä, mutta saako kilpailijaseurannan raportin tulemaan sähköpostiin joka maanantai?',
        ),
      ),
    ).not.toContain('competitor');
  });
});

describe('round 20: mid-service failures, a leaver who was let go, data nobody should see; tests announced and denials up front', () => {
  it.each([
    'POS is taking 40-60 seconds per tap. queue out the door, every terminal, both sites. restarted everything, no change',
    'Uber Eats orders stopped coming into the POS at all 9 of our sites around 12:10. Staff are retyping everything by hand.',
    'none of the online orders from our website since about 5pm tonight have reached the kitchen printer',
    'P.S. Marco, who we let go in March, apparently logged in last night and processed refunds. His account should have been deactivated weeks ago.',
    'one of our new volunteers could see the full supporter list including bank details when she logged in yesterday',
    'every single supporter who gave online today is getting a thank-you email addressed to "Dear Margaret". all ~1,900 of them.',
  ])('raises %j to P1 or P2', async (text) => {
    expect(['P1', 'P2']).toContain((await triage(text)).priority);
  });

  it.each([
    'We will be conducting our annual business continuity test on 12 June, during which we will disable SSO to simulate an identity provider failure. Expect failed login attempts.',
    'Quick question for our risk register, nothing is actually wrong. Our trustees asked: if your platform goes down during our appeal week, what is the fallback?',
    'Following the outage on the 3rd (card payments failed for two hours – all fine since), our insurer wants an incident report.',
    'Hei, viime viikon katkos on nyt kunnossa, kiitos. Vakuutusyhtiö pyytää selvitystä katkon kestosta.',
    'When I run the Gift Aid claim schedule report, about 60 of the 410 rows have an empty postcode column.',
    "Zero-rated invoices aren't syncing to Xero with a TaxType error. Standard-rated invoices go through fine.",
  ])('keeps %j below P1', async (text) => {
    expect((await triage(text)).priority).not.toBe('P1');
  });

  it('still pages for an outage that began after a maintenance window', async () => {
    expect(['P1', 'P2']).toContain(
      (
        await triage(
          'The Jira integration has been down for our whole org since your 02:00 maintenance window.',
        )
      ).priority,
    );
  });

  it('finds no competitor in sales that should flow into an accounting system', async () => {
    expect(drivers(await triage('saako meidän myynnit siirtymään suoraan Procountoriin?'))).not.toContain(
      'competitor',
    );
  });
});

describe('round 21: outages that are over, fields missing from invoices', () => {
  it.each([
    'Hei, tiistain katko oli meillä noin 20 minuuttia ja sen jälkeen kaikki on toiminut ihan normaalisti. Katkon aikana tuli tuplavarauksia, miten ne poistetaan?',
    'Viime viikon katkos on nyt ohi ja kaikki toimii, kiitos. Tarvitsisimme kirjallisen häiriöraportin johtoryhmälle.',
    'Our last three invoices are missing our VAT number. Could you reissue them with it?',
  ])('keeps %j below P1', async (text) => {
    expect((await triage(text)).priority).not.toBe('P1');
  });

  it.each([
    [
      '6 weeks. SIX WEEKS and still nothing on the duplicate alerts issue. does anyone actually read these',
      'unheard-voice',
    ],
    ['The usage numbers show 11 active users out of the 60 seats we pay for.', 'weak-value'],
  ])('finds the churn in %j (%s)', async (text, driver) => {
    expect(drivers(await triage(text))).toContain(driver);
  });
});

describe('round 22: sarcasm over a failure, scoped blockers, harm to sales, hypotheticals', () => {
  it.each([
    // Sarcasm: the praise words wrap an outage.
    'love that the rota page has been a white screen all morning for every manager. great timing with payroll on friday',
    "Love that the order screen has been saying 'loading…' since 10am. All four Leeds branches are writing tickets by hand.",
    // Politeness before the report supposes nothing.
    "I don't want to cause a fuss, but since this morning none of our invoices seem to be reaching customers.",
    'Oulun toimipisteestä katosi iso osa eilisistä kirjauksista, ainakin 30 käyntiä näkyy tyhjinä.',
    'Since the update the scans tab shows X-rays that belong to a different patient on at least two records.',
  ])('makes %j P1', async (text) => {
    expect((await triage(text)).priority).toBe('P1');
  });

  it.each([
    // One site blocked, the rest fine: not an outage, still a blocked team.
    'None of the 4 nurses at the York clinic can log in since IT changed the SSO policy. Everyone else is fine. They are working off printed day lists.',
    'Since Monday lab results are not being imported at our Leeds site. The other sites look fine. Vets are retyping the values into the notes by hand.',
    'Not an outage, but checkout takes 20 seconds to load and our conversion rate is down 25%. It is really hurting us.',
    'All non-essential software is being cut after the funding round fell through, and your tool is on the list.',
  ])('makes %j P2', async (text) => {
    expect((await triage(text)).priority).toBe('P2');
  });

  it.each([
    'The new offline mode is a big improvement for our crew – zero lost entries this week. Nice work.',
    'Is there a status page I can subscribe to for outages? Our ops team wants the alerts in Teams.',
    'Saw the maintenance notice for Sunday night. Our site is a 24/7 emergency clinic - will the calendar stay up during the window?',
    'Hypothetically - if your service went down on our payroll day, would approvals in progress be kept?',
    'Our sales are down about 15% this month. How do I break revenue down by channel in the dashboard?',
  ])('keeps %j below P2', async (text) => {
    expect(['P3', 'P4']).toContain((await triage(text)).priority);
  });

  it.each([
    'Moi! Siirrytään teille Shopifysta ensi kuussa. Miten saadaan vanhat tilaukset tuotua?',
    'Kuvat ei näy mobiilissa. Testattu iPhonella ja Androidilla.',
    'Just wanted to say the new booking page is a big hit - clients keep telling reception how easy it is.',
  ])('finds no churn in %j', async (text) => {
    expect(drivers(await triage(text))).toEqual([]);
  });
});

describe('round 23: buried incidents, intermittent failures, policies asked about', () => {
  it.each([
    'A few follow-ups:\n1. Can trainees join the Probate group?\n2. Since 9 this morning none of our e-signature envelopes work, clients get "link expired". It is every envelope across all three offices.\n3. Could we get the slides?',
    'Our messaging just sent a notice meant for one pupil to every Year 9 parent, about 200 families, and it keeps sending copies.',
  ])('makes %j P1', async (text) => {
    expect((await triage(text)).priority).toBe('P1');
  });

  it.each([
    'tiedoksi: siirrymme franchising-malliin, joten emme todennäköisesti jatka nykyistä sopimusta ensi vuoden jälkeen.',
  ])('makes %j P2', async (text) => {
    expect((await triage(text)).priority).toBe('P2');
  });

  it.each([
    'Running the yearly visits report for all 14 sites takes about 20 minutes and sometimes times out. Is there a better way to get a CSV?',
    'Not an outage or anything, just a wish: when the system is down for maintenance, could the login page show a friendly message?',
    'A former member has sent an erasure request under GDPR. How do we delete her data but keep the invoices?',
    'Two of our managers got an email pretending to be from you with a link to a lookalike login page. Neither clicked. Would you ever ask for bank details by email?',
    'Hypothetical for our continuity plan: if our only admin got locked out during a weekend, what is the emergency process to regain access?',
  ])('keeps %j below P1', async (text) => {
    expect((await triage(text)).priority).not.toBe('P1');
  });
});

describe('round 24: blocked work at one office, a system questioned, circumstances that are not incidents', () => {
  it.each([
    'Uploads from our Leeds office all fail with "Upload failed (413)". That office does all our renewals, so they cannot attach anything to client files. Other offices are fine.',
    'We asked for bulk fee changes on every user call for 18 months, then nothing. We are now genuinely reviewing whether Brokerdesk is the right system for us.',
  ])('makes %j P2', async (text) => {
    expect((await triage(text)).priority).toBe('P2');
  });

  it.each([
    'At some point, could the client list filter include the Consumer Duty vulnerability flags? No rush at all.',
    'FYI: planned network maintenance on the plant VLAN Saturday 02:00–06:00, so the tablets in Hall 3 will be offline. No action needed from you.',
  ])('keeps %j below P2', async (text) => {
    expect(['P3', 'P4']).toContain((await triage(text)).priority);
  });

  it.each([
    'Mikä on liitteen maksimikoko? Yritän liittää 40 Mt:n PDF:ää ja se vaan pyörii eikä mitään tapahdu.',
    'Photos from iPhones show up rotated in the contractor view. Not the end of the world but contractors keep asking.',
  ])('finds no churn in %j', async (text) => {
    expect(drivers(await triage(text))).toEqual([]);
  });
});

describe('round 25: slow everywhere right now, votes cast again', () => {
  it.each([
    'Check-in app is taking 40+ seconds per scan at all four entrances right now. Queues are round the building and the show starts at 19:30.',
    'p99 latency across all endpoints went to 10s in the last 20 minutes and about 40% of our requests are failing with ReadTimeout. This is impacting every tenant on our platform.',
  ])('makes %j P1', async (text) => {
    expect((await triage(text)).priority).toBe('P1');
  });

  it.each([
    "Adding my +1 again to the dark mode request (raised by us in 2022 and 2023). Guess it's not happening.",
    "Just adding our +1 again to the sessions export. It has been 'under consideration' since 2022, so I'm not holding my breath.",
  ])('hears the unheard voice in %j without rushing it', async (text) => {
    const analysis = await triage(text);
    expect(drivers(analysis)).toContain('unheard-voice');
    expect(['P3', 'P4']).toContain(analysis.priority);
  });
});

describe("round 26: a utility's outage tools are not outages", () => {
  it.each([
    'Tiny thing: the customer-facing outage page says "Estimated restortion time". No rush.',
    'Feature idea: a dark mode for the control room view. We run the outage board on wall screens overnight.',
    'The outage.updated webhook payload does not include estimated_restoration_time. Is that field only in outage.created?',
    'Could our new control room shift get a training session on Outage Notify next month?',
  ])('keeps %j below P1', async (text) => {
    expect((await triage(text)).priority).not.toBe('P1');
  });

  it('still reads a real outage in the same words as one', async () => {
    expect(
      (await triage('We have an outage. The outage board itself is down for all dispatchers.')).priority,
    ).toBe('P1');
  });
});

describe('round 27: a blocker that is slow, scoped or up against a deadline', () => {
  it.each([
    // slowness with people idle, even after "nothing is down"
    'Claims intake has been extremely slow since Tuesday; each upload takes 5-8 minutes instead of a few seconds. Nothing is down, but our intake team of 9 is basically sitting idle.',
    // a failure against a deadline
    'The payroll export now takes over 15 minutes and usually times out. Payroll cut-off is Friday.',
    'Palkkaraportti ei valmistu ollenkaan, tulee aikakatkaisu. Talous tarvitsee sen kuun vaihteessa maksuihin.',
    // scoped, with a flood of complaints or people waiting
    'Parents on older iPads cannot submit the consent form, the button just greys out. Term started yesterday and we have had 35 emails about it so far. Other devices are fine.',
    'Webhooks for invoice.paid stopped firing last night. Other events arrive fine, but our clients are waiting for receipts.',
    // scoped, with people unable to see their day's work
    "Since the update, publishing the schedule doesn't push to the cleaners' phones at the north depot. They can't see any of tomorrow's shifts. The other depots are fine.",
    "About 8 of our drivers get a crash every time they open the delivery list. Everything else works. They're having to borrow colleagues' phones.",
    'Videoyhteys pätkii pahasti kaikilla Oulun toimipisteen opettajilla. Opiskelijat valittavat, ettei tunneista saa selvää. Muissa toimipisteissä toimii ok.',
  ])('makes %j urgent', async (text) => {
    expect(['P1', 'P2']).toContain((await triage(text)).priority);
  });

  it.each([
    // a workaround that keeps work going is no blocker
    'The macro stopped filling in the ticket number this morning. Agents are typing it by hand for now so we are OK.',
    'One of our two kiosks shows "Unable to connect" since noon; reception is checking people in manually meanwhile, so no drama.',
    'Excel-vienti kaatuu aina jos valitsen yli 500 riviä. Pienemmissä erissä onnistuu, mutta vähän työlästä kuun lopussa.',
    'The e-signature status does not update back into the record, maybe 1 in 5 times, even after everyone has signed. We mark it manually, so not blocking.',
  ])('keeps %j below P2', async (text) => {
    expect(['P3', 'P4']).toContain((await triage(text)).priority);
  });

  it('reads a dispatch console that is unusable for all dispatchers as an outage', async () => {
    const text =
      'The dispatch console is basically unusable, 3 minutes to load the board. All 25 dispatchers affected, we are phoning crews now.';
    expect((await triage(text)).priority).toBe('P1');
  });
});

describe("round 27: other people's records in front of someone are an incident", () => {
  it.each([
    'Oppilas huomasi, että kun osoiterivin numeroa vaihtaa, hän näkee muiden oppilaiden arvosanat ja henkilötunnukset. Kokeilin itse, pitää paikkansa.',
    "A tenant told us that changing the number in the link shows other tenants' invoices with their bank details.",
    "3) The reminder run attached the same PDF (one patient's letter, with her home address) to all 230 emails that went out this morning.",
  ])('makes %j P1', async (text) => {
    expect((await triage(text)).priority).toBe('P1');
  });

  it.each([
    'Teachers can see other teachers’ courses in the catalogue. Is that intended?',
    'We would like to send the same letter to all parents before the trip. Is there a template?',
  ])('keeps %j below P1', async (text) => {
    expect((await triage(text)).priority).not.toBe('P1');
  });
});

describe('round 27: churn said plainly, and vendor changes that are not', () => {
  it.each([
    [
      'ensi vuoden budjetteja leikataan koko konsernissa, paljonko maksaisi 40 käyttäjää vähemmän?',
      'involuntary',
    ],
    ['Yhtiö on yrityssaneerauksessa, joten laskut maksetaan jatkossa selvittäjän kautta.', 'involuntary'],
    ['Maksetaan isosta paketista vaikka käytetään enää yhtä moduulia, ei oo oikein järkeä.', 'weak-value'],
    ['It took four days to get an answer to a simple question about exports, again.', 'complaint-handling'],
    [
      'We raised it at the last two customer councils and it never seems to make the roadmap.',
      'unheard-voice',
    ],
    ['Our sales team keeps nudging us to look at Pipedrive, which already has this.', 'competitor'],
    ["Trying to figure out whether we'd have to switch to get that.", 'competitor'],
    ['Emme siis enää tarvitse varausmoduulia, ainoastaan kassaa.', 'changed-needs'],
  ])('finds the churn driver in %j', async (text, driver) => {
    expect(drivers(await triage(text, { language: 'fi' }))).toContain(driver);
  });

  it.each([
    'WHY does the app log me out every time I switch to WhatsApp and back? So annoying.',
    'FYI our registered office address is changing to Unit 7, Harbour Road from 1 March.',
    'The booking.cancelled webhook does not fire when a guest cancels in the app. Is that intended?',
  ])('finds no leaving or competitor in %j', async (text) => {
    const analysis = await triage(text);
    expect(drivers(analysis)).not.toContain('competitor');
    expect(drivers(analysis)).not.toContain('weak-value');
    expect(analysis.priority).not.toBe('P1');
  });

  it('quotes the sentence after a greeting, not the greeting with it', async () => {
    const analysis = await triage(
      'Hei,\n\nemme siis enää tarvitse varausmoduulia, koska kunta hoitaa varaukset jatkossa itse.',
    );
    expect(analysis.churnSignals[0]?.phrase.startsWith('Hei')).toBe(false);
  });

  it('does not page anyone for an outage that is over and only being written up', async () => {
    const text =
      "Regarding last Thursday's outage (resolved, thanks): could we get a written RCA? Our board needs to report it as a service disruption.";
    expect((await triage(text)).priority).not.toBe('P1');
  });
});

describe('round 28: incidents in other words, and what only sounds like one', () => {
  it.each([
    "4. Also, since about 6 this morning the POS isn't posting any charges to room folios — in all three restaurants and the spa. Staff are writing room charges on paper.",
    "Oh, and since the upgrade last night, returns at the kiosks aren't clearing the loan. It's happening at all our sites and the desks have had dozens of complaints already.",
    "Our online booking page is returning 'Something went wrong' for all our clinics and the phone lines are melting.",
    '4. Since 6am our handhelds are showing parcels and customer addresses that belong to a different merchant.',
    "Since Monday's update some X-rays are being saved to the previous patient's record rather than the patient in the chair.",
    'Meidän raportti on tänään lähtenyt ihan vieraalle vastaanottajalle, ja siinä on työntekijöiden nimet ja veronumerot.',
    "The reminder email they received listed loans that aren't theirs — other borrowers' names, titles and due dates.",
  ])('makes %j P1', async (text) => {
    expect((await triage(text)).priority).toBe('P1');
  });

  it.each([
    'The assessment feed stopped landing yesterday. About 150 claims are sat waiting and the team is having to key them in manually.',
    'The housekeeping app stopped syncing room statuses at one property. We are running everything on paper lists and it is really slowing down check-ins. Other properties seem fine.',
    'Our pen test (report attached) found that document download links never expire — anyone who has the URL can open the file without being logged in.',
    'Our penetration testers found that the password reset link can be reused (finding 4, rated High). We need a remediation date.',
  ])('makes %j P2', async (text) => {
    expect((await triage(text)).priority).toBe('P2');
  });

  it.each([
    'Miten Outage boardille saa lisättyä sähkökatkoilmoituksen? Meillä on ensi tiistaina sähkökatko A-rapussa klo 9–12.',
    'Outage boardilla myrskyalue piirtyy kartalle väärään kohtaan. Muut tapahtumat näkyvät oikein.',
    'Meidän palvelin on alhaalla huomenna klo 17–19, kun IT vaihtaa reitittimen. Pitääkö teidän päässä tehdä jotain?',
    'FYI our IT team will be running a penetration test against our own SSO next Tuesday. You may see unusual login attempts. No action required.',
    'We got an email claiming to be from you asking staff to verify their password via a fake link. Looks like phishing, nobody clicked.',
    'Eilinen katko näkyi meilläkin, nyt kaikki ok. Tarvitsisimme kirjallisen selvityksen katkon syystä.',
    "one of our drivers isn't receiving password reset emails. checked spam. others get them fine",
  ])('keeps %j below P1', async (text) => {
    expect((await triage(text)).priority).not.toBe('P1');
  });
});

describe('round 28: churn in more words, and when it is a calm question', () => {
  it.each([
    [
      'Parkside Dental Ltd (in administration). I write on behalf of the joint administrators of the above company.',
      'involuntary',
    ],
    [
      'As you may know, Northfield University is merging with Kingsbridge University next year.',
      'involuntary',
    ],
    ['Puolet porukasta on lomautettuna maaliskuuhun asti.', 'involuntary'],
    ['Julkisivuyksikkömme eriytetään tammikuussa omaksi yhtiökseen.', 'changed-needs'],
    ['Your support insists the scans are correct and won’t look further.', 'complaint-handling'],
    [
      'The move to your cloud was sold to us last year as "faster and more reliable". So far it is neither.',
      'promise-gap',
    ],
    ['Ollaan nyt kolme kertaa pyydetty, että laskupohjaan saataisiin y-tunnus.', 'unheard-voice'],
  ])('finds the churn driver in %j', async (text, driver) => {
    expect(drivers(await triage(text, { language: 'fi' }))).toContain(driver);
  });

  it.each([
    'We sold our Didsbury practice to another group last month, so we only need licences for two sites. How do we reduce the seat count?',
    'Toive: voisiko raportin saada automaattisesti sähköpostiin? Tätä on toivottu jo parin vuoden ajan käyttäjäpäivillä.',
  ])('keeps %j a P3 with its churn signal', async (text) => {
    const analysis = await triage(text, { language: 'fi' });
    expect(analysis.priority).toBe('P3');
    expect(analysis.churnSignals.length).toBeGreaterThan(0);
  });

  it.each([
    'Olisi hyvä jos kanavanhallinnassa näkyisi myös kilpailijahotellien hinnat samassa näkymässä.',
    'FYI we are changing our trading name from Pennine Claims to Pennine Loss Group from 1 May.',
  ])('finds no competitor in %j', async (text) => {
    const analysis = await triage(text, { language: 'fi' });
    expect(drivers(analysis)).not.toContain('competitor');
    expect(analysis.priority).not.toBe('P2');
  });
});

describe('round 29: whose data, whose system, and which "down"', () => {
  it.each([
    'Our client opened the customs PDF for their shipment and the document showed the consignee and invoice values of a completely different importer.',
    "A tenant forwarded us a rent statement she received this morning. It isn't hers and it isn't even one of ours, with a full name, address and arrears.",
    "A resident says the decision letter she downloaded contained another applicant's name and home address.",
    'Huomasimme, että palkkalaskelmat ovat lähteneet sähköpostilla osittain väärille henkilöille.',
    "Since 09:30 our webhook endpoint has been receiving orders that don't belong to us, with buyer names and emails.",
    "Two buyers say their order confirmation email contained somebody else's name, phone number and tickets.",
    "The contractor app hasn't received any new maintenance requests since Monday for any of our 11 sites. Nothing reaches the contractors.",
    "is CaseDesk down? can't log in from any machine here, colleagues in the other office same",
    "4. Since Tuesday's update the fire roll-call list on the reception tablets is empty. We've gone back to a paper sign-in sheet.",
  ])('makes %j P1', async (text) => {
    expect((await triage(text)).priority).toBe('P1');
  });

  it.each([
    'Pay calculation is taking over 4 hours for our monthly run. Payday is tomorrow - if it does not finish soon we miss the BACS window.',
    'Asukkaille on lähtenyt marraskuun vesimaksuennakot tuplana, noin 650 asuntoa.',
  ])('makes %j P2', async (text) => {
    expect((await triage(text)).priority).toBe('P2');
  });

  it.each([
    "Our trucking subcontractor's system is down this week so they're emailing us the PODs. What's the easiest way to attach one manually?",
    'The offline mode saved us on Saturday when the mobile network went down. Please pass our thanks to the team!',
    'Our application numbers are down about 20% on last year. Is there a report that breaks application volumes down by ward?',
    'Headcount is down by 23 this month. Can we process the leavers in bulk?',
    'Quick hypothetical from our business continuity lead: if the portal went down on a deadline day, what would you do? Would you provide evidence of the downtime?',
    'Idea: could the Outage board have an RSS feed? We would embed planned water and road outages on our map.',
    'Vastikelaskelmassa on pyöristysvirhe: summa jää 0,01 € vajaaksi koko yhtiön tasolla.',
    "Getting this when I export October's report:\n\nError 500 - ReportExportException (ref 7f3a)\n\nSeptember exports fine.",
  ])('keeps %j below P1', async (text) => {
    expect((await triage(text)).priority).not.toBe('P1');
  });

  it.each([
    [
      'After the reorganisation our customs team is 8 people instead of 15. Could we reduce the number of licences accordingly?',
      'changed-needs',
    ],
    ['When we bought this we were explicitly told it would handle 50 declarants.', 'promise-gap'],
    ['Bringing this up again (third time now, I think) — a Latvian UI would help.', 'unheard-voice'],
    ['For what we pay, we expected the reporting to be more flexible.', 'weak-value'],
    ['Genuinely starting to wonder if we should have stayed with our old provider.', 'competitor'],
    ['Our ticket took 9 days to get a first reply.', 'complaint-handling'],
    [
      'Meille on tarjottu toisen palvelun ratkaisua selvästi halvemmalla, ja hallitus kysyy miksi emme vaihda.',
      'competitor',
    ],
    ['Our council will be abolished on 1 April and replaced by the new unitary authority.', 'involuntary'],
  ])('finds the churn driver in %j', async (text, driver) => {
    expect(drivers(await triage(text, { language: 'fi' }))).toContain(driver);
  });

  it('keeps a calm question about leaving early a P2', async () => {
    const analysis = await triage(
      'We are going through a restructure, so we will only need 15 employee records instead of 220. What are our options to reduce the contract or exit early?',
    );
    expect(analysis.priority).toBe('P2');
  });
});

describe('round 30: a vendor change towards us, a breach elsewhere, a register named after breaches', () => {
  it.each([
    "We're migrating to Hirelane from Teamtailor this month (contract signed 🎉). What format do you need for the import?",
    "We're moving over to Lexora from Clio next month. Can your import tool handle custom fields?",
  ])('finds no competitor in %j', async (text) => {
    const analysis = await triage(text);
    expect(drivers(analysis)).not.toContain('competitor');
    expect(analysis.priority).toBe('P3');
  });

  it.each([
    'In the Breach register module, how do we add a new breach category for misdirected email?',
    'Our DPO has seen news about the data breach at another edtech provider this week. Could you confirm in writing whether you were affected?',
    'The Outlook add-in has disappeared for one of our partners since Office updated. Everyone else is fine.',
  ])('keeps %j below P1', async (text) => {
    expect((await triage(text)).priority).not.toBe('P1');
  });
});

describe('round 31: gross billing errors, records filed to the wrong people, a past outage asked about, renewals kept', () => {
  it.each([
    'Our March invoice charges for 250 user licences. We have 25. That is €20,000 instead of €2,000 and it will be debited on Friday.',
    'The booking page shows the members’ rate as £0.00 instead of £80, and test bookings go through for free.',
  ])('reads %j as a billing error (P2)', async (text) => {
    expect((await triage(text)).priority).toBe('P2');
  });

  it('reads a seat count a little off as a question (P3)', async () => {
    expect(
      (
        await triage(
          'Our invoice (INV-7781) charges for 22 user seats but we have 20 active users. Could you check?',
        )
      ).priority,
    ).toBe('P3');
  });

  it.each([
    'Since Monday the lab results seem to be attaching to the wrong patients. We caught three this morning.',
    'After the night import, the stock count results from one site overwrote everything in both warehouses, so all bins show zero.',
    'A client told us they can see reports and invoices that belong to another of our clients when they log in.',
  ])('reads %j as an incident (P1)', async (text) => {
    expect((await triage(text)).priority).toBe('P1');
  });

  it.each([
    'Thanks for getting things back up so quickly on Wednesday. Our CIO asked for a short root cause analysis of the outage for the supplier file, no rush.',
    'Eilinen katko on ohi ja kaikki toimii, mutta katkon ajalta pari varausta näkyy tuplana. Voiko ne poistaa itse?',
    'Would it be possible to have the reminders in Swedish too? Nice-to-have rather than urgent.',
  ])('keeps %j below the urgent levels', async (text) => {
    expect(['P3', 'P4']).toContain((await triage(text)).priority);
  });

  it('reads a breach report as a report, not a breach', async () => {
    const text =
      "The RTT breach report export is missing the 'Clock start' column since the update. Can you check?";
    expect((await triage(text)).priority).not.toBe('P1');
    expect(findFloorHits({ text, account: null, sentiment: null, now: NOW, renewalWindowDays: 90 })).toEqual(
      [],
    );
  });

  it.each([
    'We migrated to Vetcore from Provet last year and it has been great. One question about old records: can the characters be fixed?',
    'We are consolidating to one site from June and the team is moving to Leeds. How do we reduce our licences?',
    'Tiedoksi: vaihdamme Vantaan varaston nimen "Vantaa 1" → "Vantaan keskusvarasto" ensi kuussa.',
    'Siirrytään Excelistä teidän järjestelmään vuodenvaihteessa. Onko tuontipohjaa?',
  ])('finds no competitor in %j', async (text) => {
    const analysis = await triage(text);
    expect(drivers(analysis)).not.toContain('competitor');
    expect(['P3', 'P4']).toContain(analysis.priority);
  });

  it('reads the end of a term the customer wants to renew as no cancellation', async () => {
    const hits = findFloorHits({
      text: 'Sopimuksemme päättyy kesäkuussa ja haluamme ehdottomasti jatkaa. Saisimmeko tarjouksen?',
      account: null,
      sentiment: null,
      now: NOW,
      renewalWindowDays: 90,
    });
    expect(hits.map((hit) => hit.rule)).not.toContain('cancellation');
  });

  it.each([
    "Idea for the roadmap: a burn-down per retainer. We've mentioned it at the last couple of QBRs, so adding it here in case it got lost.",
    "Just adding another +1 for recurring bookings. We've mentioned it at each of the last three check-ins.",
  ])('hears the unheard voice in %j, at the customer’s pace', async (text) => {
    const analysis = await triage(text);
    expect(drivers(analysis)).toContain('unheard-voice');
    expect(['P3', 'P4']).toContain(analysis.priority);
  });
});

describe('round 32: outage words that name a report or a switch, somebody else’s outage, understated failures', () => {
  it.each([
    "Where do I find the 'Barrier Downtime' report? I want last month's figures.",
    "What does the 'Downtime mode' toggle in the tablet settings do?",
    "Where can I find the 'Downtime & outage report' in the admin area?",
    'Idea: an outage/status banner inside the parent app would save us calls.',
  ])('keeps %j below P1', async (text) => {
    expect((await triage(text)).priority).not.toBe('P1');
  });

  it.each([
    "The demographic lookups are failing ('Service unavailable') but I think that's an NHS outage rather than yours. Manual entry works.",
    'The tribunal’s appeals site was down most of yesterday (not your system, I know). Can we extend the deadlines in bulk?',
  ])('reads %j as somebody else’s outage', async (text) => {
    expect((await triage(text)).priority).not.toBe('P1');
  });

  it('reads a past outage named with its date in brackets as past', async () => {
    expect(
      (
        await triage(
          'Hei, viime tiistain (14.5.) katkos mobiilimaksuissa – saadaanko siitä selvitys? Ei kiirettä.',
        )
      ).priority,
    ).not.toBe('P1');
  });

  it('does not let "when you get a chance" hide payments failing for every driver at every site', async () => {
    const text =
      "Sorry to bother you – the app has been showing 'Payment could not be completed' for every driver since 07:40. Our attendants at all three car parks are writing plates down on paper. Could someone look when you get a chance?";
    expect((await triage(text)).priority).toBe('P1');
  });
});

describe('round 33: outage words in a quoted name, a definition asked for, an outage disclaimed a sentence later', () => {
  it.each([
    'Where do I find the "Print Outage Credits" report? We want to credit last week’s subscribers.',
    "In the 'Outages & downtime' report, what exactly counts as downtime?",
    'Trying to upload our "Network Outage Response Procedure" course and it sits at Processing forever.',
    'NHS England are reporting that GP Connect is down nationally this morning. Not your issue, I know! Will the imports retry?',
  ])('keeps %j below P1', async (text) => {
    expect((await triage(text)).priority).not.toBe('P1');
  });

  it('still reads a quoted error with an outage as an outage', async () => {
    expect(
      (await triage("Since 9:00 every user gets 'Service unavailable' and the whole portal is down."))
        .priority,
    ).toBe('P1');
  });
});

describe('round 34: money down, a summer shutdown, a provider’s outage, quoted names with a word after', () => {
  it.each([
    'Our inventory value went down by about €48k after the October valuation run. Could you explain the mechanics?',
    'FYI — production will be down for our summer shutdown from 8 July to 2 August, so you will see almost no activity.',
    'FYI our telematics provider had an outage this morning (their side, now resolved), so positions were stale for two hours.',
    "In the 'Weather Outage' closure template, the SMS gets cut at 160 characters. Can it be sent as two messages?",
    "Heads up: the vehicle 'Downtime' KPI will drop next month because we're retiring four trucks.",
  ])('keeps %j below P1', async (text) => {
    expect((await triage(text)).priority).not.toBe('P1');
  });

  it('keeps an incident in a list that also mentions a Christmas closure', async () => {
    const text =
      '1. Could you send the invoice?\n2. Since Tuesday the lab results seem to be attaching to the wrong patients. We caught two today.\n3. The practice Christmas closure dates for online booking – can we set those now?';
    expect((await triage(text)).priority).toBe('P1');
  });
});

describe('round 35: names after outages, data sent to the wrong families, holes found in passing, a rival on trial', () => {
  it.each([
    "The 'Shore power outages' report is showing last year's dates. Can you check the year filter?",
    'Quick question about the "Downtime report" under Admin. Is downtime calculated from driver shifts or from the vehicle status?',
    'Moi, meidän raportissa "Katkokset" on kesäkuulle tyhjä sarake. Mistä se hakee tietonsa?',
    'Katkosraportti näyttää nyt väärän viikon. Voitteko katsoa?',
  ])('keeps %j below P1', async (text) => {
    expect((await triage(text)).priority).not.toBe('P1');
  });

  it.each([
    "Hi, slightly awkward one. Last night's roster email for our U9 team seems to have also gone to the parents of the U12 team. It had the medical notes column in it, so allergy details are now with about 20 families who shouldn't have them. Could someone look when you get a chance?",
    'Linjastolta ei tuu mitään dataa palveluun aamuyön jälkeen. Koko Porin tehdas on käytännössä seis ja autot pitäis lähteä klo 6.',
  ])('reads %j as P1', async (text) => {
    expect((await triage(text)).priority).toBe('P1');
  });

  it.each([
    "Our treasurer works in IT security and noticed that the receipt link ends in a plain number (…/receipt/5521). If you change the number to 5520 you get someone else's receipt with their name and address. No reason to think anyone has used it.",
    'I was testing our admin accounts and the password reset links do not seem to expire: one from three weeks ago still worked. No sign anyone has abused it.',
    "Just flagging that the payment file for October fails to generate: the button spins and then an error. The bank's cut-off for the collection is 15:00 today.",
    'The season import is failing: it stops at 40% with "Invalid venue code". The season starts on Saturday and the fixtures need to be published this week.',
  ])('reads %j as P2', async (text) => {
    expect((await triage(text)).priority).toBe('P2');
  });

  it('hears a pilot with another vendor as a competitor at P2', async () => {
    const analysis = await triage(
      "Heads up since you'll hear it anyway: we're starting a three-month pilot with another scanning vendor at our Tampere site. The board decides in spring.",
    );
    expect(analysis.priority).toBe('P2');
    expect(drivers(analysis)).toContain('competitor');
  });
});

describe('round 36: holes found by pen tests and volunteers, statements sent with another family’s address, named filters', () => {
  it.each([
    "Our external pen test found that the invoice PDF links use sequential IDs. Changing the number returned other customers' invoices (we only tried three). We have no indication anyone has used this.",
    'I volunteer doing IT for the club and was testing the booking widget: if I change the numeric booking id in the URL (e.g. /confirm/4411 → 4410) I get someone else’s booking page with their phone number.',
    'Our IT found that the handheld app stores the API key and the gate password in plain text on the device. No sign of misuse that we know of.',
    'One of our developers noticed while testing that invalid requests return a full stack trace with the database hostname. No signs of misuse.',
    'Our annual penetration test flagged that changing the batch ID in the labels endpoint returns PDFs for batches that do not belong to our tenant. We are not aware of any misuse.',
    'A churchwarden who works in IT security noticed that the reset token still worked when she tried it again nine days later.',
  ])('reads %j as P2', async (text) => {
    expect((await triage(text)).priority).toBe('P2');
  });

  it('reads a statement that lists the address of a different family as P1', async () => {
    const text =
      "This morning's annual statements seem to have got mixed up: Mrs Patel phoned to say hers lists the giving history and home address of a different family. Could someone have a look when you get a chance?";
    expect((await triage(text)).priority).toBe('P1');
  });

  it.each([
    'In the "Downtime by machine" report the hours do not add up. Is downtime taken from the status codes or entered by hand?',
    "In the venue settings there's a room status called 'Service outage'. Is that meant for a room that is out of use?",
    "After we renamed our calendar category to 'Outages & closures', its events no longer appear in the public feed.",
  ])('keeps %j below P1', async (text) => {
    expect((await triage(text)).priority).not.toBe('P1');
  });
});

describe('round 37: past incidents asked about calmly, an incident in a list, numbers that went down, a practice exam', () => {
  it.each([
    "Hi, could you send us a short incident report for last Thursday's outage (roughly 14:10–15:30)? Nothing urgent — everything has worked fine since — but our board asks for a written summary whenever a critical system is down for more than an hour.",
    'Moi, viime viikon tiistain katkosta (kun varaussivu oli alhaalla n. tunnin aamupäivällä) — saisko jonkun lyhyen selvityksen mitä tapahtu? Meidän hallitus kyseli. Ei kiirettä.',
    'Our online bookings have gone down quite a bit since May, roughly 30% fewer than last year. Is it likely something in our pricing?',
    'Is there an API endpoint for work orders? The council would like to pull completed leak repairs into its asset system weekly.',
    'Kaupungin verkko oli alhaalla tänä aamuna n. 8–10 (kaupungin IT:n vika, ei teidän). Nyt näkyy 14 myyntiä tilassa odottaa synkronointia, pitääkö ne puskea käsin?',
  ])('keeps %j below P1', async (text) => {
    expect((await triage(text)).priority).not.toBe('P1');
  });

  it.each([
    'Moi, teoriaopetus ei aukea kenellekään. Illalla klo 17 pitäis olla 40 oppilaan harjoituskoe luokassa. Onko tästä tietoa?',
    'Morning, a few things:\n1. Can you add Lisa as a billing user?\n2. The invoice PDF still shows the old logo, not a big deal.\n3. The network map hasn’t loaded for any of us since about 7:30, office PCs and field tablets alike.\n4. Are you coming to the conference?',
    'A few things from us:\n1. Can we add a trailer category?\n2. Since yesterday’s update the day view in the instructor app is just empty for everyone, at all six locations.\n3. Any news on the accounting integration?',
    'Heads-up: the door sync seems to have stopped on Friday. The 23 members we terminated on Friday still have working mobile keys, and one of them got into the Pasila building last night.',
  ])('reads %j as P1', async (text) => {
    expect((await triage(text)).priority).toBe('P1');
  });

  it.each([
    'Ahead of our renewal, our board has asked us to run a comparison of three platforms, yourselves included, for the February meeting.',
    'Meidän hallitus pyysi että vertaillaan ensi vuodeksi ainakin kolmea ajokoulujärjestelmää ennen kuin sitoudutaan uudestaan.',
  ])('hears a comparison of platforms in %j as a competitor', async (text) => {
    expect(drivers(await triage(text))).toContain('competitor');
  });
});

describe('a past incident asked about calmly, next to a new one', () => {
  it.each([
    "Could you send the incident report for last Tuesday's outage? No rush. Separately, since this morning nobody can log in.",
    'Viime tiistain katkosta saisko selvityksen? Ei kiirettä. Tänään aamulla kukaan ei pääse kirjautumaan.',
  ])('still reads %j as P1', async (text) => {
    expect((await triage(text)).priority).toBe('P1');
  });
});

describe('round 38: names and other people’s outages, sarcasm, a different customer’s data, findings, deadlines at risk', () => {
  it.each([
    "The 'Outage alerts' weekly email lists four sites as offline, but they have been trading all week. Could the rule use the heartbeat instead?",
    'How do I add a second phone number to the "Power outage" alert rule? Only one contact per rule seems possible.',
    "Could the 'Downtime' tile on the dashboard be filtered by line? No rush.",
    "Hours logged to the activity code 'DOWN – downtime / internal' are missing from the utilisation report. Setting or bug?",
    'The monthly report shows 0 hours for the excavators, yet the downtime entries are there on the machine records.',
    'FYI our internet provider had an outage at the Leeds office this morning, the tablets were offline for two hours. Two orders now appear twice; which should we void?',
    'Our broadband provider has an outage in the area today. Will the till sync the offline sales once it is back?',
    'The florist emailed that their ordering system is down today. Can you queue our orders until tomorrow?',
    'Meidän sähköyhtiön asiakasportaali on ollu alhaalla koko viikon, joten kulutusdata puuttuu. Voiko sen tuoda käsin CSV:nä?',
    'Hei, viime tiistain katkon jälkeen multa puuttuu yksi tuntikirjaus. Voi olla ettei se ehtinyt tallentua kun katko alkoi. Kirjaanko uudestaan?',
    'Since we moved invoicing to you, our month-end close went down from four days to one. Thanks!',
    'Your latest invoice still has our old Y-tunnus and address from before the merger last year; could you reissue it?',
    "After replacing the card reader at the Pasila site, the new one shows up as 'Unknown device' and its sales are not attributed. Is there a remap step?",
  ])('keeps %j below P1', async (text) => {
    expect((await triage(text)).priority).not.toBe('P1');
  });

  it.each([
    'Viime tiistain katkoon liittyen: saako sopimuksen mukaan hyvitystä? Meillä ei sinänsä mitään hätää, hallitus vain kysyi.',
    "Our Camden salon closes for refurbishment in August and we've blocked out the calendar already. Nothing you need to do.",
    "In the 'Section outages' report, could the dates be switched to Finnish format?",
    'Raportti kestää 3–4 minuuttia. Ei kaada mitään, mutta olisi kiva kuulla onko tämä listalla.',
    'Voisiko allergiatiedot näkyä suoraan kalenterissa? Kiireessä ne jää helposti katsomatta.',
  ])('does not read %j as urgent', async (text) => {
    expect((await triage(text)).priority).toMatch(/P3|P4/);
  });

  it.each([
    'Wonderful. Monday 8:00 and every single booking page on our site shows an error. Is anyone actually looking at this?',
    "Love that for us: every one of our 240 scanners has said 'offline' since last night and zero orders have synced. Really great stuff.",
    'When I opened this week’s delivery note, pages 2–4 were for a different grower, with their customer names and prices.',
    'A client told us the proof link showed them a proof for a completely different customer, with that customer’s address on it.',
    'Morning - probably you know already, but just in case: none of us at the Tampere office can log in since 8:10. It is the whole organisation, about 200 people.',
    'Hi, three things:\n1. Could we get the new price list template? No rush.\n2. The logo on the invoice is old, not urgent.\n3. Since 22:00 yesterday load balancing has stopped working at the depot. All 30 vans charged at full power and the breaker tripped twice.\n4. The April invoices look fine now, thanks.',
  ])('reads %j as P1', async (text) => {
    expect((await triage(text)).priority).toBe('P1');
  });

  it.each([
    'Our IT contractor was testing our site and found that the guestbook accepts HTML; a <script> test entry ran when staff opened the moderation queue. We removed it and see no sign anyone else tried.',
    'During our annual penetration test the tester found that attachment URLs use sequential IDs and files are returned without a session check. Test environment only, no indication it was used.',
    "Our IT contractor did a quick review for a client's supplier audit: no lockout after failed logins, and the password policy accepts '1234'.",
    'Huomattiin että syyskuussa lähteneen asentajan tunnukset toimii edelleen sovelluksessa. Ei mitään viitteitä että niitä olis käytetty.',
    "The 'Generate letters' button throws a 500 error. The neighbour letters must be out by 11am tomorrow or we reschedule the blast, which costs us a crew day.",
    'Ympäristöraportti pitäisi toimittaa perjantaina, mutta neljännesvuosiraportti tulee ihan tyhjänä. Jos raportti ei lähde ajallaan, siitä tulee huomautus.',
    'Tampereen toimipisteessä sopimukset ei tulostu eilisen päivityksen jälkeen. Muilla toimii. Nyt kirjoitetaan sopimukset käsin ja asiakkaat joutuu odottaa.',
  ])('reads %j as P2', async (text) => {
    expect((await triage(text)).priority).toBe('P2');
  });

  it.each([
    [
      "Quick one: what's our notice period? We're being merged into Baltic Foods Group from January and their IT will pick the systems.",
      'involuntary',
    ],
    [
      "After this winter's energy bills the owners have put every fixed cost under review. What's our notice period?",
      'involuntary',
    ],
    [
      "For the third quarter running we've asked for automatic no-show fees. Each time: 'passed to product'. Nothing.",
      'unheard-voice',
    ],
    ['Tästä on puhuttu jo kahdessa asiakaspalaverissa eikä mitään oo kuulunut.', 'unheard-voice'],
    ['The person I spoke to on your support line was dismissive and hung up on me.', 'complaint-handling'],
    ['Olemme pyytäneet käsittelysopimusta kolme kertaa. Vastausta ei ole tullut.', 'complaint-handling'],
    [
      "The module has had 3 logins in the last six months, so I'll be recommending we drop it at renewal.",
      'weak-value',
    ],
    [
      "We've just acquired a clinic in Malmö. Do you support Swedish invoicing? If not we'd need to find something that covers both countries.",
      'changed-needs',
    ],
    ['Saatiin toiselta toimittajalta tarjous, joka oli 25 % edullisempi.', 'competitor'],
  ])('hears %j as %s', async (text, driver) => {
    expect(drivers(await triage(text))).toContain(driver);
  });

  it('hears a unit merged into another team as changed needs, not an acquisition', async () => {
    const found = drivers(
      await triage(
        'Our schools library service is being merged into the county learning team from April. We will only need the catalogue; can we move to a smaller package?',
      ),
    );
    expect(found).not.toContain('involuntary');
  });
});

describe('round 39: other parties’ rows, hard deadlines, findings beside a denial, blocked teams, ad breaks', () => {
  it.each([
    'Sorry to bother you, it may be nothing. Our sponsor said the listing they downloaded had extra rows; those rows are from another trial of ours, which is a different sponsor entirely, with subject IDs and dates of birth.',
    'Hei, ei varmaan mitään kiireellistä, mutta kun myyjämme kirjautuu portaaliin, sieltä näkyy jonkun toisen panimon reseptit ja asiakaslista hintoineen.',
  ])('reads %j as P1', async (text) => {
    expect((await triage(text)).priority).toBe('P1');
  });

  it.each([
    "The export health certificate has to be submitted by 16:00 Thursday, and the documents module says 'Template not available' for the bilingual version.",
    "Our monthly excise report is due on the 12th and the export is missing the 'Removed tax-paid' line, so the totals don't balance. We have 3 days.",
    'Security concern — not an incident as far as we know. The agent install script pulls the installer over plain http and does not verify a hash or signature before running it.',
    'One of our tenants works in IT and noticed that the password-reset link still works a week after it was sent, and can be used more than once. No misuse seen.',
    'Moi, koko servicedesk (12 teknikkoa) ei pysty kirjaamaan aikoja tiketeille, tallennus heittää virheen. Tiketit ja muut toimii normaalisti. Porukka kirjaa nyt paperille.',
    'This is not acceptable. The feeding report showed ten times the real figure, the supplier delivered 40 tonnes we cannot store, and I want to know who is paying for the return freight.',
    'Soitettiin tukeen kolme kertaa eikä kukaan vastannut. Nyt toimii taas, mutta tämmösellä tuella ei kyllä jatketa ensi vuonna.',
  ])('reads %j as urgent', async (text) => {
    expect((await triage(text)).priority).toMatch(/P1|P2/);
  });

  it.each([
    'Mainoskatkon erottelusääntö ei näytä toimivan, kun spotti siirretään käsin katkolta toiselle. Eilen klo 16.45 katkossa oli kaksi autoliikettä peräkkäin. Bugi vai tarkoituksellista?',
    "The new 'Outage Alerts' Slack integration is great, we were pinged within seconds. One wish: could the message include the station name?",
    "The enrolment dashboard shows 'Site activity DOWN ▼ 100%' for Site 07, but they randomised five subjects this week. Is the calculation off?",
    'Just wanted to say the new footfall heatmap went down a storm at our owners’ meeting yesterday.',
    'Microsoft are having an Exchange Online outage in the EU this morning, and our mailbox connector has stopped creating tickets. Will you pick up the backlog once they recover?',
    'Yhden asiakkaan kassajärjestelmä oli nurin koko viikonlopun, joten tilaukset tuli sähköpostilla. Voiko ne syöttää jälkikäteen?',
  ])('keeps %j below P1', async (text) => {
    expect((await triage(text)).priority).not.toBe('P1');
  });

  it('hears no competitor in a move from monthly to quarterly reporting in Teosto’s service', async () => {
    const found = drivers(
      await triage(
        'Tiedoksi: siirrytään Teosto-raportoinnissa kuukausiraportoinnista kvartaaliraportointiin ensi vuoden alusta.',
      ),
    );
    expect(found).not.toContain('competitor');
  });
});

describe('round 40: someone else’s record, findings by developers, a team on paper, where the messages go', () => {
  it.each([
    'Not sure if this is a big deal, but a crew opened the handover note for her patient this morning and it showed a completely different person, with name and diagnosis.',
    "A guest logged in to download her tickets and the 'My orders' page showed other people's orders, with names and email addresses.",
    'Eilisen importin jälkeen osalla korteista näkyy nyt väärän ihmisen kuva ja nimi.',
    'Since Tuesday nobody at our institute receives reset emails, so effectively none of our ~300 staff can log in. Not urgent-urgent I suppose.',
    'Morning! A few bits:\n1. Could the template get a new field?\n2. Is training VAT exempt?\n3. Since last night the nurse-call alarms aren’t coming into the app at all. Both floors, 58 residents.\n4. Any dates for training?',
  ])('reads %j as P1', async (text) => {
    expect((await triage(text)).priority).toBe('P1');
  });

  it.each([
    'While building a dashboard, our developer noticed that the portal’s JavaScript bundle contains a live API key in plain text. We have not used it.',
    'During a routine test our pentesters noticed that the attachments endpoint returns the file for any id; it doesn’t seem to check whether the attachment belongs to your institution.',
    'Our IT contractor was doing some testing and noticed the reset link doesn’t seem to expire. We’re not aware of anyone misusing it.',
    'Porin yksikön tableteilla raportit ei synkkaa palvelimelle eilisestä asti. Muut yksiköt toimii normaalisti. Päivystys vaatii nyt raportin paperilla joka potilaasta.',
    'The lockers in the family changing area aren’t opening with wristbands. The main changing rooms are fine. Staff are going round with master keys.',
  ])('reads %j as P2', async (text) => {
    expect((await triage(text)).priority).toBe('P2');
  });

  it.each([
    'Hi, calm one: could you send the root-cause analysis for the outage on 3 May, when the portal was unavailable for two hours? A PDF is fine.',
    'Kudos to your on-call team: when the payment provider outage hit, you switched the tills to offline mode within 20 minutes.',
  ])('keeps %j below P1', async (text) => {
    expect((await triage(text)).priority).not.toBe('P1');
  });
});

describe('round 41: sarcasm with its reach, things that only sound like outages, complaints made light of', () => {
  it.each([
    'Love how the status page says "All systems operational". Four hours now without the app across all three of our depots, 150+ drivers back on paper. Just brilliant.',
    'Love that the matching job has been "In progress" for five hours. Really relaxing. None of today’s ~2,400 incoming payments have been allocated.',
    'Brilliant timing, really. Our auditor is in the room and the Recall module has been loading for 25 minutes. Three browsers, four different users, two sites, same thing.',
    'Quick one – since the overnight update all players in our stores show a black screen with a spinner. We’ve checked 20 of the 90 stores and it’s the same everywhere. Could someone look when you get a chance?',
    'Järjestelmä on tänään niin hidas ettei sitä käytännössä voi käyttää. Koskee kaikkia meidän käyttäjiä molemmilla tehtailla, ja muut palvelut toimii normaalisti.',
    'This morning our payroll export to one subcontractor included a second attachment with the timesheets of another subcontractor – 60 workers, names, personal ID codes and hourly rates.',
  ])('reads %j as P1', async (text) => {
    expect((await triage(text)).priority).toBe('P1');
  });

  it.each([
    'Since Monday the group booking portal won’t accept orders of more than 30 tickets. The education team is now taking bookings over the phone and writing them into a spreadsheet.',
    'Our IT contractor noticed that the password reset links you send don’t seem to expire; an old one still worked. We haven’t seen any sign that anyone has misused it.',
  ])('reads %j as P2', async (text) => {
    expect((await triage(text)).priority).toBe('P2');
  });

  it('lets a postscript set its own pace, not the “no urgency” above it', async () => {
    const analysis = await triage(
      'Hi both,\n\nQuick question on webhooks for new sellers. No urgency on that one, next sprint.\n\nThanks!\n\nP.S. since about 08:00 our finance team can’t log in, so none of our payouts have gone out today.',
    );
    expect(['P1', 'P2']).toContain(analysis.priority);
  });

  it.each([
    // A quantity going down, a named report, a category of a figure, a menu path.
    'Small bug: the live occupancy counter keeps going down below zero on busy days, right now it says -14.',
    'The monthly "Screen downtime" report counts our scheduled overnight power-off as downtime, so the screens show 58% uptime. Is there a setting?',
    "The 'Court downtime' report (Reports > Facilities > Court downtime) adds up wrong for court 3.",
    "When I attach the downtime log form to our 'Line 4 Downtime & Restart' SOP, the version resets to 1.0.",
    // Someone else's system, the customer's own infrastructure, a past outage asked about.
    'FYI the certification body’s portal was down most of yesterday afternoon, so our submission failed. Their portal is back now. Can we retry without rebuilding the package?',
    'Meidän ERP (Lemonsoft) oli eilen alhaalla koko iltapäivän päivityksen takia. Pitääkö synkka ajaa käsin?',
    'Heads up — our office internet will be down this Saturday from 08:00 to 14:00 while the landlord replaces the fibre. No action needed.',
    // A feedback loop, a purpose clause, a feature named after emergencies, a classification.
    'I raised this at the user group and with your account manager: the rounding is still wrong. It gets nodded at and then nothing happens.',
    'The planners love the new drag-and-drop. It would be even better to see crane capacity next to each lift so we notice immediately if a block is too heavy. Just a suggestion!',
    'A huge thanks to Aino on your support team for setting up our emergency override groups last week – patiently, twice.',
    'Our external auditor is reviewing you as a critical IT supplier and asked for the RCA of the March incident. No rush.',
    'Moi, voitaisko siirtää QBR marraskuulle? Lokakuu on meillä tosi kiireinen.',
    'Hello, we’re building a nightly export. The docs mention a `modified_since` parameter but it seems to be ignored – we always get the full set.',
  ])('keeps %j below P1 and P2', async (text) => {
    expect(['P3', 'P4']).toContain((await triage(text)).priority);
  });

  it.each([
    'Not a big deal, but it took nine working days to get an answer to ticket #4471, and the answer was a help article I had already quoted.',
    'Gently raising this again – I think this is the third time – the request for folders in the playlist list. Last time I was told it would be passed on but never heard back.',
    'Hi, not trying to make a fuss, but my last three tickets each took 4–5 working days to get a first response. It used to be same-day.',
  ])('reads the complaint made light of in %j as P3 with its churn signal', async (text) => {
    const analysis = await triage(text);
    expect(analysis.priority).toBe('P3');
    expect(analysis.churnSignals.length).toBeGreaterThan(0);
  });

  it.each([
    'We’ve asked for this at three QBRs now and been told it is being looked at. My bookkeeper spends a day a month rebuilding it — that’s not a small thing.',
    'Ääkköset on edelleen rikki. Tästä on ilmoitettu nyt kolme kertaa ja joka kerta sanotaan et välitetään kehitykselle. Ei tää oo mikään pikkujuttu.',
  ])('keeps the unheard complaint in %j at P2 when the downplaying is negated', async (text) => {
    expect((await triage(text)).priority).toBe('P2');
  });

  it.each([
    'Kudos on the comms during last week’s cloud outage. Status page updated every 20 minutes. Much better than some of our other suppliers managed.',
    'One year in! We evaluated three other providers before choosing you and you were the only one that got pensions right out of the box.',
  ])('sees no competitor in the praise of %j', async (text) => {
    const analysis = await triage(text);
    expect(drivers(analysis)).not.toContain('competitor');
    expect(['P3', 'P4']).toContain(analysis.priority);
  });
});

describe('round 42: other customers’ records, a competing app on trial, dates and asides of past outages', () => {
  it.each([
    'Our property manager says that when she logs into the client portal she can see service reports and invoices for what look like other contractors’ customers. Could someone take a look when you get a chance?',
    'A parent has just forwarded us the invoice email she received this morning, and it’s for a different student (another family’s name, home address and balance). Could someone look when you get a chance?',
  ])('reads %j as P1', async (text) => {
    expect((await triage(text)).priority).toBe('P1');
  });

  it.each([
    'Not a complaint, just being transparent: we’re trialing a competing app on 8 of our 30 trucks this month because their driver app works offline. Decision by end of February.',
    'Some news from our side: as of 1 October we’re part of Everlake Leisure Group, who run their own platform. I’ve been asked to find out the earliest exit date from our contract and any termination fees.',
    'Just a small heads-up: the month-end export fails today with "0 of 312 rows". Finance has to get the invoices out by end of day. No rush otherwise, but if someone could take a look today that would be lovely.',
  ])('reads %j as P2', async (text) => {
    expect((await triage(text)).priority).toBe('P2');
  });

  it('reads praise that turns to a tool abandoned for the old spreadsheet as urgent', async () => {
    const analysis = await triage(
      'We love how the quote builder looks, but it has become basically unusable for anything over 30 panels — every change takes 90 seconds and the page freezes. We’ve had to go back to our old spreadsheet. 8 sales reps affected.',
    );
    expect(['P1', 'P2']).toContain(analysis.priority);
  });

  it.each([
    'Hi, for our records — could you send a short incident summary for the outage on Dec 19 (approx 5:10–6:45 am)? No rush, end of month is fine.',
    'Hei, kysyisin vielä siitä 12.3. katkosta: palautuiko monitorointidata sen ajalta? Ei kiire.',
    'Viime tiistain katkon aikana (kassat alhaalla n. klo 7–9) myytiin käteisellä 40 lippua. Miten ne kirjataan jälkikäteen?',
    'Hi, no rush on this, but could you send the root cause write-up for the outage on the 14th? Our MD wants it for the board pack at the end of the month.',
    'Kangasalan kohde teki lokakuussa 410 kWh ja marraskuussa vaan 95 kWh. Onko dashboardissa häikkää vai onko tää normaalia syksyllä?',
    'Our outstanding fees are down to £3,200 from about £18,000 since we switched on automatic reminders. Can we exclude families on a payment plan?',
    'Love the product. One small wish: a dark mode. Our engineers on night callouts say the white screen is blinding in a loft at 2am.',
    'What are your support hours over Easter? We run 24/7 emergency callouts and want to know who to contact if something goes wrong.',
  ])('keeps %j below P1 and P2', async (text) => {
    expect(['P3', 'P4']).toContain((await triage(text)).priority);
  });
});

describe('round 43: whole lists seen, a team on paper, findings in Finnish, planned closures, other people’s sites', () => {
  it.each([
    'This morning our subcontractor’s supervisor could see our entire crew roster — all 212 staff, with mobile numbers and home postcodes — not just his own gang.',
    'This morning’s reminder batch mixed owners up. Mrs Patel received hers and it’s about "Rolo", who isn’t her dog, and it includes Rolo’s owner’s full name, home address and mobile number.',
    'Since the update on Monday, all the lab analyses we entered last week are gone — the lots are there but the analysis tabs are empty.',
    'Brilliant update last night. The sync has moved every appointment for Saturday to 08:00. All 23 of them. On one groomer. Cracking job, really.',
  ])('reads %j as P1', async (text) => {
    expect((await triage(text)).priority).toBe('P1');
  });

  it.each([
    'Hämeenlinnan toimipisteessä kukaan ei pääse kirjautumaan, SSO antaa virheen. Muut toimipisteet toimii normaalisti. Koko aamuvuoro tekee nyt kaiken paperilla.',
    'Moi, huomattiin testatessa että kun käyttäjä poistetaan, hänen sessio mobiilisovelluksessa jatkuu normaalisti. Ei ole tietääksemme käytetty hyväksi.',
    'Quick security thing — a password reset email had the new password in plain text in the body. Is that intended?',
    'Moi, suoraan asiaan: saatiin tarjous toiselta toimittajalta, hinta puolet teidän nykyisestä. Sopimus loppuu 31.5. Ehditäänkö jutella?',
    'When we signed, your sales team said multi-currency invoicing was coming in Q1. It’s August. I’m not trying to be difficult, but otherwise we’ll need to have a conversation about the contract.',
  ])('reads %j as P2', async (text) => {
    expect((await triage(text)).priority).toBe('P2');
  });

  it.each([
    'FYI – we’re closing the Kallio store for renovation 1–14 Feb, so the two tills there will be down for two weeks. No need to do anything.',
    'Meidän kotisivu (Wix) oli eilen alhaalla pari tuntia, ei siis teidän vika. Voiko varauswidgetin upottaa Facebook-sivulle?',
    'Not trying to make a fuss, but it took nine days to get a reply on ticket 51902 (refund for a cancelled school group). A quicker turnaround would be appreciated.',
  ])('keeps %j below P1 and P2', async (text) => {
    expect(['P3', 'P4']).toContain((await triage(text)).priority);
  });
});

describe('round 44: health data open to a group, all customers’ records, crossed addresses, a stopped workshop, held payouts, calm reviews', () => {
  it.each([
    'Great release. Every volunteer can now open the event page and see the medical notes for all the children on the trip – allergies and medication included. Please turn it off.',
    'Just noticed the order-status link now shows the delivery page for all our customers’ orders if you trim the reference off the end.',
    'This month’s timesheets went out with the full attachment, so each of our 14 cleaners received everyone else’s hours and bank details.',
    'Small thing: the reminder run seems to have mixed up the email addresses, and one family got another family’s invoice with their home address on it.',
  ])('reads %j as P1', async (text) => {
    expect((await triage(text)).priority).toBe('P1');
  });

  it.each([
    'Security report for your team: while debugging our integration we saw that attachment URLs use a sequential_id and don’t require a session. We have no indication anyone has abused it.',
    'Since this morning’s update the cut files are rejected by our router, so the whole workshop has stopped and four fitters are standing around.',
    'The card processor has paused our payouts since Monday because a verification step on your side is pending. Wages are due on Friday.',
  ])('reads %j as P2', async (text) => {
    expect((await triage(text)).priority).toBe('P2');
  });

  it.each([
    'Our new owners are reviewing every software subscription. Could you remind me what our notice period is? Nothing decided yet.',
    'Hei, mikä on meidän sopimuksen irtisanomisaika? Uusi emoyhtiö käy läpi kaikki sopimukset. Mitään päätöksiä ei vielä ole.',
    'Bug with the "Driver downtime" blocks: when a driver adds downtime for a holiday they still show as available. The calendar shows the downtime correctly.',
    'Our active memberships are down about 9% since spring. Is there a report that shows cancellations by membership type?',
    'The unit price goes down nicely from 1 to 100 pcs, but at 500 pcs it jumps back up. Looks like the setup cost is added twice.',
    'FYI – Hall 3 will be down for cleanout from 2 to 20 March, so there will be no counts from it. We’ve already blocked the dates in the planner, nothing needed from you.',
    'Not urgent, payroll isn’t until the end of the month, but the overtime report counts the break twice.',
    'Small UX complaint: the Archive button moved to where Delete used to be and we deleted two jobs by accident this week (both restored). Could delete ask for confirmation?',
    'Hei, yks meidän työntekijöistä ei saa vahvistusviestiä ollenkaan. Muille se tulee normaalisti. Voitteko katsoa onko viesti jumissa jossain?',
    'Just a bit of feedback, no drama: my ticket took 8 days to get a first answer and was closed before the fix worked. Could someone follow it through?',
  ])('keeps %j below P1 and P2', async (text) => {
    expect(['P3', 'P4']).toContain((await triage(text)).priority);
  });

  it('keeps a review P2 when the new owner’s own system is in view, decided or not', async () => {
    const text =
      'We were acquired in May and the group runs all sites on its own in-house system. What is our notice period? Nothing decided yet.';
    expect((await triage(text)).priority).toBe('P2');
  });

  it('keeps the churn signal of a calm review: the account’s story still counts', async () => {
    const result = await triage(
      'Our new owners are reviewing every software subscription. Could you remind me what our notice period is? Nothing decided yet.',
    );
    expect(result.churnSignals.map((signal) => signal.driver)).toContain('involuntary');
  });
});

describe('round 45: other buildings’ residents, invoices to the wrong customers, front-end-only checks, charges added twice, other companies’ outages', () => {
  it.each([
    'This morning’s notices arrived with an attached schedule listing residents from other buildings — names, flat numbers and phone numbers.',
    'Hei, eilen illalla ajettu laskutusajo lähetti laskut väärille asiakkaille, laskuilla näkyy työmaat ja yhteyshenkilöt.',
  ])('reads %j as P1', async (text) => {
    expect((await triage(text)).priority).toBe('P1');
  });

  it.each([
    'One of our developers noticed that a PATCH with a viewer token succeeds and the change is saved. Seems the role check is only in the frontend?',
    'While setting up a gallery I noticed the URLs are sequential, and if I change the number I get galleries from other studios. I haven’t shared this with anyone.',
    'Another batch of invoices with the delivery charge added twice on every multi-day hire. Our biggest customer is holding payment until they are reissued.',
    '1. Logo bigger please.\n2. Since last night the billing run has charged everyone twice — 41 clients.\n3. Typo in the waiver.',
  ])('reads %j as P2', async (text) => {
    expect((await triage(text)).priority).toBe('P2');
  });

  it.each([
    'Netvisor’s status page says they’re having an outage today. If we run our invoicing now, will it queue on your side, or should we wait and run it tomorrow?',
    'Onko teillä tietoa, ELY:n lupapalvelu on ollut alhaalla aamusta asti (niiden sivuilla on häiriötiedote). Jääkö hakemukset jonoon?',
    'Your status page showed a ‘partial outage — dispatch API’ on Tuesday 14:00–14:20. For our incident log, is there a post-incident report? No rush.',
    'Can we set a different hourly rate for emergency lockouts at night, applied automatically on the invoice?',
    'What does the Lockdown button do? Our client wants to know whether it locks all doors immediately or only sends a schedule change at the next sync.',
    'Over the past year our work has shifted a lot — about 70% is now commercial assessments. Is that on your roadmap?',
    'Importing rosters: our export has legal surname and forename but no admission number. Can I map UPN to student_id?',
    'Third time asking: is bulk price editing on the roadmap? Not angry, just would love an actual answer this time.',
    'Hei, mikä on sopimuksen irtisanomisaika? Johto on pyytänyt karsimaan ohjelmistokuluja. Ei oo vielä päätöstä, selvittelen vaan.',
  ])('keeps %j below P1 and P2', async (text) => {
    expect(['P3', 'P4']).toContain((await triage(text)).priority);
  });
});

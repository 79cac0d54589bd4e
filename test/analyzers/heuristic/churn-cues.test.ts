import { describe, expect, it } from 'vitest';
import { findChurnSignals } from '../../../src/analyzers/heuristic/churn-cues.ts';
import { findCompetitorNames } from '../../../src/analyzers/heuristic/find-competitor-names.ts';

const signals = (text: string, sentiment = 0) =>
  findChurnSignals(text, { sentiment }).map((item) => item.signal);

describe('findChurnSignals', () => {
  it.each([
    ['Your sales rep promised us native Teams support by Q3.', 'promise-gap'],
    ['Meille luvattiin Teams-integraatio kolmannelle kvartaalille.', 'promise-gap'],
    ["We've told you about this bug several times already.", 'unheard-voice'],
    ['Kuinka monta kertaa tästä pitää muistuttaa?', 'unheard-voice'],
    ['Ticket opened ten days ago and still no answer from anyone.', 'complaint-handling'],
    ['Avasimme tiketin viikko sitten, eikä kukaan ole vastannut.', 'complaint-handling'],
    ['Honestly the tool is not worth the money for us.', 'weak-value'],
    ['Palvelu on liian kallis meidän käyttöömme.', 'weak-value'],
    ["We've outgrown the product, our needs have changed.", 'changed-needs'],
    ['Tarpeemme ovat muuttuneet, emme enää tarvitse raportointia.', 'changed-needs'],
    ['We are looking at other vendors for next year.', 'competitor'],
    ['Kilpailija tarjoaa saman halvemmalla.', 'competitor'],
    ['Due to budget cuts we must reduce seats.', 'involuntary'],
    ['Meidät ostettiin ja emoyhtiö päättää työkaluista.', 'involuntary'],
    ['Budjettileikkausten takia joudumme luopumaan lisensseistä.', 'involuntary'],
    // Composed cues, in sentences written for this test (no fixture holds them).
    ['Honestly another vendor quoted us about half of what you charge.', 'competitor'],
    ['Their offer comes in a good 20 % cheaper than yours.', 'competitor'],
    ['Toinen palveluntarjoaja tekisi saman edullisemmin kuin te.', 'competitor'],
    ['We asked for the audit export several times over the summer, nothing.', 'unheard-voice'],
    ["This is the third email I'm sending about the missing invoices.", 'unheard-voice'],
    ['Pyysimme korjausta jo kolmesti.', 'unheard-voice'],
    ['Our ticket has been open for three weeks.', 'complaint-handling'],
    ['We are paying for 30 licences and only 4 people use it.', 'weak-value'],
    ['Maksamme 25 lisenssistä, mutta vain 3 kirjautuu.', 'weak-value'],
    ['There is a hiring and spending freeze across the group.', 'involuntary'],
    ['Hallitus on päättänyt, että kaikki työkalut kilpailutetaan.', 'involuntary'],
    ['Your account manager told us the API would support bulk updates.', 'promise-gap'],
    ['Unfortunately the company is going into liquidation.', 'involuntary'],
    ["We're being merged into our sister company next spring.", 'involuntary'],
    ['Usage has dropped to almost nothing since summer.', 'weak-value'],
    ['Olemme kilpailuttamassa asiakaspalvelujärjestelmää ensi vuodelle.', 'competitor'],
    ['Management wants us to evaluate Freshservice before renewal.', 'competitor'],
    ["We're moving to a partner-led support model next year.", 'changed-needs'],
  ])('finds %j as %s', (text, driver) => {
    expect(signals(text).map((signal) => signal.driver)).toContain(driver);
  });

  it.each([
    'Our competitor analysis dashboard shows zero for last week, is the data still syncing?',
    'Kilpailijaseuranta-näkymä ei päivity.',
    'Can you cancel the onboarding call? We will rebook.',
    'Merging duplicate contacts into one record loses the notes field.',
  ])('finds no churn signal in %j', (text) => {
    expect(signals(text)).toEqual([]);
  });

  it('quotes the customer verbatim: every phrase is a substring of the text', () => {
    const text =
      'Hi! We were promised SSO by March.\nIt is still not there and nobody has answered our emails. We are switching to Zendesk in January.';
    const found = signals(text, -0.6);
    expect(found.length).toBeGreaterThanOrEqual(3);
    for (const signal of found) expect(text).toContain(signal.phrase);
  });

  it('captures the competitor named in "switch to X" and "X is cheaper"', () => {
    expect(signals('We are switching to Zendesk next month.')).toContainEqual(
      expect.objectContaining({ driver: 'competitor', competitor: 'Zendesk' }),
    );
    expect(signals('Honestly Freshdesk is cheaper for the same features.')).toContainEqual(
      expect.objectContaining({ driver: 'competitor', competitor: 'Freshdesk' }),
    );
  });

  it('does not see a competitor in "switch to the new editor" or "migrate from Zendesk to you"', () => {
    expect(signals('How do I switch to the new editor?')).toEqual([]);
    expect(signals('What is the best way to migrate our tickets from Zendesk into your platform?')).toEqual(
      [],
    );
  });

  it('reports a hint such as "again" only when the tone is negative', () => {
    expect(signals('Thanks again for the help!', 0.6)).toEqual([]);
    expect(signals('The export is broken again.', -0.5).map((signal) => signal.driver)).toEqual([
      'unheard-voice',
    ]);
  });

  it('puts the earliest explicit signal first, one per driver', () => {
    const found = signals('Our parent company mandated a switch to ServiceNow, so we will not renew.');
    expect(found[0]?.driver).toBe('involuntary');
    expect(new Set(found.map((signal) => signal.driver)).size).toBe(found.length);
  });
});

describe('findChurnSignals, round 4 (sentences written for the test)', () => {
  it.each([
    // A hyphenated or numbered word between the halves of a pattern does not break it.
    ['The board has frozen all non-critical IT spend until further notice.', 'involuntary'],
    ['Management froze the 2027 software budgets last week.', 'involuntary'],
    // A request left without action.
    ['We asked three weeks ago for the audit export. Still nothing.', 'complaint-handling'],
    ['Pyysimme lokakuussa tunnusten poistoa, eikä mitään ole vieläkään tapahtunut.', 'complaint-handling'],
    // Finnish: passed from person to person, nobody takes responsibility.
    ['Asiaamme pompotellaan osastolta toiselle.', 'complaint-handling'],
    ['Tikettiä siirrellään käsittelijältä toiselle viikosta toiseen.', 'complaint-handling'],
    ['Kukaan teillä ei ota vastuuta tästä viasta.', 'complaint-handling'],
    // Doubt whether the product still fits.
    ['After the reorganisation we need to check whether the tool still fits us.', 'changed-needs'],
    ['Mietimme nyt, sopiiko järjestelmä enää meille uudessa organisaatiossa.', 'changed-needs'],
    // Spending stopped, in other words than "freeze".
    ['All software purchases are on hold until the new fiscal year.', 'involuntary'],
    ['Group finance has put new SaaS spending on hold.', 'involuntary'],
    ['We were told to drop all non-essential subscriptions this quarter.', 'involuntary'],
    ['Hallitus jäädytti kaikki uudet ohjelmistohankinnat.', 'involuntary'],
    ['Ohjelmistomenot on jäädytetty kesään asti.', 'involuntary'],
    // Asked at named times, again and again; nothing changes.
    ['We flagged this on Monday, again on Wednesday and now Friday.', 'unheard-voice'],
    ['Raportoin tästä maaliskuussa ja uudelleen huhtikuussa.', 'unheard-voice'],
    ['Every review meeting the same story and nothing ever changes.', 'unheard-voice'],
    // Assurances, value doubt.
    ['Your implementation partner assured us the import would be automatic.', 'promise-gap'],
    ["We honestly can't see what we are paying for.", 'weak-value'],
  ])('finds a signal in %j as %s', (text, driver) => {
    expect(signals(text).map((signal) => signal.driver)).toContain(driver);
  });

  it.each([
    'Still nothing syncs after the fix, can you look again?',
    'Where is the competitor-analysis widget now?',
    'Kilpailija-analyysi ei päivity.',
    'Does the new layout fit our smaller screens?',
    'Siirrämme tiketin toiselle tiimille, kun se on valmis.',
  ])('finds no such signal in %j', (text) => {
    const found = signals(text).map((signal) => signal.driver);
    expect(found).not.toContain('complaint-handling');
    expect(found).not.toContain('competitor');
    expect(found).not.toContain('changed-needs');
  });
});

describe('findChurnSignals, round 4 negatives', () => {
  it.each([
    'Please put our onboarding workshop on hold until after the holidays.',
    'Can we pause the add-on subscription over the summer?',
    'I asked about tags in October and the new docs answer it, thanks.',
    'Budget owner wants a quote for five more seats.',
  ])('finds no involuntary or unheard-voice signal in %j', (text) => {
    const found = signals(text).map((signal) => signal.driver);
    expect(found).not.toContain('involuntary');
    expect(found).not.toContain('unheard-voice');
  });
});

describe('findCompetitorNames', () => {
  it.each([
    ['Siirrymme HubSpotiin ensi vuonna.', 'HubSpot'],
    ['Vaihdamme todennäköisesti Zendeskiin.', 'Zendesk'],
    ['Olemme vertailleet Zendeskiä ja Freshdeskiä.', 'Zendesk'],
    ['Siirrymme Salesforcelle.', 'Salesforce'],
    ['Harkitsemme siirtymistä Jiraan.', 'Jira'],
    ['Vaihdamme HubSpot:iin.', 'HubSpot'],
    ["We're moving to Monday.com. Sorry.", 'Monday.com'],
    ['We are moving to Microsoft Dynamics next year.', 'Microsoft Dynamics'],
    ['We are in talks with Gladly about next year.', 'Gladly'],
    ['Procurement is negotiating with Zoho as we speak.', 'Zoho'],
  ])('reads the name in %j as %s', (text, name) => {
    expect(findCompetitorNames(text, [])[0]?.name).toBe(name);
  });

  it('uses the organisation’s spelling of a known competitor', () => {
    expect(findCompetitorNames('Siirrymme ZenDeskiin.', ['Zendesk'])[0]?.name).toBe('Zendesk');
    expect(findCompetitorNames('We are moving to HUBSPOT next year.', ['HubSpot'])[0]?.name).toBe('HubSpot');
    expect(findCompetitorNames('We are switching to zendesk, the lower-case way.', ['Zendesk'])).toEqual([]);
  });

  it('ignores days, pronouns and languages after "switch to"', () => {
    expect(findCompetitorNames('Can we move to Monday at 10? Or switch to English?', [])).toEqual([]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FloorHit } from '../../src/core/floor.ts';
import { mostUrgent, PRIORITIES, type Priority } from '../../src/core/priority.ts';
import { applyFloor, findFloorHits, floorPriority, isProperName } from '../../src/core/priority-floor.ts';

const NOW = new Date('2026-03-02T10:00:00Z');

function hitsFor(text: string): FloorHit[] {
  return findFloorHits({ text, account: null, sentiment: null, now: NOW, renewalWindowDays: 90 });
}

/** [text, expected rule ids (in rule order), expected phrase of the first hit or undefined] */
const TEXT_CASES: Array<[string, string[], string?]> = [
  // outage, English
  ['The site is down for all of us', ['outage'], 'site is down'],
  ['Your API is completely down since 9am', ['outage'], 'API is completely down'],
  ['We have an outage in the EU region', ['outage'], 'outage'],
  [
    'Dashboard unavailable? The dashboard is unavailable for everyone',
    ['outage'],
    'dashboard is unavailable',
  ],
  ['The app is not loading at all', ['outage'], 'app is not loading'],
  ['Getting 500 errors on every request', ['outage'], '500 errors on every'],
  // One failing action is a bug for the analyzer to weigh, not an outage by itself.
  ['HTTP 502 Bad Gateway when saving', []],
  ['All requests to the API are returning 503 since 9am', ['outage']],
  ['Nobody can log in this morning', ['outage'], 'Nobody can log in'],
  ["We can't log in, none of us", ['outage'], "can't log in, none of us"],
  ['All of our users are locked out', ['outage'], 'All of our users are locked out'],
  // outage, Finnish
  ['Palvelu on alhaalla', ['outage'], 'on alhaalla'],
  ['Järjestelmä ei toimi kenelläkään', ['outage'], 'ei toimi kenelläkään'],
  ['Kaikilla käyttäjillä ei toimi kirjautuminen', ['outage'], 'Kaikilla käyttäjillä ei toimi'],
  ['Meillä on käyttökatko tuotannossa', ['outage'], 'käyttökatko'],
  ['Palvelu ei vastaa lainkaan', ['outage'], 'Palvelu ei vastaa'],
  ['Kukaan ei pääse kirjautumaan', ['outage'], 'Kukaan ei pääse'],
  // outage, negatives and near misses
  ['No outage on our side, just a question about invoices', []],
  ['The site is not down anymore, thanks', []],
  ['The outage is over now, thanks for the quick fix', []],
  ['Please scroll down to the export button', []],
  ['Pick the value from the drop-down list', []],
  ['Where can I download the report?', []],
  ["I can't log in since I changed my password", []],
  ['Palvelu ei ole alhaalla enää', []],
  ['Kaikki muu toimii mutta raportti ei toimi', []],
  ['Katkoviiva kaaviossa näyttää oudolta', []],
  // data loss
  ['We lost all our data from last week', ['data-loss'], 'lost all our data'],
  ['All invoices were deleted overnight', ['data-loss'], 'All invoices were deleted'],
  ['Half of the projects disappeared', ['data-loss'], 'disappeared'],
  ['The export file is corrupted', ['data-loss'], 'corrupted'],
  ['No data loss, but the sync is slow', []],
  ['The records were not deleted, good', []],
  ['Tiedot ovat kadonneet raportilta', ['data-loss'], 'Tiedot ovat kadonneet'],
  ['Kaikki laskut hävisivät', ['data-loss'], 'Kaikki laskut hävisivät'],
  ['Asiakastiedot poistuivat järjestelmästä', ['data-loss'], 'Asiakastiedot poistuivat'],
  ['Tiedot eivät kadonneet onneksi', []],
  // security
  ['I think we had a data breach', ['security'], 'breach'],
  ['An API key was leaked in your docs', ['security'], 'leaked'],
  ['Your login page has a vulnerability', ['security'], 'vulnerability'],
  ['We saw unauthorized access to our account', ['security'], 'unauthorized access'],
  ['Users got a phishing email that looks like you', ['security'], 'phishing'],
  ['Epäilemme tietovuotoa', ['security'], 'tietovuotoa'],
  ['Tiliimme on tehty tietomurto', ['security'], 'tietomurto'],
  ['Löysimme haavoittuvuuden rajapinnasta', ['security'], 'haavoittuvuuden'],
  ['There is a memory leak in the desktop client', []],
  ['Tämä on todellinen läpimurto meille', []],
  // legal
  // A subject asked about is no legal concern; a problem with it is.
  ['Is this GDPR compliant?', []],
  ['Kysymys GDPR-poistopyynnöistä: poistuuko myös liitteet? Kysyy tietosuojavastaava.', []],
  ['We may have to file a GDPR complaint', ['legal'], 'GDPR complaint'],
  ['That would put us in violation of the GDPR', ['legal'], 'in violation of the GDPR'],
  ['Our lawyer will contact you', ['legal'], 'lawyer'],
  ['This is a breach of contract', ['legal'], 'breach of contract'],
  ['The missing report is an audit blocker for us', ['legal'], 'audit blocker'],
  ['Lakimiehemme ottaa yhteyttä', ['legal'], 'Lakimiehemme'],
  ['Tämä on sopimusrikkomus', ['legal'], 'sopimusrikkomus'],
  ['Tietosuojavaltuutettu kysyi asiasta', ['legal'], 'Tietosuojavaltuutettu'],
  ['Please update our legal name on invoices', []],
  ['The audit log is empty', []],
  // cancellation
  ['We want to cancel our subscription', ['cancellation'], 'want to cancel'],
  ['We will terminate the contract at the end of the month', ['cancellation'], 'terminate the contract'],
  ['We will not renew next year', ['cancellation'], 'will not renew'],
  ["We'd like to end our contract", ['cancellation'], 'end our contract'],
  ['Irtisanomme sopimuksen', ['cancellation'], 'Irtisanomme'],
  ['Haluamme irtisanoa palvelun', ['cancellation'], 'irtisanoa'],
  ['Aiomme lopettaa sopimuksen kesällä', ['cancellation'], 'lopettaa sopimuksen'],
  ['Emme jatka ensi vuonna', ['cancellation'], 'Emme jatka'],
  ['Miten peruutan tilauksen?', ['cancellation'], 'peruutan tilauksen'],
  ['Hinta perustuu sopimukseen', []],
  ['How do I cancel the meeting invite?', []],
  ['Please terminate the stuck export job', []],
  // competitor
  ['We are switching to Zendesk next month', ['competitor-switch'], 'switching to Zendesk'],
  ['We are evaluating HubSpot', ['competitor-switch'], 'evaluating HubSpot'],
  ['A competitor offers this for half the price', ['competitor-switch'], 'competitor'],
  ['We found a cheaper alternative', ['competitor-switch'], 'cheaper alternative'],
  ['Siirrymme Zendeskiin syksyllä', ['competitor-switch'], 'Siirrymme Zendeskiin'],
  ['Kilpailija tarjoaa tämän halvemmalla', ['competitor-switch'], 'Kilpailija'],
  ['Vaihdamme toiseen toimittajaan', ['competitor-switch'], 'Vaihdamme toiseen'],
  ['We are switching to the new UI', []],
  ['We are moving to Monday meetings', []],
  ['Vaihdamme salasanat huomenna', []],
  // involuntary
  ['We were acquired by a bigger company', ['involuntary'], 'were acquired'],
  ['Budget cuts mean we need fewer seats', ['involuntary'], 'Budget cuts'],
  ['There were layoffs in our team', ['involuntary'], 'layoffs'],
  ['The company filed for bankruptcy', ['involuntary'], 'bankruptcy'],
  ['Yrityskauppa muuttaa tilanteen', ['involuntary'], 'Yrityskauppa'],
  ['Budjettileikkausten takia vähennämme lisenssejä', ['involuntary'], 'Budjettileikkausten'],
  ['Meillä alkoivat yt-neuvottelut', ['involuntary'], 'yt-neuvottelut'],
  ['Asiakkaamme meni konkurssiin', ['involuntary'], 'konkurssiin'],
  ['Our customer acquisition funnel report is great', []],
  // several rules at once, rule order (P1 rules first)
  [
    'The site is down, we lost data and our lawyer says we will cancel our contract',
    ['outage', 'data-loss', 'legal', 'cancellation'],
    'site is down',
  ],
  // ordinary requests
  ['How do I export a CSV with the new columns?', []],
  ['Miten saan raportin viikoittain sähköpostiin?', []],
];

describe('findFloorHits on text', () => {
  it.each(TEXT_CASES)('%j fires %j', (text, rules, phrase) => {
    const hits = hitsFor(text);
    expect(hits.map((hit) => hit.rule)).toEqual(rules);
    if (phrase !== undefined) expect(hits[0]?.phrase).toBe(phrase);
  });

  it('quotes every phrase verbatim from the original text', () => {
    for (const [text] of TEXT_CASES) {
      for (const hit of hitsFor(text)) expect(text).toContain(hit.phrase);
    }
  });

  it('gives each hit its priority and a human reason', () => {
    expect(hitsFor('The site is down')).toEqual([
      { rule: 'outage', priority: 'P1', reason: 'mentions an outage', phrase: 'site is down' },
    ]);
    expect(hitsFor('We will cancel our plan')[0]).toMatchObject({
      priority: 'P2',
      reason: expect.any(String),
    });
  });

  it('survives a huge hostile text in reasonable time', () => {
    const text = `${'a'.repeat(200_000)} ${'ei '.repeat(20_000)}katko`;
    const started = performance.now();
    findFloorHits({ text, account: null, sentiment: null, now: NOW, renewalWindowDays: 90 });
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

/** [tier, renewalDate, sentiment, window, fires] with NOW = 2026-03-02. */
const RENEWAL_CASES: Array<[string, string | undefined, number | null, number, boolean]> = [
  ['enterprise', '2026-04-15', -0.6, 90, true],
  ['enterprise', '2026-03-02', -0.3, 90, true],
  ['enterprise', '2026-05-31', -0.5, 90, true],
  ['enterprise', '2026-06-01', -0.5, 90, false],
  ['enterprise', '2026-03-01', -0.9, 90, false],
  ['enterprise', '2026-04-15', -0.29, 90, false],
  ['enterprise', '2026-04-15', null, 90, false],
  ['enterprise', undefined, -0.9, 90, false],
  ['growth', '2026-04-15', -0.9, 90, false],
  ['enterprise', '2026-03-20', -0.4, 14, false],
];

describe('findFloorHits on renewal risk', () => {
  it.each(RENEWAL_CASES)(
    '%s renewing %s with sentiment %s (window %i days) fires: %s',
    (tier, renewalDate, sentiment, window, fires) => {
      const hits = findFloorHits({
        text: 'Honestly disappointed. Nothing has improved',
        account: renewalDate === undefined ? { tier } : { tier, renewalDate },
        sentiment,
        now: NOW,
        renewalWindowDays: window,
      });
      expect(hits.some((hit) => hit.rule === 'renewal-risk')).toBe(fires);
    },
  );

  it('quotes the first sentence and says how far the renewal is', () => {
    const [hit] = findFloorHits({
      text: 'Honestly disappointed. Nothing has improved',
      account: { tier: 'enterprise', renewalDate: '2026-03-12' },
      sentiment: -0.6,
      now: NOW,
      renewalWindowDays: 90,
    });
    expect(hit).toEqual({
      rule: 'renewal-risk',
      priority: 'P2',
      reason: 'negative message (sentiment -0.60) from an enterprise account renewing in 10 days',
      phrase: 'Honestly disappointed.',
    });
  });

  it('fires nothing for an unknown account', () => {
    expect(
      findFloorHits({ text: 'meh', account: null, sentiment: -1, now: NOW, renewalWindowDays: 90 }),
    ).toEqual([]);
  });
});

const hit = (priority: Priority, rule = 'outage', reason = `reason ${priority}`): FloorHit => ({
  rule,
  priority,
  reason,
  phrase: 'x',
});

describe('floorPriority and applyFloor', () => {
  it('takes the most urgent hit as the floor, or null without hits', () => {
    expect(floorPriority([])).toBeNull();
    expect(floorPriority([hit('P2'), hit('P1'), hit('P3')])).toBe('P1');
  });

  it('raises a P3 analysis to P1 and says why', () => {
    const raised = applyFloor({ priority: 'P3', priorityReason: 'a question', summary: 's' }, [
      hit('P2', 'legal', 'mentions legal or compliance concerns'),
      hit('P1', 'outage', 'mentions an outage'),
    ]);
    expect(raised).toEqual({
      priority: 'P1',
      priorityReason: 'a question; floor: mentions an outage',
      summary: 's',
    });
  });

  it('leaves a more urgent analysis untouched', () => {
    const analysis = { priority: 'P1' as const, priorityReason: 'model says so' };
    expect(applyFloor(analysis, [hit('P2')])).toBe(analysis);
  });

  it('uses only the floor note when the analysis gave no reason', () => {
    expect(applyFloor({ priority: 'P4', priorityReason: '' }, [hit('P2', 'x', 'r')]).priorityReason).toBe(
      'floor: r',
    );
  });

  it('never lowers: the result is always the most urgent of the analysis and the floor', () => {
    const priority = fc.constantFrom(...PRIORITIES);
    fc.assert(
      fc.property(priority, fc.array(priority, { maxLength: 6 }), (analysed, floors) => {
        const result = applyFloor(
          { priority: analysed, priorityReason: 'r' },
          floors.map((p) => hit(p)),
        );
        const expected = floors.reduce(mostUrgent, analysed);
        expect(result.priority).toBe(expected);
        expect(result.priorityReason.includes('floor:')).toBe(expected !== analysed);
      }),
    );
  });
});

describe('isProperName', () => {
  it.each([
    ['Zendesk', true],
    ['HubSpot', true],
    ['Zendeskiin', true],
    ['the', false],
    ['The', false],
    ['Monday', false],
    ['zendesk', false],
  ])('%s → %s', (word, expected) => {
    expect(isProperName(word)).toBe(expected);
  });
});

describe('renewal-risk quote', () => {
  it('quotes the first sentence that says something, not the greeting', () => {
    const hits = findFloorHits({
      text: 'Hello. I am the CFO of Nordlake and we are reviewing our contracts before the renewal.',
      account: { tier: 'enterprise', renewalDate: '2027-01-08' },
      sentiment: -0.7,
      now: new Date('2026-11-23T08:00:00Z'),
      renewalWindowDays: 90,
    });
    expect(hits.find((hit) => hit.rule === 'renewal-risk')?.phrase).toBe(
      'I am the CFO of Nordlake and we are reviewing our contracts before the renewal.',
    );
  });
});

describe('round 5: an incident denied outright does not set the security floor', () => {
  it.each([
    'No breach or anything of the sort, we only want stricter password rules.',
    'There was no breach, the auditor just asked for our MFA settings.',
    'Tietomurtoa ei ole tapahtunut, kysymme vain kaksivaiheisesta tunnistautumisesta.',
  ])('%j has no security hit', (text) => {
    expect(hitsFor(text).map((hit) => hit.rule)).not.toContain('security');
  });

  it.each([
    'We are not sure whether we were hacked, an admin login came from Brazil.',
    'Possible breach: a former employee still had access yesterday.',
  ])('%j still sets P1', (text) => {
    expect(hitsFor(text).map((hit) => hit.rule)).toContain('security');
  });
});

describe('round 6: an outage supposed in a question does not set the floor', () => {
  it.each([
    'What happens to the chat widget if your platform goes down?',
    'Jos palvelu on alhaalla, mitä asiakkaamme näkevät?',
  ])('%j has no outage hit', (text) => {
    expect(hitsFor(text).map((hit) => hit.rule)).not.toContain('outage');
  });

  it('still fires when the "if" sentence reports an outage', () => {
    expect(
      hitsFor('If I open the inbox, the platform is down for everyone.').map((hit) => hit.rule),
    ).toContain('outage');
  });

  it('does not page for a sandbox that is down', () => {
    expect(hitsFor('The sandbox is down again.').map((hit) => hit.rule)).not.toContain('outage');
  });
});

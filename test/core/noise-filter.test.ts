import { describe, expect, it } from 'vitest';
import { classifyNoise, compileNoisePatterns, MAX_NOISE_CHARS } from '../../src/core/noise-filter.ts';

/** [text, expected reason] — every one of these is engagement, not a request. */
const NOISE: Array<[string, string]> = [
  ['thanks!', 'thanks'],
  ['Thank you so much', 'thanks'],
  ['Thanks, Anna!', 'thanks'],
  ['thx', 'thanks'],
  ['Many thanks for the quick reply 🙏', 'thanks'],
  ['Cheers', 'thanks'],
  ['Hi team', 'greeting'],
  ['Hello!', 'greeting'],
  ['Good morning everyone', 'greeting'],
  ['Have a nice weekend!', 'greeting'],
  ['ok', 'acknowledgement'],
  ['OK.', 'acknowledgement'],
  ['ok 👍', 'acknowledgement'],
  ['+1', 'acknowledgement'],
  ['got it', 'acknowledgement'],
  ['Got it, thanks!', 'thanks'],
  ['sounds good', 'acknowledgement'],
  ['Sounds good :+1:', 'acknowledgement'],
  ['Perfect, it works now', 'acknowledgement'],
  ['no worries', 'acknowledgement'],
  ['👍', 'emoji-only'],
  ['👍🏽👍🏽', 'emoji-only'],
  ['🙏', 'emoji-only'],
  [':thumbsup:', 'emoji-only'],
  [':pray::skin-tone-3:', 'emoji-only'],
  [':)', 'emoji-only'],
  ['🎉 :tada:', 'emoji-only'],
  ['<@U0123ABC> thanks!', 'thanks'],
  ['Hi Anna, thanks a lot!', 'thanks'],
  ['kiitos', 'thanks'],
  ['Kiitos!', 'thanks'],
  ['kiitti', 'thanks'],
  ['Kiitos paljon!', 'thanks'],
  ['ok kiitos', 'thanks'],
  ['Kiitos avusta, Matti', 'thanks'],
  ['Kiitoksia nopeasta vastauksesta 😊', 'thanks'],
  ['moi', 'greeting'],
  ['Moi!', 'greeting'],
  ['hei', 'greeting'],
  ['Hei hei', 'greeting'],
  ['Hyvää viikonloppua!', 'greeting'],
  ['Mukavaa päivänjatkoa', 'greeting'],
  ['selvä', 'acknowledgement'],
  ['Selvä, kiitos!', 'thanks'],
  ['joo', 'acknowledgement'],
  ['okei', 'acknowledgement'],
  ['Okei, nyt toimii taas', 'acknowledgement'],
  ['Hienoa 👍', 'acknowledgement'],
  ['Moi Pekka, kiitos tosi paljon!', 'thanks'],
  ['Thanks for the help!', 'thanks'],
  ['Great job!', 'acknowledgement'],
  ['Tack så mycket', 'thanks'],
  ['Kiitos! 👍 Hyvää viikonloppua!', 'thanks'],
  ['Thanks Anna and Pekka!', 'thanks'],
];

/** Requests: must reach a team even when they open with thanks or a greeting. */
const REQUESTS: string[] = [
  'thanks, but the export is still broken',
  'Thanks! Can you also check the invoice?',
  'ok?',
  'hello? anyone there',
  'Hi, our dashboard shows no data since Monday',
  'Hi team, quick question about SSO',
  'not ok',
  'no thanks',
  'ok but when will it be fixed',
  'Thanks. Broken again',
  'Got it. Still seeing the error though',
  'Sounds good, please send the contract to legal@acme.example',
  '👍 but the sync failed again',
  'The report is wrong 😡',
  '-1',
  'Kiitos, mutta raportti ei vieläkään lataudu',
  'Moi, laskussa on virhe',
  'Hei! Miten saan viennin toimimaan?',
  'ok, entä milloin korjaus tulee',
  'Kiitos paljon, mutta emme pääse kirjautumaan',
  'joo ei toimi',
  'selvä, irtisanomme sopimuksen',
  'Hyvää viikonloppua, mutta maanantaina tämä pitää olla korjattu',
  'Hei Matti. Palvelu kaatuu',
  '',
  '   ',
  '...',
  '<@U0123ABC>',
  'https://acme.example/screenshot.png',
  'thanks 2',
];

describe('classifyNoise', () => {
  it.each(NOISE)('treats %j as noise (%s)', (text, reason) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason });
  });

  it.each(REQUESTS.map((text) => [text]))('keeps %j as a request', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: false, reason: null });
  });

  it('never calls a very long message noise, however polite', () => {
    const text = 'thanks '.repeat(Math.ceil(MAX_NOISE_CHARS / 7) + 1);
    expect(text.length).toBeGreaterThan(MAX_NOISE_CHARS);
    expect(classifyNoise(text).noise).toBe(false);
  });

  it('matches configured patterns case-insensitively and names the pattern by index', () => {
    const patterns = ['^out of office', 'automaattinen vastaus'];
    expect(classifyNoise('OUT OF OFFICE until Monday', { patterns })).toEqual({
      noise: true,
      reason: 'pattern:0',
    });
    expect(classifyNoise('Tämä on AUTOMAATTINEN VASTAUS', { patterns })).toEqual({
      noise: true,
      reason: 'pattern:1',
    });
    expect(classifyNoise('I am out of office but the API is down', { patterns }).noise).toBe(false);
  });

  it('prefers the built-in reason over a pattern that also matches', () => {
    expect(classifyNoise('thanks', { patterns: ['thanks'] })).toEqual({ noise: true, reason: 'thanks' });
  });

  it('ignores an invalid pattern at classification time and still applies the valid ones', () => {
    expect(classifyNoise('auto-reply: away', { patterns: ['(unclosed', '^auto-reply'] })).toEqual({
      noise: true,
      reason: 'pattern:1',
    });
  });
});

describe('compileNoisePatterns', () => {
  it('accepts valid patterns and returns them compiled case-insensitive', () => {
    const result = compileNoisePatterns(['^ooo\\b', 'lomalla']);
    expect(result.ok).toBe(true);
    expect(result.errors).toEqual([]);
    expect(result.regexes.map((regex) => regex.flags)).toEqual(['iu', 'iu']);
  });

  it('reports each invalid or empty pattern with its index', () => {
    const result = compileNoisePatterns(['fine', '(unclosed', '', '[z-a]']);
    expect(result.ok).toBe(false);
    expect(result.errors.map((error) => [error.index, error.pattern])).toEqual([
      [1, '(unclosed'],
      [2, ''],
      [3, '[z-a]'],
    ]);
    expect(result.errors[1]?.message).toMatch(/every message/);
  });
});

describe('automatic replies (auto-reply.ts)', () => {
  it.each([
    "I'm currently out of the office with no access to email until Monday 12 January. For urgent issues please contact helpdesk@example.com.\n\nBest regards,\nJukka Virtanen",
    'Automatic reply: I am on annual leave until 3.1. Your message will not be forwarded.',
    'Olen poissa toimistolta 2.1. asti. Kiireellisissä tapauksissa ota yhteyttä vaihteeseen.',
    'Kiitos viestistäsi. Olen lomalla ja palaan töihin maanantaina.',
    'I’m on parental leave until March. Please contact sanna@example.com instead.',
    // round 4: a Finnish "absence notice" opening and "saakka" (until)
    'Poissaoloilmoitus: olen koulutuksessa 14.1. saakka.',
  ])('%j is noise', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'auto-reply' });
  });

  it.each([
    "I'm out of the office tomorrow, but the export is broken for everyone. Please fix it.",
    "I'm on holiday until Monday. The login is broken for all agents, please have a look.",
    "I'm away until Friday - can you send the invoice to Maria meanwhile?",
    'Olen lomalla ensi viikon, mutta järjestelmä ei toimi kenelläkään. Korjatkaa pian.',
    'Out of office policy: how do we set an auto-reply for shared inboxes',
  ])('%j stays a request', (text) => {
    expect(classifyNoise(text).noise).toBe(false);
  });
});

describe('automatic replies, round 4: a Finnish absence notice still has to be only that', () => {
  it('keeps a Finnish absence notice that reports a problem a request', () => {
    expect(
      classifyNoise('Poissaoloilmoitus: olen lomalla 14.1. saakka, mutta laskutus ei toimi.').noise,
    ).toBe(false);
  });
});

describe('round 5: auto-replies that point elsewhere', () => {
  it.each([
    'Automatic reply: I am away until 4 January and your message will not be read. For billing questions contact billing@example.org.',
    'Out of office: back on Tuesday 12 January. If this is urgent, please call our front desk.',
  ])('calls %j noise', (text) => {
    expect(classifyNoise(text, { patterns: [] }).noise).toBe(true);
  });

  it('keeps an auto-reply that goes on to report a problem a request', () => {
    const text =
      'Out of office until Monday. If this is urgent, please call. Also: the widget is down for all our shops.';
    expect(classifyNoise(text, { patterns: [] }).noise).toBe(false);
  });
});

describe('round 6: membership notices posted as text', () => {
  it.each([
    'Maria Lopez has joined the channel',
    '<@U0SAM1> left #acme-support',
    'Jukka Virtanen liittyi kanavalle.',
  ])('calls %j noise', (text) => {
    expect(classifyNoise(text, { patterns: [] })).toEqual({ noise: true, reason: 'membership' });
  });

  it('keeps a sentence that only mentions joining a request', () => {
    const text = 'Our new agent has joined the team but cannot see the Billing queue';
    expect(classifyNoise(text, { patterns: [] }).noise).toBe(false);
  });
});

describe('round 8: more membership notices and closed-office auto-replies', () => {
  it.each([
    '@Rick Malone has joined the channel',
    'Matti Nieminen liittyi kanavalle #asiakastuki',
    'Auto-reply: Thank you for your email. Our offices are closed for the holidays and will reopen on Monday 5 January.',
  ])('calls %j noise', (text) => {
    expect(classifyNoise(text, { patterns: [] }).noise).toBe(true);
  });
});

describe('round 9: auto-replies with a greeting, a compound holiday, a bare opening', () => {
  it.each([
    'Hi all, I am out of the office until 9 March with limited access to email. For urgent matters please contact team-lead@example.com.\nThanks, Ilona',
    'Olen kesälomalla 3.7.–24.7. enkä lue sähköpostia. Kiireellisissä asioissa ota yhteyttä tukeen: tuki@example.fi',
    'Olen talvilomalla 20.2.–27.2. Kiireellisissä asioissa ota yhteyttä: asiakaspalvelu@example.fi',
    'Automaattinen vastaus: Olen vuosilomalla 1.–19.7. Kiireellisissä asioissa ota yhteyttä esihenkilööni.',
    'Olen vuosilomalla 2.–23.7. ja luen sähköpostia satunnaisesti. Kiireellisissä asioissa ota yhteyttä tiimin osoitteeseen.\n\nYstävällisin terveisin\nPekka',
  ])('%j is noise', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'auto-reply' });
  });

  it.each([
    'Olen kesälomalla ensi viikolla ja raportointi on rikki kaikilla, korjatkaa ennen sitä.',
    "Hi all, I'm away tomorrow and the export keeps failing for every agent on the team.",
  ])('%j stays a request', (text) => {
    expect(classifyNoise(text).noise).toBe(false);
  });
});

describe('round 10: auto-replies with a subject line, from a helpdesk, in non-native English', () => {
  it.each([
    'Automatic reply: RE: [Acme #4411] Export question\n\nThank you for your message. I am attending a conference until Friday 4 October with limited access to email. I will respond as soon as possible upon my return.\n\nKind regards,\nMaria Lind',
    'This is an automated message from the IT service desk of Example Oy. Your email has been received and logged as INC-0012345. Please do not reply to this message.',
    'Automatic reply: I am in holiday until 19.8. and have no access to my emails. In urgent cases please contact my colleague (colleague@example.com). Your mail will not be forwarded.',
    'Olen vuosilomalla 1.7.–26.7. enkä lue sähköpostia. Kiireellisissä asioissa voit olla yhteydessä Jussi Laineeseen. Viestiäsi ei välitetä eteenpäin.',
  ])('%j is noise', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'auto-reply' });
  });

  it('keeps an automated-looking message that reports a problem a request', () => {
    expect(
      classifyNoise(
        'This is an automated message from our monitoring: your API has returned 503 for 20 minutes.',
      ).noise,
    ).toBe(false);
  });
});

describe('round 12: agreement, closing notes, newsletters, replies in two languages', () => {
  it.each([
    'haha fair enough 😂',
    'yes exactly',
    'joo hoidan',
    'joo selvä, katotaan huomenna 👌',
    'ok great, talk thursday',
    'Selvä homma, palataan ens viikolla',
    'Happy holidays from all of us at Lumen Fitness! 🎄 Thanks for a great year.',
  ])('%j is noise', (text) => {
    expect(classifyNoise(text).noise).toBe(true);
  });

  it.each([
    'resolved now, turned out it was our firewall rule. sorry for the noise, thanks',
    'nvm, found it 👍',
    'Ratkesi, oma moka. Kiitos!',
  ])('%j closes the customer’s own message', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'closing-note' });
  });

  it.each([
    'Resolved now, but the export is still broken',
    'Fixed now. Could you also check the invoice?',
    'never mind the invoice, the login page is down for all of us',
    'yes, the export is broken again',
  ])('%j stays a request', (text) => {
    expect(classifyNoise(text).noise).toBe(false);
  });

  const newsletter = `Hi friend,\n\nAutumn is here and so is our new seasonal menu! ${'Our brunch now runs until 3pm. '.repeat(20)}\n\nSee you soon,\nThe Orchard Table team\n\nYou are receiving this email because you subscribed at one of our locations. Unsubscribe`;

  it('reads a newsletter that reached the inbound address as noise, however long', () => {
    expect(newsletter.length).toBeGreaterThan(600);
    expect(classifyNoise(newsletter)).toEqual({ noise: true, reason: 'bulk-mail' });
  });

  it('keeps a forwarded newsletter with a question of the customer’s a request', () => {
    expect(
      classifyNoise(
        `Why did our customers get this from your platform?\n\n---------- Forwarded message ---------\n${newsletter}`,
      ).noise,
    ).toBe(false);
  });

  it.each([
    'Olen vuosilomalla 1.7.–28.7.2024 enkä lue sähköpostia. Kiireellisissä asioissa ota yhteyttä Markku Lahtiseen, markku.lahtinen@example.fi.\n\nI am on annual leave 1.7.–28.7.2024. For urgent matters please contact Markku Lahtinen.\n\nYstävällisin terveisin / Best regards\nSatu Rantanen',
    'Subject: [Auto-Reply] RE: [Incident] Degraded performance - EU region\n\nThis is an automated response from the Meridian Foods IT Service Desk.\n\nYour message has been received and logged as ticket INC0048213. A member of our team will respond within 2 business days.\n\nPlease do not reply to this message.\n\n> -----Original Message-----\n> Subject: [Incident] Degraded performance - EU region\n> We are investigating reports of elevated latency.',
    'Thank you for your email. I am out of the office until Monday 14 October with limited access to email. For anything urgent please contact purchasing@example.com.\n\nKind regards,\nBeth Ann Schrader\n"Quality since 1962"\n\nCONFIDENTIALITY NOTICE: This e-mail message, including any attachments, is for the sole use of the intended recipient(s) and may contain confidential and privileged information. Any unauthorized review, use, disclosure or distribution is prohibited.',
  ])('%j is an auto-reply', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'auto-reply' });
  });
});

describe('round 13: closing notes with a greeting, a sign-off or the quoted answer; more footers', () => {
  it.each([
    'ok all good now, the deploy went thru on the 2nd try. closing this from our side, cheers',
    'Hei,\n\nKiitos nopeasta avusta eilen, asia on nyt ratkaistu ja tiketin voi sulkea.\n\nt. Petri',
    'ok cool, resolved on our side now, you can close this one. cheers',
    'Kiitos tiedosta! Asia on nyt meidän osalta kunnossa, tiketin voi sulkea.\n\nTerveisin\nLaura\n\n> Hei Laura, korjaus on nyt tuotannossa.',
  ])('%j closes the customer’s own message', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'closing-note' });
  });

  it.each([
    "Automatic reply: Out of office\n\nHi, I'm out of the office until Monday 14th with limited access to email. For anything urgent please contact marta@example.io.\n\nBest,\nJonas Weber\nHead of Growth | Brightloop Digital GmbH",
    'Automaattinen vastaus: Olen vuosilomalla 15.7.–2.8. enkä lue sähköpostia. Kiireellisissä asioissa ota yhteyttä Mervi Kokkoseen.\n\nHyvää kesää!\nSari Heikkilä\nhenkilöstösihteeri',
  ])('%j is an auto-reply', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'auto-reply' });
  });

  it('reads "thanks mate, that did the trick" as thanks', () => {
    expect(classifyNoise('thanks mate, that did the trick').noise).toBe(true);
  });

  it('reads a digest whose footer says why it was sent as bulk mail', () => {
    expect(
      classifyNoise(
        "Issue #42\n\nThis week in Growth Signals:\n• Why your attribution model is lying to you\n• Webinar invite: Thursday 4pm\n\nRead online | Forward to a friend\n\nYou're receiving this because you signed up at example.co. Unsubscribe · Manage preferences",
      ),
    ).toEqual({ noise: true, reason: 'bulk-mail' });
  });

  it('keeps a customer who writes about their newsletter and its unsubscribe link a request', () => {
    expect(
      classifyNoise(
        "Thanks for the call! P.S. a few subscribers replied to last night's newsletter saying the footer showed someone else's name and an unsubscribe link for a different list.",
      ).noise,
    ).toBe(false);
  });
});

describe('round 14: closing notes said every way, "will try tmrw", auto-replies with more to say', () => {
  it.each([
    'thx 👍 working again on my end',
    'ok that did it — cleared the cache and the images show up again. closing on our side, cheers 👍',
    'jep saatiin ite ratkastua, oli väärä api-avain 🙈 kiitti silti!',
    'Hi all – just confirming the tablets synced fine after the restart. Nothing else needed from you, feel free to close it. Cheers, Dale',
  ])('%j closes the customer’s own message', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'closing-note' });
  });

  it('reads "ok thx, will try tmrw" as engagement', () => {
    expect(classifyNoise('ok thx, will try tmrw').noise).toBe(true);
  });

  it.each([
    'Automatic reply: RE: [Case 00482913] Plant hire integration\n\nThank you for your email. I am currently on site at the Kingsway Retail Park development with limited access to email until Thursday 19 September.\n\nFor anything urgent relating to the Kingsway project please contact Sarah Oduya (sarah.oduya@example.co.uk / 07700 900412). For accounts queries please email accounts@example.co.uk.\n\nKind regards,\nTom Whitcombe\nProject Manager | Hallam Construction Ltd',
    'Automaattinen vastaus: Olen kesälomalla 1.7.–21.7. enkä lue sähköpostia. Kiireellisissä asioissa ota yhteyttä Anne Lehtoseen. Muissa asioissa vastaan loman jälkeen.\n\nAurinkoista kesää!\nJukka Mäkelä\nkiinteistösihteeri',
  ])('%j is an auto-reply', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'auto-reply' });
  });

  it('keeps "nothing else needed, but the invoice is still wrong" a request', () => {
    expect(classifyNoise('Synced fine. Nothing else needed, but the invoice is still wrong.').noise).toBe(
      false,
    );
  });
});

describe('round 15: more closings and footers', () => {
  it.each([
    'ok wait. nvm. it was the date filter 🤦 all 3k records are there. sorry for the panic!!',
    'Kiitos oikein paljon nopeasta avusta, asia on nyt kunnossa! Oikein mukavaa viikonloppua teillekin. t. Marjatta',
  ])('%j closes the customer’s own message', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'closing-note' });
  });

  it('reads "ok cool, will check tmrw" as engagement', () => {
    expect(classifyNoise('ok cool, will check tmrw').noise).toBe(true);
  });

  it('reads a helpdesk mailbox receipt as an auto-reply', () => {
    expect(
      classifyNoise(
        'Your message has been received by Facility Services. This mailbox is monitored Monday–Friday 08:00–16:00 and we aim to respond within 2 working days. Please do not reply to this email.',
      ),
    ).toEqual({ noise: true, reason: 'auto-reply' });
  });

  it('reads a bare forward of a newsletter as bulk mail, and one with a note as a request', () => {
    const letter =
      "GREENFIELD WEEKLY | Issue 112\n\nIn this issue:\n• Spring planting outlook\n\nYou're receiving this because you are a member. Unsubscribe";
    expect(
      classifyNoise(`---------- Forwarded message ---------\nFrom: news@example.org\n\n${letter}`),
    ).toEqual({
      noise: true,
      reason: 'bulk-mail',
    });
    expect(
      classifyNoise(`Why did this go to our customers?\n\n---------- Forwarded message ---------\n${letter}`)
        .noise,
    ).toBe(false);
  });
});

describe('round 16: auto-replies that mention incidents, "lomavastaaja"', () => {
  it.each([
    'Automatic reply: Out of office\n\nThank you for your message. I am out of the office until Monday 14 April with limited access to email.\n\nFor urgent IT matters please contact servicedesk@example.co.uk. For security incidents use the SOC hotline listed on the intranet.\n\nKind regards,\nDaniel Okafor\nIT Infrastructure Lead | Harrowfield Group',
    'Lomavastaaja: Olen lomalla 8.7.–29.7.2024. Kiireellisissä laskutusasioissa ota yhteyttä talous@example.fi. Ystävällisin terveisin, Marjut Pesonen',
  ])('%j is an auto-reply', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'auto-reply' });
  });

  it('reads "Selvä, homma ratkesi. Kiitos!" as closing the customer’s message', () => {
    expect(classifyNoise('Selvä, homma ratkesi. Kiitos!').noise).toBe(true);
  });
});

describe('round 17: a chat transcript that closes, a ticket "this one" can close, summer leave', () => {
  it.each([
    "[15:32] Dana: all good now, widget's back on the pricing page\n[15:32] Dana: ty for the quick turnaround 🙏",
    'Hei, tämän tiketin voi sulkea – asia korjaantui kun kirjauduin ulos ja takaisin sisään. Kiitos nopeasta vastauksesta!',
  ])('%j closes the customer’s own message', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'closing-note' });
  });

  it('reads a bilingual summer-leave reply as an auto-reply', () => {
    expect(
      classifyNoise(
        'Olen kesälomalla 15.7.–2.8. enkä lue sähköpostia säännöllisesti. Kiireellisissä asioissa ota yhteyttä Timo Salmiseen, puh. 050 987 6543.\nI am on summer leave 15.7.–2.8. For urgent matters please contact Timo Salminen.\nYstävällisin terveisin / Best regards\nRiikka Laaksonen\nOstopäällikkö, Länsi-Suomen Putkitukku Oy',
      ),
    ).toEqual({ noise: true, reason: 'auto-reply' });
  });
});

describe('round 18: at a conference until Friday; "sähköpostejani ei lueta"', () => {
  it.each([
    "Thank you for your email. I'm at DevLearn in Las Vegas until Friday 25 October with limited access to email. For anything urgent please contact support@example.com. I'll reply when I'm back.\n\nKind regards,\nPriyanka",
    'Olen vuosilomalla 1.7.–26.7.2024. Sähköpostejani ei lueta tänä aikana. Kiireellisissä asioissa ota yhteyttä: koulutus@example.fi\n\nI am on annual leave 1–26 July 2024.',
  ])('%j is an auto-reply', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'auto-reply' });
  });
});

describe('round 19: "asia onkin jo hoidossa"', () => {
  it('closes the customer’s own message', () => {
    expect(
      classifyNoise(
        'Asia onkin jo hoidossa, teidän laskutus korjasi sen eilen. Kiitos vaivannäöstä ja mukavaa viikonloppua!',
      ),
    ).toEqual({ noise: true, reason: 'closing-note' });
  });
});

describe('round 20: closings with a dash or a quoted answer, hospice receipts, a newsletter welcome', () => {
  it.each([
    "thanks, that's sorted now 🙏",
    'Kiitos nopeasta vastauksesta – asia on nyt kunnossa, eikä se vaadi teiltä enempää toimenpiteitä. Oikein hyvää viikonloppua!',
    'Dear support team,\nPlease disregard my earlier message. It transpires that the signatory had used a link from a superseded envelope; once we re-sent the current version she signed. Many thanks for your help.',
  ])('%j closes the customer’s own message', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'closing-note' });
  });

  it('reads only the customer’s own lines under a quoted answer', () => {
    expect(
      classifyNoise('> On Tue, Support wrote:\n> Hi Kieran, your invoice is attached.\nGreat, got it, thanks')
        .noise,
    ).toBe(true);
  });

  it('reads a charity’s receipt as an auto-reply', () => {
    expect(
      classifyNoise(
        "Thank you for contacting St Aidan's Hospice. Your email has been received and a member of our team will respond within 3 working days.\nIf your enquiry is about a patient, please call the ward directly on 01234 567890.\nSt Aidan's Hospice is a registered charity in England and Wales (no. 1012345).",
      ),
    ).toEqual({ noise: true, reason: 'auto-reply' });
  });

  it('reads a newsletter that greets its subscribers as bulk mail', () => {
    expect(
      classifyNoise(
        'Hi there,\nThanks for subscribing to The Pass – our monthly newsletter for restaurant operators!\nThis month: 5 ways to cut food waste.\n\nUnsubscribe | Manage preferences',
      ),
    ).toEqual({ noise: true, reason: 'bulk-mail' });
  });
});

describe('round 21: more closings', () => {
  it.each([
    'Selvä, saatiin hoidettua meidän päässä. Kiitos nopeasta avusta!',
    'thanks, that sorted it 👍',
    'Hi both, just closing the loop on this - the accounts are all showing now after Dan re-ran the sync. No need to keep the ticket open.\nCheers,\nTom',
  ])('%j closes the customer’s own message', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'closing-note' });
  });
});

describe('round 22: acknowledgements, auto-replies and a staff newsletter', () => {
  it.each([
    'Thanks Sarah, received.',
    'Got it, will pass it on to the crew on site tomorrow.',
    'Thanks for the invite, I have forwarded it to our marketing team.',
    'Got it, thanks Mike. Closing on our side.',
    'Thanks all, ignore my previous message — found it in the settings.',
    'ok, homma toimii nyt. kiitti!',
    'Tämän voi sulkea, ongelma ratkesi. Kiitos avusta!',
  ])('%j is a closing note', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'closing-note' });
  });

  it.each([
    'This mailbox is not monitored. Your message has been received by Bright Dental. If you have a dental emergency, please call 0117 496 0000.',
    'Thank you for contacting Bloom & Co. Our customer service team is available Mon–Fri 9:00–17:00. We will get back to you within 2 business days.\n\nThis is an automated message, please do not reply.',
    'Olen lomalla 1.7.–26.7. ja luen sähköpostia vain satunnaisesti. Kiireellisissä asioissa ota yhteyttä Sanna Virtaseen, puh. 040 123 4567.\n\nTerveisin\nJari Mäkelä\nVastaava työnjohtaja, Rakennus Mäkelä Oy',
  ])('%j is an auto-reply', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'auto-reply' });
  });

  it('reads a staff newsletter with a masthead and an unsubscribe footer as bulk mail', () => {
    expect(
      classifyNoise(
        'Northside Monthly | December edition\n- Welcome to our new starters!\n- Christmas party on the 18th\n\nUnsubscribe | Manage preferences',
      ),
    ).toEqual({ noise: true, reason: 'bulk-mail' });
  });

  it.each([
    'Got it, but the export still fails for the Leeds site.',
    'Thanks Sarah, received. One more thing: the March invoice is missing our VAT number.',
    'Newsletter question\nWhy did our customers get your newsletter twice? Unsubscribe | Manage preferences',
  ])('%j stays a request', (text) => {
    expect(classifyNoise(text).noise).toBe(false);
  });
});

describe('round 23: more closings, auto-replies and newsletters; news and ideas stay requests', () => {
  it.each(['Closing this one out, all good on our end now. Cheers'])('%j is a closing note', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'closing-note' });
  });

  it.each([
    'I am out of the office until Monday 14th October with limited access to email. For urgent matters please contact reception on 020 7946 0000.\n\nHartley Ross Solicitors is authorised and regulated by the Solicitors Regulation Authority (SRA No. 600000).',
    'Thank you for your email. This mailbox is not monitored. Please send supplier invoices to ap@example.com and allow 30 days for payment.',
    'Poissaoloilmoitus: Olen kesälomalla 1.7.–2.8. enkä lue sähköpostia. Kiireellisissä asioissa ota yhteyttä IT-tukeen, puh. 040 123 4567.\n\nYstävällisin terveisin\nPekka Laine\nICT-suunnittelija, Järvelän kaupunki / sivistystoimi',
  ])('%j is an auto-reply', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'auto-reply' });
  });

  it.each([
    'FITNESS TRADE WEEKLY This week: 5 retention trends | Pricing your PT packages\nUnsubscribe | View in browser',
    'Harrow & Lane — Autumn Client Update\n\nIn this issue:\n• Year-end checklist\n• Meet our new partner\n\nTo unsubscribe from these updates, reply STOP.',
  ])('%j is bulk mail', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'bulk-mail' });
  });

  it.each([
    "FYI we're moving offices on 1 December. New address for invoices will be Unit 4, Harbour Court. No action needed until then.",
    'Closing the loop — the fix for the kiosk timeout works, thanks. Small idea while I have you: the kiosk could show the next booked class.',
  ])('%j stays a request', (text) => {
    expect(classifyNoise(text).noise).toBe(false);
  });
});

describe('round 24: Finnish closings, two acknowledgements, calendar answers', () => {
  it.each([
    'Selvä, suljetaan tämä meidän päästä. Kaikki ok nyt.',
    'Ok, suljetaan tää. Kaikki kunnossa.',
    'Received, thank you. Will forward to our planning team.',
  ])('%j is a closing note', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'closing-note' });
  });

  it('reads "nähdään torstaina palaverissa" as a greeting', () => {
    expect(classifyNoise('Jep, nähdään torstaina palaverissa 👍').noise).toBe(true);
  });

  it('reads a Finnish auto-reply addressed to several people as one', () => {
    expect(
      classifyNoise(
        'Automaattinen vastaus: Olen lomalla 1.–19.7. Kiireellisissä huoltoasioissa soittakaa päivystykseen 020 555 1234. Vuokra-asioissa voitte olla yhteydessä toimistoon.',
      ),
    ).toEqual({ noise: true, reason: 'auto-reply' });
  });

  it('reads a one-line newsletter with a masthead as bulk mail', () => {
    expect(
      classifyNoise(
        '[Reliability Weekly] 5 ways to cut unplanned downtime | Webinar: gearboxes | Manage preferences · Unsubscribe',
      ),
    ).toEqual({ noise: true, reason: 'bulk-mail' });
  });

  it('reads a calendar acceptance as noise, and one with a note of its own as a request', () => {
    expect(
      classifyNoise(
        'Accepted: Quarterly account review\nWhen: Tuesday 14 January 10:00–11:00\nWhere: Microsoft Teams Meeting',
      ),
    ).toEqual({ noise: true, reason: 'calendar-response' });
    expect(
      classifyNoise(
        'Accepted: Quarterly account review\nWhen: Tuesday 14 January 10:00–11:00\nI would like to discuss the invoice errors too.',
      ).noise,
    ).toBe(false);
  });
});

describe('round 25: a one-line calendar answer, a confirmation that it works', () => {
  it('reads a one-line calendar acceptance as noise', () => {
    expect(
      classifyNoise('Accepted: Quarterly Business Review – Kestrel Dev / Vendor (Thu 10:00–11:00)'),
    ).toEqual({
      noise: true,
      reason: 'calendar-response',
    });
  });

  it('reads "confirmed the new key works" as a closing note', () => {
    expect(classifyNoise('Great, thanks Sara — confirmed the new key works in staging and prod.')).toEqual({
      noise: true,
      reason: 'closing-note',
    });
  });
});

describe('round 26: more auto-replies, closings and lists', () => {
  it.each([
    'Tämä viesti on lähetetty automaattisesti. Olemme vastaanottaneet viestisi ja käsittelemme sen mahdollisimman pian.\n\nKirjaamo, Vesalahden kaupunki',
    'This mailbox is not monitored. Your message has not been delivered to a member of staff. Please use the contact form on our website.',
    'Poissaolovastaus: Olen lomalla 1.7.–24.7. Kiireellisissä palkka-asioissa ota yhteyttä palkat@example.fi.\n\nt. Sanna Virtanen',
  ])('%j is an auto-reply', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'auto-reply' });
  });

  it.each([
    'Closing this one off - all good now after the cache clear. Cheers!',
    'Thanks Sam - confirmed on our side, all timesheets went through to payroll. 👍',
  ])('%j is a closing note', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'closing-note' });
  });

  it.each([
    'Perfect, that’s exactly what I needed. Have a good weekend!',
    'Selvä, kiitos tiedosta. Odotellaan päivitystä.',
  ])('%j is an acknowledgement', (text) => {
    expect(classifyNoise(text).noise).toBe(true);
  });

  it('reads an internal bulletin that names its distribution list as bulk mail', () => {
    expect(
      classifyNoise(
        'Northfield Co-op | Operations Bulletin #42\n\nIn this issue:\n• Vegetation season starts 1 March\n• Staff BBQ Friday\n\nYou are receiving this because you are on the Operations distribution list.',
      ),
    ).toEqual({ noise: true, reason: 'bulk-mail' });
  });
});

describe('round 28: closings, relayed acknowledgements and calendar answers in more shapes', () => {
  it.each([
    'Accepted: Quarterly review – Harbour Hotels (Thu 6 Feb 10:00–11:00 EET)',
    'Accepted: Lumen QBR - Thu 14 March 2024 10:00-11:00 (GMT)',
    'Accepted: Service review – Kontio @ Tue 3 Dec 2024 13:00–14:00 (EET) (anna@example.fi)',
    'Accepted: Annual review – Northgate\nWhen: Wed 12 March 2025 10:00–11:00 (GMT)\nWhere: Microsoft Teams Meeting\n\nAlan Pryce has accepted this meeting.',
  ])('%j is a calendar answer', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'calendar-response' });
  });

  it.each([
    'Accepted: we will go with plan B for the rollout.',
    'Accepted: Quarterly review (Thu 6 Feb 10:00–11:00)\n\nCould we also cover the invoice dispute?',
  ])('%j stays a request', (text) => {
    expect(classifyNoise(text).noise).toBe(false);
  });

  it.each([
    'Hi Jenni, all good now — the invites went out after all, one address had a typo. This ticket can be closed. Have a nice weekend!',
    'This can be closed - turned out to be our own firewall after an update on our side. All working now. Thanks for your patience!',
    'Re: [Ticket #4821] Encoder offline\n\nHi, confirming everything has been working since the fix. You can mark this one resolved.\n\nBest,\nVille',
    'Hi both, happy for you to close this one now — the totals match after the rerun. Thanks for sticking with it!',
    'Okei, selvä homma. Kiitos nopeasta vastauksesta, tämän tiketin voi sulkea. Hyvää viikonloppua!',
    'Noted, I’ve passed Jenni’s reply on to our site managers. Thanks.',
    'Selvä, kiitos tiedosta. Välitän tämän meidän tiimille.',
    'Otan tämän tiedoksi ja välitän tiimille, palataan. –Minna',
    'Välitin tiedon vastaanoton porukalle, kaikki kuittas 👍',
    'ok 👌 will check on monday',
    'Perfect, thank you both for all your help on this. Have a lovely weekend!\n\nBest,\nGwen',
    'Tiedoksi tähän ketjuun: teidän Mikko soitti jo ja asia on hoidettu, eli ei tarvitse enää reagoida 👍',
  ])('%j is a closing note', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'closing-note' });
  });

  it.each([
    'This ticket can be closed. New problem though: the export now fails for every user.',
    'Just closing the loop: the migration went smoothly, 184k tickets imported. Thanks for staying online with us on Saturday, that was above and beyond.',
    'You can close the old ticket, but the sync is still failing.',
  ])('%j stays a request', (text) => {
    expect(classifyNoise(text).noise).toBe(false);
  });

  it.each([
    'Automaattinen vastaus: Olen vuosilomalla 1.7.–19.7. enkä lue sähköpostiani säännöllisesti.\n\nKiireellisissä korvausasioissa ota yhteyttä korvauspalveluun: korvaukset@example.fi.\nJärjestelmähäiriöt ja katkot: IT-päivystys 040 555 0142 (24/7).\n\nViestejä ei välitetä eteenpäin.',
    'Automaattinen vastaus: Olen lomalla 1.–21.7. enkä lue sähköpostia. Kiireellisissä asioissa ota yhteyttä Jaakkoon (jaakko@example.fi, 040 765 4321). Vastaan viestiisi palattuani.',
    'This is an automated message from Brightsmile IT Service Desk.\n\nYour request INC0048821 "RE: critical incident notification" has been received and assigned to the queue \'Third Party Vendors\'. Expected response: 3 business days.\n\nPlease do not reply to this email.',
    'Thank you for contacting the Hartfield Library IT Service Desk.\n\nYour email has been received and logged under reference INC0098123. A member of the team will respond within 2 working days.\n\nOur service hours are Monday to Friday, 08:30–17:00. If your issue is urgent (for example a system outage), please telephone 01632 960 100.\n\nPlease do not reply to this automated message.',
  ])('%j is an auto-reply', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'auto-reply' });
  });
});

describe('round 29: handled elsewhere, and auto-replies with more around them', () => {
  it.each([
    'Just for your records - Sam from your support team already called our manager back and talked her through it, so no need to action ticket #6120 separately. Cheers!',
    'Relaying for the team: Mikko from your support already confirmed on the phone that the print issue is being looked at. Just posting here so nobody opens a duplicate.',
    'Tiedoksi kanavalle: teidän Pekka vahvisti jo puhelimessa, että logojuttu on työn alla. Ei tarvitse avata uutta tikettiä.',
    'Got it — Mark from your team already rang to confirm the fix was deployed. All sorted on our end, thanks for jumping on it so fast. Have a good weekend!',
    'Selvä, katsotaan tätä ensi viikon palaverissa. 👍',
    'Forwarding for your records – Sarah already confirmed the fix on our call. Nothing further needed from our side.\n\n---------- Forwarded message ---------\nFrom: Sarah <support@example.com>\nSubject: RE: [#50877] Checklist not saving\n\nThe fix is deployed.',
    'Forwarding for visibility, no action needed:\n\n> Hi Mark, our engineers deployed the fix this morning.\n\nAll good on our side now, thanks.',
  ])('%j is a closing note', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'closing-note' });
  });

  it.each([
    'inbound email stopped creating tickets. last ticket was 05:52 and customers are hearing nothing back. checked our forwarding rules, all fine on our end',
    'All sorted on our end now, but the export is not working for the finance team.',
  ])('%j stays a request', (text) => {
    expect(classifyNoise(text).noise).toBe(false);
  });

  it.each([
    'Olen vuosilomalla 1.7.–19.7.2024 enkä lue sähköpostia.\n\nKiireellisissä palkka-asioissa ota yhteyttä palkat@example.fi. Heinäkuun palkkapäivää koskevat asiat hoitaa Outi Lampinen.',
    'Thank you for your email. I am out of the office from 22 December until 7 January.\n\nFor urgent matters regarding blocked shipments please contact ops@example.ee or +372 600 1234.\n\nYour message will not be forwarded.\n\nMerry Christmas and a Happy New Year!',
    '[Ticket #48213] Your request has been received\n\nHello,\n\nThis is an automated message from the Rantarock Helpdesk. A member of our team will respond within 2 business days.\n\nPlease do not reply to this message. To add information, reply above the line.\n----------------------------------------------\nRantarock Helpdesk · powered by Zendesk',
    'Automaattinen vastaus: Olen kesälomalla 1.–19.7. enkä lue sähköpostiani.\n\nViestisi ei siirry automaattisesti eteenpäin.\n\nSähköisen asioinnin häiriöistä voi ilmoittaa suoraan toimittajan tukeen.\n\nTiina Korhonen\nrakennustarkastaja, Lahdenperän kunta',
  ])('%j is an auto-reply', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'auto-reply' });
  });
});

describe('round 30: longer closings and auto-replies, and news that stays a request', () => {
  it.each([
    'Hi all,\n\nJust wanted to close the loop on this one — the February invoices all went out fine after the template fix. Nothing further needed from your side.\n\nBest,\nAnna',
    "Hi all, quick heads up that Mikko from your support team already got back to us and sorted the pairing – he asked me to post here so there's a record. No further action needed from our side.",
    'Just logging for reference - Tom from your team already rang me back about the transfer question and is on it. Nothing needed here.',
    'Tämän voi sulkea, ongelma ratkes itsestään kun tyhjensin välimuistin. Kiitos kuitenkin!',
    'Kiitos vielä eilisestä puhelusta. Tarkistettiin aamulla ja kaikki toimii, eli meidän puolesta asia on kunnossa. Mukavaa viikon jatkoa!',
    'ok, selvä. palataan asiaan ensi viikolla kun Jari on takas lomalta',
  ])('%j is a closing note', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'closing-note' });
  });

  it.each([
    'FYI we are rebranding to Core Collective in January. We will send the assets nearer the time, nothing needed yet.',
    'Heads up: our ISP is doing planned network maintenance at all stores this Sunday 01:00-05:00. Nothing needed on your end.',
  ])('%j stays a request', (text) => {
    expect(classifyNoise(text).noise).toBe(false);
  });

  it.each([
    'Kiitos viestistäsi! Tämä on automaattinen vahvistus: viestisi on vastaanotettu IT-tukeen tunnuksella #48213. Käsittelemme yhteydenotot arkisin klo 8–16.\n\n— Aalto & Rinne IT-tuki',
    'Automaattinen vastaus: Olen vuosilomalla 1.7.–28.7. enkä lue sähköpostiani. Kiireellisissä asioissa ota yhteyttä hr@example.fi tai puh. 040 123 4567. Järjestelmähäiriöistä ilmoita IT-tukeen.\n\nMervi Koskinen, rekrytointiasiantuntija',
    'Thank you for your message. I am out of the office from 14 July to 4 August. During the silage season our farm office is staffed only on Tuesdays. For urgent matters please call 040 551 2893.',
  ])('%j is an auto-reply', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'auto-reply' });
  });
});

describe('a closing’s words never hide a problem', () => {
  it.each([
    // `\p{Lu}` under the `i` flag matches any letter, so these once read as "thanks <Name> <Name> …".
    'Thanks again nobody can log in',
    'Thanks nothing works',
    'Thanks in advance for the quick help.',
    // The closing words are there, but so is an outage the floor would make P1.
    'Nothing else needed from production is down',
    'ok\nt. everything is down',
  ])('%j stays a request', (text) => {
    expect(classifyNoise(text).noise).toBe(false);
  });

  it.each([
    'Thanks Maria for the quick help!',
    'Hi Team, all sorted now',
    'Nothing else needed from Pekka',
    'Kiitos\nt. Matti',
  ])('%j, where the capital is a name, is a closing note', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'closing-note' });
  });
});

describe('round 31: Finnish service-desk receipts, closings that pass the answer on', () => {
  it.each([
    'Tämä on automaattinen vastaanottokuittaus.\n\nViestisi on vastaanotettu IT-tukeen ja sille on luotu tiketti #IT-1234. Käsittelemme yhteydenotot arkisin klo 8–16.\n\nÄlä vastaa tähän viestiin.',
    'Tämä on automaattinen vastaus: viestisi on vastaanotettu palvelupisteeseen tunnuksella INC0001234. Käsittelemme viestit arkisin klo 8–16. Älä vastaa tähän viestiin.',
  ])('%j is an auto-reply', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'auto-reply' });
  });

  it.each([
    'Got it, thanks. I’ve passed your instructions on to Maria and she will restart the screens tonight. Will shout if anything changes.',
    'Just relaying: our IT team says they’ve received your email about the certificate and will get back to you next week.',
    'Moi, kiitti kaikille eilisestä avusta, kaikki lähetykset lähti ajallaan ja nyt on kaikki ok. Hyvää viikonloppua!',
    'joo selvä, tän tiketin voi kyllä sulkea, kiitti avusta!',
  ])('%j is a closing note', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'closing-note' });
  });

  it('reads a Finnish calendar acceptance of a meeting invitation as a calendar response', () => {
    expect(
      classifyNoise(
        'Hyväksytty: Koulutus\nAika: tiistai 14.5. klo 13.00–14.00\nPaikka: Teams\n\nAnu Virtanen on hyväksynyt kokouskutsun.',
      ),
    ).toEqual({ noise: true, reason: 'calendar-response' });
  });
});

describe('round 32: who came and went, calendar answers with join details, auto-replies that list urgent contacts', () => {
  it.each([
    '*Sanna Mäkelä* has joined #ext-acme-lab. Also, *Pekka Virtanen* and *Laura Nieminen* were added by Jukka Lehto.',
    'tom.harding joined #ext-acme.\nellie.w left #ext-acme.\nAlso, Status Bot was added to this channel by Gareth Pryce.',
    'Aino Virtanen (Kuusiniemi City – Education Services) has joined #acme-shared.\nMarkus Lehto has left #acme-shared.',
    'Eetu Lindholm liittyi kanavalle #ext-acme. Myös Paula Nieminen liittyi.',
  ])('%j is a membership notice', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'membership' });
  });

  it('keeps a join line that goes on to report something a request', () => {
    expect(
      classifyNoise('Priya joined #ext-acme. The barrier at gate 2 is stuck closed since 7am.').noise,
    ).toBe(false);
  });

  it.each([
    'Dan Whitford has accepted this meeting.\nUpgrade planning\nWhen: Thursday, 12 September 2024 10:00–11:00 (UTC+00:00)\nWhere: Microsoft Teams Meeting\n\nJoin on your computer, mobile app or room device\nMeeting ID: 382 114 907 661\nPasscode: Xk7p2Q',
    'Accepted: Quarterly service review\nWhen: Thursday 12 September 2024 10:00–11:00 (UTC+03:00) Helsinki\nWhere: Microsoft Teams meeting\n\nDaniel Okafor has accepted this meeting.\n---\nAgenda: incident summary Q2, roadmap, renewal timeline',
  ])('%j is a calendar response', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'calendar-response' });
  });

  it.each([
    'Thank you for your email.\n\nI am out of the office until Monday 19 August with very limited access to email. Your message has not been forwarded.\n\nFor URGENT matters – e.g. a barrier stuck closed – please call our duty manager on +44 7700 900412 (24/7).\n\nKind regards,\nSarah Whitfield\nParking Operations Manager | Castlegate Estates Ltd\n1 Minster Yard, York YO1 7HH',
    'Thank you for your email. I am out of the office until Friday 23 August with limited access to email.\n\nIF THIS IS A LIFT ENTRAPMENT OR EMERGENCY: do not email. Call our 24/7 control room on 0330 058 4411.\n\nKind regards,\nRachel Dunmore\nUnit 4, Calder Park, Wakefield WF2 7AW',
    'Tämä osoite ei ole enää käytössä. Satu Laine on siirtynyt toisiin tehtäviin 1.9. alkaen.\n\nLIMS-asioissa ota yhteyttä osoitteeseen lims@example.fi.\n\nViestiäsi ei välitetä eteenpäin.',
    'Hei,\nolen koulutuksessa 14.–15.5. enkä pääse lukemaan sähköpostia. Vastaan viesteihin 16.5. alkaen.',
  ])('%j is an auto-reply', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'auto-reply' });
  });

  it.each([
    'Thanks Sara, received — I’ll forward it to our head of service.',
    'Kiitos tiedosta! Välitin huoltotiedotteen meidän freelancereille. Ei tarvitse tehdä meidän puolesta mitään muuta.',
    'Kiitos nopeasta vastauksesta, tämä riittää meille toistaiseksi. Mukavaa viikonloppua!',
    'Just confirming the one-way audio on the Leeds queue is fixed since last night. Happy for you to close #48213.',
  ])('%j is a closing note', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'closing-note' });
  });

  it('does not read handing a complaint on to a director as a closing', () => {
    expect(
      classifyNoise('Tukipyyntöön ei ole vastattu kolmeen viikkoon. Välitän asian sivistysjohtajalle.').noise,
    ).toBe(false);
  });
});

describe('round 33: a newcomer introduced, an acceptance with a note, more closings and auto-replies', () => {
  it.each([
    "Tom Reeve has joined #fleet-shared.\n\nTom Reeve: hi all 👋 I've taken over from Ruth on the systems side, will mostly be lurking for now",
    'Maria Lopez (Westfield Estates) has joined #lv-shared. Say hi 👋',
  ])('%j is a membership notice', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'membership' });
  });

  it('keeps an introduction that reports an outage a request', () => {
    expect(
      classifyNoise(
        "Tom has joined #fleet-shared.\nTom: hi all, I've taken over from Ruth — the tracking is down for every bus",
      ).noise,
    ).toBe(false);
  });

  it.each([
    'Accepted: Quarterly review – Northgate\nWhen: Thursday 14 November 2024 10:00–11:00 (UTC+00:00)\nWhere: Microsoft Teams meeting\n\nGreg will join from 10:15, he has an inspection beforehand.',
    'Hyväksytty: Koulutus – uudet ominaisuudet\nAika: ti 8.10.2024 13:00–14:30\nPaikka: Teams\n\nTulen, mutta joudun lähtemään vartin aikaisemmin.',
  ])('%j is a calendar response', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'calendar-response' });
  });

  it('keeps an acceptance whose note reports an outage a request', () => {
    expect(
      classifyNoise(
        'Accepted: Quarterly review\nWhen: Thursday 14 November 2024 10:00–11:00\nWhere: Teams\n\nBy the way, the portal is down for everyone since 9.',
      ).noise,
    ).toBe(false);
  });

  it.each([
    "Got it, thanks. I'll pass the 4.12 release notes to the depot engineers on Monday.",
    'Thanks Priya, received. I’ve forwarded the certificate rotation steps to our identity team.',
    'Kiitos tiedosta. Välitän infon lauantain huoltokatkosta (klo 6–8) meidän välittäjille. Ei muuta tällä kertaa.',
    'Tää on meidän puolesta kunnossa, voitte sulkea.',
    'Eli tiketin 20931 voi sulkea, ei muuta meiltä.',
    'Kiitos nopeasta reagoinnista! Kaikki pelittää taas eikä tarvita mitään.',
  ])('%j is a closing note', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'closing-note' });
  });

  it.each([
    'Automaattinen vastaus: Olen poissa toimistolta 23.12.–6.1.\n\nTietoturvapoikkeamat: soc@example.fi / 24/7 päivystys 020 555 1100.\n\nRauhallista joulua!',
    'Thank you for your email.\n\nI am out of the office from Friday 4 October, returning Monday 14 October, with no access to email.\n\nFor urgent matters please contact our on-call coordinator on 0161 496 0732.\n\nIf you have received this email in error please notify the sender.',
    'Tämä on automaattinen vastaus.\n\nKiireelliset asiat: päivystys 0800 12345 (24 h).\nEmme käsittele vuokrahakemuksiin liittyviä pyyntöjä sähköpostitse.\n\nIsännöinti ja Vuokrapalvelut Lahtinen Oy',
  ])('%j is an auto-reply', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'auto-reply' });
  });
});

describe('round 34: Slack Connect notices, a hole to close, a law firm in a signature', () => {
  it.each([
    'Tiina Mäkelä (Hammaslaboratorio Kruunu) has joined #shared-kruunu.\nPekka Ojala left #shared-kruunu.\nThis channel is shared with CaseBridge Oy. Messages are visible to members of both organizations.',
    '**Petra Lindqvist** has joined #ext-verstas\n**Tomas Berg** has left #ext-verstas',
    'jonas.keller has joined the channel.\njonas.keller was added to #slopedesk-alpenhof by Sabine Gruber.',
    'Sarah Okafor joined #ext-greenhaul. Say hi 👋\n\nSarah Okafor — Fleet Operations Coordinator, GreenHaul Ltd (Leeds depot)',
  ])('%j is a membership notice', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'membership' });
  });

  it('keeps a reported hole "so you can close it" a request', () => {
    expect(
      classifyNoise(
        "If you change /booking/100233 to /booking/100234 in the URL you see somebody else's booking summary. Flagging so you can close it.",
      ).noise,
    ).toBe(false);
  });

  it('keeps a closing with a notice in it a request', () => {
    expect(
      classifyNoise('All sorted, you can close this one. We have decided not to renew though.').noise,
    ).toBe(false);
  });

  it('reads a thanks signed by a law firm as a closing note', () => {
    expect(
      classifyNoise(
        'Kiitos nopeasta vastauksesta, tämä riittää meille toistaiseksi.\n\nSanna Mäkelä / Lakiasiaintoimisto Mäkelä & Virtanen Oy',
      ),
    ).toEqual({ noise: true, reason: 'closing-note' });
  });
});

describe('round 35: auto-replies with one odd line, a calendar answer signed with a title', () => {
  it.each([
    'Automaattinen vastaus: Syksyn nostot\n\nOlen lomalla 14.10.–25.10. enkä lue sähköpostia.\nKiireellisissä asioissa:\n• Nostot: telakkamestari Ari Niemi, p. 040 555 2281\n• Laskut: toimisto@esimerkkiseura.fi\n\nTerveisin\nMarkku Hellström\nsatamakapteeni, Esimerkin Pursiseura ry',
    'This is an automated response from the Maintenance Control Centre.\nYour message has been received and logged under reference MCC-2024-1021. This mailbox is monitored 24/7, but non-operational messages are handled on business days only.\nFor urgent aircraft matters call +358 9 555 3300.\nNorthwind Regional Oy · Part-CAMO approval FI.CAMO.0042 · Helsinki-Vantaa',
    'Automatic reply: RE: Roster export failing again?\nThank you for your email. I am out of the office from 15 July until 2 August with no access to email.\nFor urgent roster matters please contact Heidi Salonen, heidi.salonen@example.fi.',
    'Thank you for contacting Example Transport customer service.\nYour case #45821 has been registered and will be handled within 3 working days.\nOpening hours: Mon–Fri 07:00–16:00.\nIn an emergency, call 112.\nThis is an automated message, please do not reply.',
    'Tämä on automaattinen vastaus. Älä vastaa tähän viestiin.\nViestisi on vastaanotettu kirjaamoon ja se käsitellään virka-aikana. Asiakirjan diaarinumero ilmoitetaan tarvittaessa erikseen.\nKiireellisissä asioissa soita vaihteeseen p. 03 555 2000.\nEsimerkin kunta / Kirjaamo',
    'This mailbox is no longer monitored.\nThe league has moved to a new registrar address. Please resend your message to registrar@example.org.\n• Billing: treasurer@example.org\n• Field closures: example.org/fields\nThank you,\nThe Board',
  ])('%j is an auto-reply', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'auto-reply' });
  });

  it.each([
    "I'm out of the office until Monday, but the export has been broken since this morning.",
    'Automatic reply: I am away until 3 June, but our whole team is locked out of the portal, please call Anna.',
  ])('keeps %j a request', (text) => {
    expect(classifyNoise(text).noise).toBe(false);
  });

  it('reads a calendar acceptance signed with a title as a calendar answer', () => {
    expect(
      classifyNoise(
        'Accepted: Quarterly review – outage post-mortem & H2 roadmap\nWhen: Thursday 18 April 2024 10:00–11:30 (UTC+02:00) Helsinki\nWhere: Microsoft Teams meeting\nMarko Virtanen has accepted this meeting.\nMarko Virtanen\nHead of Ground Operations, Example Ground Services Oy',
      ),
    ).toEqual({ noise: true, reason: 'calendar-response' });
  });
});

describe('round 36: service-desk receipts, bilingual mailboxes, agendas in calendar answers, a closing under its subject', () => {
  it.each([
    'Kiitos yhteydenotostasi! Pyyntösi on vastaanotettu IT-tuen järjestelmään tunnuksella INC0049817.\nKäsittelemme pyynnöt saapumisjärjestyksessä arkisin klo 8–16. Jos kyseessä on kriittinen häiriö, soita numeroon 09 555 8800.\nTähän viestiin ei voi vastata.\n--\nEsimerkki Oy | IT-palvelut',
    'Tämä on automaattinen vastaus. / This is an automatic reply.\nKiitos viestistäsi. Yhteistä postilaatikkoa luetaan arkisin klo 8–16, ja vastaamme kahden arkipäivän kuluessa.\nKiireelliset asiat:\n– Vastaanotto: 020 555 1000 (24/7)\n– Tietojärjestelmien häiriöt: IT-palvelupiste 020 555 1099\nThank you for your message. The mailbox is monitored on weekdays 8–16 (EET).',
    'This is an automated message from Example Sealink AS.\nThis mailbox is not monitored. Your message regarding booking ref. NFS-2291837 has NOT been delivered to a person.\n- For urgent operational matters (delays, vessel incidents), contact the traffic centre 24/7 at +47 57 55 20 99\n- Invoicing questions: invoice@example.no',
    'Auto-reply: Sister Margaret is on retreat until Monday 14 April and is not reading email.\nFor urgent matters concerning the community, please ring the convent on 01492 555 301.\nPax et bonum.',
    'This mailbox is no longer monitored.\nAs of 1 September 2024, purchase order confirmations are handled exclusively via the Supplier Portal.\nFor URGENT same-day delivery deviations, call the terminal duty line.\nThis is an automated message. Please do not reply.',
  ])('%j is an auto-reply', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'auto-reply' });
  });

  it('reads a calendar acceptance with the organiser’s agenda as a calendar answer', () => {
    expect(
      classifyNoise(
        'Accepted: Quarterly service review – Ticketing @ Thu 14 Nov 10:00–11:00 (EET)\nMari Koskinen has accepted this invitation.\nAgenda:\n1. Q3 incident recap (online sales outage 21 Sept)\n2. Renewal timeline 2025\nJoin Microsoft Teams meeting\nMeeting ID: 371 552 904 118',
      ),
    ).toEqual({ noise: true, reason: 'calendar-response' });
  });

  it('reads a closing under a subject that names the incident as a closing note', () => {
    expect(
      classifyNoise(
        'Re: Incident report – outage 12 Feb\nThanks, received the incident report and shared it with our management team. No further questions from our side. Feel free to close this one.',
      ),
    ).toEqual({ noise: true, reason: 'closing-note' });
  });

  it('keeps a closing that reports a new outage in its body a request', () => {
    expect(
      classifyNoise(
        'Re: Invoice question\nThanks, you can close this one. The portal is down again for everyone though.',
      ).noise,
    ).toBe(false);
  });
});

describe('round 37: auto-replies naming outages, closings under a disclaimer or a signature line, a closing that recounts', () => {
  it.each([
    'Automatic reply: Re: Invoice template change\nThank you for your email. I am out of the office from 8 July to 28 July with limited access to email. Your message will not be forwarded.\nFor urgent matters please call our office at +358 40 555 2299.\nIf your matter concerns a system outage affecting Saturday lessons, call our duty instructor on +358 50 555 4410.\nBest regards,\nMarkus Heino\nOperations Manager | Example Oy\nwww.example.fi',
    'This mailbox (tickets@example.co.uk) is no longer monitored.\nFrom 1 September, all ticketing enquiries are handled by our Audience Services team at audiences@example.co.uk.\nIf your message concerns a technical problem during a performance (for example the box office system being down), please call the Technical Duty Manager on 0117 555 0852.\nThis is an automated message – please do not reply.',
    '[Ticket #FAC-20931] We have received your request\nThis is an automated message from the Example Service Desk. Your request "RE: Door access outage – incident report" has been logged and will be handled by the next available agent. Typical response time: 1 business day.\nPlease do not reply to this message.',
    'Automaattinen vastaus: Olen vuosilomalla 1.–21.7. enkä lue sähköpostia.\nKiireellisissä asioissa ota yhteyttä kiinteistöhuoltoon p. 020 555 4400 (24h). Jos varausjärjestelmä on kokonaan alhaalla, soita suoraan järjestelmätoimittajan tukeen.\nTerveisin\nJussi Korhonen',
  ])('%j is an auto-reply', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'auto-reply' });
  });

  it.each([
    'Thanks both — got the corrected credit note for invoice 2024-1187, all good on our end.\nKind regards,\nAnneli\n\nThis e-mail and any attachments may contain confidential information. Example Oy does not accept liability for any data loss or damage caused by viruses.',
    'Perfect, got the credit note for the double-billed SMS package, thanks Mikko. Forwarded it to our bookkeeper.\n\n--\nHenrik Lindqvist\nOwner',
    'Hi Tomas,\n\nConfirming from our side: the checkpoints had stopped syncing since Tuesday’s update (guards saw the green tick but nothing arrived). After your hotfix the backlog came through.\n\nNothing more needed — you can close ticket #20417.\n\nThanks for the quick turnaround,\nRiikka',
  ])('%j is a closing note', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'closing-note' });
  });

  it.each([
    'You can close ticket #20417. But the export is still broken for the Vantaa site.',
    'hey, just closing the loop on the login issue from last week — all good on our side since the fix. really appreciated the quick turnaround from your team',
  ])('keeps %j a request', (text) => {
    expect(classifyNoise(text).noise).toBe(false);
  });
});

describe('a closing that closes the ticket and reports something new', () => {
  it('stays a request when the problem it names is not said to be over', () => {
    expect(
      classifyNoise('You can close ticket #20417. The export has stopped working for the Vantaa site.').noise,
    ).toBe(false);
  });
});

describe('round 38: service-desk receipts, bilingual absences, bulletins with questions in their contents, channel topics', () => {
  it.each([
    'Tämä on automaattinen vastaus.\n\nVastaamme sähköposteihin arkisin klo 8–16, yleensä saman päivän aikana.\n\nJos asiasi koskee kiireellistä vikaa, soita päivystykseen 0400 123 456.\n\nEsimerkki Oy\nKauppakatu 1, 40100 Jyväskylä\nwww.esimerkki.fi',
    'Thank you for contacting Acme Customer Service!\n\nWe have received your message. Your case number is #12345.\n\nPlease note: during Black Week response times may be longer than usual. If your matter concerns an order that has not arrived, please check the tracking link first.\n\nAcme AB | Customer Service',
    "Auto-reply: I'm on annual leave until Monday 19 August and will not be checking emails.\n\nIn an emergency always call 112. For anything about the case system (access requests, password resets, system down), please email it.support@example.org.\n\nKind regards,\nDana Whitlock\nSystems & Performance Lead, Children's Services\nExample County Council",
    '*** Automated response ***\nThank you for contacting the Family Services Digital Team.\n\nPlease note:\n- If you are reporting a concern about a child, do not use this mailbox.\n- For urgent system faults (e.g. the case system unavailable), ring the IT Service Desk on ext. 4400.',
    'Automaattinen vastaus: Olen vuosilomalla 1.7.–26.7.2024, eikä sähköpostiani lueta tänä aikana.\n\nJag har semester 1.7–26.7.\n\nPekka Virtanen\nVirtasen Puutarha Oy',
    'Kiitos yhteydenotostasi!\n\nOlemme vastaanottaneet sen ja käsittelemme sen 3 arkipäivän kuluessa. Viestisi viitenumero on #KA-88214.\n\nLatauspisteitä koskevat kysymykset ohjataan suoraan latausoperaattorille.\n\nAsiakaspalvelu | Isännöinti Oy',
  ])('%j is an auto-reply', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'auto-reply' });
  });

  it.each([
    "GROWERS' BULLETIN — October edition\n\nIn this issue:\n• What happens when your heating goes down? Lessons from last winter\n• New energy subsidy rules\n\nYou are receiving this email because you subscribed at growers.example. Unsubscribe | Update preferences",
    'Puutarhaliiton jäsentiedote 9/2024\n\n• Energiatuen haku auki 30.9. asti\n• Syyskokous 14.11. Helsingissä\n\nTämä viesti lähetettiin kaikille jäsenille. Jos et halua vastaanottaa tiedotteita, vastaa tähän viestiin sanalla PERU.',
  ])('%j is bulk mail', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'bulk-mail' });
  });

  it.each([
    '*Eero Salminen* joined #ext-acme-salminen along with 2 others.\n\n_Channel topic: Shared support channel. For urgent issues (system down on a service day) call the hotline +358 9 1234 5678._',
    '@Laura Bennett joined #ext-harbor along with 2 others.\nChannel topic: Shared channel for escalations – machine down alerts, cashless outages. For P1 incidents call the hotline.',
  ])('%j is a membership notice', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'membership' });
  });

  it('reads thanks above a quoted answer and a "-- " signature as thanks', () => {
    expect(
      classifyNoise(
        'Kiitti! 👍\n\n> Ti 3.9. Support kirjoitti:\n> Aamun katko kirjautumisessa johtui varmenteen uusimisesta.\n\n--\nPetra Salonen\nPääkäyttäjä\nSatakunnan hyvinvointialue',
      ).noise,
    ).toBe(true);
  });

  it.each([
    'Thank you for contacting Acme Support! Your case number is #123. Our whole warehouse cannot scan since 7am and we are stopped.',
    'Newsletter question\nWhy did our customers get your newsletter twice? Unsubscribe | Manage preferences',
    '@Laura Bennett joined #ext-harbor.\nChannel topic: escalations. Is the dispatch board down for everyone? We see nothing since 6am.',
  ])('%j stays a request', (text) => {
    expect(classifyNoise(text).noise).toBe(false);
  });
});

describe('round 39: holiday mailboxes with a list of where matters go, service desks that ask to keep the reference', () => {
  it.each([
    'This mailbox is not monitored over the holiday period (20 December – 6 January).\nIf your message concerns:\n• a system outage affecting randomisation: call the on-call pharmacist, +358 9 471 80000\n• anything else: we will get back to you after 7 January.\nExample Hospital, Trials Unit\nThis is an automated message.',
    'Automaattinen vastaus: Olen lomalla 1.7.–28.7. enkä lue sähköpostia.\nKiireellisissä asioissa ota yhteyttä Päivi Rantaseen, p. 050 432 1188. Ilmoitukset sponsorin osoitteeseen, älä jätä niitä odottamaan mua! Jos eCRF ei toimi, vikailmoitus suoraan järjestelmätoimittajan tukeen.\nTerveisin\nHanna Mäkelä\ntutkimushoitaja',
    'Tämä on automaattinen vastaus. Viestisi on vastaanotettu yhteiseen postilaatikkoon. Käsittelemme viestit arkisin klo 8–15.\nSähköpostia ei seurata iltaisin eikä viikonloppuisin.\nPohjanmaan hyvinvointialue\nTutkimus- ja kehittämisyksikkö',
    'This is an automated response from the Example IT Service Desk.\nYour email has been received and logged as ticket HX-20931. A member of our team will respond within 8 business hours.\nIf your issue is a critical outage affecting multiple users, please do not reply to this email — call 0330 088 4421.\nPlease keep the ticket reference in the subject line of any reply.',
    'Automatic reply: RE: Log import\nThank you for your email. I am out of the office until Tuesday 27 August with no access to email.\nIF THE STATION IS OFF AIR, do not wait for me – call the engineering on-call mobile 07700 914 227.\nKind regards,\nSophie Marsh\nTraffic & Scheduling Manager | Harbour FM / Tamar 107\nManaged by Calder Property Management Ltd',
  ])('%j is an auto-reply', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'auto-reply' });
  });
});

describe('round 40: where other matters go, and a changed channel topic', () => {
  it.each([
    'Tämä on automaattinen vastaus.\nViestisi on vastaanotettu laskutukseen. Käsittelemme viestit arkisin 2–3 työpäivän kuluessa.\nHuom! Tähän osoitteeseen ei voi tilata kuljetuksia. Kiireelliset tilaukset p. 03 412 7700 (24/7). Hätätilanteessa soita 112.\nYstävällisin terveisin\nEsimerkki Oy',
    'Automaattinen vastaus: Olen kesälomalla 30.6.–27.7. enkä lue sähköpostia.\nJärjestelmän käyttöoikeuksia koskevat pyynnöt IT Helpdeskiin.\nViestejä ei välitetä eteenpäin.\nTerveisin\nJohanna Virtanen\nTampereen yliopisto, Tutkimus- ja innovaatiopalvelut',
    'Thank you for your email. I am on annual leave until Friday 22 August with no access to email.\nFor system access problems please raise a ticket via the IT Service Desk portal.\nYour email will not be forwarded.',
    '[Example IT Service Desk] Your request has been received – Ref INC0048213\nThis is an automated message. Your email has been logged and will be picked up during business hours.\nPlease do not reply to this message. To add information to your request, quote INC0048213 in the subject line.',
  ])('%j is an auto-reply', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'auto-reply' });
  });

  it('reads a join line and a changed channel topic as a membership notice', () => {
    expect(
      classifyNoise(
        'Dr. Priya Raman has joined #uoe-support.\nMarcus Boyle has left #uoe-support.\nFiona Grant changed the channel topic to: "Shared support channel – for urgent outages use the status page"',
      ),
    ).toEqual({ noise: true, reason: 'membership' });
  });
});

describe('round 41: recaps that close a fixed ticket, acknowledged maintenance windows, more desks’ receipts', () => {
  it.each([
    'Out of Office: Re: [Helpdesk #40112] Export question\n\nHello,\n\nI am on parental leave until 14 February and am not monitoring this mailbox.\nFor contract questions please email contracts@example.com.\n\nThanks,\nAnna Berg',
    'Kiitos viestistäsi / Thank you for your message\n\nOlen lomalla 3.–7.3. ja palaan maanantaina 10.3. Viestejä ei välitetä eteenpäin. Kiireellisissä asioissa soita 09 123 4567.\n\nTerveisin\nMaija Mäki',
    '[Hilltop Tennis Club] Request received: #HT-5512 "Re: Court booking invoice"\n\nThank you for contacting Hilltop Tennis Club. This is an automated message to confirm we have received your email. A member of the office team will respond within 2 working days.\n\nOffice hours: Monday–Friday 9:00–17:00. The clubhouse is closed on Sundays from October to March.\n\nPlease do not reply to this email.',
    '*** Automatic reply: This mailbox is no longer monitored ***\n\nThe address qa@example.com was retired on 1 March. Your email has not been read.\n\n- Supplier matters: supplier@example.com\n- Invoices: ap@example.com',
    'Thank you for your email. I am out of the office until Monday 3 June with no access to email.\n\nFor urgent matters please contact Jane Doe on +44 1632 960 111.\n\nKind regards,\nTom Reed\nHead of Quality & Food Safety | Example Foods Ltd',
  ])('%j is an auto-reply', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'auto-reply' });
  });

  it.each([
    // A recap of the fixed failure, closed in so many words, longer than a short note.
    'Hi Marta,\n\nConfirming the fix worked. Recap for the record: after the May release the due-date reminders stopped going out for anything assigned to a group, so about 40 actions went overdue without anyone being notified. Since your patch on Tuesday the reminders are firing again, the backlog was resent on Wednesday and all owners have acknowledged. I checked a sample of ten in the audit trail and everything is there as expected, including the escalations to the site managers.\n\nHappy for you to close #48213. Thanks for sticking with it.\n\nBest,\nLouise',
    'Moi,\n\nvahvistan että synkka toimii nyt. Tiistaina aamuvuoron kirjaukset ei siirtyneet ollenkaan ja ne kirjattiin käsin, mutta teidän korjauksen jälkeen kaikki jumissa olleet kirjaukset tuli perille.\n\nTiketin voi sulkea, kiitti!\n\nt. Satu',
    'Moi Anni, kiitti avusta! Se jumiin jäänyt tiedote on nyt poistunut kaikilta näytöiltä ja normaali soittolista pyörii taas. Tämän tiketin voi sulkea 👍',
    'Kiitti Jussi, nyt toimii! 👍 PDF-export kaatui aiemmin isoilla liitteillä, nyt meni läpi 34 kuvalla. Voitte sulkee tiketin.',
    // A maintenance window acknowledged and passed on inside the customer's team.
    'Selvä, kiitos tiedosta. Välitän tuon huoltokatkon ajankohdan (su klo 2–4) meidän vuoropäälliköille, ei vaikuta meihin.',
    'Thanks for the heads-up about the maintenance window on Sunday 02:00–04:00. We’ve told the night shift the app will be down then. No action needed from your side.',
    'Got it, thanks Ben. I’ll pass the maintenance window (Sun 17 Nov, 02:00–04:00) on to the ground staff so nobody panics.',
    'Kiitos tiedosta. Välitin huoltokatkoilmoituksen (ti 4.3. klo 22–02) meidän esimiehille. Ei muuta meiltä tällä erää.',
    'Selvä, kiitos tiedosta. Laitetaan tuo sunnuntain huoltokatko (klo 02–04) myymäläpäälliköille tiedoksi.',
    'Perfect, thanks Sam - that’s exactly what I needed, the export shows the totals now. Have a good weekend!',
    'Kiitos Mikko eilisestä avusta! Kierrokset siirtyi nyt oikein ja kaikki puuttuneet kortit näkyy. Eipä muuta tällä erää, hyvää viikonloppua 😊',
  ])('%j is a closing note', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'closing-note' });
  });

  it.each([
    // A new failure beside the closing is no recount.
    'After your fix the export works again, thanks. You can close #4411. Separately, since this morning none of our users can log in.',
    'You can close #4411. Since this morning none of our users can log in.',
    'Happy for you to close #4411 — the export is fine now. Nobody can log in to the app though.',
    'Thanks for the heads-up about the maintenance window. Unrelated: since 9:00 none of our tills can take card payments.',
  ])('keeps %j a request', (text) => {
    expect(classifyNoise(text).noise).toBe(false);
  });
});

describe('round 42: forwarded newsletters, quoted requests under a closing, more absences', () => {
  it('reads a bare forward of a newsletter under a "Fwd:" subject line as bulk mail', () => {
    expect(
      classifyNoise(
        'Fwd: Trade Association Member Update — December\n\n--- Forwarded message ---\nFrom: Example Trade Association <news@example.org>\nSubject: December Member Update\n\nIN THIS ISSUE\n• Salt prices down 8–12%\n• Webinar recap: "Surviving a software outage mid-season"\n• Early-bird registration closes 15 January\n\nYou are receiving this because you are a member. Unsubscribe | Manage preferences',
      ),
    ).toEqual({ noise: true, reason: 'bulk-mail' });
  });

  it.each([
    'Thanks Priya, that did it — cleared the app cache on the tablets and the job packs load again.\n\nOn Tue, 4 Jun 2024 at 09:12, Gareth <gareth@example.com> wrote:\n> Morning, the survey app is down for two of our guys. URGENT please.',
    'Hi Jonas, confirming the badge printing issue from this morning is resolved. Turned out the printers at desks 3–7 were still on the old driver, so every print job failed. After reinstalling the driver all desks print fine. You can close ticket #50312. Thanks!',
    'Just confirming: the sync is running again and the data for 3–5 March has been backfilled for all sites. Everything checks out, so you can close this one.',
    'Thanks a lot for the quick answer yesterday on the VAT setup. Our accountant confirmed it, so we’ve updated everything on our side. All good for now — have a great weekend!',
  ])('%j is a closing note', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'closing-note' });
  });

  it.each([
    'Olen vuosilomalla 23.12.–6.1. enkä lue sähköpostia säännöllisesti.\n\nKiireellisissä asioissa soita päivystysnumeroon 040 123 4567.\n\nYstävällisin terveisin\nTiina Lahtinen\nToimitusjohtaja\nKiinteistöhuolto Lahtinen Oy\nHatanpään valtatie 24, 33100 Tampere',
    'Automaattinen vastaus: Olen kesälomalla 1.7.–28.7. enkä lue sähköpostia.\nKiireellisissä asioissa ota yhteyttä päivystykseen p. 040 552 1830.\nViestejä ei välitetä eteenpäin.\n\nTerveisin\nHanna Koskinen\nmyyntipäällikkö | Pohjolan Messut Oy',
    'Tämä on automaattinen vastaus. Olemme vastaanottaneet viestisi ja asiakaspalvelumme vastaa siihen kahden arkipäivän kuluessa.\n\nLämpöpiste Oy | Asiakaspalvelu\nma-pe 8-16',
    'Kiitos viestistäsi!\n\nTämä on automaattinen vastaus. Olemme vastaanottaneet viestisi ja vastaamme siihen 2–3 arkipäivän kuluessa. Ruuhka-aikoina vastaaminen voi kestää pidempään.\n\nAurinkoisin terveisin\nKylpylä Saimaanranta – Asiakaspalvelu',
  ])('%j is an auto-reply', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'auto-reply' });
  });

  it('keeps a closing a request when the customer’s own words, not the quote, report a failure', () => {
    expect(
      classifyNoise(
        'Thanks Priya, that did it for the tablets. The web app is down for everyone in the office though.\n\nOn Tue, 4 Jun 2024 at 09:12, Gareth <gareth@example.com> wrote:\n> Morning, the survey app is down for two of our guys.',
      ).noise,
    ).toBe(false);
  });
});

describe('round 43: more desks’ receipts and absences, closings marked resolved', () => {
  it.each([
    '[Auto-reply] Thank you for contacting Example Bike Share Operations. Your request has been logged as #48213 and one of our team will get back to you within 2 working days.\n\nPlease note: if a docking station is out of service, report it in the app under "Report a problem".\nOffice hours Mon–Fri 08:00–17:00.\nThis mailbox does not accept attachments larger than 10 MB.',
    '[Automated reply] Thanks for contacting Muddy Paws Grooming. We’ve received your message and will get back to you within 2 working days.\n\nPlease don’t reply to this message.',
    'Out of office: I’m on parental leave until 3 March.\n\nDuring my absence:\nI will not read messages during my leave and they will not be forwarded.\nFor invoices please email ap@example.com.',
    'Automaattinen vastaus: Lomalla\n\nOlen lomalla 1.–14.7. Vastaan viestiisi lomani jälkeen.\nKiireellisissä asioissa soita 040 123 4567.',
    'Automatic reply: Re: [Support #51207] Deposit payout delayed\n\nHi there,\n\nI’m out of the office until Mon 11 Nov with very limited access to email.\n\n- If the booking system is down, please call our studio manager on 07700 900418\n\nCheers,\nKayleigh',
  ])('%j is an auto-reply', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'auto-reply' });
  });

  it.each([
    'Joo tää on nyt ok, tilaus meni läpi. Kiitti nopeesta avusta, tän voi merkitä ratkaistuksi.',
    'Kiitos ohjeista. Katsotaan nää ensi viikolla kun Tiina palaa lomalta, ei tarvii tehdä teidän päässä mitään. Palaillaan jos tulee kysyttävää.',
    'Kiitos paljon, nyt pelittää! Kuitti lähtee taas asiakkaalle suoraan maksun jälkeen.',
    'Hi Priya,\n\nJust confirming the duplicate reminders have stopped since the fix went out on Tuesday.\n\nAll good from our side so you can close this one.\n\nThanks\nGareth',
  ])('%j is a closing note', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'closing-note' });
  });
});

describe('round 44: absences told at length, offices closed, thanks with how it went, notices acknowledged', () => {
  it.each([
    'Automatic reply: RE: Booking #4471\n\nThank you for your email. I am out of the office from 3 to 17 June, hiking in Lapland with very limited connectivity.\n\nFor anything urgent, or if the booking system is down, please call our office on +358 40 712 3390.\n\nI will reply when I’m back. Happy trails!\n\nAnna Virtanen\nSatamakatu, 20100 Turku',
    'Automatic reply: RE: Proof #P-2093\n\nI am out of the office until Tuesday 22 April.\n\nIf a permit needs action before my return, please forward it to Lorraine in the office.\n\nKind regards,\nJoanne',
    'Automaattinen vastaus: Olen kesälomalla 8.7.–28.7. enkä lue sähköpostia.\n\nKiireellisissä asioissa soita 040 718 2293.\n\nJos järjestelmä on alhaalla, kirjaukset tehdään paperille ja syötetään myöhemmin.\n\nTerveisin\nAnne',
    'Kiitos viestistäsi!\n\nTämä on automaattinen vastaus. Vastaamme arkisin 2 työpäivän sisällä.\n\nJos et pääse kirjautumaan, kokeile ensin salasanan palautusta. Varausten siirrot onnistuu myös itse sovelluksessa.',
    'Kiitos viestistäsi.\n\nToimisto on suljettu 23.12.–6.1. Kiireellisissä asioissa soita päivystysnumeroon 050 431 7702.\n\nHakemukset käsitellään tammikuussa saapumisjärjestyksessä. Hakemuksia ei tarvitse lähettää uudelleen.\n\nYstävällisin terveisin\nKangasalan seurakunnan hautatoimisto',
  ])('%j is an auto-reply', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'auto-reply' });
  });

  it.each([
    'Thanks Sara, that’s exactly what I was after — I didn’t know the template could pull the batch number. Have a great weekend!',
    'Brilliant, thanks Laura — that’s exactly what I needed. Have a lovely weekend, I’ll pass the steps on to the instructors.',
    'Cheers Sarah, that’s done the trick — the layer shows on the PDF now.',
    'Great, thanks Leon — confirmed from our end, the tablets are syncing again.\n\n> URGENT UPDATE: we have deployed a fix for the sync failure.',
    'Kiitos tosi paljon nopeesta avusta eilen illalla, saatiin asiakkaat sisään ajoissa ja aamun vuoro lähti ihan normisti!',
    'Kiitos nopeasta vastauksesta! Nyt selvis miksi hinnat näytti tuplana — meillä oli syötetty väärä eräkoko. Ei siis bugi. 👍',
    'Selvä, kiitos ilmoituksesta. Eli sunnuntaina klo 02–05 huoltokatko ja järjestelmä alhaalla sen aikaa. Ei haittaa meitä, olemme silloin kiinni.',
    'Re: Huoltokatko la 16.11. klo 02–04\n\nKuitattu, kiitos tiedosta. Meillä ei ole yövuoroa silloin, joten katko ei vaikuta meihin.',
    'Quick update to close the loop. Turns out the "scheduler is down" issue was on our side — a firewall rule blocked the connector, so the board stopped getting machine states. IT rolled it back and the machines are reporting again. You can close ticket #51877.',
    'Moi! Tuplatilaus on nyt selvitetty ja ylimääräinen rivi poistettu järjestelmästä. Voitte sulkea tiketin 👍',
  ])('%j is a closing note', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'closing-note' });
  });

  it.each([
    'Kiitos nopeasta avusta eilen, homma toimii nyt hienosti. Teillä on kyllä tosi hyvä tuki.',
    'Kiitos Annalle eilisestä avusta, tosi hyvää ja nopeaa palvelua!',
    'Thanks for the quick reply, the export now shows wrong totals for March.',
    'Kiitos tiedosta. Huoltokatko ei haittaa meitä, mutta raportit ei edelleenkään aukea.',
  ])('%j stays a message', (text) => {
    expect(classifyNoise(text).noise).toBe(false);
  });

  it('reads a forwarded newsletter named in its subject line as bulk mail', () => {
    const text =
      '---------- Forwarded message ---------\nFrom: Club Juniors <news@example.org>\nSubject: October newsletter\n\nHi families!\n\n– Tryouts are done\n– Ice time moves to Rink 2 from November\n\nSee you!\n\nTo unsubscribe, click here.';
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'bulk-mail' });
  });
});

describe('round 45: desks’ references and portals, the workaround taken to try, invitations and channel rosters', () => {
  it.each([
    'Thank you for contacting Northgate Helpdesk.\n\nThis is an automated response to confirm we have received your email. Please quote this reference in any further correspondence.\n\nOur helpdesk is staffed Monday–Friday 08:00–18:00.',
    'Automatic reply: Re: invoice settings\n\nI am away until Monday 14 July and will reply when I’m back.\n\nLesson bookings and cancellations: please use the member portal, not email.\n\nKind regards,\nLouise',
    'Automaattinen vastaus: Olen kesälomalla 8.7.–29.7. enkä lue sähköpostia.\n\nTuntivaraukset ja peruutukset hoituu jäsenportaalin kautta normaalisti.\n\nTerveisin\nPäivi',
    'Tämä on automaattinen vastaus.\n\nKiitos viestistäsi! Asiakaspalvelu on suljettu juhannuksen ajan 20.–23.6. Vastaamme viesteihin saapumisjärjestyksessä maanantaista 24.6. alkaen.',
    'This mailbox is no longer monitored.\n\nFrom 1 September all supplier invoices must be submitted via our supplier portal. Invoices sent by email will not be processed.\n\nKestrel Build Group plc.',
  ])('%j is an auto-reply', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'auto-reply' });
  });

  it.each([
    'Got it, thanks — we’ll try the workaround (re-saving the booking) before Monday and shout if anything’s still off.',
    'Moi, homma on nyt kunnossa. Vika olikin meidän päässä – tunnukset oli vaihdettu eikä niitä päivitetty. Kiitos kärsivällisyydestä, sulkekaa vaan.',
    'Moi, kuittitulostin toimii taas! Vaihdettiin IP-osoite asetuksiin. Voitte laittaa tiketin kiinni, kiitos avusta 🙏',
    'Ok, kiitos tiedosta 👍 Huoltokatko la klo 02–04 sopii meille hyvin.',
    'Okei, kiitos tiedosta. Eli huoltokatko su klo 02–05 ja sinä aikana galleriat ei toimi — se sopii meille hyvin.',
    'Kiitos kutsusta! Torstai klo 10 käy meille hyvin, mukaan tulee myös Tero. Nähdään Teamsissa.',
  ])('%j is a closing note', (text) => {
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'closing-note' });
  });

  it('reads a join notice with the others in the channel, and a bare hello after a join, as membership', () => {
    expect(
      classifyNoise(
        'Sanna Heikkilä (Pelastuslaitos) has joined #ext-pelastus. Also in this channel: Ville Rautio, Marko Tuominen and 6 others.',
      ),
    ).toEqual({ noise: true, reason: 'membership' });
    expect(classifyNoise('harriet.collins has joined the channel\n\nharriet.collins: hi all 👋')).toEqual({
      noise: true,
      reason: 'membership',
    });
  });

  it('reads an acceptance naming who accepted, with one note, as a calendar response', () => {
    const text =
      'Accepted: Quarterly review – Northgate\nWhen: Thursday 9 October 2025 14:00–15:00\nWhere: Microsoft Teams Meeting\n\nAccepted by Priya Shah.\nNote: I’ll be joining from the depot so may be a couple of minutes late.';
    expect(classifyNoise(text)).toEqual({ noise: true, reason: 'calendar-response' });
  });

  it.each([
    'Got it, thanks — we’ll try the workaround, but the export is still failing for the other site.',
    'Kiitos kutsusta! Torstai käy meille hyvin, mutta raportit ei edelleenkään aukea.',
  ])('%j stays a message', (text) => {
    expect(classifyNoise(text).noise).toBe(false);
  });
});

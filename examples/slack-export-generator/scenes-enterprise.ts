import { pdf, png, type Scene, txt } from './scene.ts';

/**
 * Storylines of the enterprise accounts. Nordlake is the angry enterprise account near renewal
 * (2027-01-08): one export bug raised again and again until the CFO joins and non-renewal is
 * threatened. Kestrel has the security scare. The outage morning (Tue 2026-11-10, 07:52–09:12
 * Helsinki) hits Nordlake, Aurora, Pohjola and Harbor here, Tundra and Kivi in the growth file.
 */
export const ENTERPRISE_SCENES: Scene[] = [
  // ── Nordlake Logistics ─────────────────────────────────────────────────────
  {
    channel: 'nordlake',
    at: '2026-09-22 10:14',
    by: 'U1NLJENNI',
    text: 'Hi team! The shipment CSV export times out when we select more than about a month of data. It spins for ~2 minutes and then we get an empty file. Could you take a look? We need the monthly report for our P&amp;L review on Friday.',
    replies: [
      {
        after: 25,
        by: 'U0JUHA02',
        text: 'Thanks Jenni, I can reproduce it with a 45-day range. Passing it to engineering, I will update you here.',
      },
      { after: 5, by: 'U1NLJENNI', text: 'thanks!' },
      {
        after: '2026-09-24 15:40',
        by: 'U0JUHA02',
        text: 'Update: engineering found the cause (a query without an index on the shipment date). The fix is planned for the next release.',
      },
      { after: 60, by: 'U1NLMARCUS', text: ':+1:' },
    ],
  },
  {
    channel: 'nordlake',
    at: '2026-09-24 13:02',
    by: 'U1NLMARCUS',
    text: 'Would it be possible to schedule the CSV export so it lands on our SFTP every Monday morning? Right now someone on my team does it by hand every week.',
    replies: [
      {
        after: '2026-09-24 16:30',
        by: 'U0RYAN08',
        text: 'Hi Marcus, scheduled exports are on our roadmap and I have added your vote. No date yet, but I will keep you posted.',
      },
    ],
  },
  {
    channel: 'nordlake',
    at: '2026-10-05 09:30',
    by: 'U1NLJENNI',
    text: 'The CSV export is still timing out for ranges over 31 days. I thought this was fixed in the last release?',
    replies: [
      {
        after: 190,
        by: 'U0JUHA02',
        text: 'Sorry Jenni, the fix slipped to the next release. Workaround for now: export the month in two halves.',
      },
      {
        after: 15,
        by: 'U1NLJENNI',
        text: 'That is a workaround for you, not for us. We run this every month.',
      },
    ],
  },
  {
    channel: 'nordlake',
    at: '2026-10-15 11:20',
    by: 'U1NLJENNI',
    rich: true,
    text: `Full log from our integration job again, since <@U0JUHA02> asked for it last time too:\n\`\`\`\n${integrationLog()}\n\`\`\`\nThe nightly job has failed every night since the October release.`,
    replies: [{ after: '2026-10-16 16:05', by: 'U0SARA05', text: 'Thanks Jenni, looking at this now.' }],
  },
  {
    channel: 'nordlake',
    at: '2026-10-20 14:05',
    by: 'U1NLMARCUS',
    text: 'This is the third time we are raising the export problem. My team has been splitting exports by hand for a month now. Can someone give us an actual date?',
    replies: [
      {
        after: 240,
        by: 'U0TOMMI10',
        text: 'Marcus, I hear you. I have escalated it internally and will get you a date by Thursday.',
      },
      {
        after: '2026-10-23 16:10',
        by: 'U0TOMMI10',
        text: 'Update: engineering is targeting the 4 November release for the export fix.',
      },
    ],
  },
  {
    channel: 'nordlake',
    at: '2026-11-05 10:12',
    by: 'U1NLJENNI',
    text: "Tested after yesterday's release. Exports over 31 days now finish, but the file is missing every shipment with a Finnish character in the consignee name (ä, ö). So now it is broken in a different way :disappointed:",
    files: [png('export-missing-rows.png', 184_220)],
    replies: [
      {
        after: 35,
        by: 'U0SARA05',
        text: 'Ugh, sorry. That is an encoding bug in the new streaming export. On it.',
      },
    ],
  },
  {
    channel: 'nordlake',
    at: '2026-11-10 08:03',
    by: 'U1NLMARCUS',
    text: 'Is the platform down? Everyone here is getting 502 Bad Gateway. Our morning dispatch runs on this.',
    replies: [
      {
        after: 9,
        by: 'U0SARA05',
        text: 'Yes, we have an incident open: a database failover is in progress. Updates here every 15 minutes.',
      },
      {
        after: 61,
        by: 'U0SARA05',
        text: 'Resolved at 09:12 EET. Root cause: a failed failover of the primary database. A post-mortem will follow.',
      },
      { after: 4, by: 'U1NLMARCUS', text: 'ok' },
    ],
  },
  { channel: 'nordlake', at: '2026-11-12 09:01', by: 'U1NLPETER', subtype: 'channel_join', text: '' },
  {
    channel: 'nordlake',
    at: '2026-11-12 09:40',
    by: 'U1NLPETER',
    text: 'Hello. I am the CFO of Nordlake. I have been asked to review our software contracts before the January renewal. From what my team tells me: an export that has been broken since September, a two-hour outage on Tuesday, and a log we have sent you twice. Can <@U0TOMMI10> set up a call this week?',
    replies: [
      {
        after: 50,
        by: 'U0TOMMI10',
        text: 'Hi Peter, absolutely. I have sent an invite for Friday 10:00 with our VP of Customer Success <@U0PETRA11>.',
      },
      { after: 30, by: 'U1NLPETER', text: 'Thank you.' },
    ],
  },
  {
    channel: 'nordlake',
    at: '2026-11-16 10:05',
    by: 'U1NLMARCUS',
    rich: true,
    text: 'We have told you this before: the export is STILL dropping rows with ä/ö. Two weeks since you said you are on it. We have now found 340 missing shipments in the October report. Honestly, if this is not fixed before our renewal in January we will not renew. We are already looking at alternatives.',
    replies: [
      {
        after: 330,
        by: 'U0MIKKO04',
        text: 'Marcus, I am Mikko, the engineering manager. The fix is in review and ships on Wednesday. I will confirm here personally.',
      },
    ],
  },
  {
    channel: 'nordlake',
    at: '2026-11-18 15:45',
    by: 'U1NLJENNI',
    text: 'Still no fix in production as of today :rage:',
  },
  {
    channel: 'nordlake',
    at: '2026-11-20 08:15',
    by: 'U1NLMARCUS',
    text: '<@U0TOMMI10> any news? Our CFO asks me about this every day.',
  },

  // ── Kestrel Health ─────────────────────────────────────────────────────────
  {
    channel: 'kestrel',
    at: '2026-09-29 10:00',
    by: 'U1KHOLIVIA',
    text: 'Hi, ahead of our annual DPIA review could you send your latest SOC 2 Type II report and the current list of sub-processors?',
    replies: [
      {
        after: 90,
        by: 'U0HELMI09',
        text: 'Of course, here they are. The SOC 2 report is under NDA, so please keep it internal.',
        files: [pdf('Verbatim-SOC2-Type-II-2026.pdf', 2_411_337), pdf('Sub-processors-2026-09.pdf', 98_112)],
      },
      { after: 20, by: 'U1KHOLIVIA', text: 'Thank you!' },
    ],
  },
  {
    channel: 'kestrel',
    at: '2026-10-29 14:10',
    by: 'U1KHOLIVIA',
    rich: true,
    text: 'URGENT: one of our clinicians received a password reset email from you that she did not request, and our admin audit log shows a successful login to her account from 185.220.101.4 (a Tor exit node) at 03:12 UTC today. Is there a breach on your side? We may have to notify the ICO within 72 hours, so we need an answer today.',
    replies: [
      {
        after: 11,
        by: 'U0SARA05',
        text: "Olivia, thanks for flagging this immediately. We are looking at the authentication logs right now. Could you send the user's email address by DM? Please do not post it here.",
      },
      {
        after: 40,
        by: 'U0MIKKO04',
        text: 'Update: we see the login. It used a valid password and the account had no MFA. We see no sign of wider access. We have revoked all of her sessions and will send a full report tomorrow at 10:00 UK time.',
      },
      { after: 8, by: 'U1KHOLIVIA', text: 'Ok. Please also confirm whether any patient data was exported.' },
      {
        after: '2026-10-30 09:55',
        by: 'U0MIKKO04',
        text: 'Confirmed: no exports and no API calls from that session; the dashboard was viewed for 4 minutes. The written report is in your inbox. We strongly recommend enforcing MFA for all users (Settings → Security).',
      },
      {
        after: 30,
        by: 'U1KHOLIVIA',
        text: 'Thank you for the quick and transparent response. We will enforce MFA today.',
        reactions: [{ name: 'pray', users: ['U0MIKKO04', 'U0SARA05'] }],
      },
    ],
  },
  {
    channel: 'kestrel',
    at: '2026-10-29 14:18',
    by: 'U1KHSAM',
    text: 'Also: several of our staff received this email this morning: "Your Verbatim Demo subscription has been suspended. Verify your payment details here: <https://evil.example|https://bank.example>". Is this from you??',
    replies: [
      {
        after: 6,
        by: 'U0LAURA03',
        text: 'No, that is not from us. Please do not click it; we never ask for payment details by email. Could you forward one of them with full headers to security@verbatim-demo.example?',
      },
      { after: 12, by: 'U1KHSAM', text: 'Forwarded. thanks' },
    ],
  },
  {
    channel: 'kestrel',
    at: '2026-11-02 11:30',
    by: 'U1KHOLIVIA',
    text: 'After last week we would like to enforce SAML SSO through our Azure AD so that nobody can log in with a password at all. Is SAML SSO available on our plan? It is becoming a hard requirement from our security board.',
    replies: [
      {
        after: '2026-11-02 15:05',
        by: 'U0RYAN08',
        text: 'Hi Olivia, SAML SSO enters beta in December. I have put Kestrel on the early-access list.',
      },
      { after: 45, by: 'U1KHOLIVIA', text: ':pray:' },
    ],
  },

  // ── Aurora Retail ──────────────────────────────────────────────────────────
  {
    channel: 'aurora',
    at: '2026-10-01 10:20',
    by: 'U1ARTOM',
    text: 'Our Shopify webhook stopped delivering order events to you on Monday. Nothing changed on our side. Webhook id `wh_3921`. Can you check?',
    replies: [
      {
        after: 45,
        by: 'U0JUHA02',
        text: 'Checking… we see 401 responses from your endpoint since Monday 06:40. Did the shared secret rotate?',
      },
      { after: 20, by: 'U1ARTOM', text: 'Ah. Yes, someone rotated it. Fixed now, thanks!' },
    ],
  },
  {
    channel: 'aurora',
    at: '2026-10-14 13:00',
    by: 'U1ARLISA',
    text: 'The dashboard has become really slow for our store managers: 15–20 seconds to load the weekly sales view since about last week. We have 140 stores on it, so that is a lot of waiting.',
    replies: [
      {
        after: '2026-10-15 11:40',
        by: 'U0SARA05',
        text: 'We found a slow query for accounts with &gt;100 locations and deployed a fix this morning. Could you check?',
      },
      { after: 120, by: 'U1ARLISA', text: 'Much better, thanks!' },
    ],
  },
  {
    channel: 'aurora',
    at: '2026-10-21 09:15',
    by: 'U1ARTOM',
    text: 'Feature request: SAML SSO with Okta. We have 400 users and managing separate passwords is a pain for our IT team. Our R&amp;D folks would also like SCIM provisioning.',
    replies: [
      {
        after: '2026-10-21 16:30',
        by: 'U0RYAN08',
        text: 'Thanks Tom! SAML (Okta included) goes to beta in December; SCIM is planned right after. Adding Aurora to both lists.',
      },
    ],
  },
  {
    channel: 'aurora',
    at: '2026-10-27 10:45',
    by: 'U1ARLISA',
    text: 'Our invoice for Q4 still lists the old framework agreement price. According to our renewal terms it should be 12 % lower. Can you correct it?',
    files: [pdf('Aurora-Q4-invoice-INV-2026-1198.pdf', 61_004)],
    replies: [
      {
        after: 125,
        by: 'U0HELMI09',
        text: 'You are right Lisa, my apologies. A corrected invoice will be issued this week.',
      },
      { after: 10, by: 'U1ARLISA', text: 'Thanks Helmi' },
    ],
  },
  {
    channel: 'aurora',
    at: '2026-11-10 07:15',
    by: 'U1ARLISA',
    rich: true,
    text: '<!here> Our store ops team is completely blocked: the platform returns 502 for everyone. Is there an incident??',
    replies: [
      {
        after: 6,
        by: 'U0SARA05',
        text: 'Yes, incident ongoing: database failover. We will post updates here.',
      },
      { after: 65, by: 'U0SARA05', text: 'Resolved, everything is back. Sorry for the disruption.' },
      { after: 10, by: 'U1ARTOM', text: ':+1:' },
    ],
  },
  {
    channel: 'aurora',
    at: '2026-11-18 14:20',
    by: 'U1ARLISA',
    text: 'We are adding 60 more stores in January. Could we get a quote for the additional seats, and make <@U1ARTOM> a second admin?',
    replies: [
      {
        after: 30,
        by: 'U0HELMI09',
        text: 'Great news! The quote comes tomorrow, and Tom is now an admin.',
      },
    ],
  },

  // ── Pohjolan Energia ───────────────────────────────────────────────────────
  {
    channel: 'pohjola',
    at: '2026-09-30 10:05',
    by: 'U1PEKARI',
    text: 'Moi! SAP-integraation yöajo epäonnistui kahtena yönä peräkkäin, virhe "invalid token". Onko teillä muuttunut jotain?',
    replies: [
      {
        after: 30,
        by: 'U0JUHA02',
        text: 'Moi Kari! Vaihdoimme tunnistautumisen OAuth2:een viime viikolla, ohjeet lähtivät sähköpostilla. Autanko päivityksessä?',
      },
      { after: 15, by: 'U1PEKARI', text: 'Ai niin, se viesti meni ohi. Päivitän tänään, kiitos!' },
    ],
  },
  {
    channel: 'pohjola',
    at: '2026-10-20 13:40',
    by: 'U1PESANNA',
    text: 'Hei, lokakuun lasku (nro 2026-1187) on veloitettu meiltä kahteen kertaan, molemmat veloitukset näkyvät tiliotteella. Pyydämme hyvityslaskua tai palautusta mahdollisimman pian.',
    files: [pdf('tiliote-lokakuu.pdf', 0, true)],
    replies: [
      {
        after: '2026-10-22 10:30',
        by: 'U0DAVID06',
        text: 'Hi Sanna, apologies: the duplicate charge came from a payment provider retry. The credit note was issued today and the refund arrives within 5 business days.',
      },
      { after: 180, by: 'U1PESANNA', text: 'Kiitos.' },
    ],
  },
  {
    channel: 'pohjola',
    at: '2026-11-10 07:58',
    by: 'U1PEKARI',
    text: 'Palvelu ei aukea, kaikille tulee 502 Bad Gateway. Koko asiakaspalvelutiimi odottaa, onko arviota korjauksesta?',
    replies: [
      {
        after: 12,
        by: 'U0JUHA02',
        text: 'Moi, meillä on häiriö ja tietokannan vikasieto on käynnissä. Päivitämme tänne 15 minuutin välein.',
      },
      { after: 62, by: 'U0JUHA02', text: 'Korjattu klo 9.12. Pahoittelut häiriöstä!' },
      { after: 3, by: 'U1PEKARI', text: 'kiitos :+1:' },
    ],
  },
  {
    channel: 'pohjola',
    at: '2026-11-19 11:10',
    by: 'U1PESANNA',
    text: 'Kiitos nopeasta hyvityksestä lokakuussa, ja uusi raporttinäkymä on tosi selkeä. Talousosasto on tyytyväinen :blush:',
    reactions: [{ name: 'heart', users: ['U0TOMMI10', 'U0DAVID06'] }],
  },

  // ── Harbor Finance ─────────────────────────────────────────────────────────
  {
    channel: 'harbor',
    at: '2026-10-07 09:40',
    by: 'U1HFMAJA',
    text: 'Is there a NetSuite connector? We currently export CSVs and import them into NetSuite by hand every week.',
    replies: [
      {
        after: 60,
        by: 'U0JUHA02',
        text: 'No native connector yet, but our REST API and webhooks work well with SuiteScript. Here is a guide: <https://docs.verbatim-demo.example/integrations/netsuite|NetSuite integration guide>',
      },
      { after: 25, by: 'U1HFMAJA', text: 'Great, thanks!' },
    ],
  },
  {
    channel: 'harbor',
    at: '2026-11-03 10:30',
    by: 'U1HFERIK',
    text: 'Our November invoice (INV-2026-1243) charges us for 250 seats. We have 180 active users and our contract caps billable seats at what we actually use. This is the second month in a row. Please send a credit note for the difference (70 seats × €38 = €2,660).',
    files: [pdf('INV-2026-1243.pdf', 58_930)],
    replies: [
      {
        after: '2026-11-05 09:10',
        by: 'U0DAVID06',
        text: 'Hi Erik, I am checking with finance. The seat count comes from peak concurrent users; I will get back to you.',
      },
      {
        after: 40,
        by: 'U1HFERIK',
        text: 'The contract says active users, not peak. Section 4.2. We told you this in October as well.',
      },
      {
        after: '2026-11-09 14:00',
        by: 'U0DAVID06',
        text: 'You are right, sorry. A credit note for €2,660 was issued today and the seat count is fixed from December.',
      },
      { after: '2026-11-10 10:20', by: 'U1HFERIK', text: 'Received, thanks.' },
    ],
  },
  {
    channel: 'harbor',
    at: '2026-11-10 07:11',
    by: 'U1HFMAJA',
    text: 'Hi, we cannot log in: 503 Service Unavailable. Something on your side?',
    replies: [
      { after: 15, by: 'U0LAURA03', text: 'Yes, there is an incident ongoing. We will update here.' },
      { after: 120, by: 'U1HFMAJA', text: 'Works again now.' },
    ],
  },
  {
    channel: 'harbor',
    at: '2026-11-17 13:05',
    by: 'U1HFERIK',
    text: 'We would like to add 20 seats for our new Oslo team from 1 December.',
    replies: [{ after: 25, by: 'U0HELMI09', text: 'Done, the quote is in your inbox.' }],
  },

  // ── Maple Insurance ────────────────────────────────────────────────────────
  {
    channel: 'maple',
    at: '2026-09-23 11:00',
    by: 'U1MICARLOS',
    text: 'Salesforce sync is failing for Cases with the custom field `Policy_Number__c`: error `INVALID_FIELD_FOR_INSERT_UPDATE`. Sync log attached.',
    files: [txt('salesforce-sync-2026-09-23.log', 14_882)],
    replies: [
      {
        after: '2026-09-24 09:05',
        by: 'U0JUHA02',
        text: "Hi Carlos, the field is read-only for the integration user's profile in your Salesforce org. Give that profile edit access to `Policy_Number__c` and the sync will pick it up on the next run.",
      },
      { after: 30, by: 'U1MICARLOS', text: 'That was it, thanks!' },
    ],
  },
  {
    channel: 'maple',
    at: '2026-10-06 14:30',
    by: 'U1MIJEN',
    text: 'SAML SSO is a must for us by Q1: our auditors flagged password logins. Any timeline?',
    replies: [
      {
        after: 120,
        by: 'U0EMMA07',
        text: 'Hi Jennifer, SAML SSO enters beta in December and I will add Maple to the first wave.',
      },
      { after: 15, by: 'U1MIJEN', text: ':raised_hands:' },
    ],
  },
  {
    channel: 'maple',
    at: '2026-10-28 10:10',
    by: 'U1MICARLOS',
    text: 'Shoutout to <@U0SARA05> for the quick fix on the API pagination bug: deployed within a day. Much appreciated! :tada:',
    reactions: [
      { name: 'heart', users: ['U0SARA05', 'U0TOMMI10'] },
      { name: 'tada', users: ['U0MIKKO04'] },
    ],
  },
  {
    channel: 'maple',
    at: '2026-11-16 15:20',
    by: 'U1MIJEN',
    text: 'Any update on the SSO beta? Our audit committee meets on 3 December and I need to tell them something.',
  },
];

/**
 * Nordlake's pasted integration log, ~6,000 characters. `&` and `>` appear escaped because this
 * is Slack wire format.
 */
function integrationLog(): string {
  const lines: string[] = [];
  const requests = ['9f3a1c', 'b27e44', '0c9d18', '71aa5e', 'e4410b', '5d2c93', 'a8e7f0', '36b1d2'];
  let i = 0;
  while (lines.join('\n').length < 5_700) {
    const minute = String(i % 60).padStart(2, '0');
    const id = requests[i % requests.length];
    lines.push(
      `2026-10-14T23:${minute}:0${i % 10}.${String(100 + i * 7).slice(-3)}Z INFO  [tms-sync] GET /v2/exports/shipments?from=2026-09-01&amp;to=2026-10-14&amp;format=csv request_id=req_${id}`,
    );
    lines.push(
      `2026-10-14T23:${minute}:4${i % 10}.${String(200 + i * 11).slice(-3)}Z ERROR [tms-sync] -&gt; 504 Gateway Timeout after 120000 ms (request_id=req_${id}, attempt ${(i % 5) + 1}/5)`,
    );
    i++;
  }
  lines.push('2026-10-15T00:00:00.000Z FATAL [tms-sync] giving up: 0 rows written, exit code 3');
  return lines.join('\n');
}

import type { ChurnSignal } from '../../src/core/churn-driver.ts';
import type { Queryable } from '../../src/storage/database.ts';

let sequence = 0;

/**
 * Writes one triaged request with its first customer message (and SLA figures when given)
 * straight into the tables, the shape the pipeline leaves them in. For health tests and benches
 * that need months of history in seconds.
 */
export async function seedRequest(
  db: Queryable,
  fields: {
    accountId: string;
    openedAt: Date;
    text: string;
    id?: string;
    state?: 'open' | 'claimed' | 'answered' | 'resolved';
    sentiment?: number;
    churnSignals?: ChurnSignal[];
    topics?: string[];
    author?: { id: string; name: string };
    firstResponseMinutes?: number;
    targetMinutes?: number;
  },
): Promise<string> {
  sequence += 1;
  const id = fields.id ?? `R-seed-${sequence}`;
  const analysis = {
    summary: fields.text.slice(0, 60),
    priority: 'P3',
    priorityReason: 'seeded',
    topics: fields.topics ?? ['bug'],
    sentiment: fields.sentiment ?? 0,
    churnSignals: fields.churnSignals ?? [],
    language: 'en',
    confidence: 0.8,
    engine: 'heuristic',
    usage: null,
  };
  const answered = fields.firstResponseMinutes !== undefined;
  const state = fields.state ?? (answered ? 'resolved' : 'open');
  await db.query(
    `INSERT INTO requests (id, account_id, conversation, state, priority, topics, analysis, opened_at, last_message_at,
       triaged_at, routed_at, first_response_at, team_id)
     VALUES ($1,$2,$3,$4,'P3',$5,$6,$7,$7,$7,$7,$8,'support')`,
    [
      id,
      fields.accountId,
      `slack:C-${fields.accountId}`,
      state,
      fields.topics ?? ['bug'],
      JSON.stringify(analysis),
      fields.openedAt,
      answered ? new Date(fields.openedAt.getTime() + fields.firstResponseMinutes! * 60_000) : null,
    ],
  );
  const author = fields.author ?? { id: 'U0CUST001', name: 'Casey Customer' };
  await db.query(
    `INSERT INTO customer_messages (id, platform, conversation, account_id, author, external, text, sent_at, permalink,
       kind, request_id)
     VALUES ($1,'slack',$2,$3,$4,true,$5,$6,$7,'customer',$8)`,
    [
      `m-${id}`,
      `slack:C-${fields.accountId}`,
      fields.accountId,
      JSON.stringify({ ...author, external: true }),
      fields.text,
      fields.openedAt,
      `https://verbatim.slack.com/archives/C-${fields.accountId}/p${fields.openedAt.getTime()}`,
      id,
    ],
  );
  if (answered)
    await db.query(
      `INSERT INTO sla_times (request_id, target_minutes, first_response_at, first_response_business_minutes)
       VALUES ($1, $2, $3, $4)`,
      [
        id,
        fields.targetMinutes ?? 60,
        new Date(fields.openedAt.getTime() + fields.firstResponseMinutes! * 60_000),
        fields.firstResponseMinutes,
      ],
    );
  return id;
}

/** A contact leaving (or joining) the account's shared channel, as member-events.ts records it. */
export async function seedMemberEvent(
  db: Queryable,
  fields: {
    accountId: string;
    kind: 'member-joined' | 'member-left';
    name: string;
    at: Date;
    title?: string;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO account_events (account_id, conversation, kind, actor, at, detail) VALUES ($1,$2,$3,$4,$5,$6)`,
    [
      fields.accountId,
      `slack:C-${fields.accountId}`,
      fields.kind,
      JSON.stringify({ id: `U-${fields.name}`, name: fields.name }),
      fields.at,
      JSON.stringify(fields.title ? { title: fields.title } : {}),
    ],
  );
}

const DAY = 86_400_000;

/**
 * A quarter of a steady, happy account followed by a bad fortnight: complaints, a competitor,
 * a breached answer and a champion leaving. `now` is the end of the bad fortnight.
 */
export async function seedDecliningAccount(db: Queryable, accountId: string, now: Date): Promise<void> {
  for (let ago = 110; ago >= 20; ago -= 3)
    await seedRequest(db, {
      accountId,
      openedAt: new Date(now.getTime() - ago * DAY),
      text: `Quick question number ${ago} about the reports`,
      sentiment: 0.3,
      topics: [`topic-${ago % 7}`],
      firstResponseMinutes: 20,
      author: { id: ago % 2 ? 'U0CUST001' : 'U0CUST002', name: ago % 2 ? 'Casey Customer' : 'Pat Power' },
    });
  await seedRequest(db, {
    accountId,
    openedAt: new Date(now.getTime() - 9 * DAY),
    text: 'The export broke again. This is the third time we report this and nothing changes.',
    sentiment: -0.7,
    topics: ['bug'],
    churnSignals: [{ driver: 'unheard-voice', phrase: 'the third time we report this and nothing changes' }],
    firstResponseMinutes: 400,
  });
  await seedRequest(db, {
    accountId,
    openedAt: new Date(now.getTime() - 5 * DAY),
    text: 'Honestly, Zendesk offered us the same for half the price. Why should we renew?',
    sentiment: -0.6,
    topics: ['billing'],
    churnSignals: [
      {
        driver: 'competitor',
        phrase: 'Zendesk offered us the same for half the price',
        competitor: 'Zendesk',
      },
    ],
  });
  await seedRequest(db, {
    accountId,
    openedAt: new Date(now.getTime() - 4 * DAY),
    text: 'Export still broken. Still waiting for any answer.',
    sentiment: -0.8,
    topics: ['bug'],
  });
  await seedMemberEvent(db, {
    accountId,
    kind: 'member-left',
    name: 'Pat Power',
    at: new Date(now.getTime() - 6 * DAY),
  });
}

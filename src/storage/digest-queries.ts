import { z } from 'zod';
import type { DigestSource, DigestWindow } from '../core/digest/digest-source.ts';
import { type Priority, PrioritySchema } from '../core/priority.ts';
import type { Database, Queryable } from './database.ts';

// Week index of a request: width_bucket over the week-start instants (DST-proof, unlike
// dividing by 7 × 24 h) is 1 for the oldest week; minus 1 gives the core's 0-based index.
const WEEK = 'width_bucket(r.opened_at, $1::timestamptz[]) - 1';
// Requests opened in [$n, $n+1), of team $n+2 when it is not null.
const inWindow = (n: number) =>
  `r.opened_at >= $${n} AND r.opened_at < $${n + 1} AND ($${n + 2}::text IS NULL OR r.team_id = $${n + 2})`;
const SENTIMENT = "COALESCE((r.analysis->>'sentiment')::float8, 0)";
/** Sentiment below which a request counts as negative for the accounts section. */
const NEGATIVE = -0.3;
/**
 * Sort memory for ranking the week's quote candidates: at the default 4 MB, ranking a week of
 * 100,000 requests spills to disk and takes twice as long. Set for that statement alone.
 */
const QUOTE_SORT_MEMORY = '32MB';

const count = z.coerce.number();
const nullableNumber = z.coerce.number().nullable();

const WindowScanRows = z.array(
  z.object({
    priority: PrioritySchema.nullable(),
    teamId: z.string().nullable(),
    topics: z.array(z.string()),
    week: count,
    count,
    unanswered: count,
  }),
);
type WindowScanRow = z.infer<typeof WindowScanRows>[number];

const WeekScanRows = z.array(
  z.object({
    accountId: z.string().nullable(),
    // Null on the per-account rows (the grouping set without topics).
    topics: z.array(z.string()).nullable(),
    requests: count,
    negative: count,
    meanSentiment: count,
  }),
);
type WeekScanRow = z.infer<typeof WeekScanRows>[number];

/** The digest's aggregates in SQL, one statement each, the same on PGlite and PostgreSQL. */
export function createDigestQueries(db: Database): DigestSource {
  // [week bounds, from, to, team] over the whole window, for statements grouped by week.
  const windowParams = (window: DigestWindow) => {
    const bounds = window.bounds.map((bound) => bound.toISOString());
    return [bounds, bounds[0]!, bounds[bounds.length - 1]!, window.teamId];
  };
  // [from, to, team] of the digest week alone.
  const weekParams = (window: DigestWindow) => {
    const bounds = window.bounds.map((bound) => bound.toISOString());
    return [bounds[bounds.length - 2]!, bounds[bounds.length - 1]!, window.teamId];
  };
  // The one pass over the window, shared by the topic, volume and "unanswered now" figures and
  // computed once per window object (one digest computation). Grouped by the topics array rather
  // than by each unnested topic: the groups are few (priority × team × week × topic set) and the
  // per-topic counts are summed here, so the window is read once, without a row per topic.
  const windowScans = new WeakMap<DigestWindow, Promise<WindowScanRow[]>>();
  const windowScan = (window: DigestWindow): Promise<WindowScanRow[]> =>
    once(windowScans, window, () =>
      db
        .query(
          `SELECT r.priority, r.team_id AS "teamId", r.topics, ${WEEK} AS week, count(*) AS count,
                  count(*) FILTER (WHERE r.routed_at IS NOT NULL AND r.first_response_at IS NULL
                                     AND r.state <> 'resolved') AS unanswered
             FROM requests r WHERE ${inWindow(2)} GROUP BY r.priority, r.team_id, r.topics, week`,
          windowParams(window),
        )
        .then((result) => WindowScanRows.parse(result.rows)),
    );
  // The one pass over the digest week, shared by the accounts figures (per account) and the
  // distinct accounts per topic (per account and topics array), in two hashed grouping sets.
  const weekScans = new WeakMap<DigestWindow, Promise<WeekScanRow[]>>();
  const weekScan = (window: DigestWindow): Promise<WeekScanRow[]> =>
    once(weekScans, window, () =>
      db
        .query(
          `SELECT "accountId", CASE WHEN GROUPING(topics) = 0 THEN topics END AS topics, count(*) AS requests,
                  count(*) FILTER (WHERE sentiment < ${NEGATIVE}) AS negative, avg(sentiment) AS "meanSentiment"
             FROM (SELECT r.account_id AS "accountId", r.topics, ${SENTIMENT} AS sentiment
                     FROM requests r WHERE ${inWindow(1)}) week
            GROUP BY GROUPING SETS (("accountId"), ("accountId", topics))`,
          weekParams(window),
        )
        .then((result) => WeekScanRows.parse(result.rows)),
    );
  return {
    async topicWeekCounts(window) {
      const [scan, week] = await Promise.all([windowScan(window), weekScan(window)]);
      const current = window.bounds.length - 2;
      // Distinct accounts per topic in the digest week (an unmapped request is no account).
      const accountsByTopic = new Map<string, Set<string>>();
      for (const row of week) {
        if (row.topics === null || row.accountId === null) continue;
        for (const topic of row.topics) {
          const accounts = accountsByTopic.get(topic) ?? new Set<string>();
          accounts.add(row.accountId);
          accountsByTopic.set(topic, accounts);
        }
      }
      // A request counts once for each element of its topics (as unnest would count it).
      const totals = new Map<string, { topic: string; week: number; count: number }>();
      for (const row of scan) {
        for (const topic of row.topics) {
          const key = `${row.week}|${topic}`;
          const entry = totals.get(key) ?? { topic, week: row.week, count: 0 };
          entry.count += row.count;
          totals.set(key, entry);
        }
      }
      return [...totals.values()].map((row) => ({
        ...row,
        accounts: row.week === current ? (accountsByTopic.get(row.topic)?.size ?? 0) : 0,
      }));
    },

    async priorityWeekCounts(window) {
      const totals = new Map<string, { priority: Priority | null; week: number; count: number }>();
      for (const row of await windowScan(window)) {
        const key = `${row.priority}|${row.week}`;
        const entry = totals.get(key) ?? { priority: row.priority, week: row.week, count: 0 };
        entry.count += row.count;
        totals.set(key, entry);
      }
      return [...totals.values()];
    },

    async accountsInWeek(window) {
      return (await weekScan(window)).flatMap(({ topics, ...row }) => (topics === null ? [row] : []));
    },

    async quoteCandidates(window, perTopic) {
      // Ranked per topic, then each candidate's first customer message (the words quoted) joined
      // in the same statement: one round trip, however busy this process is meanwhile.
      const result = await db.transaction(async (tx) => {
        await tx.query(`SET LOCAL work_mem = '${QUOTE_SORT_MEMORY}'`);
        return tx.query(
          `SELECT ranked.topic, ranked."requestId", ranked.account, ranked.sentiment,
                  m.text, m.author, m.permalink, m.sent_at
             FROM (
               SELECT topic, r.id AS "requestId", r.account_id AS account, ${SENTIMENT} AS sentiment,
                      row_number() OVER (PARTITION BY topic ORDER BY ${SENTIMENT}, r.opened_at DESC, r.id) AS rank
                 FROM requests r CROSS JOIN LATERAL unnest(r.topics) AS topic
                WHERE ${inWindow(1)}
             ) ranked
             CROSS JOIN LATERAL (
               SELECT text, author, permalink, sent_at FROM customer_messages c
                WHERE c.request_id = ranked."requestId" AND c.deleted_at IS NULL
                ORDER BY c.sent_at, c.seq LIMIT 1
             ) m
            WHERE ranked.rank <= $4`,
          [...weekParams(window), perTopic],
        );
      });
      return z
        .array(
          FirstMessageRow.omit({ request_id: true }).extend({
            topic: z.string(),
            requestId: z.string(),
            account: z.string().nullable(),
            sentiment: count,
          }),
        )
        .parse(result.rows)
        .map((row) => ({
          topic: row.topic,
          requestId: row.requestId,
          account: row.account,
          sentiment: row.sentiment,
          text: row.text,
          author: row.author.name,
          link: row.permalink,
          at: row.sent_at,
        }));
    },

    async unmatchedRequests(window, belowConfidence, limit) {
      const result = await db.query(
        `SELECT r.id AS "requestId", r.account_id AS account, ${SENTIMENT} AS sentiment FROM requests r
          WHERE ${inWindow(1)} AND r.analysis IS NOT NULL
            AND (cardinality(r.topics) = 0 OR COALESCE((r.analysis->>'confidence')::float8, 0) < $4)
          ORDER BY r.opened_at, r.id LIMIT $5`,
        [...weekParams(window), belowConfidence, limit],
      );
      const rows = z
        .array(z.object({ requestId: z.string(), account: z.string().nullable(), sentiment: count }))
        .parse(result.rows);
      const messages = await firstMessages(
        db,
        rows.map((row) => row.requestId),
      );
      return rows.flatMap((row) => {
        const message = messages.get(row.requestId);
        return message ? [{ ...row, ...message }] : [];
      });
    },

    async responsiveness(window) {
      // Only requests with a first response are read and sorted for the percentiles: a team with
      // none reads the same without a row here (0 responded, no median, p90 or share in target).
      const result = await db.query(
        `WITH routed AS (
           SELECT r.team_id, t.first_response_business_minutes AS minutes, t.target_minutes AS target
             FROM requests r JOIN sla_times t ON t.request_id = r.id
            WHERE r.opened_at >= $1 AND r.opened_at < $2 AND r.routed_at IS NOT NULL AND r.team_id IS NOT NULL
              AND ($3::text IS NULL OR r.team_id = $3) AND t.first_response_business_minutes IS NOT NULL
         ), answered AS (
           SELECT team_id, count(minutes) AS responded,
                  percentile_cont(0.5) WITHIN GROUP (ORDER BY minutes) AS median,
                  percentile_cont(0.9) WITHIN GROUP (ORDER BY minutes) AS p90,
                  avg(CASE WHEN minutes <= target THEN 1.0 ELSE 0.0 END) FILTER (WHERE minutes IS NOT NULL AND target IS NOT NULL) AS within
             FROM routed GROUP BY team_id
         ), breaches AS (
           SELECT r.team_id, count(*) AS breaches FROM sla_nudges n JOIN requests r ON r.id = n.request_id
            WHERE n.kind = 'breach' AND n.due_at >= $1 AND n.due_at < $2 AND n.abandoned IS NULL
              AND ($3::text IS NULL OR r.team_id = $3)
            GROUP BY r.team_id
         )
         SELECT team.team_id AS "teamId", COALESCE(a.responded, 0) AS responded, a.median AS "medianMinutes",
                a.p90 AS "p90Minutes", a.within AS "withinTarget", COALESCE(b.breaches, 0) AS breaches
           FROM (SELECT team_id FROM answered UNION SELECT team_id FROM breaches) team
           LEFT JOIN answered a ON a.team_id = team.team_id
           LEFT JOIN breaches b ON b.team_id = team.team_id`,
        weekParams(window),
      );
      const rows = z
        .array(
          z.object({
            teamId: z.string(),
            responded: count,
            medianMinutes: nullableNumber,
            p90Minutes: nullableNumber,
            withinTarget: nullableNumber,
            breaches: count,
          }),
        )
        .parse(result.rows);
      // Unanswered now: routed requests of the window (baseline and week) without a first response.
      const unanswered = new Map<string, number>();
      for (const row of await windowScan(window)) {
        if (row.teamId !== null && row.unanswered > 0)
          unanswered.set(row.teamId, (unanswered.get(row.teamId) ?? 0) + row.unanswered);
      }
      const teams = new Set([...rows.map((row) => row.teamId), ...unanswered.keys()]);
      return [...teams].map((teamId) => {
        const row = rows.find((candidate) => candidate.teamId === teamId);
        return {
          teamId,
          responded: row?.responded ?? 0,
          medianMinutes: row?.medianMinutes ?? null,
          p90Minutes: row?.p90Minutes ?? null,
          withinTarget: row?.withinTarget ?? null,
          breaches: row?.breaches ?? 0,
          unanswered: unanswered.get(teamId) ?? 0,
        };
      });
    },
  };
}

const FirstMessageRow = z.object({
  request_id: z.string(),
  text: z.string(),
  author: z.object({ name: z.string() }).loose(),
  permalink: z.string().nullable(),
  sent_at: z.coerce.date(),
});

// The request's first customer message: the words a quote shows, verbatim.
async function firstMessages(
  db: Queryable,
  requestIds: string[],
): Promise<Map<string, { text: string; author: string; link: string | null; at: Date }>> {
  if (requestIds.length === 0) return new Map();
  const result = await db.query(
    `SELECT DISTINCT ON (request_id) request_id, text, author, permalink, sent_at FROM customer_messages
      WHERE request_id = ANY($1::text[]) AND deleted_at IS NULL ORDER BY request_id, sent_at, seq`,
    [requestIds],
  );
  return new Map(
    z
      .array(FirstMessageRow)
      .parse(result.rows)
      .map((row) => [
        row.request_id,
        { text: row.text, author: row.author.name, link: row.permalink, at: row.sent_at },
      ]),
  );
}

// The promise of `work` for this window, started on the first call: one digest computation
// (one window object) runs each shared scan once, whichever figure asks first.
function once<T>(cache: WeakMap<DigestWindow, Promise<T>>, window: DigestWindow, work: () => Promise<T>) {
  let promise = cache.get(window);
  if (!promise) {
    promise = work();
    cache.set(window, promise);
  }
  return promise;
}

import type { Database, Queryable } from './database.ts';

/** Whose data `verbatim forget` erases. */
export type ErasureSubject =
  | { kind: 'email'; value: string }
  | { kind: 'slack-user'; value: string }
  | { kind: 'account'; value: string };

/** A post on a platform that showed erased words and must be edited to a removal notice. */
export interface ErasedPost {
  destination: { platform: string; channel?: string; conversationId?: string; name?: string };
  postId: string;
}

export interface ErasureReport {
  requests: number;
  messages: number;
  /** Rows removed per table (every table, including ones added after this code was written). */
  rows: Record<string, number>;
  posts: ErasedPost[];
  dryRun: boolean;
}

/** Strings shorter than this are not treated as quotes of the erased words (too many false matches). */
const MIN_QUOTE_CHARS = 12;
/** Tables whose rows are the erasure's own bookkeeping. */
const NEVER_SCANNED = new Set(['schema_migrations', 'erasures']);
/**
 * Configuration-like tables (account names, domains) are matched by id only: an account's name
 * quoted in a message must not make the account vanish when a person is forgotten.
 */
const MATCHED_BY_ID_ONLY = new Set(['accounts']);
/** A cell this long or longer that appears inside the erased words is taken for a quote of them. */
const MIN_CELL_QUOTE_CHARS = 20;

class DryRun extends Error {
  constructor(readonly report: ErasureReport) {
    super('dry run');
  }
}

/**
 * Erases everything stored about a person (by email address or Slack user id) or an account, in one
 * transaction, and records that it happened (who, when, counts — never the subject or the words).
 *
 * What goes: the subject's messages and every request holding one (a request is erased whole: its
 * summary, audit trail and SLA records blend everyone's words in it), and then, in every table of
 * the schema, any row whose text, JSON or bytes mention the subject's identifiers, quote the erased
 * words, or point at an erased request, message or account (`request_id`, `message_id`,
 * `account_id` columns). The scan reads the catalog, so tables added later (digests, health
 * snapshots, inboxes) are covered without changes here. `dryRun` does all of it and rolls back.
 */
export async function eraseSubject(
  db: Database,
  subject: ErasureSubject,
  options: { actor: string; at: Date; dryRun: boolean },
): Promise<ErasureReport> {
  try {
    return await db.transaction(async (tx) => {
      const report = await erase(tx, subject);
      report.dryRun = options.dryRun;
      if (options.dryRun) throw new DryRun(report);
      await tx.query('INSERT INTO erasures (at, actor, subject_kind, counts) VALUES ($1, $2, $3, $4)', [
        options.at,
        options.actor,
        subject.kind,
        JSON.stringify({ requests: report.requests, messages: report.messages, rows: report.rows }),
      ]);
      return report;
    });
  } catch (error) {
    if (error instanceof DryRun) return error.report;
    throw error;
  }
}

/** Notes how many platform posts were edited, on the latest erasure record. */
export async function recordErasedPosts(db: Queryable, edited: number): Promise<void> {
  await db.query('UPDATE erasures SET posts_edited = $1 WHERE id = (SELECT max(id) FROM erasures)', [edited]);
}

async function erase(tx: Queryable, subject: ErasureSubject): Promise<ErasureReport> {
  const own = await tx.query<{ id: string; request_id: string | null; author: { name?: string } }>(
    `SELECT id, request_id, author FROM customer_messages WHERE ${subjectCondition(subject)}`,
    [subject.value],
  );
  const requestIds = new Set(own.rows.flatMap((row) => (row.request_id ? [row.request_id] : [])));
  if (subject.kind === 'account') {
    const owned = await tx.query<{ id: string }>('SELECT id FROM requests WHERE account_id = $1', [
      subject.value,
    ]);
    for (const row of owned.rows) requestIds.add(row.id);
  }
  const messages = await tx.query<{
    id: string;
    text: string;
    subject: string | null;
    quoted_text: string | null;
  }>(
    `SELECT id, text, subject, quoted_text FROM customer_messages WHERE id = ANY($1) OR request_id = ANY($2)`,
    [own.rows.map((row) => row.id), [...requestIds]],
  );
  const messageIds = messages.rows.map((row) => row.id);
  const words = messages.rows
    .flatMap((row) => [row.text, row.subject, row.quoted_text])
    .filter((text): text is string => !!text && text.length >= MIN_QUOTE_CHARS);
  // Full names (two words or more) of the person are identifiers too; a lone first name is not.
  const names =
    subject.kind === 'account'
      ? []
      : [...new Set(own.rows.map((row) => row.author.name?.trim() ?? ''))].filter(
          (name) => /\S\s+\S/u.test(name) && name.length >= 6,
        );
  // Matched case-sensitively (Slack ids, names, request and message ids); emails in any case.
  const identifiers = [
    ...names,
    ...requestIds,
    ...messageIds,
    ...(subject.kind === 'slack-user' ? [subject.value] : []),
  ];
  const emails = subject.kind === 'email' ? [subject.value] : [];

  // Every post and note made for the erased requests: routed posts (also a reassigned request's
  // earlier one), follow-ups, P1 alerts, priority-raise notes and SLA notes (an escalation quotes
  // the summary), wherever they were posted.
  const posts = await tx.query<{ destination: ErasedPost['destination']; post_id: string }>(
    `SELECT destination, post_id FROM routed_posts WHERE request_id = ANY($1)
     UNION SELECT destination, post_id FROM deliveries WHERE post_id IS NOT NULL AND (
       key = ANY(SELECT 'follow-up:' || unnest($2::text[]))
       OR EXISTS (SELECT 1 FROM unnest($1::text[]) r
         WHERE key LIKE 'post:' || r || ':%' OR key LIKE 'alert:' || r || ':%'
           OR key LIKE 'raised:' || r || ':%' OR key LIKE 'sla:' || r || ':%'))`,
    [[...requestIds], messageIds],
  );

  const match = {
    identifiers,
    emails,
    words,
    requestIds: [...requestIds],
    messageIds,
    accountId: subject.kind === 'account' ? subject.value : null,
  };
  const rows: Record<string, number> = {};
  const tables = await listTables(tx);
  // Everything that may point at a request or message goes before the requests and messages.
  for (const table of tables.filter((t) => t.name !== 'requests' && t.name !== 'customer_messages')) {
    const removed = await deleteMatching(tx, table, match);
    if (removed > 0) rows[table.name] = removed;
  }
  const messagesTable = tables.find((candidate) => candidate.name === 'customer_messages');
  if (messagesTable) {
    const removed = await deleteMatching(tx, messagesTable, match);
    if (removed > 0) rows['customer_messages'] = removed;
  }
  const requestsTable = tables.find((candidate) => candidate.name === 'requests');
  if (requestsTable) {
    // The person's own requests go; someone else's request that quotes them (its summary, a
    // phrase) stays, with those words removed: deleting it would take another customer's messages
    // with it (they point at it) or fail on them.
    const own = await tx.query('DELETE FROM requests WHERE id = ANY($1::text[])', [[...requestIds]]);
    const others = await selectMatching(tx, requestsTable, match);
    for (const row of others) await scrubRow(tx, requestsTable, row, match);
    if (own.rowCount > 0) rows['requests'] = own.rowCount;
    if (others.length > 0) rows['requests (words removed)'] = others.length;
  }
  if (subject.kind === 'account') {
    const removed = await tx.query('DELETE FROM accounts WHERE id = $1', [subject.value]);
    if (removed.rowCount > 0) rows['accounts'] = (rows['accounts'] ?? 0) + removed.rowCount;
  }
  return {
    requests: requestIds.size,
    messages: messageIds.length,
    rows,
    posts: posts.rows.map((row) => ({ destination: row.destination, postId: row.post_id })),
    dryRun: false,
  };
}

function subjectCondition(subject: ErasureSubject): string {
  switch (subject.kind) {
    case 'email':
      return `(lower(author ->> 'email') = lower($1) OR lower(forwarded_by ->> 'email') = lower($1))`;
    case 'slack-user':
      return `(platform = 'slack' AND author ->> 'id' = $1)`;
    case 'account':
      return 'account_id = $1';
  }
}

interface TableColumns {
  name: string;
  columns: Array<{ name: string; type: string }>;
}

async function listTables(tx: Queryable): Promise<TableColumns[]> {
  const result = await tx.query<{
    table_name: string;
    column_name: string;
    data_type: string;
    udt_name: string;
  }>(
    `SELECT c.table_name, c.column_name, c.data_type, c.udt_name
     FROM information_schema.columns c JOIN information_schema.tables t
       ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
     WHERE c.table_schema = current_schema() ORDER BY c.table_name, c.ordinal_position`,
  );
  const tables = new Map<string, TableColumns>();
  for (const row of result.rows) {
    if (NEVER_SCANNED.has(row.table_name)) continue;
    const table = tables.get(row.table_name) ?? { name: row.table_name, columns: [] };
    table.columns.push({
      name: row.column_name,
      type: row.data_type === 'ARRAY' ? `${row.udt_name}` : row.data_type,
    });
    tables.set(row.table_name, table);
  }
  return [...tables.values()];
}

interface ErasureMatch {
  identifiers: string[];
  emails: string[];
  words: string[];
  requestIds: string[];
  messageIds: string[];
  accountId: string | null;
}

/** Deletes the rows of `table` that mention the subject (see matchingRows). */
async function deleteMatching(tx: Queryable, table: TableColumns, match: ErasureMatch): Promise<number> {
  const where = matchingRows(table);
  if (!where) return 0;
  const result = await tx.query(`DELETE FROM ${ident(table.name)} WHERE ${where}`, matchParameters(match));
  return result.rowCount;
}

async function selectMatching(
  tx: Queryable,
  table: TableColumns,
  match: ErasureMatch,
): Promise<Array<Record<string, unknown>>> {
  const where = matchingRows(table);
  if (!where) return [];
  const result = await tx.query<Record<string, unknown>>(
    `SELECT * FROM ${ident(table.name)} WHERE ${where}`,
    matchParameters(match),
  );
  return result.rows;
}

const REMOVED = '[removed at a person’s request]';

/** Replaces every erased word, identifier and address in a row's text and JSON cells. */
async function scrubRow(
  tx: Queryable,
  table: TableColumns,
  row: Record<string, unknown>,
  match: ErasureMatch,
): Promise<void> {
  const scrub = (text: string): string => {
    let out = text;
    for (const needle of [...match.words, ...match.identifiers].sort((a, b) => b.length - a.length))
      if (needle && out.includes(needle)) out = out.split(needle).join(REMOVED);
    for (const email of match.emails)
      out = out.replace(new RegExp(email.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), REMOVED);
    // A cell that is itself part of an erased text (a quoted phrase) goes whole.
    if (out.length >= MIN_CELL_QUOTE_CHARS && match.words.some((word) => word.includes(out))) return REMOVED;
    return out;
  };
  const deep = (value: unknown): unknown => {
    if (typeof value === 'string') return scrub(value);
    if (Array.isArray(value)) return value.map(deep);
    if (value && typeof value === 'object' && !(value instanceof Date))
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, deep(inner)]));
    return value;
  };
  const sets: string[] = [];
  const values: unknown[] = [];
  for (const column of table.columns) {
    if (column.name === 'id') continue;
    const value = row[column.name];
    if (value === null || value === undefined) continue;
    const json = column.type === 'jsonb' || column.type === 'json';
    const text = column.type === 'text' || column.type === 'character varying' || column.type === '_text';
    if (!json && !text) continue;
    const scrubbed = deep(typeof value === 'string' && json ? JSON.parse(value) : value);
    if (JSON.stringify(scrubbed) === JSON.stringify(value)) continue;
    values.push(json ? JSON.stringify(scrubbed) : scrubbed);
    sets.push(`${ident(column.name)} = $${values.length}${json ? `::${column.type}` : ''}`);
  }
  if (sets.length === 0) return;
  // A writer holding the row read before this must not write the words back (compare-and-set).
  if (table.columns.some((column) => column.name === 'version')) sets.push('version = version + 1');
  values.push(row['id']);
  await tx.query(`UPDATE ${ident(table.name)} SET ${sets.join(', ')} WHERE id = $${values.length}`, values);
}

function matchParameters(match: ErasureMatch): unknown[] {
  return [match.identifiers, match.words, match.requestIds, match.messageIds, match.accountId, match.emails];
}

/**
 * The SQL condition for the rows of `table` that mention the subject, or null when none can.
 * Parameters: $1 identifiers (exact), $2 the erased words, $3 request ids, $4 message ids, $5 the
 * account id, $6 emails (any case).
 */
function matchingRows(table: TableColumns): string | null {
  const conditions: string[] = [];
  for (const column of table.columns) {
    const c = ident(column.name);
    if (column.name === 'request_id') conditions.push(`${c}::text = ANY($3)`);
    if (column.name === 'message_id') conditions.push(`${c}::text = ANY($4)`);
    if (column.name === 'account_id') conditions.push(`${c}::text = $5`);
    if (MATCHED_BY_ID_ONLY.has(table.name)) continue;
    if (column.type === 'text' || column.type === 'character varying' || column.type === '_text') {
      const value = column.type === '_text' ? `array_to_string(${c}, ' ')` : c;
      conditions.push(
        `EXISTS (SELECT 1 FROM unnest($1::text[]) i WHERE strpos(${value}, i) > 0)`,
        `EXISTS (SELECT 1 FROM unnest($6::text[]) e WHERE strpos(lower(${value}), lower(e)) > 0)`,
        // The cell quotes erased words, or holds them whole (a raw payload).
        `EXISTS (SELECT 1 FROM unnest($2::text[]) w WHERE strpos(${value}, w) > 0
           OR (length(${value}) >= ${MIN_CELL_QUOTE_CHARS} AND strpos(w, ${value}) > 0))`,
      );
    } else if (column.type === 'jsonb' || column.type === 'json') {
      const json = column.type === 'json' ? `${c}::jsonb` : c;
      conditions.push(
        `EXISTS (SELECT 1 FROM unnest($1::text[]) i WHERE strpos(${c}::text, i) > 0)`,
        `EXISTS (SELECT 1 FROM unnest($6::text[]) e WHERE strpos(lower(${c}::text), lower(e)) > 0)`,
        `EXISTS (SELECT 1 FROM jsonb_path_query(${json}, 'strict $.**') s, unnest($2::text[]) w
           WHERE jsonb_typeof(s) = 'string'
             AND (strpos(s #>> '{}', w) > 0 OR (length(s #>> '{}') >= ${MIN_CELL_QUOTE_CHARS} AND strpos(w, s #>> '{}') > 0)))`,
      );
    } else if (column.type === 'bytea') {
      conditions.push(
        `EXISTS (SELECT 1 FROM unnest($1::text[] || $6::text[] || array(SELECT lower(e) FROM unnest($6::text[]) e)) i
           WHERE position(convert_to(i, 'UTF8') IN ${c}) > 0)`,
        `EXISTS (SELECT 1 FROM unnest($2::text[]) w WHERE position(convert_to(w, 'UTF8') IN ${c}) > 0)`,
      );
    }
  }
  if (conditions.length === 0) return null;
  // Every parameter is named with its type, whether or not this table's conditions use it.
  const typed =
    'cardinality($1::text[]) + cardinality($2::text[]) + cardinality($3::text[]) + cardinality($4::text[]) + cardinality($6::text[]) >= 0 AND ($5::text IS NULL OR true)';
  return `${typed} AND (${conditions.join(' OR ')})`;
}

function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

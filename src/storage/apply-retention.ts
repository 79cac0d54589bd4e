import type { RetentionSettings } from '../config/retention-schema.ts';
import type { Database, Queryable } from './database.ts';

/** Rows touched per kind in one retention run. */
export type RetentionReport = Record<string, number>;

const DAY_MS = 86_400_000;

/** The words of an analysis (summary, reasons, quoted phrases), emptied; figures stay. */
const WORDLESS_ANALYSIS = (column: string) => `
  (${column} || '{"summary": "", "priorityReason": ""}'::jsonb - 'translations')
  || jsonb_build_object('churnSignals', COALESCE((
       SELECT jsonb_agg(signal || '{"phrase": ""}'::jsonb)
       FROM jsonb_array_elements(${column} -> 'churnSignals') AS signal), '[]'::jsonb))`;
const WORDLESS_FLOOR = (column: string) => `
  COALESCE((SELECT jsonb_agg(hit || '{"phrase": ""}'::jsonb) FROM jsonb_array_elements(${column}) AS hit), '[]'::jsonb)`;

/**
 * One retention run, in batches of `batchSize` rows per statement until nothing is left:
 * - message bodies older than `messageBodiesDays` are blanked (text, subject, quoted text, author
 *   name and email, forwarder, attachment names); sent time, kind, account, request stay;
 * - analyses of requests and triage records older than `auditWordsDays` lose their words (summary,
 *   reasons, phrases) and keep priority, topics, sentiment, confidence, engine, tokens and cost;
 * - every table that declares `verbatim-retention` in its comment is pruned by its declaration
 *   (dead letters, deliveries, once-claims, and tables added later);
 * - an inbox of raw payloads, when present, loses processed rows older than `rawPayloadDays`.
 * Idempotent: a second run the same day finds nothing to do.
 */
export async function applyRetention(
  db: Database,
  settings: RetentionSettings,
  now: Date,
): Promise<RetentionReport> {
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const batch = settings.batchSize;
  const report: RetentionReport = {};

  report['message bodies'] = await inBatches(db, (q) =>
    q.query(
      `UPDATE customer_messages SET text = '', subject = NULL, quoted_text = NULL, forwarded_by = NULL,
         author = jsonb_build_object('id', author -> 'id', 'name', '', 'external', author -> 'external'),
         attachments = COALESCE((SELECT jsonb_agg(a || '{"name": ""}'::jsonb) FROM jsonb_array_elements(attachments) a), '[]'::jsonb),
         body_removed_at = $2
       WHERE id IN (SELECT id FROM customer_messages WHERE body_removed_at IS NULL AND sent_at < $1 LIMIT $3)`,
      [before(settings.messageBodiesDays), now, batch],
    ),
  );
  report['analysis words'] = await inBatches(db, (q) =>
    q.query(
      `UPDATE requests SET analysis = CASE WHEN analysis IS NULL THEN NULL ELSE ${WORDLESS_ANALYSIS('analysis')} END,
         floor = ${WORDLESS_FLOOR('floor')}, words_removed_at = $2
       WHERE id IN (SELECT id FROM requests WHERE words_removed_at IS NULL AND last_message_at < $1 LIMIT $3)`,
      [before(settings.auditWordsDays), now, batch],
    ),
  );
  report['audit words'] = await inBatches(db, (q) =>
    q.query(
      `UPDATE triage_records SET output = ${WORDLESS_ANALYSIS('output')}, floor = ${WORDLESS_FLOOR('floor')},
         words_removed_at = $2
       WHERE id IN (SELECT id FROM triage_records WHERE words_removed_at IS NULL AND at < $1 LIMIT $3)`,
      [before(settings.auditWordsDays), now, batch],
    ),
  );
  for (const declaration of await readRetentionDeclarations(db)) {
    const days = settings[declaration.keep];
    report[declaration.table] = await inBatches(db, (q) =>
      pruneDeclared(q, declaration, before(days), batch),
    );
  }
  const inbox = await findInbox(db);
  if (inbox) {
    report[inbox] = await inBatches(db, (q) =>
      q.query(
        `DELETE FROM ${ident(inbox)} WHERE ctid IN (
           SELECT ctid FROM ${ident(inbox)} WHERE processed_at IS NOT NULL AND processed_at < $1 LIMIT $2)`,
        [before(settings.rawPayloadDays), batch],
      ),
    );
  }
  return report;
}

type RetentionKey = Exclude<keyof RetentionSettings, 'batchSize' | 'schedule'>;

export interface RetentionDeclaration {
  table: string;
  keep: RetentionKey;
  /** Timestamp column; rows whose value is older than the period (NULL never is) expire. */
  after: string;
  /** Columns to empty instead of deleting the row. */
  blank?: string[];
}

const KEYS: RetentionKey[] = [
  'messageBodiesDays',
  'auditWordsDays',
  'rawPayloadDays',
  'deadLetterDays',
  'deliveryDays',
  'onceClaimDays',
];

/** Every table comment of the form `verbatim-retention: {json}`; a malformed one is an error, loudly. */
export async function readRetentionDeclarations(q: Queryable): Promise<RetentionDeclaration[]> {
  const result = await q.query<{ table: string; comment: string }>(
    `SELECT c.relname AS table, d.description AS comment
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_description d ON d.objoid = c.oid AND d.objsubid = 0
     WHERE n.nspname = current_schema() AND c.relkind = 'r' AND d.description LIKE 'verbatim-retention:%'
     ORDER BY c.relname`,
  );
  return result.rows.map((row) => {
    const parsed = JSON.parse(
      row.comment.slice('verbatim-retention:'.length),
    ) as Partial<RetentionDeclaration>;
    if (!parsed.keep || !KEYS.includes(parsed.keep) || typeof parsed.after !== 'string') {
      throw new Error(
        `table ${row.table} declares retention "${row.comment}"; expected {"keep": one of ${KEYS.join(', ')}, "after": "<timestamp column>"}`,
      );
    }
    return { table: row.table, keep: parsed.keep, after: parsed.after, blank: parsed.blank };
  });
}

function pruneDeclared(q: Queryable, declaration: RetentionDeclaration, cutoff: Date, batch: number) {
  const table = ident(declaration.table);
  const after = ident(declaration.after);
  if (declaration.blank && declaration.blank.length > 0) {
    const columns = declaration.blank.map(ident);
    return q.query(
      `UPDATE ${table} SET ${columns.map((column) => `${column} = NULL`).join(', ')}
       WHERE ctid IN (SELECT ctid FROM ${table} WHERE ${after} < $1
         AND (${columns.map((column) => `${column} IS NOT NULL`).join(' OR ')}) LIMIT $2)`,
      [cutoff, batch],
    );
  }
  return q.query(
    `DELETE FROM ${table} WHERE ctid IN (SELECT ctid FROM ${table} WHERE ${after} < $1 LIMIT $2)`,
    [cutoff, batch],
  );
}

/** A table of raw platform events with a `processed_at` column, if another part of Verbatim made one. */
async function findInbox(q: Queryable): Promise<string | null> {
  const result = await q.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND column_name = 'processed_at' AND table_name LIKE '%inbox%'
       AND table_name NOT IN (
         SELECT c.relname FROM pg_class c JOIN pg_description d ON d.objoid = c.oid AND d.objsubid = 0
         WHERE d.description LIKE 'verbatim-retention:%')
     ORDER BY table_name LIMIT 1`,
  );
  return result.rows[0]?.table_name ?? null;
}

/** Runs `step` in its own short transaction until it changes no rows; the total changed. */
async function inBatches(
  db: Database,
  step: (q: Queryable) => Promise<{ rowCount: number }>,
): Promise<number> {
  let total = 0;
  for (;;) {
    const { rowCount } = await db.transaction(step);
    total += rowCount;
    if (rowCount === 0) return total;
  }
}

/** A quoted identifier; names come from our own catalog, quoted all the same. */
function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

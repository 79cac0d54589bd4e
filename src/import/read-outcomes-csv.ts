import { parse } from 'csv-parse/sync';
import type { AccountOutcome } from '../core/health/backtest.ts';

/** Accepted header names (case-insensitive; spaces, `_` and `-` alike). */
const HEADERS = {
  accountId: ['account id', 'account', 'id', 'accountid', 'company id'],
  outcome: ['outcome', 'status', 'result'],
  date: ['date', 'outcome date', 'close date'],
  churnDate: ['churn date', 'churned on', 'churned at', 'cancellation date', 'churned'],
  renewalDate: ['renewal date', 'renewed on', 'renewed at', 'renewed'],
} as const;

const normalise = (header: string) =>
  header
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();

export interface OutcomesCsv {
  outcomes: AccountOutcome[];
  /** Every problem, with its 1-based line (the header is line 1). */
  errors: Array<{ line: number; message: string }>;
}

/**
 * Reads churn and renewal outcomes as a CRM exports them: an account id column and either
 * `outcome` (churned / renewed) with `date`, or a `churn date` and/or `renewal date` column where
 * each row fills one.
 */
export function readOutcomesCsv(text: string): OutcomesCsv {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as never;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { outcomes: [], errors: [{ line, message: `not valid CSV: ${(error as Error).message}` }] };
  }
  const [header, ...rows] = records;
  if (!header) return { outcomes: [], errors: [{ line: 1, message: 'the file is empty' }] };
  const column = (field: keyof typeof HEADERS) =>
    header.record.findIndex((name) => (HEADERS[field] as readonly string[]).includes(normalise(name)));
  const at = {
    accountId: column('accountId'),
    outcome: column('outcome'),
    date: column('date'),
    churnDate: column('churnDate'),
    renewalDate: column('renewalDate'),
  };
  const errors: OutcomesCsv['errors'] = [];
  if (at.accountId < 0)
    errors.push({
      line: 1,
      message: `no account id column; accepted names: ${HEADERS.accountId.join(', ')}`,
    });
  const paired = at.outcome >= 0 && at.date >= 0;
  if (!paired && at.churnDate < 0 && at.renewalDate < 0)
    errors.push({
      line: 1,
      message: 'needs "outcome" and "date" columns, or a "churn date" and/or "renewal date" column',
    });
  if (errors.length > 0) return { outcomes: [], errors };

  const outcomes: AccountOutcome[] = [];
  for (const { record, info } of rows) {
    const line = info.lines;
    const cell = (index: number) => (index >= 0 ? (record[index] ?? '').trim() : '');
    const accountId = cell(at.accountId);
    if (!accountId) {
      errors.push({ line, message: 'the account id is empty' });
      continue;
    }
    let outcome: string;
    let date: string;
    if (paired) {
      outcome = cell(at.outcome).toLowerCase();
      date = cell(at.date);
      if (!['churned', 'churn', 'lost', 'renewed', 'renewal', 'won'].includes(outcome)) {
        errors.push({ line, message: `outcome "${cell(at.outcome)}" is neither churned nor renewed` });
        continue;
      }
      outcome = ['churned', 'churn', 'lost'].includes(outcome) ? 'churned' : 'renewed';
    } else {
      const churn = cell(at.churnDate);
      const renewal = cell(at.renewalDate);
      if (churn && renewal) {
        errors.push({ line, message: 'both a churn date and a renewal date; keep one' });
        continue;
      }
      if (!churn && !renewal) {
        errors.push({ line, message: 'neither a churn date nor a renewal date' });
        continue;
      }
      outcome = churn ? 'churned' : 'renewed';
      date = churn || renewal;
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
      errors.push({ line, message: `date "${date}" is not an ISO date (YYYY-MM-DD)` });
      continue;
    }
    outcomes.push({ accountId, outcome: outcome as AccountOutcome['outcome'], date });
  }
  return { outcomes, errors };
}

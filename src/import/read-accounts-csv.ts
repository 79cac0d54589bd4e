import { parse } from 'csv-parse/sync';
import { type Account, AccountSchema } from '../core/directory.ts';
import { describeAccountIssue } from './describe-account-issue.ts';

/** Our field → accepted CSV header names (compared case-insensitively, ignoring spaces, `_` and `-`). */
export const ACCOUNT_CSV_HEADERS: Record<string, string[]> = {
  id: ['id', 'account id', 'accountid', 'account key'],
  name: ['name', 'account name', 'company', 'company name'],
  domains: ['domains', 'domain', 'email domains', 'website'],
  tier: ['tier', 'plan', 'account tier'],
  arr: ['arr', 'annual recurring revenue', 'arr eur', 'arr usd'],
  renewalDate: ['renewal date', 'renewal', 'renewaldate', 'contract end', 'renewal_date'],
  owner: ['owner', 'account owner', 'csm'],
  segment: ['segment', 'industry'],
  channels: ['channels', 'slack channel', 'slack channels', 'shared channels', 'channel'],
};

export interface RejectedRow {
  /** 1-based line in the file (the header is line 1). */
  line: number;
  reasons: string[];
}

export interface AccountsCsv {
  accounts: Array<{ line: number; account: Account }>;
  rejected: RejectedRow[];
  /** Header columns that map to nothing (ignored). */
  ignoredColumns: string[];
}

const normalise = (header: string) =>
  header
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();

/** Parses a CRM export into accounts; every bad row is reported with its line and reasons. */
export function readAccountsCsv(text: string): AccountsCsv {
  const records = parse(text, {
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
  }) as unknown as Array<{
    record: string[];
    info: { lines: number };
  }>;
  const [header, ...rows] = records;
  if (!header) throw new Error('the CSV file is empty');
  const columns = header.record.map((name) => {
    const wanted = normalise(name);
    return Object.entries(ACCOUNT_CSV_HEADERS).find(([, aliases]) =>
      aliases.map(normalise).includes(wanted),
    )?.[0];
  });
  const doubled = columns.filter((field, index) => field !== undefined && columns.indexOf(field) !== index);
  if (doubled.length > 0) {
    throw new Error(
      `two columns map to the same field (${[...new Set(doubled)].join(', ')}); keep one of them or rename the other`,
    );
  }
  const missing = ['id', 'name'].filter((field) => !columns.includes(field));
  if (missing.length > 0) {
    throw new Error(
      `the CSV header has no ${missing.join(' or ')} column; accepted names: ${missing
        .map((field) => ACCOUNT_CSV_HEADERS[field]?.join(', '))
        .join('; ')}`,
    );
  }
  const result: AccountsCsv = {
    accounts: [],
    rejected: [],
    ignoredColumns: header.record.filter((_, index) => columns[index] === undefined),
  };
  const seen = new Map<string, number>();
  for (const { record, info } of rows) {
    const line = info.lines;
    const raw: Record<string, string> = {};
    columns.forEach((field, index) => {
      if (field && record[index] !== undefined) raw[field] = record[index].trim();
    });
    const list = (value?: string) =>
      (value ?? '')
        .split(/[;,\s]+/)
        .map((item) => item.trim().toLowerCase())
        .filter(Boolean);
    const cellProblems: string[] = [];
    const channels = (raw.channels ?? '')
      .split(/[;\s]+/)
      .map((item) => item.trim())
      .filter(Boolean)
      .map((item) => {
        if (/^(slack|teams):.+/.test(item)) return item;
        // A bare Slack channel id, as CRMs usually hold them.
        if (/^[CG][A-Z0-9]{8,}$/.test(item)) return `slack:${item}`;
        cellProblems.push(
          `the channel "${item}" is neither slack:<channel id>, teams:<conversation id> nor a Slack channel id`,
        );
        return item;
      });
    const arr = raw.arr ? parseAmount(raw.arr) : undefined;
    if (Number.isNaN(arr))
      cellProblems.push(`the ARR "${raw.arr}" is not an amount (a comma may only separate thousands)`);
    const candidate = {
      id: raw.id?.toLowerCase(),
      name: raw.name || undefined,
      domains: list(raw.domains).map((domain) =>
        domain.replace(/^https?:\/\/(www\.)?/, '').replace(/\/.*$/, ''),
      ),
      channels,
      tier: raw.tier ? raw.tier.toLowerCase() : undefined,
      arr: Number.isNaN(arr) ? undefined : arr,
      renewalDate: raw.renewalDate || undefined,
      owner: raw.owner || undefined,
      segment: raw.segment || undefined,
    };
    const parsed = AccountSchema.safeParse(candidate);
    if (!parsed.success || cellProblems.length > 0) {
      result.rejected.push({
        line,
        reasons: [
          ...(parsed.success
            ? []
            : parsed.error.issues.map((issue) => describeAccountIssue(issue, candidate))),
          ...cellProblems,
        ],
      });
      continue;
    }
    const previous = seen.get(parsed.data.id);
    if (previous !== undefined) {
      result.rejected.push({
        line,
        reasons: [`the id "${parsed.data.id}" is already used on line ${previous}`],
      });
      continue;
    }
    seen.set(parsed.data.id, line);
    result.accounts.push({ line, account: parsed.data });
  }
  return result;
}

/** "186,000", "€186 000", "8400.00" → numbers; a decimal comma ("8400,50") is NaN rather than misread. */
function parseAmount(cell: string): number {
  const compact = cell.replace(/[\s€$]/g, '');
  if (!/^\d{1,3}(,\d{3})*(\.\d+)?$|^\d+(\.\d+)?$/.test(compact)) return Number.NaN;
  return Number(compact.replace(/,/g, ''));
}

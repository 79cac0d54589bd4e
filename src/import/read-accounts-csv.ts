import { parse } from 'csv-parse/sync';
import { type Account, AccountSchema } from '../core/directory.ts';

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

const normalise = (header: string) => header.toLowerCase().replace(/[\s_-]+/g, ' ').trim();

/** Parses a CRM export into accounts; every bad row is reported with its line and reasons. */
export function readAccountsCsv(text: string): AccountsCsv {
  const records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as Array<{
    record: string[];
    info: { lines: number };
  }>;
  const [header, ...rows] = records;
  if (!header) throw new Error('the CSV file is empty');
  const columns = header.record.map((name) => {
    const wanted = normalise(name);
    return Object.entries(ACCOUNT_CSV_HEADERS).find(([, aliases]) => aliases.map(normalise).includes(wanted))?.[0];
  });
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
    const candidate = {
      id: raw.id?.toLowerCase(),
      name: raw.name || undefined,
      domains: list(raw.domains).map((domain) => domain.replace(/^https?:\/\/(www\.)?/, '').replace(/\/.*$/, '')),
      channels: (raw.channels ?? '')
        .split(/[;\s]+/)
        .map((item) => item.trim())
        .filter(Boolean),
      tier: raw.tier ? raw.tier.toLowerCase() : undefined,
      arr: raw.arr ? Number(raw.arr.replace(/[\s,€$]/g, '')) : undefined,
      renewalDate: raw.renewalDate || undefined,
      owner: raw.owner || undefined,
      segment: raw.segment || undefined,
    };
    const parsed = AccountSchema.safeParse(candidate);
    if (!parsed.success) {
      result.rejected.push({
        line,
        reasons: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'row'}: ${issue.message}`),
      });
      continue;
    }
    const previous = seen.get(parsed.data.id);
    if (previous !== undefined) {
      result.rejected.push({ line, reasons: [`id: duplicate of line ${previous}`] });
      continue;
    }
    seen.set(parsed.data.id, line);
    result.accounts.push({ line, account: parsed.data });
  }
  return result;
}

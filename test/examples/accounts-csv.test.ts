import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../src/config/load-config.ts';

const CSV_PATH = new URL('../../examples/accounts.csv', import.meta.url);
const config = loadConfigFile(new URL('../../examples/verbatim.config.yaml', import.meta.url).pathname);
if (!config.ok) throw new Error('example config invalid');

interface Row {
  line: number;
  cells: string[];
}

/** Rows with the physical line each starts on (header = line 1), as the importer reports them. */
function readRows(): Row[] {
  const records = parse(readFileSync(CSV_PATH), { info: true, bom: true }) as unknown as Array<{
    record: string[];
    info: { lines: number };
  }>;
  // csv-parse's `info.lines` is the line where the record ends; these records are single-line.
  return records.map(({ record, info }) => ({ line: info.lines, cells: record }));
}

describe('examples/accounts.csv', () => {
  const [header, ...rows] = readRows();

  it('has CRM-style headers for every importable field', () => {
    expect(header?.cells).toEqual([
      'Account ID',
      'Account Name',
      'Domains',
      'Tier',
      'ARR',
      'Renewal Date',
      'Owner',
      'Segment',
      'Slack Channel',
    ]);
  });

  it('repeats the 14 configured accounts with the same values', () => {
    for (const account of config.ok ? config.value.accounts : []) {
      const row = rows.find((r) => r.cells[0] === account.id);
      expect(row, account.id).toBeDefined();
      const [, name, domains, tier, arr, renewal, owner, segment, channels] = row?.cells ?? [];
      expect(name).toBe(account.name);
      expect(domains?.split(';')).toEqual(account.domains);
      expect(tier?.toLowerCase()).toBe(account.tier);
      expect(Number(arr)).toBe(account.arr);
      expect(renewal).toBe(account.renewalDate);
      expect(owner).toBe(account.owner);
      expect(segment).toBe(account.segment);
      // A bare Slack channel id means slack:<id> (docs/configuration.md).
      expect(channels?.split(';').map((c) => (/^[CG][A-Z0-9]{8,}$/.test(c) ? `slack:${c}` : c))).toEqual(
        account.channels,
      );
    }
  });

  it('adds three more accounts, one with a quoted comma in its name', () => {
    const configured = new Set(config.ok ? config.value.accounts.map((a) => a.id) : []);
    const extra = rows.filter(
      (r) => !configured.has(r.cells[0] ?? '') && r.cells[1] && /^\d{4}-\d{2}-\d{2}$/.test(r.cells[5] ?? ''),
    );
    expect(extra.map((r) => r.cells[1])).toEqual([
      'Baltic Pharma UAB',
      'Vaasa Marine Oy',
      'Cedar & Pine Legal, LLP',
    ]);
    expect(extra.at(-1)?.cells[0]).toBe('cedar-pine-legal');
  });

  it('has exactly two bad rows for the importer to reject: line 16 without a name, line 18 with a bad date', () => {
    const bad = rows.filter((r) => !r.cells[1] || !/^\d{4}-\d{2}-\d{2}$/.test(r.cells[5] ?? ''));
    expect(bad.map((r) => [r.line, r.cells[0], r.cells[1], r.cells[5]])).toEqual([
      [16, 'ghost-account', '', '2027-05-01'],
      [18, 'lapland-tours', 'Lapland Tours Oy', '31.12.2026'],
    ]);
    expect(rows).toHaveLength(19);
  });
});

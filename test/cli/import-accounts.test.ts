import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAccountsCsv } from '../../src/import/read-accounts-csv.ts';
import { listStoredAccounts } from '../../src/storage/account-store.ts';
import { openStorage } from '../../src/storage/open-storage.ts';
import { runVerbatim } from '../support/cli-harness.ts';

describe('verbatim import accounts', () => {
  it('imports the CRM export, reports rejected rows with their lines, and never duplicates on re-import', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'verbatim-import-'));
    const env = { VERBATIM_DATA_DIR: dataDir };
    const first = await runVerbatim(['import', 'accounts', 'examples/accounts.csv'], { env });
    expect(first.code).toBe(1);
    expect(first.stdout).toContain('examples/accounts.csv: 17 added, 0 updated, 0 unchanged, 2 rejected');
    expect(first.stdout).toContain('line 16: the account has no name\n');
    expect(first.stdout).toContain(
      'line 18: the renewal date "31.12.2026" is not a date written as YYYY-MM-DD (e.g. 2027-01-31)\n',
    );

    const again = await runVerbatim(['import', 'accounts', 'examples/accounts.csv'], { env });
    expect(again.stdout).toContain('0 added, 0 updated, 17 unchanged, 2 rejected');

    const storage = await openStorage({ dataDir });
    try {
      const accounts = await listStoredAccounts(storage.db);
      expect(accounts).toHaveLength(17);
      expect(accounts.find((account) => account.id === 'greenleaf-foods')?.channels).toEqual([
        'slack:C1GREENLF',
      ]);
      expect(accounts.find((account) => account.id === 'cedar-pine-legal')?.name).toBe(
        'Cedar & Pine Legal, LLP',
      );
    } finally {
      await storage.close();
    }
  });

  it('explains wrong arguments and an unusable header', async () => {
    expect((await runVerbatim(['import', 'contacts'])).code).toBe(2);
    const dir = mkdtempSync(join(tmpdir(), 'verbatim-import-'));
    writeFileSync(join(dir, 'bad.csv'), 'Company,Plan\nAcme,growth\n');
    const result = await runVerbatim(['import', 'accounts', 'bad.csv'], {
      cwd: dir,
      env: { VERBATIM_DATA_DIR: dir },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no id column; accepted names: id, account id/);
  });
});

describe('CRM export rows', () => {
  it('reads amounts with thousands separators and rejects a decimal comma rather than misreading it', () => {
    const csv = 'id,name,arr\na,A,"186,000"\nb,B,€186 000\nc,C,"8400,50"\n';
    const parsed = readAccountsCsv(csv);
    expect(parsed.accounts.map(({ account }) => account.arr)).toEqual([186000, 186000]);
    expect(parsed.rejected).toEqual([
      { line: 4, reasons: [expect.stringMatching(/^the ARR "8400,50" is not an amount/)] },
    ]);
  });

  it('rejects a file where two columns map to one field', () => {
    expect(() => readAccountsCsv('id,name,company\na,A,B\n')).toThrow(
      /two columns map to the same field \(name\)/,
    );
  });

  it('rejects channel cells that are not conversation refs', () => {
    const parsed = readAccountsCsv('id,name,channels\na,A,#general\n');
    expect(parsed.rejected[0]?.reasons[0]).toMatch(/^the channel "#general" is neither/);
  });

  it('says what is wrong with a row in a sentence, naming the value', () => {
    const parsed = readAccountsCsv(
      'id,name,tier,renewal,domains\nBad Id!,,platinum,31.12.2026,x\nok,OK,growth,2027-01-01,ok.example\nok,Again,,,\n',
    );
    expect(parsed.rejected).toEqual([
      {
        line: 2,
        reasons: [
          'the id "bad id!" may only hold lower-case letters, digits and dashes, starting with a letter or digit',
          'the account has no name',
          'the domain "x" is too short to be an email domain',
          'the tier "platinum" is not one of enterprise, growth, starter',
          'the renewal date "31.12.2026" is not a date written as YYYY-MM-DD (e.g. 2027-01-31)',
        ],
      },
      { line: 4, reasons: ['the id "ok" is already used on line 3'] },
    ]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../src/core/directory.ts';
import { listStoredAccounts, mergeAccounts, upsertAccount } from '../../src/storage/account-store.ts';
import { createDeadLetterStore } from '../../src/storage/dead-letter-store.ts';
import { migrate, pendingMigrations } from '../../src/storage/migrations.ts';
import { claimOnce, releaseClaim } from '../../src/storage/once-claims.ts';
import type { Storage } from '../../src/storage/open-storage.ts';
import { backends } from '../support/scratch-database.ts';
import { openTestStorage } from '../support/test-storage.ts';

const acme: Account = {
  id: 'acme',
  name: 'Acme Logistics',
  domains: ['acme-logistics.example'],
  channels: ['slack:C1ACME'],
  tier: 'enterprise',
  arr: 120000,
  renewalDate: '2026-12-31',
  owner: 'U0OWNER',
  segment: 'logistics',
  routing: {},
};

describe.each(backends)('storage on %s', (backend) => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await openTestStorage(backend);
  });
  afterAll(async () => {
    await storage.close();
  });

  it('has every migration applied and applying again changes nothing', async () => {
    expect(await pendingMigrations(storage.db)).toEqual([]);
    expect((await migrate(storage.db)).applied).toEqual([]);
  });

  it('claims a key for exactly one of many concurrent callers', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => claimOnce(storage.db, 'event:Ev123')));
    expect(results.filter(Boolean)).toHaveLength(1);
    await releaseClaim(storage.db, 'event:Ev123');
    expect(await claimOnce(storage.db, 'event:Ev123')).toBe(true);
  });

  it('upserts accounts: insert, unchanged on re-import, update on change, never duplicates', async () => {
    expect(await upsertAccount(storage.db, acme, 'csv:test')).toBe('inserted');
    expect(await upsertAccount(storage.db, acme, 'csv:test')).toBe('unchanged');
    expect(await upsertAccount(storage.db, { ...acme, arr: 150000 }, 'csv:test')).toBe('updated');
    const stored = await listStoredAccounts(storage.db);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      id: 'acme',
      arr: 150000,
      renewalDate: '2026-12-31',
      tier: 'enterprise',
    });
    const merged = mergeAccounts(
      [
        { ...acme, name: 'Old name' },
        { ...acme, id: 'other', name: 'Other' },
      ],
      stored,
    );
    expect(merged.map((account) => account.name).sort()).toEqual(['Acme Logistics', 'Other']);
  });

  it('keeps dead letters whole, raw bytes included', async () => {
    const letters = createDeadLetterStore(storage.db);
    const raw = new Uint8Array([0xff, 0xfe, 0x00, 0x41, 0x0a]);
    const id = await letters.keep({
      source: 'email:webhook',
      reason: 'malformed MIME',
      raw,
      meta: { size: 5 },
    });
    const stored = await letters.get(id);
    expect(stored?.raw).toEqual(raw);
    expect(stored?.reason).toBe('malformed MIME');
    expect(stored?.meta).toEqual({ size: 5 });
    expect((await letters.list()).map((letter) => letter.id)).toContain(id);
    await letters.markRetried(id, 'accepted', new Date('2026-11-23T10:00:00Z'));
    expect((await letters.get(id))?.retryOutcome).toBe('accepted');
  });

  it('keeps key-value state in the same database', async () => {
    await storage.keyv.set('conversation-ref:C1', { serviceUrl: 'x' });
    expect(await storage.keyv.get('conversation-ref:C1')).toEqual({ serviceUrl: 'x' });
    expect(await storage.keyv.get('missing')).toBeUndefined();
  });
});

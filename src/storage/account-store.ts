import { z } from 'zod';
import { type Account, AccountSchema } from '../core/directory.ts';
import type { Queryable } from './database.ts';

const AccountRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  domains: z.array(z.string()),
  channels: z.array(z.string()),
  owner: z.string().nullable(),
  tier: z.string(),
  arr: z.coerce.number().nullable(),
  renewal_date: z.string().nullable(),
  segment: z.string().nullable(),
  routing: z.record(z.string(), z.string()),
});

/** Accounts imported from a CRM export; they override config-file accounts with the same id. */
export async function listStoredAccounts(db: Queryable): Promise<Account[]> {
  const result = await db.query(
    `SELECT id, name, domains, channels, owner, tier, arr, renewal_date::text AS renewal_date, segment, routing
     FROM accounts ORDER BY id`,
  );
  return result.rows.map((row) => {
    const r = AccountRowSchema.parse(row);
    return AccountSchema.parse({
      id: r.id,
      name: r.name,
      domains: r.domains,
      channels: r.channels,
      owner: r.owner ?? undefined,
      tier: r.tier,
      arr: r.arr ?? undefined,
      renewalDate: r.renewal_date ?? undefined,
      segment: r.segment ?? undefined,
      routing: r.routing,
    });
  });
}

export type UpsertOutcome = 'inserted' | 'updated' | 'unchanged';

/** Inserts or updates one account by id; re-importing the same row changes nothing. */
export async function upsertAccount(db: Queryable, account: Account, source: string): Promise<UpsertOutcome> {
  const result = await db.query<{ inserted: boolean }>(
    `INSERT INTO accounts AS a (id, name, domains, channels, owner, tier, arr, renewal_date, segment, routing, source)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, domains = EXCLUDED.domains, channels = EXCLUDED.channels,
       owner = EXCLUDED.owner, tier = EXCLUDED.tier, arr = EXCLUDED.arr, renewal_date = EXCLUDED.renewal_date,
       segment = EXCLUDED.segment, routing = EXCLUDED.routing, source = EXCLUDED.source, updated_at = now()
     WHERE (a.name, a.domains, a.channels, a.owner, a.tier, a.arr, a.renewal_date, a.segment, a.routing)
       IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.domains, EXCLUDED.channels, EXCLUDED.owner, EXCLUDED.tier,
       EXCLUDED.arr, EXCLUDED.renewal_date, EXCLUDED.segment, EXCLUDED.routing)
     RETURNING (xmax = 0) AS inserted`,
    [
      account.id,
      account.name,
      account.domains,
      account.channels,
      account.owner ?? null,
      account.tier,
      account.arr ?? null,
      account.renewalDate ?? null,
      account.segment ?? null,
      JSON.stringify(account.routing),
      source,
    ],
  );
  const row = result.rows[0];
  if (!row) return 'unchanged';
  return row.inserted ? 'inserted' : 'updated';
}

/**
 * Config accounts combined with imported ones by id: what the CRM export provides wins field by
 * field (it is the source of truth for tier, ARR, renewal and owner); what it leaves empty keeps
 * the config's value; routing overrides always come from the config file.
 */
export function mergeAccounts(fromConfig: Account[], stored: Account[]): Account[] {
  const byId = new Map(fromConfig.map((account) => [account.id, account]));
  for (const imported of stored) {
    const configured = byId.get(imported.id);
    if (!configured) {
      byId.set(imported.id, imported);
      continue;
    }
    byId.set(imported.id, {
      ...configured,
      name: imported.name,
      tier: imported.tier,
      domains: imported.domains.length > 0 ? imported.domains : configured.domains,
      channels: imported.channels.length > 0 ? imported.channels : configured.channels,
      arr: imported.arr ?? configured.arr,
      renewalDate: imported.renewalDate ?? configured.renewalDate,
      owner: imported.owner ?? configured.owner,
      segment: imported.segment ?? configured.segment,
      routing: configured.routing,
    });
  }
  return [...byId.values()];
}

import { createAccountMatcher } from './accounts/create-account-matcher.ts';
import type { ConfigFile } from './config/config-file-schema.ts';
import type { Account } from './core/directory.ts';
import type { HealthDeps } from './core/health/explain-account.ts';
import type { Clock } from './core/ports.ts';
import type { Queryable } from './storage/database.ts';
import { createHealthStore } from './storage/health-store.ts';

/**
 * Wires account health (docs/health.md) to storage: its store, the account matcher over
 * `accounts` (read on every call, so accounts mapped while running count) and the configured
 * model. Shared by the composition root and `verbatim churn`.
 */
export function createHealthDeps(input: {
  db: Queryable;
  accounts: () => readonly Account[];
  file: Pick<ConfigFile, 'health'>;
  clock: Clock;
}): HealthDeps {
  return {
    store: createHealthStore(input.db),
    accounts: input.accounts,
    match: createAccountMatcher(input.accounts),
    model: input.file.health,
    clock: input.clock,
  };
}

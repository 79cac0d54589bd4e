import type { Account } from '../../src/core/directory.ts';

/** The customer accounts the email fixtures are written for (their senders' domains). */
export const FIXTURE_ACCOUNTS: Account[] = [
  {
    id: 'acme-logistics',
    name: 'Acme Logistics',
    domains: ['acme-logistics.example'],
    channels: [],
    tier: 'enterprise',
    routing: {},
  },
  {
    id: 'pohjola-foods',
    name: 'Pohjola Foods',
    domains: ['pohjola-foods.example'],
    channels: [],
    tier: 'growth',
    routing: {},
  },
];

/** Our own domain in the fixtures: senders from it are staff. */
export const FIXTURE_OWN_DOMAINS = ['verbatim-demo.example'];

import { describe, expect, it } from 'vitest';
import {
  type Account,
  AccountSchema,
  type Destination,
  type Directory,
  RoutingRuleSchema,
  TeamSchema,
} from '../../src/core/directory.ts';
import type { Priority } from '../../src/core/priority.ts';
import { chooseRoute } from '../../src/core/routing.ts';

const slack = (channel: string): Destination => ({ platform: 'slack', channel });

const DIRECTORY: Directory = {
  teams: [
    TeamSchema.parse({
      id: 'support',
      name: 'Support',
      destination: slack('C-SUPPORT'),
      topics: ['how-to'],
      escalation: slack('C-SUPPORT-ESC'),
    }),
    TeamSchema.parse({
      id: 'billing',
      name: 'Billing',
      destination: slack('C-BILLING'),
      topics: ['billing', 'invoices'],
      escalation: slack('C-BILLING-ESC'),
    }),
    TeamSchema.parse({
      id: 'engineering',
      name: 'Engineering',
      destination: slack('C-ENG'),
      topics: ['bug', 'api'],
    }),
    TeamSchema.parse({
      id: 'csm',
      name: 'Customer success',
      destination: { platform: 'teams', conversationId: '19:csm@thread.tacv2' },
      topics: ['renewal'],
      escalation: { platform: 'teams', conversationId: '19:csm@thread.tacv2' },
    }),
  ],
  accounts: [],
  topics: [],
  rules: [
    RoutingRuleSchema.parse({ topic: 'renewal', tier: 'enterprise', team: 'csm' }),
    RoutingRuleSchema.parse({ topic: 'api', minPriority: 'P2', team: 'support' }),
    RoutingRuleSchema.parse({ tier: 'starter', topic: 'bug', team: 'support' }),
    RoutingRuleSchema.parse({ topic: 'billing', team: 'no-such-team' }),
  ],
  defaultTeam: 'support',
  unmapped: slack('C-UNMAPPED'),
  ownDomains: ['verbatim.example'],
};

const account = (id: string, tier: string, routing: Record<string, string> = {}): Account =>
  AccountSchema.parse({ id, name: id, tier, routing });

const ACME = account('acme', 'enterprise');
const GLOBEX = account('globex', 'growth', { invoices: 'engineering', '*': 'csm' });
const INITECH = account('initech', 'starter', { bug: 'engineering' });
const HOOLI = account('hooli', 'growth', { '*': 'billing', api: 'ghost-team' });

/** [description, account, topics, priority, team, destination, alsoNotify, unmapped] */
const CASES: Array<[string, Account | null, string[], Priority, string, string, string[], boolean]> = [
  [
    'unknown account goes to the unmapped channel',
    null,
    ['billing'],
    'P3',
    'support',
    'C-UNMAPPED',
    [],
    true,
  ],
  [
    'unknown account at P1 also alerts the default escalation',
    null,
    ['bug'],
    'P1',
    'support',
    'C-UNMAPPED',
    ['C-SUPPORT-ESC'],
    true,
  ],
  ['account override by topic', GLOBEX, ['invoices'], 'P3', 'engineering', 'C-ENG', [], false],
  ['account wildcard override', GLOBEX, ['bug'], 'P3', 'csm', '19:csm@thread.tacv2', [], false],
  [
    'topic override beats wildcard even for a later topic',
    GLOBEX,
    ['bug', 'invoices'],
    'P3',
    'engineering',
    'C-ENG',
    [],
    false,
  ],
  [
    'override naming no team is skipped for the wildcard',
    HOOLI,
    ['api'],
    'P3',
    'billing',
    'C-BILLING',
    [],
    false,
  ],
  ['override wins over rules', INITECH, ['bug'], 'P2', 'engineering', 'C-ENG', [], false],
  ['rule with topic and tier', ACME, ['renewal'], 'P3', 'csm', '19:csm@thread.tacv2', [], false],
  [
    'rule with tier not matching falls through to topic owner',
    account('small', 'growth'),
    ['renewal'],
    'P3',
    'csm',
    '19:csm@thread.tacv2',
    [],
    false,
  ],
  ['minPriority P2 matches P2', ACME, ['api'], 'P2', 'support', 'C-SUPPORT', [], false],
  [
    'minPriority P2 matches P1 and escalates',
    ACME,
    ['api'],
    'P1',
    'support',
    'C-SUPPORT',
    ['C-SUPPORT-ESC'],
    false,
  ],
  ['minPriority P2 does not match P3', ACME, ['api'], 'P3', 'engineering', 'C-ENG', [], false],
  ['rule naming no team is skipped', ACME, ['billing'], 'P3', 'billing', 'C-BILLING', [], false],
  [
    'first owned topic in request order wins',
    ACME,
    ['unknown-topic', 'bug', 'billing'],
    'P3',
    'engineering',
    'C-ENG',
    [],
    false,
  ],
  ['no owner → default team', ACME, ['unknown-topic'], 'P4', 'support', 'C-SUPPORT', [], false],
  ['no topics → default team', ACME, [], 'P3', 'support', 'C-SUPPORT', [], false],
  ['P1 to a team with escalation', ACME, ['billing'], 'P1', 'billing', 'C-BILLING', ['C-BILLING-ESC'], false],
  ['P1 to a team without escalation', ACME, ['bug'], 'P1', 'engineering', 'C-ENG', [], false],
  [
    'P1 escalation equal to the destination is not doubled',
    ACME,
    ['renewal'],
    'P1',
    'csm',
    '19:csm@thread.tacv2',
    [],
    false,
  ],
  ['P2 never adds escalation', ACME, ['billing'], 'P2', 'billing', 'C-BILLING', [], false],
];

const where = (destination: Destination): string =>
  destination.platform === 'slack'
    ? destination.channel
    : destination.platform === 'teams'
      ? destination.conversationId
      : destination.name;

describe('chooseRoute', () => {
  it.each(CASES)('%s', (_, account, topics, priority, team, destination, alsoNotify, unmapped) => {
    const route = chooseRoute({ directory: DIRECTORY, account, topics, priority });
    expect(route.team.id).toBe(team);
    expect(where(route.destination)).toBe(destination);
    expect(route.alsoNotify.map(where)).toEqual(alsoNotify);
    expect(route.unmapped).toBe(unmapped);
    expect(route.reason).not.toBe('');
  });

  it('explains each kind of decision', () => {
    const reason = (account: Account | null, topics: string[], priority: Priority = 'P3') =>
      chooseRoute({ directory: DIRECTORY, account, topics, priority }).reason;
    expect(reason(null, [])).toMatch(/^unknown account: sent to slack:C-UNMAPPED/);
    expect(reason(GLOBEX, ['invoices'])).toBe('account globex routes topic invoices to engineering');
    expect(reason(GLOBEX, ['bug'])).toBe('account globex routes every topic to csm');
    expect(reason(ACME, ['api'], 'P1')).toBe('routing rule 2 (topic api, priority P2 or higher) → support');
    expect(reason(ACME, ['bug'])).toBe('team engineering owns topic bug');
    expect(reason(ACME, ['x', 'y'])).toBe('no team owns x, y: default team support');
  });

  it('treats a rule without conditions as a catch-all', () => {
    const directory = { ...DIRECTORY, rules: [RoutingRuleSchema.parse({ team: 'billing' })] };
    expect(chooseRoute({ directory, account: ACME, topics: ['bug'], priority: 'P4' }).team.id).toBe(
      'billing',
    );
  });

  it('throws when the default team is missing from the directory', () => {
    const directory = { ...DIRECTORY, defaultTeam: 'ghost' };
    expect(() => chooseRoute({ directory, account: ACME, topics: [], priority: 'P3' })).toThrow(/ghost/);
  });
});

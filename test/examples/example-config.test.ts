import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import type { ConfigFile } from '../../src/config/config-file-schema.ts';
import { type LoadResult, loadConfigFile } from '../../src/config/load-config.ts';

const CONFIG_PATH = new URL('../../examples/verbatim.config.yaml', import.meta.url).pathname;

function loadExample(): ConfigFile {
  const result: LoadResult<ConfigFile> = loadConfigFile(CONFIG_PATH);
  if (!result.ok)
    throw new Error(result.problems.map((p) => `${p.line}: ${p.path}: ${p.message}`).join('\n'));
  return result.value;
}

/** Days between two ISO dates. */
function daysBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / 86_400_000;
}

describe('examples/verbatim.config.yaml', () => {
  it('validates against the config file schema', () => {
    expect(loadConfigFile(CONFIG_PATH)).toMatchObject({ ok: true });
  });

  it('defines exactly the topic ids the labelled evaluation set uses', () => {
    const config = loadExample();
    expect(config.topics.map((t) => t.id).sort()).toEqual(
      [
        'account-management',
        'billing',
        'bug',
        'feature-request',
        'integrations',
        'onboarding',
        'outage',
        'performance',
        'praise',
        'security',
      ].sort(),
    );
  });

  it('gives every topic a label, a description and generous English and Finnish keywords', () => {
    // A few keywords per language that the offline analyzer and the demo rely on.
    const expected: Record<string, string[]> = {
      bug: ['bug', 'error', 'vika', 'virhe', 'ei toimi'],
      outage: ['outage', 'bad gateway', 'katko', 'häiriö'],
      billing: ['invoice', 'refund', 'credit note', 'lasku', 'laskutu', 'hyvity'],
      'feature-request': ['feature request', 'roadmap', 'toive', 'olisiko mahdollista'],
      integrations: ['integration', 'webhook', 'integraatio', 'rajapinta'],
      onboarding: ['onboarding', 'how do i', 'käyttöönot', 'ohje'],
      security: ['security', 'phishing', 'tietoturva', 'kalastelu'],
      performance: ['slow', 'timeout', 'hidas', 'hitaa'],
      'account-management': ['seats', 'admin', 'tunnus', 'sopimus'],
      praise: ['brilliant', 'great work', 'loistava', 'kiitos nopeasta'],
    };
    for (const topic of loadExample().topics) {
      expect(topic.label.length, topic.id).toBeGreaterThan(0);
      expect(topic.description?.length ?? 0, topic.id).toBeGreaterThan(20);
      expect(topic.keywords.length, topic.id).toBeGreaterThanOrEqual(15);
      expect(topic.keywords, topic.id).toEqual(expect.arrayContaining(expected[topic.id] ?? ['(missing)']));
    }
  });

  it('uses every team topic from the taxonomy and gives every topic an owning team', () => {
    const config = loadExample();
    const topicIds = new Set(config.topics.map((t) => t.id));
    const owned = config.teams.flatMap((team) => team.topics);
    for (const topic of owned) expect(topicIds.has(topic)).toBe(true);
    expect(new Set(owned)).toEqual(topicIds);
    expect(owned.length).toBe(new Set(owned).size);
  });

  it('has the five teams with their Slack channels, escalations and on-call ids', () => {
    const config = loadExample();
    expect(config.teams.map((t) => [t.id, t.destination, t.language])).toEqual([
      ['support', { platform: 'slack', channel: 'C0SUPPORT' }, 'fi'],
      ['engineering', { platform: 'slack', channel: 'C0ENGINEER' }, 'en'],
      ['billing', { platform: 'slack', channel: 'C0BILLING' }, 'en'],
      ['product', { platform: 'slack', channel: 'C0PRODUCT' }, 'en'],
      ['customer-success', { platform: 'slack', channel: 'C0SUCCESS' }, 'en'],
    ]);
    for (const team of config.teams) {
      expect(team.escalation?.platform).toBe('slack');
      expect(team.onCall).toMatch(/^[SU]0[A-Z0-9]+$/);
      expect(team.manager).toMatch(/^U0[A-Z0-9]+$/);
    }
    expect(config.teams.filter((t) => t.calendar === 'us-east').map((t) => t.id)).toEqual(['product']);
  });

  it('never gives two accounts the same shared channel or email domain', () => {
    const accounts = loadExample().accounts;
    const channels = accounts.flatMap((a) => a.channels);
    const domains = accounts.flatMap((a) => a.domains);
    expect(channels.length).toBe(new Set(channels).size);
    expect(domains.length).toBe(new Set(domains).size);
    for (const channel of channels)
      expect(channel).toMatch(/^(slack:C1[A-Z0-9]+|teams:19:.+@thread\.tacv2)$/);
    for (const domain of domains) expect(domain).toMatch(/\.example$/);
  });

  it('keeps team destinations apart from customer channels', () => {
    const config = loadExample();
    const shared = new Set(config.accounts.flatMap((a) => a.channels));
    for (const team of config.teams) {
      for (const destination of [team.destination, team.escalation]) {
        if (destination?.platform === 'slack') expect(shared.has(`slack:${destination.channel}`)).toBe(false);
      }
    }
  });

  it('has 14 accounts of every tier, some renewing 30–60 days after 2026-11-23', () => {
    const accounts = loadExample().accounts;
    expect(accounts).toHaveLength(14);
    expect(new Set(accounts.map((a) => a.tier))).toEqual(new Set(['enterprise', 'growth', 'starter']));
    const soon = accounts.filter((a) => a.renewalDate && daysBetween('2026-11-23', a.renewalDate) <= 60);
    expect(soon.map((a) => a.id).sort()).toEqual([
      'fjord-travel',
      'greenleaf-foods',
      'harbor-finance',
      'nordlake-logistics',
      'saimaa-software',
    ]);
    for (const account of accounts) {
      expect(account.owner, account.id).toMatch(/^U0/);
      expect(account.arr, account.id).toBeGreaterThan(0);
      expect(account.segment, account.id).toBeTruthy();
    }
    expect(accounts.filter((a) => a.channels.some((c) => c.startsWith('teams:'))).map((a) => a.id)).toEqual([
      'aurora-retail',
      'fjord-travel',
    ]);
    expect(accounts.filter((a) => Object.keys(a.routing).length > 0).map((a) => a.id)).toEqual([
      'aurora-retail',
    ]);
  });

  it('lists every Finnish weekday public holiday of 2026 and 2027', () => {
    const holidays = new Set(loadExample().calendar.holidays);
    const finland = new Holidays('FI');
    for (const year of [2026, 2027]) {
      for (const holiday of finland.getHolidays(year)) {
        const date = holiday.date.slice(0, 10);
        const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
        if (holiday.type === 'public' && weekday !== 0 && weekday !== 6)
          expect(holidays.has(date), date).toBe(true);
      }
    }
  });

  it('routes unmapped sources to triage, digests to leaders, and limits /churn', () => {
    const config = loadExample();
    expect(config.routing.defaultTeam).toBe('support');
    expect(config.routing.unmapped).toEqual({ platform: 'slack', channel: 'C0TRIAGE' });
    expect(config.digest).toMatchObject({
      schedule: '0 9 * * 1',
      timezone: 'Europe/Helsinki',
      destination: { platform: 'slack', channel: 'C0LEADERS' },
    });
    expect(config.churn.allowedGroups.length).toBeGreaterThan(0);
    expect(config.ownDomains).toEqual(['verbatim-demo.example']);
    expect(config.sla.tiers.enterprise?.P1).toBeLessThan(config.sla.targets.P1);
  });
});

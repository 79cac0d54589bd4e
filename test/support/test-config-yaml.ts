// Its own module without imports, so a bench bot run by plain Node (bench/chaos-bot.ts against
// dist/) can read it without loading the TypeScript sources.
/** A small organisation for tests: three teams, four accounts, a taxonomy. */
export const TEST_CONFIG_YAML = `
calendar:
  timezone: Europe/Helsinki
  days: [mon, tue, wed, thu, fri]
  hours: [["08:00", "16:00"]]
grouping:
  windowMinutes: 5
  triageDelaySeconds: 0
teams:
  - id: support
    name: Support
    destination: { platform: slack, channel: C0SUPPORT }
    topics: [bug, onboarding]
    escalation: { platform: slack, channel: C0ESCALATE }
    onCall: S0SUPPORT
    manager: U0MANAGER
    language: fi
  - id: billing
    name: Billing
    destination: { platform: slack, channel: C0BILLING }
    topics: [billing]
  - id: engineering
    name: Engineering
    destination: { platform: slack, channel: C0ENGINEER }
    topics: [outage, security, performance, integrations]
    escalation: { platform: slack, channel: C0INCIDENT }
topics:
  - { id: bug, label: Bug, keywords: [bug, error, broken, virhe, rikki] }
  - { id: outage, label: Outage, keywords: [down, outage, unavailable, alhaalla, katko] }
  - { id: billing, label: Billing, keywords: [invoice, billing, charge, refund, lasku, laskutus, hyvitys] }
  - { id: onboarding, label: Onboarding, keywords: [setup, onboarding, training, käyttöönotto] }
  - { id: security, label: Security, keywords: [security, breach, leak, tietoturva] }
  - { id: performance, label: Performance, keywords: [slow, latency, timeout, hidas] }
  - { id: integrations, label: Integrations, keywords: [api, webhook, integration, integraatio] }
  - { id: feature-request, label: Feature request, keywords: [feature, would be nice, toive] }
routing:
  defaultTeam: support
  unmapped: { platform: slack, channel: C0TRIAGE }
accounts:
  - id: acme
    name: Acme Logistics
    domains: [acme-logistics.example]
    channels: [slack:C1ACME]
    tier: enterprise
    arr: 120000
    renewalDate: "2026-12-31"
  - id: pohjola
    name: Pohjola Foods
    domains: [pohjola-foods.example]
    channels: [slack:C1POHJOLA]
    tier: growth
  - id: nimbus
    name: Nimbus Health
    domains: [nimbus.example]
    channels: [slack:C1NIMBUS]
    tier: starter
    routing: { "*": billing }
  - id: kesko-demo
    name: Kauppa Demo
    domains: [kauppa.example]
    channels: [slack:C1KAUPPA]
ownDomains: [verbatim-demo.example]
`;

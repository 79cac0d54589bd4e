import type { RoutedPostView } from '../../../src/core/ports.ts';

type ViewMessage = RoutedPostView['messages'][number];

/** A customer message as a routed post shows it; fields can be overridden per test. */
export function sampleMessage(overrides: Partial<ViewMessage> = {}): ViewMessage {
  return {
    id: 'slack:C1ACME:1767000000.000100',
    platform: 'slack',
    conversation: 'slack:C1ACME',
    thread: 'slack:C1ACME:1767000000.000100',
    isReply: false,
    accountId: 'acme',
    author: { id: 'U0CUST001', name: 'Casey Customer', external: true },
    text: 'The export has been broken since Monday and our invoices are wrong.',
    sentAt: new Date('2026-03-02T08:00:00Z'),
    permalink: 'https://verbatim.slack.com/archives/C1ACME/p1767000000000100',
    attachments: [],
    language: 'en',
    subject: null,
    forwardedBy: null,
    quotedText: null,
    editedAt: null,
    deletedAt: null,
    ...overrides,
  };
}

/** A triaged request from Acme routed to Support. */
export function sampleView(overrides: Partial<RoutedPostView> = {}): RoutedPostView {
  return {
    requestId: 'req_slack:C1ACME:1767000000.000100',
    priority: 'P2',
    account: { id: 'acme', name: 'Acme Logistics', tier: 'enterprise' },
    team: { id: 'support', name: 'Support' },
    messages: [sampleMessage()],
    analysis: {
      summary: 'Export broken since Monday; invoices wrong.',
      priority: 'P2',
      priorityReason: 'broken core feature for an enterprise account',
      topics: ['bug', 'billing'],
      sentiment: -0.6,
      churnSignals: [{ driver: 'complaint-handling', phrase: 'broken since Monday' }],
      language: 'en',
      confidence: 0.7,
      engine: 'heuristic',
      usage: null,
    },
    floor: [],
    state: 'open',
    claimedBy: null,
    snoozedUntil: null,
    lastChange: null,
    unmapped: false,
    reassignTargets: [
      { id: 'billing', name: 'Billing' },
      { id: 'engineering', name: 'Engineering' },
    ],
    ...overrides,
  };
}

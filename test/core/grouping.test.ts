import { describe, expect, it } from 'vitest';
import { decideGrouping, type GroupingCandidate, type GroupingDecision } from '../../src/core/grouping.ts';

const T0 = new Date('2026-03-02T10:00:00Z');
const minutes = (n: number): Date => new Date(T0.getTime() + n * 60_000);

const CHANNEL = 'slack:C0ACME';
const THREAD = 'slack:C0ACME:1772445600.000100';
const ROOT = 'slack:C0ACME:1772445000.000200';

const candidate = (overrides: Partial<GroupingCandidate> = {}): GroupingCandidate => ({
  requestId: 'req-1',
  conversation: CHANNEL,
  thread: null,
  accountId: 'acme',
  lastMessageAt: T0,
  routed: false,
  state: 'open',
  root: ROOT,
  ...overrides,
});

const message = (
  overrides: { conversation?: string; thread?: string | null; accountId?: string | null; at?: number } = {},
) => ({
  conversation: overrides.conversation ?? CHANNEL,
  thread: overrides.thread === undefined ? null : overrides.thread,
  accountId: overrides.accountId === undefined ? 'acme' : overrides.accountId,
  sentAt: minutes(overrides.at ?? 2),
});

const NEW: GroupingDecision = { kind: 'new' };
const JOIN: GroupingDecision = { kind: 'join', requestId: 'req-1' };
const FOLLOW_UP: GroupingDecision = { kind: 'follow-up', requestId: 'req-1' };

/** [description, message, candidate, expected] with a 5-minute window. */
const CASES: Array<[string, ReturnType<typeof message>, GroupingCandidate | null, GroupingDecision]> = [
  ['no candidate → new', message(), null, NEW],
  // threads
  ['same thread, not routed → join', message({ thread: THREAD }), candidate({ thread: THREAD }), JOIN],
  [
    'same thread, routed → follow-up',
    message({ thread: THREAD }),
    candidate({ thread: THREAD, routed: true }),
    FOLLOW_UP,
  ],
  [
    'same thread hours later → still follow-up',
    message({ thread: THREAD, at: 600 }),
    candidate({ thread: THREAD, routed: true }),
    FOLLOW_UP,
  ],
  [
    'same thread, resolved → new',
    message({ thread: THREAD }),
    candidate({ thread: THREAD, routed: true, state: 'resolved' }),
    NEW,
  ],
  [
    'reply to the candidate root, routed → follow-up',
    message({ thread: ROOT, at: 90 }),
    candidate({ routed: true }),
    FOLLOW_UP,
  ],
  ['reply to the candidate root, not routed → join', message({ thread: ROOT }), candidate(), JOIN],
  [
    'reply to the root of a claimed request → follow-up',
    message({ thread: ROOT }),
    candidate({ routed: true, state: 'claimed' }),
    FOLLOW_UP,
  ],
  [
    'reply to the root of a snoozed request → follow-up',
    message({ thread: ROOT }),
    candidate({ routed: true, state: 'snoozed' }),
    FOLLOW_UP,
  ],
  ['a different thread → new', message({ thread: 'slack:C0ACME:other' }), candidate({ thread: THREAD }), NEW],
  [
    'a thread reply while the candidate is top-level without root → new',
    message({ thread: THREAD }),
    candidate({ root: null }),
    NEW,
  ],
  // top-level proximity
  ['top-level within window, not routed → join', message({ at: 4 }), candidate(), JOIN],
  ['top-level exactly at the window edge → join', message({ at: 5 }), candidate(), JOIN],
  ['top-level beyond window → new', message({ at: 6 }), candidate(), NEW],
  ['top-level within window, routed → follow-up', message({ at: 3 }), candidate({ routed: true }), FOLLOW_UP],
  ['top-level beyond window, routed → new', message({ at: 30 }), candidate({ routed: true }), NEW],
  [
    'top-level within window, resolved → new',
    message({ at: 1 }),
    candidate({ routed: true, state: 'resolved' }),
    NEW,
  ],
  ['late delivery slightly before the candidate → join', message({ at: -2 }), candidate(), JOIN],
  ['another account in the same channel → new', message({ accountId: 'globex' }), candidate(), NEW],
  [
    'both accounts unknown in one conversation → join',
    message({ accountId: null }),
    candidate({ accountId: null }),
    JOIN,
  ],
  ['known message, unknown candidate → new', message(), candidate({ accountId: null }), NEW],
  ['another conversation → new', message({ conversation: 'slack:C0OTHER' }), candidate(), NEW],
  ['top-level right after a thread request → join', message({ at: 1 }), candidate({ thread: THREAD }), JOIN],
  [
    'top-level after a routed request whose thread is its root → follow-up',
    message({ at: 1 }),
    candidate({ thread: ROOT, routed: true }),
    FOLLOW_UP,
  ],
  ['top-level long after a thread request → new', message({ at: 60 }), candidate({ thread: THREAD }), NEW],
];

describe('decideGrouping', () => {
  it.each(CASES)('%s', (_, msg, cand, expected) => {
    expect(decideGrouping({ message: msg, candidate: cand, windowMinutes: 5 })).toEqual(expected);
  });

  it('honours the configured window', () => {
    const input = { message: message({ at: 12 }), candidate: candidate() };
    expect(decideGrouping({ ...input, windowMinutes: 10 })).toEqual(NEW);
    expect(decideGrouping({ ...input, windowMinutes: 15 })).toEqual(JOIN);
  });
});

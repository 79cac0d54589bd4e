import { describe, expect, it } from 'vitest';
import type { Request } from '../../src/core/request.ts';
import type { Actor, RequestCommand, RequestState } from '../../src/core/request-state.ts';
import { applyCommand } from '../../src/core/request-transitions.ts';

const AT = new Date('2026-03-02T10:00:00Z');
const LATER = new Date('2026-03-02T14:00:00Z');
const EARLIER = new Date('2026-03-02T08:00:00Z');
const ANNA: Actor = { id: 'U-ANNA', name: 'Anna' };
const PEKKA: Actor = { id: 'U-PEKKA', name: 'Pekka' };

function request(state: RequestState, overrides: Partial<Request> = {}): Request {
  return {
    id: 'req-1',
    accountId: 'acme',
    conversation: 'slack:C0ACME',
    thread: null,
    state,
    claimedBy: state === 'claimed' ? PEKKA : null,
    snoozedUntil: state === 'snoozed' ? LATER : null,
    teamId: 'support',
    priority: 'P2',
    analysis: null,
    floor: [],
    openedAt: EARLIER,
    lastMessageAt: EARLIER,
    routedAt: EARLIER,
    firstResponseAt: state === 'answered' ? EARLIER : null,
    resolvedAt: state === 'resolved' ? EARLIER : null,
    version: 0,
    ...overrides,
  };
}

const STATES: RequestState[] = ['open', 'claimed', 'answered', 'resolved', 'snoozed'];
const COMMANDS: RequestCommand[] = [
  { kind: 'claim' },
  { kind: 'unclaim' },
  { kind: 'answer' },
  { kind: 'resolve' },
  { kind: 'reopen' },
  { kind: 'snooze', until: LATER },
  { kind: 'reassign', teamId: 'billing' },
  { kind: 'escalate' },
];

/** Every (command, from-state) pair: the resulting state, or null when the move is refused. */
const EDGES: Record<RequestCommand['kind'], Record<RequestState, RequestState | null>> = {
  claim: { open: 'claimed', claimed: null, answered: 'claimed', resolved: null, snoozed: 'claimed' },
  unclaim: { open: null, claimed: 'open', answered: null, resolved: null, snoozed: null },
  answer: { open: 'answered', claimed: 'answered', answered: null, resolved: null, snoozed: 'answered' },
  resolve: {
    open: 'resolved',
    claimed: 'resolved',
    answered: 'resolved',
    resolved: null,
    snoozed: 'resolved',
  },
  reopen: { open: null, claimed: null, answered: null, resolved: 'open', snoozed: null },
  snooze: { open: 'snoozed', claimed: 'snoozed', answered: 'snoozed', resolved: null, snoozed: 'snoozed' },
  reassign: { open: 'open', claimed: 'open', answered: 'open', resolved: null, snoozed: 'open' },
  escalate: { open: 'open', claimed: 'claimed', answered: 'answered', resolved: null, snoozed: 'snoozed' },
};

const TABLE = COMMANDS.flatMap((command) =>
  STATES.map((from) => [command.kind, from, EDGES[command.kind][from], command] as const),
);

describe('applyCommand state machine', () => {
  it.each(TABLE)('%s from %s → %s', (_, from, to, command) => {
    const result = applyCommand(request(from), command, ANNA, AT);
    if (to === null) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).not.toBe('');
      return;
    }
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.request.state).toBe(to);
    expect(result.transition).toMatchObject({
      requestId: 'req-1',
      kind: command.kind,
      from,
      to,
      actor: ANNA,
      at: AT,
    });
  });

  it('does not mutate the request it was given', () => {
    const original = request('open');
    const copy = structuredClone(original);
    applyCommand(original, { kind: 'claim' }, ANNA, AT);
    expect(original).toEqual(copy);
  });
});

describe('applyCommand side effects', () => {
  it('claim records the claimer and wakes a snoozed request', () => {
    const result = applyCommand(request('snoozed'), { kind: 'claim' }, ANNA, AT);
    expect(result).toMatchObject({
      ok: true,
      request: { claimedBy: ANNA, snoozedUntil: null },
      transition: { detail: { claimedBy: 'U-ANNA' } },
    });
  });

  it('claiming a claimed request names the current claimer', () => {
    expect(applyCommand(request('claimed'), { kind: 'claim' }, ANNA, AT)).toEqual({
      ok: false,
      reason: 'already claimed by Pekka',
    });
  });

  it('anyone may unclaim, which clears the claimer', () => {
    const result = applyCommand(request('claimed'), { kind: 'unclaim' }, ANNA, AT);
    expect(result).toMatchObject({
      ok: true,
      request: { claimedBy: null },
      transition: { detail: { previousClaimer: 'U-PEKKA' } },
    });
  });

  it('answer records the first response once and keeps the claimer', () => {
    const first = applyCommand(request('claimed'), { kind: 'answer' }, ANNA, AT);
    expect(first).toMatchObject({ ok: true, request: { firstResponseAt: AT, claimedBy: PEKKA } });
    const again = applyCommand(request('open', { firstResponseAt: EARLIER }), { kind: 'answer' }, ANNA, AT);
    expect(again).toMatchObject({
      ok: true,
      request: { firstResponseAt: EARLIER },
      transition: { detail: { firstResponse: 'false' } },
    });
  });

  it('resolve sets resolvedAt; resolving twice is refused', () => {
    const resolved = applyCommand(request('answered'), { kind: 'resolve' }, ANNA, AT);
    expect(resolved).toMatchObject({ ok: true, request: { resolvedAt: AT } });
    if (!resolved.ok) return;
    expect(applyCommand(resolved.request, { kind: 'resolve' }, ANNA, LATER)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/resolved/),
    });
  });

  it('reopen clears resolvedAt and the claimer but keeps the first response time', () => {
    const result = applyCommand(
      request('resolved', { claimedBy: PEKKA, firstResponseAt: EARLIER }),
      { kind: 'reopen' },
      ANNA,
      AT,
    );
    expect(result).toMatchObject({
      ok: true,
      request: { resolvedAt: null, claimedBy: null, firstResponseAt: EARLIER },
    });
  });

  it.each([
    ['in the past', EARLIER],
    ['exactly now', AT],
  ])('snooze until a time %s is refused', (_, until) => {
    expect(applyCommand(request('open'), { kind: 'snooze', until }, ANNA, AT)).toEqual({
      ok: false,
      reason: 'snooze until a time in the future',
    });
  });

  it('snooze records until, also when extending an existing snooze', () => {
    const until = new Date('2026-03-03T09:00:00Z');
    const result = applyCommand(request('snoozed'), { kind: 'snooze', until }, ANNA, AT);
    expect(result).toMatchObject({
      ok: true,
      request: { snoozedUntil: until },
      transition: { from: 'snoozed', to: 'snoozed', detail: { until: '2026-03-03T09:00:00.000Z' } },
    });
  });

  it('reassign moves the team, reopens and clears the claimer', () => {
    const result = applyCommand(request('claimed'), { kind: 'reassign', teamId: 'billing' }, ANNA, AT);
    expect(result).toMatchObject({
      ok: true,
      request: { state: 'open', teamId: 'billing', claimedBy: null },
      transition: { detail: { fromTeam: 'support', toTeam: 'billing' } },
    });
  });

  it.each([
    ['the same team', 'support'],
    ['an empty team id', ' '],
  ])('reassign to %s is refused', (_, teamId) => {
    expect(applyCommand(request('open'), { kind: 'reassign', teamId }, ANNA, AT).ok).toBe(false);
  });

  it('escalate keeps the state and everything else, and is recorded', () => {
    const original = request('claimed');
    const result = applyCommand(original, { kind: 'escalate' }, { id: 'system' }, AT);
    expect(result).toMatchObject({
      ok: true,
      request: original,
      transition: { kind: 'escalate', from: 'claimed', to: 'claimed' },
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestStore } from '../../src/core/pipeline/request-store.ts';
import type { NewSlaNudge, SlaStore } from '../../src/core/pipeline/sla-store.ts';
import type { Request } from '../../src/core/request.ts';
import type { Storage } from '../../src/storage/open-storage.ts';
import { createRequestStore } from '../../src/storage/request-store.ts';
import { createSlaStore } from '../../src/storage/sla-store.ts';
import { backends } from '../support/scratch-database.ts';
import { openTestStorage } from '../support/test-storage.ts';

const t0 = new Date('2026-11-23T06:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

function request(id: string, overrides: Partial<Request> = {}): Request {
  return {
    id,
    accountId: 'acme',
    conversation: `slack:${id}`,
    thread: null,
    state: 'open',
    claimedBy: null,
    snoozedUntil: null,
    teamId: 'support',
    priority: null,
    analysis: null,
    floor: [],
    openedAt: t0,
    lastMessageAt: t0,
    routedAt: t0,
    firstResponseAt: null,
    resolvedAt: null,
    version: 0,
    ...overrides,
  };
}

function nudge(requestId: string, kind: NewSlaNudge['kind'] = 'warning', seq = 1): NewSlaNudge {
  return {
    key: `${requestId}:${kind}:${seq}`,
    requestId,
    kind,
    seq,
    dueAt: at(90),
    late: false,
    claimedAt: at(90),
  };
}

describe.each(backends)('SLA store on %s', (backend) => {
  let storage: Storage;
  let requests: RequestStore;
  let sla: SlaStore;

  beforeAll(async () => {
    storage = await openTestStorage(backend);
    requests = createRequestStore(storage.db, async () => {});
    sla = createSlaStore(storage.db);
  });
  afterAll(async () => {
    await storage.close();
  });

  async function save(id: string, overrides: Partial<Request> = {}): Promise<Request> {
    const value = request(id, overrides);
    await requests.createRequest(value);
    await requests.saveRequest(value);
    return value;
  }

  it('claims a nudge for exactly one of many concurrent callers, with its audit entry recorded once', async () => {
    await save('req_claim');
    const escalation = nudge('req_claim', 'escalation');
    const transition = {
      requestId: 'req_claim',
      kind: 'escalate' as const,
      from: 'open' as const,
      to: 'open' as const,
      actor: { id: 'system', name: 'Verbatim SLA' },
      at: at(240),
      detail: { reason: 'sla' },
    };
    const results = await Promise.all(
      Array.from({ length: 8 }, () => sla.claimNudge(escalation, transition)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    const audit = await storage.db.query(
      "SELECT count(*)::int AS n FROM request_transitions WHERE request_id = 'req_claim' AND kind = 'escalate'",
    );
    expect(audit.rows[0]).toEqual({ n: 1 });
    expect(await sla.listNudges(['req_claim'])).toMatchObject([
      {
        key: 'req_claim:escalation:1',
        kind: 'escalation',
        seq: 1,
        sentAt: null,
        post: null,
        abandoned: null,
      },
    ]);
  });

  it('tracks a claimed nudge until it is sent or abandoned; a sent one stays sent', async () => {
    await save('req_life');
    expect(await sla.claimNudge(nudge('req_life', 'warning'))).toBe(true);
    expect(await sla.claimNudge(nudge('req_life', 'breach'))).toBe(true);
    const unsent = (await sla.listUnsentNudges()).filter((item) => item.requestId === 'req_life');
    expect(unsent.map((item) => item.kind)).toEqual(['warning', 'breach']);

    const post = { destination: { platform: 'slack' as const, channel: 'C0SUPPORT' }, id: '1.2' };
    await sla.markNudgeSent('req_life:breach:1', post, at(121));
    await sla.abandonNudge('req_life:warning:1', 'superseded by a later nudge');
    await sla.abandonNudge('req_life:breach:1', 'too late to abandon');
    expect((await sla.listUnsentNudges()).filter((item) => item.requestId === 'req_life')).toEqual([]);
    const byKind = Object.fromEntries((await sla.listNudges(['req_life'])).map((item) => [item.kind, item]));
    expect(byKind.breach).toMatchObject({ sentAt: at(121), post, abandoned: null });
    expect(byKind.warning).toMatchObject({ sentAt: null, abandoned: 'superseded by a later nudge' });
  });

  it('lists routed, unresolved requests, optionally only running clocks or one team', async () => {
    await save('req_open_a', { teamId: 'billing', routedAt: at(-30) });
    await save('req_open_b', {
      teamId: 'billing',
      routedAt: at(-20),
      state: 'answered',
      firstResponseAt: at(-10),
    });
    await save('req_open_c', { teamId: 'billing', routedAt: at(-15), state: 'resolved', resolvedAt: at(-5) });
    await save('req_open_d', { teamId: 'billing', routedAt: null });
    const billing = await sla.listOpenRequests({ teamId: 'billing' });
    expect(billing.map((item) => item.id)).toEqual(['req_open_a', 'req_open_b']);
    const running = await sla.listOpenRequests({ teamId: 'billing', running: true });
    expect(running.map((item) => item.id)).toEqual(['req_open_a']);
  });

  it('stores a first-response time once, and a resolution again after a reopen and a new resolve', async () => {
    await save('req_times', { state: 'answered', firstResponseAt: at(45) });
    const unmeasured = await sla.listUnmeasured(14);
    expect(unmeasured.map((item) => item.id)).toContain('req_times');
    const first = { at: at(45), businessMinutes: 45, targetMinutes: 120 };
    const stored = await Promise.all([1, 2, 3].map(() => sla.recordFirstResponse('req_times', first)));
    expect(stored.filter(Boolean)).toHaveLength(1);
    expect(await sla.recordFirstResponse('req_times', { ...first, businessMinutes: 99 })).toBe(false);
    expect((await sla.listUnmeasured(14)).map((item) => item.id)).not.toContain('req_times');

    await requests.saveRequest(
      request('req_times', { state: 'resolved', firstResponseAt: at(45), resolvedAt: at(300), version: 1 }),
    );
    expect((await sla.listUnmeasured(14)).map((item) => item.id)).toContain('req_times');
    expect(
      await sla.recordResolution('req_times', { at: at(300), businessMinutes: 300, targetMinutes: 120 }),
    ).toBe(true);
    expect(
      await sla.recordResolution('req_times', { at: at(300), businessMinutes: 300, targetMinutes: 120 }),
    ).toBe(false);
    expect((await sla.listUnmeasured(14)).map((item) => item.id)).not.toContain('req_times');
    expect(
      await sla.recordResolution('req_times', { at: at(600), businessMinutes: 480, targetMinutes: 120 }),
    ).toBe(true);

    expect(await sla.getTimes('req_times')).toEqual({
      requestId: 'req_times',
      targetMinutes: 120,
      firstResponseAt: at(45),
      firstResponseBusinessMinutes: 45,
      resolvedAt: at(600),
      resolutionBusinessMinutes: 480,
    });
    expect(await sla.getTimes('req_none')).toBeNull();
  });
});

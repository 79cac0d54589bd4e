import { beforeEach, describe, expect, it } from 'vitest';
import { applyRequestCommand } from '../../../src/core/pipeline/apply-request-command.ts';
import { checkSla } from '../../../src/core/pipeline/check-sla.ts';
import { deliverRequest } from '../../../src/core/pipeline/deliver-request.ts';
import { ingestMessage } from '../../../src/core/pipeline/ingest-message.ts';
import type { Storage } from '../../../src/storage/open-storage.ts';
import { backends } from '../../support/scratch-database.ts';
import { useSharedTestStorage } from '../../support/shared-test-storage.ts';
import { createSlaWorld, hel, staffReply } from './check-sla-kit.ts';

const SUPPORT_POST = { platform: 'slack', channel: 'C0SUPPORT' };

describe.each(backends)('SLA nudges and escalations on %s', (backend) => {
  // An empty database per test (one database, emptied): every tick looks at every open request.
  let storage: Storage;
  const shared = useSharedTestStorage(backend);
  beforeEach(() => {
    storage = shared();
  });

  it('warns in the routed post thread at 75 % of a P2 target, mentioning the on-call group, once', async () => {
    const world = createSlaWorld(storage.db);
    const { requestId } = await world.route(hel('2026-11-23 08:00'), 'P2');
    await world.tick(hel('2026-11-23 09:29'));
    expect(world.slaNotes()).toHaveLength(0);

    const outcome = await world.tick(hel('2026-11-23 09:30'));
    expect(outcome.sent).toEqual([
      {
        requestId,
        key: `${requestId}:warning:1`,
        kind: 'warning',
        late: false,
        outcome: 'posted',
        retry: false,
      },
    ]);
    await world.tick(hel('2026-11-23 09:31'));
    const notes = world.slaNotes();
    expect(notes).toHaveLength(1);
    const routedPost = world.notifier.posts.find((post) => post.kind === 'routed-post');
    expect(notes[0]?.target).toEqual(routedPost?.ref);
    expect(notes[0]?.target).toMatchObject({ destination: SUPPORT_POST });
    expect(notes[0]?.note).toMatchObject({ kind: 'nudge', mentions: ['S0SUPPORT'] });
    expect(notes[0]?.note?.text).toBe(
      'SLA warning: this P2 request has waited 1 h 30 min of business time for a first reply to the customer; the target is 2 h. Nobody has claimed it yet.',
    );
  });

  it('says the target is breached at 100 % and mentions the claimer instead of the on-call', async () => {
    const world = createSlaWorld(storage.db);
    const { requestId } = await world.route(hel('2026-11-23 08:00'), 'P2');
    await world.tick(hel('2026-11-23 09:30'));
    world.setNow(hel('2026-11-23 09:40'));
    await applyRequestCommand(world.pipeline, {
      requestId,
      command: { kind: 'claim' },
      actor: { id: 'U0SAM', name: 'Sam' },
    });
    await world.tick(hel('2026-11-23 09:59'));
    await world.tick(hel('2026-11-23 10:00'));
    const breach = world.slaNotes()[1];
    expect(breach?.note?.mentions).toEqual(['U0SAM']);
    expect(breach?.note?.text).toBe(
      'SLA breached: no first reply to the customer after 2 h of business time; the P2 target is 2 h. You claimed it.',
    );
  });

  it('repeats at the configured cadence up to the cap and escalates once to the manager with a link', async () => {
    const world = createSlaWorld(storage.db);
    const { requestId } = await world.route(hel('2026-11-23 08:00'), 'P2');
    world.jobs.length = 0;
    // Every 5 minutes for two working days: the plan is warning 09:30, breach 10:00, repeat 12:00,
    // escalation 12:00, repeat 14:00, and nothing after the cap of two repeats.
    await world.tickEvery(5, hel('2026-11-23 08:00'), hel('2026-11-24 16:00'));
    const notes = world.slaNotes();
    expect(notes.map((post) => post.deliveryKey)).toEqual([
      `sla:${requestId}:warning:1`,
      `sla:${requestId}:breach:1`,
      `sla:${requestId}:repeat:1`,
      `sla:${requestId}:escalation:1`,
      `sla:${requestId}:repeat:2`,
    ]);
    expect(notes[2]?.note?.text).toContain('Still no first reply to the customer after 4 h of business time');
    expect(notes[2]?.note?.text).toContain('Reminder 1 of 2.');
    expect(notes[4]?.note?.text).toContain('Reminder 2 of 2.');

    const escalation = notes[3];
    const routedPost = world.notifier.posts.find((post) => post.kind === 'routed-post');
    expect(escalation?.target).toEqual({ platform: 'slack', channel: 'C0ESCALATE' });
    expect(escalation?.note).toMatchObject({
      kind: 'escalation',
      mentions: ['U0MANAGER'],
      link: routedPost?.ref,
    });
    expect(escalation?.note?.text).toContain(
      'SLA escalation: a P2 request from Acme Logistics routed to Support has waited 4 h of business time for a first reply; the target is 2 h. It is not claimed by anyone.',
    );

    const transition = await world.pipeline.store.latestTransition(requestId);
    expect(transition).toMatchObject({ kind: 'escalate', actor: { id: 'system', name: 'Verbatim SLA' } });
    expect(transition?.detail).toMatchObject({ reason: 'sla', targetMinutes: '120' });
    expect(world.jobs).toEqual([{ queue: 'deliver', data: { requestId, kind: 'update' }, key: requestId }]);
  });

  it('stops at the first staff reply in the customer thread and stores the first-response time', async () => {
    const world = createSlaWorld(storage.db);
    const { requestId, message } = await world.route(hel('2026-11-23 08:00'), 'P2');
    await world.tick(hel('2026-11-23 09:30'));
    world.setNow(hel('2026-11-23 09:45'));
    expect(await ingestMessage(world.pipeline, staffReply(message, hel('2026-11-23 09:45')))).toMatchObject({
      status: 'staff-reply',
      requestId,
    });
    const outcome = await world.tick(hel('2026-11-23 09:46'));
    expect(outcome.measured).toEqual([
      { requestId, priority: 'P2', measure: 'first-response', businessMinutes: 105, targetMinutes: 120 },
    ]);
    await world.tickEvery(15, hel('2026-11-23 09:50'), hel('2026-11-24 16:00'));
    expect(world.slaNotes().map((post) => post.deliveryKey)).toEqual([`sla:${requestId}:warning:1`]);
    expect(await world.sla.sla.getTimes(requestId)).toMatchObject({
      firstResponseBusinessMinutes: 105,
      targetMinutes: 120,
    });
  });

  it('keeps running when the customer follows up while waiting', async () => {
    const world = createSlaWorld(storage.db);
    const { requestId, message } = await world.route(hel('2026-11-23 08:00'), 'P2');
    world.setNow(hel('2026-11-23 09:00'));
    const followUp = {
      ...message,
      id: `${message.id}-follow-up`,
      text: 'Any news?',
      isReply: true,
      sentAt: hel('2026-11-23 09:00'),
    };
    expect(await ingestMessage(world.pipeline, followUp)).toMatchObject({ status: 'follow-up', requestId });
    await world.tick(hel('2026-11-23 09:30'));
    expect(world.slaNotes()).toHaveLength(1);
  });

  it('stops on resolve and stores the resolution time', async () => {
    const world = createSlaWorld(storage.db);
    const { requestId } = await world.route(hel('2026-11-23 08:00'), 'P2');
    await world.tickEvery(5, hel('2026-11-23 08:00'), hel('2026-11-23 10:55'));
    world.setNow(hel('2026-11-23 11:00'));
    await applyRequestCommand(world.pipeline, {
      requestId,
      command: { kind: 'resolve' },
      actor: { id: 'U0SAM' },
    });
    const outcome = await world.tick(hel('2026-11-23 11:01'));
    expect(outcome.sent).toEqual([]);
    expect(outcome.measured).toEqual([
      { requestId, priority: 'P2', measure: 'resolution', businessMinutes: 180, targetMinutes: 120 },
    ]);
    await world.tickEvery(30, hel('2026-11-23 11:30'), hel('2026-11-24 16:00'));
    expect(world.slaNotes().map((post) => post.note?.kind)).toEqual(['nudge', 'nudge']);
    expect(await world.sla.sla.getTimes(requestId)).toMatchObject({
      resolutionBusinessMinutes: 180,
      firstResponseBusinessMinutes: null,
    });
  });

  it('is silent while snoozed, then sends only the latest due nudge', async () => {
    const world = createSlaWorld(storage.db);
    const { requestId } = await world.route(hel('2026-11-23 08:00'), 'P2');
    await world.tick(hel('2026-11-23 09:30'));
    world.setNow(hel('2026-11-23 09:35'));
    const snooze = { kind: 'snooze' as const, until: hel('2026-11-23 11:30') };
    expect(
      await applyRequestCommand(world.pipeline, { requestId, command: snooze, actor: { id: 'U0SAM' } }),
    ).toMatchObject({
      ok: true,
    });
    await world.tickEvery(5, hel('2026-11-23 09:40'), hel('2026-11-23 11:25'));
    expect(world.slaNotes()).toHaveLength(1);
    const outcome = await world.tick(hel('2026-11-23 11:30'));
    expect(outcome.sent).toEqual([
      {
        requestId,
        key: `${requestId}:breach:1`,
        kind: 'breach',
        late: false,
        outcome: 'posted',
        retry: false,
      },
    ]);
    expect(world.slaNotes()[1]?.note?.text).toContain('after 3 h 30 min of business time');
  });

  it('keeps the clock on reassign and nudges the new team in its own routed post', async () => {
    const world = createSlaWorld(storage.db);
    const { requestId } = await world.route(hel('2026-11-23 08:00'), 'P2');
    await world.tick(hel('2026-11-23 09:30'));
    world.setNow(hel('2026-11-23 09:40'));
    const actor = { id: 'U0SAM', name: 'Sam' };
    await applyRequestCommand(world.pipeline, { requestId, command: { kind: 'claim' }, actor });
    await applyRequestCommand(world.pipeline, {
      requestId,
      command: { kind: 'reassign', teamId: 'billing' },
      actor,
    });
    // The new team's routed post is not there yet: the breach waits rather than pinging the old team.
    const early = await world.tick(hel('2026-11-23 10:00'));
    expect(early.sent).toEqual([]);
    expect(early.deferred).toEqual([
      { requestId, key: null, reason: 'routed post not in the team channel yet' },
    ]);
    await deliverRequest(world.delivery, { requestId, kind: 'post' });
    await world.tick(hel('2026-11-23 10:01'));

    const notes = world.slaNotes();
    expect(notes).toHaveLength(2);
    const billingPost = world.notifier.posts.find(
      (post) =>
        post.kind === 'routed-post' &&
        post.ref.destination.platform === 'slack' &&
        'channel' in post.ref.destination &&
        post.ref.destination.channel === 'C0BILLING',
    );
    expect(notes[1]?.target).toEqual(billingPost?.ref);
    expect(notes[1]?.note?.mentions).toEqual(['S0BILLING']);
    expect(notes[1]?.note?.text).toContain('SLA breached: no first reply to the customer after 2 h 1 min');
    expect((await world.pipeline.store.getRequest(requestId))?.routedAt).toEqual(hel('2026-11-23 08:00'));
  });

  it('sends nothing outside business hours and the overnight warning at the next opening, on time', async () => {
    const world = createSlaWorld(storage.db);
    const { requestId } = await world.route(hel('2026-11-27 15:00'), 'P2');
    // Friday 15:00 + 90 business minutes = Monday 08:30; nothing over the weekend or at night.
    await world.tickEvery(30, hel('2026-11-27 15:00'), hel('2026-11-30 08:00'));
    expect(world.slaNotes()).toHaveLength(0);
    const outcome = await world.tick(hel('2026-11-30 08:30'));
    expect(outcome.sent).toEqual([
      {
        requestId,
        key: `${requestId}:warning:1`,
        kind: 'warning',
        late: false,
        outcome: 'posted',
        retry: false,
      },
    ]);
  });

  it('runs a P1 round the clock: warning, breach, repeats and escalation on a Saturday night', async () => {
    const world = createSlaWorld(storage.db);
    const { requestId } = await world.route(hel('2026-11-28 03:00'), 'P1');
    await world.tickEvery(1, hel('2026-11-28 03:00'), hel('2026-11-28 05:00'));
    const notes = world.slaNotes();
    // Target 30 minutes: warning 03:23 (22.5 min, first tick after), breach 03:30, repeat and
    // escalation 04:00, last repeat 04:30.
    expect(notes.map((post) => post.deliveryKey)).toEqual([
      `sla:${requestId}:warning:1`,
      `sla:${requestId}:breach:1`,
      `sla:${requestId}:repeat:1`,
      `sla:${requestId}:escalation:1`,
      `sla:${requestId}:repeat:2`,
    ]);
    expect(notes[0]?.note?.text).toContain('waited 23 min (round the clock)');
    expect(notes[3]?.target).toEqual({ platform: 'slack', channel: 'C0ESCALATE' });
  });

  it('after downtime sends the missed nudges once on return and says they are late', async () => {
    const world = createSlaWorld(storage.db);
    const { requestId } = await world.route(hel('2026-11-23 08:00'), 'P2');
    // Down from 08:00 until 13:00: warning, breach, repeat 1 and the escalation fell due meanwhile.
    const back = await world.tick(hel('2026-11-23 13:00'));
    expect(back.sent.map(({ kind, late }) => ({ kind, late }))).toEqual([
      { kind: 'repeat', late: true },
      { kind: 'escalation', late: true },
    ]);
    const again = await world.tick(hel('2026-11-23 13:01'));
    expect(again.sent).toEqual([]);
    const notes = world.slaNotes();
    expect(notes).toHaveLength(2);
    expect(notes[0]?.note?.text).toContain(
      'Sent late: this reminder fell due Mon 23 Nov 12:00 (Europe/Helsinki) while Verbatim was not running.',
    );
    expect(notes[1]?.note?.text).toContain('Sent late: this escalation fell due Mon 23 Nov 12:00');
    const onTime = await world.tick(hel('2026-11-23 14:00'));
    expect(onTime.sent).toEqual([
      {
        requestId,
        key: `${requestId}:repeat:2`,
        kind: 'repeat',
        late: false,
        outcome: 'posted',
        retry: false,
      },
    ]);
  });

  it('sends each nudge once when two checkers tick at the same moment', async () => {
    const world = createSlaWorld(storage.db);
    const { requestId } = await world.route(hel('2026-11-23 08:00'), 'P2');
    world.setNow(hel('2026-11-23 12:00'));
    const outcomes = await Promise.all([checkSla(world.sla), checkSla(world.sla), checkSla(world.sla)]);
    expect(outcomes.flatMap((outcome) => outcome.sent.map((sent) => sent.key)).sort()).toEqual([
      `${requestId}:escalation:1`,
      `${requestId}:repeat:1`,
    ]);
    expect(world.slaNotes()).toHaveLength(2);
  });
});

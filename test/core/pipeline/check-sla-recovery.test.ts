import { beforeEach, describe, expect, it } from 'vitest';
import { applyRequestCommand } from '../../../src/core/pipeline/apply-request-command.ts';
import type { Notifier } from '../../../src/core/ports.ts';
import type { Storage } from '../../../src/storage/open-storage.ts';
import { createRecordingNotifier } from '../../support/recording-notifier.ts';
import { backends } from '../../support/scratch-database.ts';
import { useSharedTestStorage } from '../../support/shared-test-storage.ts';
import { createSlaWorld, hel } from './check-sla-kit.ts';

/** `seconds` after a Helsinki wall-clock minute: within the 20 s delivery lease of a failed attempt. */
function helPlus(wall: string, seconds: number): Date {
  return new Date(hel(wall).getTime() + seconds * 1000);
}

/** A notifier whose next SLA note fails: before posting (platform error) or after (process died). */
function createFlakyNotifier() {
  const recording = createRecordingNotifier();
  const control = { failBefore: 0, failAfter: 0 };
  const notifier: Notifier = {
    ...recording,
    async postNote(target, note, key) {
      if (key.startsWith('sla:') && control.failBefore > 0) {
        control.failBefore -= 1;
        throw new Error('slack: internal_error');
      }
      const ref = await recording.postNote(target, note, key);
      if (key.startsWith('sla:') && control.failAfter > 0) {
        control.failAfter -= 1;
        throw new Error('process killed after posting');
      }
      return ref;
    },
  };
  return { notifier, recording, control };
}

describe.each(backends)('SLA nudges after failures on %s', (backend) => {
  let storage: Storage;
  const shared = useSharedTestStorage(backend);
  beforeEach(() => {
    storage = shared();
  });

  it('retries a nudge whose post failed on a later tick, and posts it once', async () => {
    const flaky = createFlakyNotifier();
    const world = createSlaWorld(storage.db, { notifier: flaky.notifier });
    const { requestId } = await world.route(hel('2026-11-23 08:00'), 'P2');
    flaky.control.failBefore = 1;
    const failed = await world.tick(hel('2026-11-23 09:30'));
    expect(failed.failed.map((failure) => [failure.key, failure.error.message])).toEqual([
      [`${requestId}:warning:1`, 'slack: internal_error'],
    ]);
    // Claimed, so the same tick on another replica does not claim it again.
    expect((await world.tick(hel('2026-11-23 09:30'))).sent).toEqual([]);
    // A claim younger than a minute belongs to an attempt that may still be posting: left alone …
    const waiting = await world.tick(helPlus('2026-11-23 09:30', 10));
    expect(waiting.sent).toEqual([]);
    expect(flaky.recording.posts.filter((post) => post.deliveryKey?.startsWith('sla:'))).toHaveLength(0);
    // … then (its 20 s delivery lease long gone) the retry finds no post by its key and posts.
    const retried = await world.tick(hel('2026-11-23 09:36'));
    expect(retried.sent).toEqual([
      {
        requestId,
        key: `${requestId}:warning:1`,
        kind: 'warning',
        late: false,
        outcome: 'posted',
        retry: true,
      },
    ]);
    await world.tick(hel('2026-11-23 09:37'));
    const notes = flaky.recording.posts.filter((post) => post.deliveryKey?.startsWith('sla:'));
    expect(notes).toHaveLength(1);
  });

  it('finds a nudge posted by a sender that died before recording it instead of posting it again', async () => {
    const flaky = createFlakyNotifier();
    const world = createSlaWorld(storage.db, { notifier: flaky.notifier });
    const { requestId } = await world.route(hel('2026-11-23 08:00'), 'P2');
    flaky.control.failAfter = 1;
    await world.tick(hel('2026-11-23 09:30'));
    // Within a minute of the claim the dead attempt is not second-guessed: nothing is resent.
    const waiting = await world.tick(helPlus('2026-11-23 09:30', 10));
    expect(waiting.sent).toEqual([]);
    const recovered = await world.tick(hel('2026-11-23 09:40'));
    expect(recovered.sent).toMatchObject([
      { key: `${requestId}:warning:1`, outcome: 'recovered', retry: true },
    ]);
    const notes = flaky.recording.posts.filter((post) => post.deliveryKey?.startsWith('sla:'));
    expect(notes).toHaveLength(1);
    const [nudge] = await world.sla.sla.listNudges([requestId]);
    expect(nudge?.sentAt).toEqual(hel('2026-11-23 09:40'));
    expect(nudge?.post).toEqual(notes[0]?.ref);
  });

  it('abandons an unsent nudge once the request is resolved', async () => {
    const flaky = createFlakyNotifier();
    const world = createSlaWorld(storage.db, { notifier: flaky.notifier });
    const { requestId } = await world.route(hel('2026-11-23 08:00'), 'P2');
    flaky.control.failBefore = 1;
    await world.tick(hel('2026-11-23 09:30'));
    world.setNow(hel('2026-11-23 09:35'));
    await applyRequestCommand(world.pipeline, {
      requestId,
      command: { kind: 'resolve' },
      actor: { id: 'U0SAM' },
    });
    const outcome = await world.tick(hel('2026-11-23 09:36'));
    expect(outcome.abandoned).toEqual([{ key: `${requestId}:warning:1`, reason: 'clock stopped' }]);
    expect(flaky.recording.posts.filter((post) => post.deliveryKey?.startsWith('sla:'))).toHaveLength(0);
    expect((await world.sla.sla.listUnsentNudges()).length).toBe(0);
  });

  it('abandons an unsent warning once the breach went out instead', async () => {
    const flaky = createFlakyNotifier();
    const world = createSlaWorld(storage.db, { notifier: flaky.notifier });
    const { requestId } = await world.route(hel('2026-11-23 08:00'), 'P2');
    flaky.control.failBefore = 100;
    await world.tick(hel('2026-11-23 09:30'));
    flaky.control.failBefore = 0;
    // The platform was down until 10:00: the breach goes out, the stale warning never does.
    const atBreach = await world.tick(hel('2026-11-23 10:00'));
    expect(atBreach.abandoned).toEqual([
      { key: `${requestId}:warning:1`, reason: 'superseded by a later nudge' },
    ]);
    expect(atBreach.sent.map((sent) => sent.kind)).toEqual(['breach']);
    const notes = flaky.recording.posts.filter((post) => post.deliveryKey?.startsWith('sla:'));
    expect(notes.map((post) => post.deliveryKey)).toEqual([`sla:${requestId}:breach:1`]);
  });
});

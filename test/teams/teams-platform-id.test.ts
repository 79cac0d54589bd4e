import { describe, expect, it } from 'vitest';
import { TeamsInboundActivitySchema } from '../../src/teams/teams-inbound-activity.ts';
import { teamsPlatformId } from '../../src/teams/teams-platform-id.ts';
import { ACTIONS_FIXTURE, CHANNEL_FIXTURE, channelMessage, SHARED_CHANNEL, STAFF } from './teams-harness.ts';

const idOf = (activity: Record<string, unknown>) =>
  teamsPlatformId(TeamsInboundActivitySchema.parse(activity));

describe('the inbox id of a Teams activity', () => {
  const message = channelMessage({ text: 'The export is broken', id: '1771290300000' });
  const update = (eventType: string, text: string, timestamp: string) => ({
    ...message,
    type: 'messageUpdate',
    timestamp,
    text,
    channelData: { ...(message.channelData as object), eventType },
  });

  it('is the message id in its channel for a new message, the same however often it is delivered', () => {
    expect(idOf(message)).toBe(`message:${SHARED_CHANNEL}:1771290300000`);
    expect(idOf(structuredClone(message))).toBe(idOf(message));
    // A thread reply: its own id, in the channel (the thread suffix is not part of it).
    const reply = channelMessage({ text: 'more', id: '1771290400000', threadRootId: '1771290300000' });
    expect(idOf(reply)).toBe(`message:${SHARED_CHANNEL}:1771290400000`);
  });

  it('tells apart the edits and the deletion that share the message id, and a redelivery of each is itself', () => {
    const edit = update('editMessage', 'The export is broken since 9', '2026-03-02T10:00:01.1234567Z');
    const secondEdit = update('editMessage', 'The export is broken since 8', '2026-03-02T10:00:09.7654321Z');
    const softDelete = update('softDeleteMessage', '', '2026-03-02T10:01:00.0000000Z');
    const hardDelete = { ...softDelete, type: 'messageDelete' };
    const ids = [message, edit, secondEdit, softDelete, hardDelete].map(idOf);
    expect(new Set(ids).size).toBe(5);
    expect(ids[1]).toMatch(/^messageUpdate:editMessage:19:.*@thread\.tacv2:1771290300000:[0-9a-f]{32}$/);
    expect(ids[3]).toMatch(/^messageUpdate:softDeleteMessage:/);
    expect(ids[4]).toMatch(/^messageDelete:softDeleteMessage:/);
    expect(idOf(structuredClone(edit))).toBe(ids[1]);
    expect(idOf(structuredClone(softDelete))).toBe(ids[3]);
  });

  it('tells apart reactions on one message: added, removed, added again, and by someone else', () => {
    const reaction = (fields: Record<string, unknown>) => ({
      ...structuredClone(ACTIONS_FIXTURE.reaction),
      reactionsAdded: undefined,
      ...fields,
    });
    const added = reaction({ reactionsAdded: [{ type: 'like' }], timestamp: '2026-01-02T03:55:18.9534472Z' });
    const removed = reaction({
      reactionsRemoved: [{ type: 'like' }],
      timestamp: '2026-01-02T03:55:20.0000001Z',
    });
    const addedAgain = reaction({
      reactionsAdded: [{ type: 'like' }],
      timestamp: '2026-01-02T03:55:25.5000000Z',
    });
    const byStaff = reaction({
      reactionsAdded: [{ type: 'like' }],
      timestamp: '2026-01-02T03:55:18.9534472Z',
      from: STAFF,
    });
    const ids = [added, removed, addedAgain, byStaff].map(idOf);
    expect(new Set(ids).size).toBe(4);
    expect(ids[0]).toMatch(
      /^messageReaction:19:d441d38c655c47a085215b2726e76927@thread\.tacv2:1767326111492:/,
    );
    expect(idOf(structuredClone(added))).toBe(ids[0]);
  });

  it('keys a member change by its content too (its id is not unique to it)', () => {
    const left = {
      ...structuredClone(CHANNEL_FIXTURE.mention),
      type: 'conversationUpdate',
      id: 'f:member-changed',
      membersRemoved: [{ id: '29:someone' }],
    };
    const joined = { ...left, membersRemoved: undefined, membersAdded: [{ id: '29:someone' }] };
    expect(idOf(left)).not.toBe(idOf(joined));
    expect(idOf(structuredClone(left))).toBe(idOf(left));
  });
});

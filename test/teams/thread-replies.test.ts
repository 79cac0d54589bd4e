import Keyv from 'keyv';
import { describe, expect, it } from 'vitest';
import {
  forgetThreadReplies,
  listThreadReplies,
  postPartsKey,
  recordThreadReply,
} from '../../src/teams/thread-replies.ts';

describe('Teams thread reply records', () => {
  it('keeps every reply when several are recorded at once, without repeats, with the continuation parts', async () => {
    const keyv = new Keyv();
    await keyv.set(postPartsKey('19:c@thread.tacv2', '100'), ['101']);
    const ids = Array.from({ length: 20 }, (_, index) => String(200 + index));
    await Promise.all([...ids, ids[0]!].map((id) => recordThreadReply(keyv, '19:c@thread.tacv2', '100', id)));
    const listed = await listThreadReplies(keyv, '19:c@thread.tacv2', '100');
    expect(listed).toEqual(['101', ...ids]);
    await forgetThreadReplies(keyv, '19:c@thread.tacv2', '100');
    expect(await listThreadReplies(keyv, '19:c@thread.tacv2', '100')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { retractErasedPosts } from '../../../src/core/pipeline/retract-erased-posts.ts';
import type { PostRef, PostRetractor } from '../../../src/core/ports.ts';

const slackPost: PostRef = { destination: { platform: 'slack', channel: 'C0SUPPORT' }, id: '1.000100' };
const teamsPost: PostRef = {
  destination: { platform: 'teams', conversationId: '19:a@thread.tacv2' },
  id: '17',
};
const consolePost: PostRef = { destination: { platform: 'console', name: 'demo' }, id: '3' };

/** A port fake that edits everything it is given and remembers what. */
function editingRetractor(platform: 'slack' | 'teams', seen: PostRef[]): PostRetractor {
  return {
    platform,
    async retract(posts) {
      seen.push(...posts);
      return { edited: posts.length * 2, failed: [] };
    },
  };
}

describe('retractErasedPosts', () => {
  it('hands each post to its own platform’s retractor and counts edits per platform', async () => {
    const slack: PostRef[] = [];
    const teams: PostRef[] = [];
    const outcome = await retractErasedPosts(
      [editingRetractor('slack', slack), editingRetractor('teams', teams)],
      [slackPost, teamsPost, consolePost],
    );
    expect(slack).toEqual([slackPost]);
    expect(teams).toEqual([teamsPost]);
    expect(outcome).toEqual({
      edited: 4,
      editedOn: { slack: 2, teams: 2 },
      failed: [],
      notEditable: [consolePost],
    });
  });

  it('fails the posts of a platform without credentials, and of one that cannot be reached, with the reason', async () => {
    const unreachable: PostRetractor = {
      platform: 'slack',
      async retract() {
        throw new Error('invalid_auth');
      },
    };
    const outcome = await retractErasedPosts([unreachable], [slackPost, teamsPost]);
    expect(outcome.edited).toBe(0);
    expect(outcome.failed).toEqual([
      { ref: slackPost, reason: 'invalid_auth' },
      {
        ref: teamsPost,
        reason: 'no teams credentials are set, so teams:19:a@thread.tacv2 cannot be edited from here',
      },
    ]);
  });
});

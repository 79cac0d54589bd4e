import { describeDestination } from '../directory.ts';
import type { PostRef, PostRetractor, RetractionFailure } from '../ports.ts';

export interface ErasedPostsOutcome {
  edited: number;
  /** Messages edited per platform (`slack`, `teams`). */
  editedOn: Record<string, number>;
  failed: RetractionFailure[];
  /** Posts on platforms with nothing to edit (the console printed them; nothing is kept). */
  notEditable: PostRef[];
}

/**
 * Hands each erased post to its platform's retractor (the same path for every platform).
 * A platform with posts but no retractor — its credentials are not set — fails those posts with a
 * reason that says so; console posts were only printed and are listed as not editable.
 */
export async function retractErasedPosts(
  retractors: PostRetractor[],
  posts: PostRef[],
): Promise<ErasedPostsOutcome> {
  const outcome: ErasedPostsOutcome = { edited: 0, editedOn: {}, failed: [], notEditable: [] };
  const byPlatform = new Map<string, PostRef[]>();
  for (const post of posts) {
    const list = byPlatform.get(post.destination.platform) ?? [];
    list.push(post);
    byPlatform.set(post.destination.platform, list);
  }
  for (const [platform, refs] of byPlatform) {
    if (platform === 'console') {
      outcome.notEditable.push(...refs);
      continue;
    }
    const retractor = retractors.find((candidate) => candidate.platform === platform);
    if (!retractor) {
      for (const ref of refs)
        outcome.failed.push({
          ref,
          reason: `no ${platform} credentials are set, so ${describeDestination(ref.destination)} cannot be edited from here`,
        });
      continue;
    }
    try {
      const result = await retractor.retract(refs);
      outcome.edited += result.edited;
      outcome.editedOn[platform] = result.edited;
      outcome.failed.push(...result.failed);
    } catch (error) {
      // The platform could not be reached at all (credentials refused, network): every post stays.
      const reason = error instanceof Error ? error.message : String(error);
      for (const ref of refs) outcome.failed.push({ ref, reason });
    }
  }
  return outcome;
}

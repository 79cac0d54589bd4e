import type { Destination } from '../directory.ts';
import type { Digest } from './digest.ts';

/** What one digest post carries. */
export interface DigestPublication {
  digest: Digest;
  teamName: string | null;
  /** Posted after its due time (the service was down): the post says so. */
  late: boolean;
  /** PNG chart with alt text; null when there is nothing to chart or rendering failed. */
  chart: { png: Uint8Array; alt: string; filename: string } | null;
  /** Rendering failed: the post says the chart is missing. */
  chartMissing: boolean;
}

/** Posts a digest to a destination on one platform; refuses destinations shared with customers. */
export interface DigestPublisher {
  readonly platform: Destination['platform'];
  publish(
    destination: Destination,
    publication: DigestPublication,
  ): Promise<{ postId: string; chartPosted: boolean }>;
  /**
   * Looks for a digest of `week` and `scope` posted at `destination` since `since` (an attempt that
   * posted and then died before recording it); null when there is none. Platforms that cannot
   * look a post up leave this out, and a crash in that window can repost once.
   */
  findPosted?(
    destination: Destination,
    key: { week: string; scope: string },
    since: Date,
  ): Promise<{ postId: string } | null>;
}

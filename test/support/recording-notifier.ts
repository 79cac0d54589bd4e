import type { Destination } from '../../src/core/directory.ts';
import type { Notifier, PostRef, RoutedPostView, ThreadNote } from '../../src/core/ports.ts';

export interface RecordedPost {
  kind: 'routed-post' | 'update' | 'note';
  target: PostRef | Destination;
  deliveryKey?: string;
  view?: RoutedPostView;
  note?: ThreadNote;
  ref: PostRef;
}

/** A Notifier port fake that records what would have been posted, by destination. */
export function createRecordingNotifier(platform: Destination['platform'] = 'slack') {
  const posts: RecordedPost[] = [];
  let sequence = 0;
  const destinationOf = (target: PostRef | Destination) =>
    'destination' in target ? target.destination : target;
  const notifier: Notifier & { posts: RecordedPost[]; failNextPost?: Error } = {
    platform,
    posts,
    async postRoutedPost(destination, view, deliveryKey) {
      if (notifier.failNextPost) {
        const error = notifier.failNextPost;
        notifier.failNextPost = undefined;
        throw error;
      }
      const ref = { destination, id: `post-${++sequence}` };
      posts.push({ kind: 'routed-post', target: destination, deliveryKey, view, ref });
      return ref;
    },
    async updateRoutedPost(ref, view) {
      posts.push({ kind: 'update', target: ref, view, ref });
    },
    async postNote(target, note, deliveryKey) {
      const ref = { destination: destinationOf(target), id: `note-${++sequence}` };
      posts.push({ kind: 'note', target, note, deliveryKey, ref });
      return ref;
    },
    async findDelivery(_target, deliveryKey) {
      return posts.find((post) => post.deliveryKey === deliveryKey)?.ref ?? null;
    },
  };
  return notifier;
}

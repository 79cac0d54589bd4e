import { type Destination, describeDestination } from '../core/directory.ts';
import type { Notifier, PostRef, RoutedPostView, ThreadNote } from '../core/ports.ts';
import { renderNoteText, renderRoutedPostLine, renderRoutedPostText } from './render-routed-post-text.ts';

export interface ConsoleNotifierOptions {
  /** The platform whose destinations this notifier stands in for (the demo has no real Slack). */
  platform: Destination['platform'];
  out: NodeJS.WritableStream;
  /** Print updates of routed posts too (default true). */
  showUpdates?: boolean;
  /** Print P3 and P4 routed posts as one line each (the demo's default, to keep P1/P2 readable). */
  compact?: 'never' | 'P3-P4';
}

/** Renders routed posts, updates and notes in a terminal instead of posting them. */
export function createConsoleNotifier(options: ConsoleNotifierOptions): Notifier {
  const deliveries = new Map<string, PostRef>();
  let sequence = 0;
  const where = (target: PostRef | Destination) =>
    describeDestination('destination' in target ? target.destination : target);
  const notifier = {
    platform: options.platform,
    async postRoutedPost(destination: Destination, view: RoutedPostView, deliveryKey: string) {
      const oneLine = options.compact === 'P3-P4' && (view.priority === 'P3' || view.priority === 'P4');
      options.out.write(
        oneLine
          ? `${renderRoutedPostLine(view, describeDestination(destination))}\n`
          : `\n${renderRoutedPostText(view, describeDestination(destination))}`,
      );
      const ref = { destination, id: `console-${++sequence}` };
      deliveries.set(deliveryKey, ref);
      return ref;
    },
    async updateRoutedPost(ref: PostRef, view: RoutedPostView) {
      if (options.showUpdates === false) return;
      options.out.write(`  ↻ [${where(ref)} ${ref.id}] ${view.requestId} is now ${view.state}\n`);
    },
    async postNote(target: PostRef | Destination, note: ThreadNote, deliveryKey: string) {
      options.out.write(renderNoteText(note, where(target)));
      const destination = 'destination' in target ? target.destination : target;
      const ref = { destination, id: `console-${++sequence}` };
      deliveries.set(deliveryKey, ref);
      return ref;
    },
    async findDelivery(_target: PostRef | Destination, deliveryKey: string) {
      return deliveries.get(deliveryKey) ?? null;
    },
  };
  return notifier;
}

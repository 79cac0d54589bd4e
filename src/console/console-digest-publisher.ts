import type { DigestPublisher } from '../core/digest/digest-publisher.ts';
import { renderDigestText } from './render-digest-text.ts';

/** Prints digests for `console` destinations (the demo, dry runs). */
export function createConsoleDigestPublisher(out: NodeJS.WritableStream): DigestPublisher {
  let sequence = 0;
  return {
    platform: 'console',
    async publish(destination, publication) {
      sequence += 1;
      const where = destination.platform === 'console' ? destination.name : destination.platform;
      out.write(`[${where}] ${renderDigestText(publication.digest, publication)}`);
      if (publication.chartMissing) out.write('(chart could not be rendered)\n');
      return { postId: `console:${sequence}`, chartPosted: false };
    },
  };
}

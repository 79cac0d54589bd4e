import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback "platform" that keeps posts by delivery key, standing in for a chat service whose
 * posts survive the worker that made them. Used by the crash test's HTTP notifier.
 */
export async function startPostRecorder(): Promise<{
  url: string;
  posts: Array<Record<string, unknown>>;
  close(): Promise<void>;
}> {
  const posts: Array<Record<string, unknown>> = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      if (req.method === 'POST') {
        const post = { ...JSON.parse(body), id: `p${posts.length + 1}` };
        posts.push(post);
        res.end(JSON.stringify(post));
        return;
      }
      const key = new URL(req.url ?? '/', 'http://x').searchParams.get('key');
      res.end(JSON.stringify(posts.find((post) => post.key === key) ?? null));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    posts,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

import type { Server } from 'node:http';
import express from 'express';

/**
 * A stand-in HTTP server while Verbatim waits for its database: `/healthz` answers 200 (the
 * process is alive and retrying), `/readyz` and everything else 503 with the reason, so a load
 * balancer keeps traffic away and Slack or a mail relay retries later. Closed before the real
 * server listens on the same port.
 */
export async function serveNotReady(input: {
  port: number;
  host: string;
  reason: () => string;
}): Promise<{ port: number; close(): Promise<void> }> {
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use((_req, res) => {
    res.status(503).json({
      status: 'not ready',
      checks: [{ name: 'database', ok: false, error: `waiting for the database: ${input.reason()}` }],
    });
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(input.port, input.host, () => resolve(listening)).on('error', reject);
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : input.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

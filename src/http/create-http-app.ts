import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import type { Metrics } from '../metrics/create-metrics.ts';

/** A dependency /readyz checks; `check` rejects when it is not ready. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

export interface HttpAppOptions {
  logger: Logger;
  metrics: Metrics;
  readiness: ReadinessCheck[];
  /** Runs before /metrics answers, to refresh gauges (e.g. queue depth). */
  beforeMetrics?: () => Promise<void>;
}

/**
 * The one HTTP server: liveness, readiness, metrics, and the webhook routes adapters mount.
 * Bolt's ExpressReceiver mounts /slack/events on this same app in HTTP mode.
 */
export function createHttpApp(options: HttpAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  let wasReady = true;
  app.get('/readyz', async (_req, res) => {
    const results = await Promise.all(
      options.readiness.map(async (dependency) => {
        try {
          await withTimeout(dependency.check(), 3000);
          return { name: dependency.name, ok: true as const };
        } catch (error) {
          return { name: dependency.name, ok: false as const, error: (error as Error).message };
        }
      }),
    );
    const ready = results.every((result) => result.ok);
    // Once per change, not per probe: a load balancer asks every few seconds.
    if (!ready && wasReady) options.logger.warn({ checks: results }, 'not ready');
    wasReady = ready;
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', checks: results });
  });

  app.get('/metrics', async (_req, res) => {
    try {
      await options.beforeMetrics?.();
    } catch (error) {
      options.logger.warn({ err: error }, 'refreshing metrics failed');
    }
    res.set('Content-Type', options.metrics.registry.contentType);
    res.send(await options.metrics.registry.metrics());
  });

  return app;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** Adds the 404 answer and the one error boundary, after every adapter has mounted its routes. */
export function finishHttpApp(app: Express, logger: Logger): void {
  app.use((_req: Request, res: Response) => {
    res.status(404).json({ error: 'not_found' });
  });
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status = (error as { status?: number }).status ?? 500;
    if (status >= 500) logger.error({ err: error, path: req.path }, 'request failed');
    if (res.headersSent) return;
    res.status(status).json({ error: status >= 500 ? 'internal_error' : (error as Error).message });
  });
}

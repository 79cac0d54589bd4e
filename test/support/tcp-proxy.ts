import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A loopback TCP proxy to `target` that can be started and stopped on one fixed port, so a test
 * can make a database disappear (nothing listening) and come back at the same address.
 */
export function createTcpProxy(target: { host: string; port: number }) {
  let server: Server | null = null;
  const sockets = new Set<Socket>();
  return {
    /** A port nothing listens on yet (taken from the OS, then released). */
    async freePort(): Promise<number> {
      const probe = createServer();
      await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
      const address = probe.address();
      await new Promise<void>((resolve) => probe.close(() => resolve()));
      return typeof address === 'object' && address ? address.port : 0;
    },
    async start(port: number): Promise<void> {
      server = createServer((client) => {
        const upstream = connect(target.port, target.host);
        sockets.add(client);
        sockets.add(upstream);
        client.pipe(upstream).pipe(client);
        const drop = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        client.on('error', drop).on('close', drop);
        upstream.on('error', drop).on('close', drop);
      });
      await new Promise<void>((resolve, reject) =>
        server?.listen(port, '127.0.0.1', resolve).on('error', reject),
      );
    },
    /** Stops listening and cuts every open connection, like a server going away. */
    async stop(): Promise<void> {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      const closing = server;
      server = null;
      if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
    },
  };
}

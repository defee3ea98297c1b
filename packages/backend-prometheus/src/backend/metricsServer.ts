import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A started metrics server, or the reason it could not start. */
export type StartResult = { server: Server; url: string } | { error: NodeJS.ErrnoException };

/**
 * Listen on `host:port` with `listener`; resolves with the bound URL (so `port: 0` works) or the
 * listen error (e.g. `EADDRINUSE`), never rejects.
 */
export function startMetricsServer(
  listener: RequestListener,
  port: number,
  host: string | undefined,
  path: string,
): Promise<StartResult> {
  return new Promise((resolve) => {
    const server = createServer(listener);
    server.once('error', (error: NodeJS.ErrnoException) => resolve({ error }));
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo;
      const shownHost =
        address.family === 'IPv6' ? `[${address.address}]` : address.address || 'localhost';
      resolve({ server, url: `http://${shownHost}:${address.port}${path}` });
    });
  });
}

/** Close `server`; past `deadline` (epoch ms) its open connections are cut. */
export async function closeMetricsServer(server: Server, deadline: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const wait = Math.max(0, deadline - Date.now());
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), wait);
  });
  const outcome = await Promise.race([closed, late]);
  clearTimeout(timer);
  if (outcome === 'late') {
    server.closeAllConnections();
    await closed;
  }
}

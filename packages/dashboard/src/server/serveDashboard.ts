import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDashboard, type Dashboard } from './createDashboard.js';
import type { DashboardOptions } from './dashboardOptions.js';

/** Options of {@link serveDashboard}. */
export interface ServeDashboardOptions extends DashboardOptions {
  /** Port; 0 picks a free one. Default 9464 + 1 (9465). */
  port?: number;
  /** Address to bind. Default `127.0.0.1` (loopback only). */
  host?: string;
}

/** A dashboard on a port of its own. */
export interface ServedDashboard {
  readonly dashboard: Dashboard;
  readonly server: Server;
  /** `http://host:port/` of the page. */
  readonly url: string;
  /** Close the live pages and the server. */
  close(): Promise<void>;
}

/**
 * Serve the dashboard on its own `node:http` server (bound to loopback by default). Enabled by
 * calling it: `enabled` defaults to true here.
 */
export async function serveDashboard(
  options: ServeDashboardOptions = {},
): Promise<ServedDashboard> {
  const { port = 9465, host = '127.0.0.1', ...rest } = options;
  const dashboard = createDashboard({ enabled: true, ...rest, basePath: '' });
  const server = createServer((req, res) => void dashboard.handler(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    dashboard,
    server,
    url: `http://${shownHost}:${address.port}/`,
    close: async () => {
      await dashboard.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

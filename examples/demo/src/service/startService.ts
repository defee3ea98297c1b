import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createMonitor, type Monitor, type MonitorConfigInput } from '@lexigram/monitor-core';
import type { MonitorHttpWrap } from '@lexigram/monitor-middleware';

/** A running instrumented service. */
export interface RunningService {
  readonly monitor: Monitor;
  readonly server: Server;
  readonly url: string;
}

/** A route handler of the demo services. */
export type Route = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/**
 * Start an HTTP service on loopback, monitored by `createMonitor` with the packages this example
 * installed: every route traced and measured, `/metrics` and `/health` served.
 */
export async function startService(
  config: MonitorConfigInput,
  routes: Readonly<Record<string, Route>>,
  port = 0,
): Promise<RunningService> {
  const monitor = await createMonitor(config, { env: false });
  await monitor.start();
  const wrap = monitor.get<MonitorHttpWrap>('http');
  if (!wrap) throw new Error('the demo needs @lexigram/monitor-middleware installed');
  const pathOf = (req: IncomingMessage): string => (req.url ?? '/').split('?')[0]!;
  const listener = wrap(
    async (req: IncomingMessage, res: ServerResponse) => {
      const route = routes[pathOf(req)];
      if (!route) {
        res.statusCode = 404;
        res.end('not found\n');
        return;
      }
      try {
        await route(req, res);
      } catch (error) {
        res.statusCode = 500;
        res.end(`${(error as Error).message}\n`);
      }
    },
    { route: (req) => (routes[pathOf(req)] ? pathOf(req) : undefined) },
  );
  const server = createServer((req, res) => void listener(req, res));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  return { monitor, server, url: `http://127.0.0.1:${bound}` };
}

/** Resolve after `ms`. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

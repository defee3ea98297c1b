/**
 * `npm run demo -- --serve`: the dashboard of the running demo shop, the service `createMonitor`
 * and the middleware instrument (./service), on a port of its own, with steady traffic against
 * the shop so the page has something to show. Prints the URL; runs until Ctrl+C.
 */
import type {
  RecentSpansProtocol,
  SloStatusProtocol,
  TracerProtocol,
} from '@lexigram/monitor-core';
import { serveDashboard } from '@lexigram/monitor-dashboard';
import type { RunningService } from './service/startService.js';

// The tracing package's Tracer keeps recent spans; another tracer may not.
function recentSpansOf(tracer: TracerProtocol): RecentSpansProtocol | undefined {
  const candidate = tracer as Partial<RecentSpansProtocol>;
  return typeof candidate.getRecentSpans === 'function'
    ? (candidate as RecentSpansProtocol)
    : undefined;
}

/** Serve the dashboard of `shop` and drive traffic at it; resolves with the dashboard URL. */
export async function serveDemo(
  shop: RunningService,
  port = Number(process.env['DASHBOARD_PORT'] ?? 0),
): Promise<string> {
  const { monitor } = shop;
  // Everything it shows is read through core's contracts from what the monitor already has.
  const served = await serveDashboard({
    port,
    title: 'Lexigram Monitor: demo shop',
    collector: monitor.meter,
    recentSpans: recentSpansOf(monitor.tracer),
    health: monitor.health,
    slos: monitor.get<SloStatusProtocol>('slo'),
  });

  // About 40 requests a second: fast, slow and failing routes, checkout calling the inventory.
  const paths = ['/fast', '/fast', '/fast', '/slow', '/checkout', '/fast', '/fail', '/nope'];
  let n = 0;
  setInterval(() => {
    fetch(`${shop.url}${paths[n++ % paths.length]}`)
      .then((res) => res.arrayBuffer())
      .catch(() => undefined);
  }, 25).unref();
  return served.url;
}

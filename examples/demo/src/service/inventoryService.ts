/**
 * The second service of the demo, run as its own process: `/inventory` answers after a short
 * lookup, inside the trace the caller started (the `traceparent` header). Prints its URL on
 * stdout, serves its finished spans at `/spans` so the demo can draw the whole trace.
 */
import type { InMemorySpanExporter } from '@lexigram/monitor-tracing';
import { sleep, startService } from './startService.js';

const service = await startService(
  { tracing: { serviceName: 'inventory', exporter: 'memory' } },
  {
    '/inventory': async (_req, res) => {
      await service.monitor.observability.span('db.query stock', async () => sleep(8));
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ sku: 'demo', inStock: 3 }));
    },
    '/spans': async (_req, res) => {
      const exporter = service.monitor.get<InMemorySpanExporter>('spanExporter');
      await (service.monitor.tracer as { forceFlush?: () => Promise<void> }).forceFlush?.();
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(exporter?.getFinishedSpans() ?? []));
    },
  },
);
service.monitor.handleSignals({
  exit: (code) => {
    service.server.close(() => process.exit(code));
  },
});
process.stdout.write(`${service.url}\n`);

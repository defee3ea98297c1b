// The README's quick start as an application: whatever @lexigram/monitor-* packages are
// installed next to core get wired; the rest are no-ops. Prints what it measured as JSON.
import http from 'node:http';
import { createMonitor } from '@lexigram/monitor-core';

const monitor = await createMonitor({ tracing: { serviceName: 'quickstart' } }, { env: false });
await monitor.start();
monitor.handleSignals();
const app = monitor.http((req, res) => res.end('hi'));
const server = http.createServer(app).listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const body = await (await fetch(`${base}/hello`)).text();
const metrics = await fetch(`${base}/metrics`);
const health = await fetch(`${base}/health`);
const families = await monitor.meter.collect();
const report = await monitor.shutdown();
server.close();
console.log(
  JSON.stringify({
    installed: monitor.installed,
    body,
    metricsStatus: metrics.status,
    healthStatus: health.status,
    requestMetric: families.some((f) => f.name === 'http.server.request.duration'),
    spans:
      typeof monitor.tracer.getAllSpans === 'function' ? monitor.tracer.getAllSpans().length : 0,
    shutdown: report.steps.map((s) => `${s.phase}:${s.name}:${s.outcome}`),
  }),
);

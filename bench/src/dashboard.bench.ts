/**
 * Dashboard: what the live page costs. The targets: the feed's CPU stays under 1 % of a
 * core at 10k series (one tick per second), and with the page open the service's throughput
 * drops by no more than 2 %.
 *
 * 1. mitata: one feed tick at 10k histogram series (collect, aggregate per route, summarize
 *    recent traces, serialize), side by side with what a Prometheus scrape of the same series
 *    costs with prom-client (`registry.metrics()`), the usual way to get these figures out.
 *    At one tick per second, ns per tick / 1e7 is the percent of one core.
 * 2. Throughput of an instrumented node:http service under keep-alive load (in this process),
 *    with the page's feed connected vs not, interleaved rounds, medians.
 */
import { createServer, get, Agent, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDashboard } from '@lexigram/monitor-dashboard';
import { MetricsCollector } from '@lexigram/monitor-metrics';
import { Tracer } from '@lexigram/monitor-tracing';
import { Histogram as PromHistogram, Registry } from 'prom-client';
import { compare } from './support/compare.js';

const SERIES = 10_000;
const ROUND_MS = Number(process.env.DASHBOARD_BENCH_ROUND_MS ?? 2000);
const ROUNDS = Number(process.env.DASHBOARD_BENCH_ROUNDS ?? 3);
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const LABELS = ['http_request_method', 'http_route', 'http_response_status_code'];
const STATUSES = ['200', '201', '400', '404', '500'];

function labelsOf(i: number): Record<string, string> {
  return {
    http_request_method: i % 2 === 0 ? 'GET' : 'POST',
    http_route: `/route/${Math.floor(i / 10)}`,
    http_response_status_code: STATUSES[i % STATUSES.length]!,
  };
}

async function feedTick(): Promise<void> {
  const collector = new MetricsCollector({ config: { maxSeriesPerMetric: SERIES * 2 } });
  const ours = collector.createHistogram('http.server.request.duration', 'd', {
    labelNames: LABELS,
    buckets: BUCKETS,
  });
  const registry = new Registry();
  const peer = new PromHistogram({
    name: 'http_server_request_duration_seconds',
    help: 'd',
    labelNames: LABELS,
    buckets: BUCKETS,
    registers: [registry],
  });
  for (let i = 0; i < SERIES; i++) {
    ours.observe((i % 100) / 1000, labelsOf(i));
    peer.observe(labelsOf(i), (i % 100) / 1000);
  }
  const tracer = new Tracer({ serviceName: 'bench', processor: 'simple', maxSpans: 2000 });
  for (let i = 0; i < 2000; i++) tracer.startSpan(`GET /route/${i % 50}`).end();
  const dashboard = createDashboard({
    enabled: true,
    collector,
    recentSpans: tracer,
    maxSeries: SERIES,
  });
  const snapshot = await dashboard.snapshot();
  console.log(`dashboard: series read per tick ${snapshot.requests?.series ?? 0}`);
  let i = 0;
  const rows = await compare(`dashboard: one feed tick at ${SERIES} series`, [
    {
      name: `feed tick (collect + aggregate + traces + JSON), ${SERIES} series`,
      ours: async () => {
        ours.observe(0.01, labelsOf(i++ % SERIES));
        return JSON.stringify(await dashboard.snapshot());
      },
      peerName: 'prom-client scrape',
      peer: async () => {
        peer.observe(labelsOf(i++ % SERIES), 0.01);
        return registry.metrics();
      },
    },
  ]);
  const tickNs = rows[0]!.oursNs;
  const percent = tickNs / 1e7;
  console.log(
    `dashboard: feed CPU at 1 tick/s = ${percent.toFixed(3)} % of one core (target < 1 %: ${percent < 1 ? 'met' : 'NOT met'})`,
  );
  await dashboard.close();
  await tracer.shutdown();
}

async function throughput(): Promise<void> {
  const collector = new MetricsCollector();
  const histogram = collector.createHistogram('http.server.request.duration', 'd', {
    labelNames: LABELS,
  });
  const tracer = new Tracer({ serviceName: 'bench', processor: 'simple' });
  const dashboard = createDashboard({
    enabled: true,
    collector,
    recentSpans: tracer,
    basePath: '/monitor',
  });
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith('/monitor')) return void dashboard.handler(req, res);
    const started = performance.now();
    const span = tracer.startSpan('GET /hello');
    res.end('hello');
    span.end();
    histogram.observe((performance.now() - started) / 1000, {
      http_request_method: 'GET',
      http_route: '/hello',
      http_response_status_code: '200',
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const agent = new Agent({ keepAlive: true, maxSockets: 32 });

  const run = async (ms: number): Promise<number> => {
    let done = 0;
    const end = performance.now() + ms;
    const worker = async () => {
      while (performance.now() < end) {
        await new Promise<void>((resolve) => {
          get({ host: '127.0.0.1', port, path: '/hello', agent }, (res) => {
            res.resume();
            res.on('end', () => {
              done++;
              resolve();
            });
          }).on('error', () => resolve());
        });
      }
    };
    await Promise.all(Array.from({ length: 32 }, worker));
    return (done * 1000) / ms;
  };
  const openPage = () =>
    new Promise<() => void>((resolve) => {
      const req = request({ host: '127.0.0.1', port, path: '/monitor/events' }, (res) => {
        res.resume();
        resolve(() => req.destroy());
      });
      req.end();
    });

  await run(500); // warm-up
  const off: number[] = [];
  const on: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    off.push(await run(ROUND_MS));
    const close = await openPage();
    on.push(await run(ROUND_MS));
    close();
    while (dashboard.clientCount > 0) await new Promise((r) => setTimeout(r, 10));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const a = median(off);
  const b = median(on);
  const drop = ((a - b) / a) * 100;
  console.log(
    `dashboard: throughput ${a.toFixed(0)} req/s without a page, ${b.toFixed(0)} req/s with the feed connected: ${drop.toFixed(2)} % drop (target <= 2 %: ${drop <= 2 ? 'met' : 'NOT met'}; ${ROUNDS} interleaved rounds of ${ROUND_MS} ms, medians)`,
  );
  agent.destroy();
  await dashboard.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await tracer.shutdown();
}

export default async function run(): Promise<void> {
  await feedTick();
  await throughput();
}

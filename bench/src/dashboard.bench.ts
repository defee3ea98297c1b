/**
 * Dashboard: what the live page costs. The issue's targets: the feed's CPU stays under 1 % of a
 * core at 10k series (one tick per second), and with the page open the service's throughput
 * drops by no more than 2 %.
 *
 * 1. mitata: one full snapshot with all 10k series in the HTTP histogram (read, aggregate per
 *    route, summarize recent traces, serialize), side by side with what a Prometheus scrape of
 *    the same series costs with prom-client (`registry.metrics()`), the usual way to get these
 *    figures out: the cost of one read in the worst case.
 * 2. The feed's CPU per second, the issue's figure: a page connected over SSE to a running
 *    dashboard for DASHBOARD_BENCH_TICKS real one-second ticks; the feed's CPU is
 *    process.cpuUsage() around each tick (`dashboard.feedUsage`: reads, aggregation, JSON and
 *    socket writes), divided by the seconds watched. Also printed: the whole process' CPU with
 *    the page open against the same time with nobody watching (the difference adds the GC of
 *    what the reads allocate, the runtime sampler and the test client receiving). Two services of 10k series: a typical one
 *    (200 series in the HTTP histogram, the rest in other metrics the dashboard does not read),
 *    and the worst case (all 10k in the HTTP histogram; the feed then reads the metrics less
 *    often to stay within `metricsCpuBudgetPercent`).
 * 3. Throughput of an instrumented node:http service under keep-alive load (in this process),
 *    with the page's feed connected vs not, interleaved rounds, medians; also as CPU per
 *    request, which says the same for one saturated thread with less of the machine's noise.
 */
import { createServer, get, Agent, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDashboard } from '@lexigram/monitor-dashboard';
import { MetricsCollector } from '@lexigram/monitor-metrics';
import { Tracer } from '@lexigram/monitor-tracing';
import { Histogram as PromHistogram, Registry } from 'prom-client';
import { compare } from './support/compare.js';

const SERIES = 10_000;
const ROUND_MS = Number(process.env.DASHBOARD_BENCH_ROUND_MS ?? 2000);
const ROUNDS = Number(process.env.DASHBOARD_BENCH_ROUNDS ?? 3);
const TICKS = Number(process.env.DASHBOARD_BENCH_TICKS ?? 20);
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
  const rows = await compare(`dashboard: one full snapshot at ${SERIES} HTTP series`, [
    {
      name: `snapshot (read + aggregate + traces + JSON), ${SERIES} HTTP series`,
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
  console.log(
    `dashboard: one full read of ${SERIES} HTTP series costs ${(rows[0]!.oursNs / 1e6).toFixed(1)} ms (worst case; the live feed below reads within its CPU budget)`,
  );
  await dashboard.close();
  await tracer.shutdown();
}

/** A collector holding SERIES series, `http` of them in the HTTP server histogram. */
function serviceOf(http: number): { collector: MetricsCollector; traffic: () => void } {
  const collector = new MetricsCollector({ config: { maxSeriesPerMetric: SERIES * 2 } });
  const requests = collector.createHistogram('http.server.request.duration', 'd', {
    labelNames: LABELS,
    buckets: BUCKETS,
  });
  for (let i = 0; i < http; i++) requests.observe((i % 100) / 1000, labelsOf(i));
  // The rest: what a service's own metrics look like (per-tenant counters and latencies).
  let left = SERIES - http;
  const jobs = collector.createHistogram('job_duration_seconds', 'd', {
    labelNames: ['queue', 'tenant'],
    buckets: BUCKETS,
  });
  const orders = collector.createCounter('orders_total', 'd', { labelNames: ['tenant', 'kind'] });
  for (let i = 0; left > 0; i++, left--) {
    if (i % 2 === 0) jobs.observe(0.05, { queue: `q${i % 7}`, tenant: `t${i}` });
    else orders.inc(1, { tenant: `t${i}`, kind: i % 3 === 0 ? 'web' : 'app' });
  }
  let n = 0;
  // About a hundred requests a second on a spread of the HTTP series.
  const traffic = () => {
    for (let k = 0; k < 100; k++) requests.observe(((n * 7) % 100) / 1000, labelsOf(n++ % http));
  };
  return { collector, traffic };
}

async function feedCpu(label: string, http: number): Promise<void> {
  const { collector, traffic } = serviceOf(http);
  const tracer = new Tracer({ serviceName: 'bench', processor: 'simple', maxSpans: 2000 });
  for (let i = 0; i < 2000; i++) tracer.startSpan(`GET /route/${i % 50}`).end();
  const dashboard = createDashboard({
    enabled: true,
    collector,
    recentSpans: tracer,
    maxSeries: SERIES,
  });
  const server = createServer((req, res) => void dashboard.handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const traffickers = setInterval(traffic, 1000);
  // The same process with nobody watching, for as long: what opening the page adds is the rest.
  const idle0 = process.cpuUsage();
  const idleT0 = performance.now();
  await new Promise((resolve) => setTimeout(resolve, TICKS * 1000));
  const idle = process.cpuUsage(idle0);
  const idlePercent = ((idle.user + idle.system) / 1000 / (performance.now() - idleT0)) * 100;
  let messages = 0;
  let bytes = 0;
  let requestReads = 0;
  let firstMessage!: () => void;
  let lastMessage!: () => void;
  const started = new Promise<void>((resolve) => (firstMessage = resolve));
  const finished = new Promise<void>((resolve) => (lastMessage = resolve));
  const req = request({ host: '127.0.0.1', port, path: '/events' }, (res: IncomingMessage) => {
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      bytes += chunk.length;
      if (chunk.includes('data: ')) messages++;
      if (chunk.includes('"requests":')) requestReads++;
      firstMessage();
      if (messages >= TICKS) lastMessage();
    });
  });
  req.end();
  await started; // the first tick reads everything once: not part of the steady state
  messages = 0;
  bytes = 0;
  requestReads = 0;
  const usage0 = dashboard.feedUsage;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await finished;
  const cpu = process.cpuUsage(cpu0);
  const ms = performance.now() - t0;
  const usage = dashboard.feedUsage;
  const feedPercent = ((usage.cpuMs - usage0.cpuMs) / ms) * 100;
  const processPercent = ((cpu.user + cpu.system) / 1000 / ms) * 100;
  console.log(
    `dashboard: feed CPU, ${label}: ${feedPercent.toFixed(3)} % of one core (target < 1 %: ${feedPercent < 1 ? 'met' : 'NOT met'}) over ${usage.ticks - usage0.ticks} ticks in ${(ms / 1000).toFixed(1)} s; whole process ${processPercent.toFixed(3)} % with the page vs ${idlePercent.toFixed(3)} % without (+${(processPercent - idlePercent).toFixed(3)} %, adds GC of what the reads allocate); request figures read on ${requestReads} of ${messages} ticks; ${(bytes / (ms / 1000) / 1024).toFixed(1)} KiB/s sent`,
  );
  clearInterval(traffickers);
  req.destroy();
  await dashboard.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
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

  // Each round's CPU per request, beside its rate: the process is one saturated thread, so
  // what the feed adds shows as CPU per request with less of the machine's noise than req/s.
  let lastCpuUs = 0;
  const run = async (ms: number): Promise<number> => {
    let done = 0;
    const cpuBefore = process.cpuUsage();
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
    const cpu = process.cpuUsage(cpuBefore);
    lastCpuUs = (cpu.user + cpu.system) / Math.max(1, done);
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
  const cpuOff: number[] = [];
  const cpuOn: number[] = [];
  const withPage = async (): Promise<number> => {
    const close = await openPage();
    const rate = await run(ROUND_MS);
    close();
    while (dashboard.clientCount > 0) await new Promise((r) => setTimeout(r, 10));
    return rate;
  };
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which goes first, so a drift of the machine does not favour one side.
    const without = async () => {
      off.push(await run(ROUND_MS));
      cpuOff.push(lastCpuUs);
    };
    const withIt = async () => {
      on.push(await withPage());
      cpuOn.push(lastCpuUs);
    };
    if (round % 2 === 0) {
      await without();
      await withIt();
    } else {
      await withIt();
      await without();
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const a = median(off);
  const b = median(on);
  const drop = ((a - b) / a) * 100;
  const cpuA = median(cpuOff);
  const cpuB = median(cpuOn);
  const cpuDrop = (1 - cpuA / cpuB) * 100;
  console.log(
    `dashboard: CPU per request ${cpuA.toFixed(1)} µs without a page, ${cpuB.toFixed(1)} µs with the feed connected: throughput ${cpuDrop.toFixed(2)} % lower by CPU (target <= 2 %: ${cpuDrop <= 2 ? 'met' : 'NOT met'}; medians of the same rounds)`,
  );
  console.log(
    `dashboard: throughput ${a.toFixed(0)} req/s without a page, ${b.toFixed(0)} req/s with the feed connected: ${drop.toFixed(2)} % drop (target <= 2 %: ${drop <= 2 ? 'met' : 'NOT met'}; ${ROUNDS} interleaved rounds of ${ROUND_MS} ms, order alternating, medians; rounds without ${off.map(Math.round).join('/')}, with ${on.map(Math.round).join('/')})`,
  );
  agent.destroy();
  await dashboard.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await tracer.shutdown();
}

export default async function run(): Promise<void> {
  // DASHBOARD_BENCH_PARTS=feed,snapshot,throughput (default all) runs some of the parts only.
  const parts = (process.env.DASHBOARD_BENCH_PARTS ?? 'feed,snapshot,throughput').split(',');
  if (parts.includes('feed')) {
    await feedCpu(`${SERIES} series of which 200 in the HTTP histogram`, 200);
    await feedCpu(`all ${SERIES} series in the HTTP histogram (worst case)`, SERIES);
  }
  if (parts.includes('snapshot')) await feedTick();
  if (parts.includes('throughput')) await throughput();
}

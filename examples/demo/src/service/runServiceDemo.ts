import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import type { HealthReport, ReadableSpanData } from '@lexigram/monitor-core';
import type { HealthCheckRegistry } from '@lexigram/monitor-health';
import type { HistogramSloFeed } from '@lexigram/monitor-slo';
import type { InMemorySpanExporter } from '@lexigram/monitor-tracing';
import { driveLoad } from './driveLoad.js';
import { firstValue, routeFigures } from './readMetrics.js';
import { sleep, startService, type RunningService } from './startService.js';
import { renderWaterfall } from './waterfall.js';

const log = (line = ''): void => void process.stdout.write(`${line}\n`);

/** Start the inventory service in its own process; resolves with its URL. */
async function startInventory(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [...process.execArgv, join(import.meta.dirname, 'inventoryService.ts')],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`inventory service exited (${code})`)));
  });
  return { child, url };
}

function formatHealth(report: HealthReport): string[] {
  return [
    `  overall: ${report.status}`,
    ...Object.entries(report.checks).map(
      ([name, r]) => `  - ${name}: ${r.status} ${r.message ?? ''}`,
    ),
  ];
}

/**
 * The demo as a real service: an instrumented HTTP service on loopback calling a second one in
 * another process, driven by a short built-in load, then read back like an operator would.
 * With `serve`, it keeps running, prints the URLs instead of shutting down and resolves with the
 * running shop (for its dashboard).
 */
export async function runServiceDemo(serve: boolean): Promise<RunningService | undefined> {
  log('=== Lexigram Monitor: a monitored service ===');
  const inventory = await startInventory();
  const shop = await startService(
    {
      backendType: 'prometheus',
      prometheus: { port: 0, enableDefaultMetrics: false },
      tracing: { serviceName: 'shop', exporter: 'memory' },
      slos: [
        { name: 'shop.availability', objective: 0.99 },
        { name: 'shop.latency', objective: 0.95, thresholdMs: 100 },
      ],
    },
    {
      '/fast': (_req, res) => void res.end('ok\n'),
      '/slow': async (_req, res) => {
        await sleep(60);
        res.end('slow ok\n');
      },
      '/fail': (_req, res) => {
        res.statusCode = 500;
        res.end('failed\n');
      },
      '/checkout': async (_req, res) => {
        const stock = await fetch(`${inventory.url}/inventory`);
        res.setHeader('content-type', 'application/json');
        res.end(await stock.text());
      },
      '/drain-me': async (_req, res) => {
        await sleep(300);
        res.end('finished during drain\n');
      },
    },
  );
  const { monitor } = shop;
  monitor.get<HealthCheckRegistry>('healthRegistry')?.add('inventory', async () => {
    const res = await fetch(`${inventory.url}/health/ready`);
    return res.ok;
  });
  log(
    `installed: ${Object.entries(monitor.installed)
      .filter(([, v]) => v)
      .map(([k]) => k)
      .join(', ')}`,
  );
  log(`shop ${shop.url}  ->  inventory ${inventory.url} (another process)`);

  if (serve) {
    log(
      `\nserving; open:\n  ${shop.url}/checkout\n  ${shop.url}/metrics\n  ${shop.url}/health\n  ${inventory.url}/metrics\nCtrl-C drains and exits.`,
    );
    monitor.handleSignals({
      exit: (code) => {
        inventory.child.kill('SIGTERM');
        shop.server.close(() => process.exit(code));
      },
    });
    return shop;
  }

  log('\n--- load: fast, slow, failing routes and checkout -> inventory ---');
  const load = await driveLoad(
    shop.url,
    [
      { path: '/fast', weight: 10 },
      { path: '/slow', weight: 3 },
      { path: '/fail', weight: 1 },
      { path: '/checkout', weight: 4 },
    ],
    300,
    12,
    (text) => void process.stdout.write(text),
  );

  log('\n--- per route, read back from GET /metrics ---');
  const exposition = await (await fetch(`${shop.url}/metrics`)).text();
  log(
    `  ${'route'.padEnd(12)} ${'req/s'.padStart(7)} ${'errors'.padStart(7)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}`,
  );
  for (const r of routeFigures(exposition).sort((a, b) => a.route.localeCompare(b.route))) {
    const rate = (r.count / load.seconds).toFixed(1);
    const errors = `${((r.errors / r.count) * 100).toFixed(1)}%`;
    log(
      `  ${r.route.padEnd(12)} ${rate.padStart(7)} ${errors.padStart(7)} ${(r.p50Seconds * 1000).toFixed(1).padStart(8)} ${(r.p99Seconds * 1000).toFixed(1).padStart(8)}`,
    );
  }

  log('\n--- one distributed trace (shop -> inventory, two processes) ---');
  // Spans leave through a batch processor: flush so the last requests' spans are readable.
  await (monitor.tracer as { forceFlush?: () => Promise<void> }).forceFlush?.();
  const mine = monitor.get<InMemorySpanExporter>('spanExporter')?.getFinishedSpans() ?? [];
  const checkout = [...mine].reverse().find((s) => s.name.includes('/checkout') && !s.parentSpanId);
  const theirs = (await (await fetch(`${inventory.url}/spans`)).json()) as ReadableSpanData[];
  const traceId = checkout?.spanContext.traceId;
  const trace = [...mine, ...theirs].filter((s) => s.spanContext.traceId === traceId);
  log(
    `  trace ${traceId ?? '(none)'}: ${trace.length} spans, services: ${[...new Set(trace.map((s) => String(s.resource.attributes['service.name'])))].join(', ')}`,
  );
  for (const line of renderWaterfall(trace)) log(`  ${line}`);

  log('\n--- health ---');
  for (const line of formatHealth(await monitor.health.runAll())) log(line);

  log('\n--- SLOs (error budget over 30 days, burn rate over the last hour) ---');
  const slo = monitor.get<HistogramSloFeed>('slo');
  await slo?.refresh();
  for (const s of slo?.report() ?? []) {
    const b = s.errorBudget;
    log(
      `  ${s.name} (${s.kind}, objective ${s.objective * 100}%): ${b.bad}/${b.total} bad, budget left ${(b.remainingRatio * 100).toFixed(1)}%, burn rate ${s.burnRate.toFixed(2)}x${s.firing.length ? `, firing: ${s.firing.join(', ')}` : ''}`,
    );
  }

  log('\n--- runtime ---');
  const now = await (await fetch(`${shop.url}/metrics`)).text();
  const mb = (n: number | undefined): string =>
    n === undefined ? '?' : `${(n / 1048576).toFixed(1)} MB`;
  log(
    `  rss ${mb(firstValue(now, 'runtime_memory_rss_bytes'))}, heap used ${mb(firstValue(now, 'runtime_heap_used_bytes'))}, active requests ${firstValue(now, 'http_server_active_requests') ?? 0}`,
  );

  log('\n--- graceful shutdown ---');
  const inFlight = fetch(`${shop.url}/drain-me`).then((r) => r.text());
  await sleep(20);
  const shutdown = monitor.shutdown();
  const ready = await fetch(`${shop.url}/health/ready`);
  const live = await fetch(`${shop.url}/health/live`);
  log(`  while draining: /health/ready -> ${ready.status}, /health/live -> ${live.status}`);
  log(`  in-flight request: ${(await inFlight).trim()}`);
  const report = await shutdown;
  for (const step of report.steps) {
    log(`  [${step.phase}] ${step.name}: ${step.outcome} (${step.durationMs.toFixed(0)} ms)`);
  }
  await new Promise((resolve) => shop.server.close(resolve));
  inventory.child.kill('SIGTERM');
  await new Promise((resolve) => inventory.child.once('exit', resolve));
  log(`  drained and closed in ${report.durationMs.toFixed(0)} ms; inventory stopped`);
  return undefined;
}

/**
 * HTTP middleware overhead, measured with autocannon against real servers in one run: bare
 * node:http vs the same server wrapped by `instrumentNodeHttp` (tracing + metrics on) vs
 * OpenTelemetry's instrumentation-http + SDK; Fastify bare vs `instrumentFastify`; Express with
 * `instrumentExpress` vs express-prom-bundle. Each server runs in its own process; the load
 * generator shares the machine, so compare the ratios printed, not absolute numbers.
 *
 * `HTTP_BENCH_SECONDS` (default 3) and `HTTP_BENCH_CONNECTIONS` (default 20) tune each run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';

const SECONDS = Number(process.env.HTTP_BENCH_SECONDS ?? 3);
const CONNECTIONS = Number(process.env.HTTP_BENCH_CONNECTIONS ?? 20);

interface Run {
  readonly variant: string;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly spans: string;
}

async function startServer(variant: string): Promise<{ port: number; child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'http', 'servers.ts'), variant], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /PORT (\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`${variant} server exited (${code})`)));
  });
  return { port, child, output: () => output };
}

async function measure(variant: string, path: string): Promise<Run> {
  const { port, child, output } = await startServer(variant);
  const url = `http://127.0.0.1:${port}${path}`;
  // Warm up (JIT, series creation) before measuring.
  await autocannon({ url, connections: CONNECTIONS, duration: 1 });
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
  const spans = /SPANS (\d+)/.exec(output())?.[1] ?? '-';
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${variant}: ${result.non2xx} non-2xx responses, ${result.errors} errors`);
  }
  return { variant, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, spans };
}

function report(title: string, runs: Run[], baseline: string, checks: [string, string, number, string][]): boolean {
  const base = runs.find((r) => r.variant === baseline)!;
  console.log(`\n${title}`);
  console.log('variant                 req/s    vs base   p50 ms  +p50   p99 ms  +p99   spans');
  for (const r of runs) {
    console.log(
      `${r.variant.padEnd(22)} ${r.rps.toFixed(0).padStart(7)} ${((r.rps / base.rps) * 100).toFixed(1).padStart(8)}% ` +
        `${r.p50.toFixed(2).padStart(7)} ${(r.p50 - base.p50).toFixed(2).padStart(5)} ` +
        `${r.p99.toFixed(2).padStart(7)} ${(r.p99 - base.p99).toFixed(2).padStart(5)}   ${r.spans}`,
    );
  }
  let ok = true;
  for (const [a, b, minRatio, label] of checks) {
    const ra = runs.find((r) => r.variant === a)!;
    const rb = runs.find((r) => r.variant === b)!;
    const ratio = ra.rps / rb.rps;
    const pass = ratio >= minRatio;
    ok &&= pass;
    console.log(`  ${pass ? 'PASS' : 'FAIL'} ${label}: ${a} / ${b} = ${ratio.toFixed(2)} (target >= ${minRatio})`);
  }
  return ok;
}

export default async function httpBench(): Promise<void> {
  console.log(`\nHTTP middleware (autocannon, ${CONNECTIONS} connections, ${SECONDS}s per server)`);
  const node: Run[] = [];
  for (const v of ['node', 'node+lexigram', 'node+otel']) node.push(await measure(v, '/hello/world'));
  const fastify: Run[] = [];
  for (const v of ['fastify', 'fastify+lexigram']) fastify.push(await measure(v, '/hello/world'));
  const express: Run[] = [];
  for (const v of ['express', 'express+lexigram', 'express+prom-bundle']) express.push(await measure(v, '/hello/world'));
  const results = [
    report('node:http', node, 'node', [
      ['node+lexigram', 'node', 0.9, 'tracing + metrics keep >= 90% of bare node:http'],
      ['node+lexigram', 'node+otel', 2, 'at least 2x OpenTelemetry instrumentation-http + SDK'],
    ]),
    report('Fastify 5', fastify, 'fastify', [
      ['fastify+lexigram', 'fastify', 0.9, 'tracing + metrics keep >= 90% of bare Fastify'],
    ]),
    report('Express 5', express, 'express', [
      ['express+lexigram', 'express+prom-bundle', 1, 'ahead of express-prom-bundle'],
    ]),
  ];
  if (results.includes(false)) process.exitCode = 1;
}

/**
 * HTTP middleware overhead, measured with autocannon against real servers in one run: bare
 * node:http vs the same server wrapped by `instrumentNodeHttp` (tracing + metrics on) vs
 * OpenTelemetry's instrumentation-http + SDK; Fastify bare vs `instrumentFastify`; Express with
 * `instrumentExpress` vs express-prom-bundle. Each server runs in its own process; the load
 * generator shares the machine, so compare the ratios printed, not absolute numbers.
 *
 * `HTTP_BENCH_SECONDS` (default 3), `HTTP_BENCH_ROUNDS` (default 3) and `HTTP_BENCH_CONNECTIONS`
 * (default 20) tune the runs.
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

async function startServer(
  variant: string,
): Promise<{ port: number; child: ChildProcess; output: () => string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'http', 'servers.ts'), variant],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
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

const ROUNDS = Number(process.env.HTTP_BENCH_ROUNDS ?? 3);

/**
 * Start every variant of a group, then measure them in alternating rounds (A, B, C, A, B, C...)
 * and keep each one's median: load from other processes on the machine then falls on all
 * variants alike instead of on whichever ran at a bad moment.
 */
async function measureGroup(variants: readonly string[], path: string): Promise<Run[]> {
  const servers = [];
  for (const variant of variants) servers.push({ variant, ...(await startServer(variant)) });
  const samples = new Map<string, { rps: number; p50: number; p99: number }[]>();
  try {
    for (const s of servers) {
      // Warm up (JIT, series creation) before measuring.
      await autocannon({
        url: `http://127.0.0.1:${s.port}${path}`,
        connections: CONNECTIONS,
        duration: 1,
      });
    }
    for (let round = 0; round < ROUNDS; round++) {
      for (const s of servers) {
        const result = await autocannon({
          url: `http://127.0.0.1:${s.port}${path}`,
          connections: CONNECTIONS,
          duration: SECONDS,
        });
        if (result.non2xx > 0 || result.errors > 0) {
          throw new Error(
            `${s.variant}: ${result.non2xx} non-2xx responses, ${result.errors} errors`,
          );
        }
        const list = samples.get(s.variant) ?? [];
        list.push({
          rps: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
        });
        samples.set(s.variant, list);
      }
    }
  } finally {
    for (const s of servers) {
      const exited = new Promise<void>((resolve) => s.child.once('exit', () => resolve()));
      s.child.kill('SIGTERM');
      await exited;
    }
  }
  return servers.map((s) => {
    const list = samples.get(s.variant)!;
    return {
      variant: s.variant,
      rps: median(list.map((x) => x.rps)),
      p50: median(list.map((x) => x.p50)),
      p99: median(list.map((x) => x.p99)),
      spans: /SPANS (\d+)/.exec(s.output())?.[1] ?? '-',
    };
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function report(
  title: string,
  runs: Run[],
  baseline: string,
  checks: [string, string, number, string][],
): boolean {
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
    console.log(
      `  ${pass ? 'PASS' : 'FAIL'} ${label}: ${a} / ${b} = ${ratio.toFixed(2)} (target >= ${minRatio})`,
    );
  }
  return ok;
}

export default async function httpBench(): Promise<void> {
  console.log(
    `\nHTTP middleware (autocannon, ${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${SECONDS}s per server; medians)`,
  );
  const node = await measureGroup(['node', 'node+lexigram', 'node+otel'], '/hello/world');
  const fastify = await measureGroup(['fastify', 'fastify+lexigram'], '/hello/world');
  const express = await measureGroup(
    ['express', 'express+lexigram', 'express+prom-bundle'],
    '/hello/world',
  );
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

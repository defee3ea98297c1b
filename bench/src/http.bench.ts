/**
 * HTTP middleware overhead, measured with autocannon against real servers in one run: bare
 * node:http vs the same server wrapped by `instrumentNodeHttp` (tracing + metrics on) vs
 * OpenTelemetry's instrumentation-http + SDK; Fastify bare vs `instrumentFastify`; Express with
 * `instrumentExpress` vs express-prom-bundle. Each server runs in its own process; the load
 * generator shares the machine, so compare the ratios printed, not absolute numbers.
 *
 * `HTTP_BENCH_SECONDS` (default 3), `HTTP_BENCH_ROUNDS` (default 3) and `HTTP_BENCH_CONNECTIONS`
 * (default 20) tune the runs. Besides requests per second it prints each server's CPU time per
 * request, read from /proc: at saturation throughput is its inverse, and it carries less of the
 * load generator's noise (the load generator shares this machine).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

const SECONDS = Number(process.env.HTTP_BENCH_SECONDS ?? 3);
const CPUS = availableParallelism();

/**
 * Where a machine has two or more CPUs (and `taskset`), the servers run on the last CPU and the
 * load generator (this process) on the first, so they do not take turns on the same one;
 * `HTTP_BENCH_PIN=0` turns it off.
 */
const PIN =
  process.env.HTTP_BENCH_PIN !== '0' && CPUS >= 2 && hasTaskset()
    ? { server: CPUS - 1, load: 0 }
    : undefined;

function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const CONNECTIONS = Number(process.env.HTTP_BENCH_CONNECTIONS ?? 20);

interface Run {
  readonly variant: string;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  /** The server process' CPU time (user + system) per request, in µs; NaN where unreadable. */
  readonly cpuUs: number;
  readonly spans: string;
}

/** Clock ticks per second of /proc/<pid>/stat's CPU times. */
const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/**
 * CPU seconds (user + system) a process has used so far, from /proc (Linux); NaN elsewhere.
 * Read from outside, so the server runs no measuring code of its own.
 */
function cpuSeconds(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return Number.NaN;
  }
}

async function startServer(
  variant: string,
): Promise<{ port: number; child: ChildProcess; output: () => string }> {
  const args = ['--import', 'tsx', join(import.meta.dirname, 'http', 'servers.ts'), variant];
  const child = spawn(
    PIN ? 'taskset' : process.execPath,
    PIN ? ['-c', String(PIN.server), process.execPath, ...args] : args,
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
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
  const samples = new Map<string, { rps: number; p50: number; p99: number; cpuUs: number }[]>();
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
        const cpuBefore = cpuSeconds(s.child.pid);
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
          cpuUs: ((cpuSeconds(s.child.pid) - cpuBefore) * 1e6) / result.requests.total,
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
      cpuUs: median(list.map((x) => x.cpuUs)),
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
  console.log(
    'variant                 req/s    vs base   p50 ms  +p50   p99 ms  +p99  cpu µs/req  +cpu   spans',
  );
  for (const r of runs) {
    console.log(
      `${r.variant.padEnd(22)} ${r.rps.toFixed(0).padStart(7)} ${((r.rps / base.rps) * 100).toFixed(1).padStart(8)}% ` +
        `${r.p50.toFixed(2).padStart(7)} ${(r.p50 - base.p50).toFixed(2).padStart(5)} ` +
        `${r.p99.toFixed(2).padStart(7)} ${(r.p99 - base.p99).toFixed(2).padStart(5)} ` +
        `${r.cpuUs.toFixed(1).padStart(11)} ${(r.cpuUs - base.cpuUs).toFixed(1).padStart(5)}   ${r.spans}`,
    );
  }
  let ok = true;
  for (const [a, b, minRatio, label] of checks) {
    const ra = runs.find((r) => r.variant === a)!;
    const rb = runs.find((r) => r.variant === b)!;
    const ratio = ra.rps / rb.rps;
    const pass = ratio >= minRatio;
    ok &&= pass;
    // At saturation a server's requests per second is one over its CPU per request: the CPU
    // ratio says the same as the rps ratio with less of the load generator's noise in it.
    const cpuRatio = rb.cpuUs / ra.cpuUs;
    console.log(
      `  ${pass ? 'PASS' : 'FAIL'} ${label}: ${a} / ${b} = ${ratio.toFixed(2)} (target >= ${minRatio}); by CPU per request ${Number.isNaN(cpuRatio) ? 'n/a' : cpuRatio.toFixed(2)}`,
    );
  }
  return ok;
}

export default async function httpBench(): Promise<void> {
  if (PIN) execFileSync('taskset', ['-a', '-cp', String(PIN.load), String(process.pid)]);
  try {
    await runGroups();
  } finally {
    if (PIN) execFileSync('taskset', ['-a', '-cp', `0-${CPUS - 1}`, String(process.pid)]);
  }
}

async function runGroups(): Promise<void> {
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

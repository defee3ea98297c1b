/**
 * Finds (and, as root with apt, installs) Prometheus, promtool and the Pushgateway, and starts
 * them on free loopback ports with temporary directories. A suite that needs them skips with a
 * clear message only when they cannot be installed and `CI` is not `true`.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  accessSync,
  closeSync,
  constants,
  mkdtempSync,
  openSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

const EXTRA_DIRS = ['/usr/bin', '/usr/sbin', '/usr/local/bin', '/bin', '/sbin'];

/** The full path of `name` on PATH (or a usual system dir), if any. */
export function findBinary(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), ...EXTRA_DIRS];
  for (const dir of dirs) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Paths of the three tools, or why they are not available. */
export type PrometheusTools =
  | { ok: true; prometheus: string; promtool: string; pushgateway: string }
  | { ok: false; reason: string };

const INSTALL_HINT =
  'install them with: apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends prometheus prometheus-pushgateway';

function lookup(): PrometheusTools | undefined {
  const prometheus = findBinary('prometheus');
  const promtool = findBinary('promtool');
  const pushgateway = findBinary('prometheus-pushgateway') ?? findBinary('pushgateway');
  if (prometheus && promtool && pushgateway) return { ok: true, prometheus, promtool, pushgateway };
  return undefined;
}

let cached: PrometheusTools | undefined;

/** Install with apt-get; undefined on success, else why it failed. */
function aptInstall(): string | undefined {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const wait = ['-o', 'DPkg::Lock::Timeout=300'];
  try {
    execFileSync('apt-get', [...wait, 'update'], { stdio: 'ignore', env, timeout: 300_000 });
    execFileSync(
      'apt-get',
      [...wait, 'install', '-y', '--no-install-recommends', 'prometheus', 'prometheus-pushgateway'],
      { stdio: 'ignore', env, timeout: 300_000 },
    );
    return undefined;
  } catch (error) {
    return `apt-get install of prometheus and prometheus-pushgateway failed (${String(error)}); ${INSTALL_HINT}`;
  }
}

/** An exclusive lock file shared by the test workers of this machine; returns its release. */
function acquireInstallLock(): () => void {
  const path = join(tmpdir(), 'lexigram-prometheus-install.lock');
  const until = Date.now() + 600_000;
  for (;;) {
    try {
      const fd = openSync(path, 'wx');
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch {
      // Held by another worker; a lock older than 10 minutes is left over from a killed run.
      try {
        if (Date.now() - statSync(path).mtimeMs > 600_000) rmSync(path, { force: true });
      } catch {
        // gone meanwhile
      }
      if (Date.now() > until) return () => undefined;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
}

/**
 * The tools, installed with apt-get when missing and running as root. Under `CI=true` a missing
 * tool throws instead of returning `ok: false`, so those suites never skip there.
 */
export function ensurePrometheusTools(): PrometheusTools {
  if (cached) return cached;
  let found = lookup();
  let reason = `prometheus, promtool or prometheus-pushgateway not found on PATH; ${INSTALL_HINT}`;
  if (!found && process.getuid?.() === 0 && findBinary('apt-get')) {
    // Test files run in parallel workers: one installs while the others wait, then look again.
    const release = acquireInstallLock();
    try {
      found = lookup();
      if (!found) reason = aptInstall() ?? reason;
    } finally {
      release();
    }
    found = lookup();
  }
  if (!found && process.env.CI === 'true') {
    throw new Error(`CI=true and the Prometheus tools are missing: ${reason}`);
  }
  cached = found ?? { ok: false, reason };
  return cached;
}

/** `describe`, or `describe.skip` with a message saying what did not run and why. */
export function describeWithPrometheus(
  title: string,
  body: (tools: Extract<PrometheusTools, { ok: true }>) => void,
): void {
  const tools = ensurePrometheusTools();
  if (tools.ok) {
    describe(title, () => body(tools));
  } else {
    console.warn(`Skipping "${title}": ${tools.reason}`);
    describe.skip(title, () => undefined);
  }
}

/** A free loopback TCP port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A running tool: its base URL and how to stop it. */
export interface RunningTool {
  readonly url: string;
  stop(): Promise<void>;
}

async function waitReady(url: string, child: ChildProcess, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${url}: process exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${url} was not ready within ${timeoutMs} ms`);
}

function stopper(child: ChildProcess, dir: string): () => Promise<void> {
  return async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
}

/** Wait until a started tool answers `/-/ready`; stop it (and clean `dir`) if it never does. */
async function ready(child: ChildProcess, dir: string, port: number): Promise<RunningTool> {
  const url = `http://127.0.0.1:${port}`;
  const stop = stopper(child, dir);
  try {
    await waitReady(`${url}/-/ready`, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}

/** One scrape job of {@link startPrometheus}. */
export interface ScrapeJob {
  readonly job: string;
  readonly target: string;
  readonly metricsPath?: string;
  readonly honorLabels?: boolean;
}

/** Start Prometheus scraping `jobs` every second; resolves once it is ready. */
export async function startPrometheus(
  binary: string,
  jobs: readonly ScrapeJob[],
  extraArgs: readonly string[] = [],
): Promise<RunningTool> {
  const dir = mkdtempSync(join(tmpdir(), 'lexigram-prometheus-'));
  const port = await freePort();
  const config = [
    'global:',
    '  scrape_interval: 1s',
    '  evaluation_interval: 1s',
    'scrape_configs:',
    ...jobs.flatMap((j) => [
      `  - job_name: ${j.job}`,
      `    metrics_path: ${j.metricsPath ?? '/metrics'}`,
      `    honor_labels: ${j.honorLabels ? 'true' : 'false'}`,
      '    static_configs:',
      `      - targets: ['${j.target}']`,
    ]),
  ].join('\n');
  writeFileSync(join(dir, 'prometheus.yml'), `${config}\n`);
  const child = spawn(
    binary,
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
      ...extraArgs,
    ],
    { stdio: 'ignore' },
  );
  return ready(child, dir, port);
}

/** Start a Pushgateway on a free loopback port. */
export async function startPushgateway(binary: string): Promise<RunningTool> {
  const dir = mkdtempSync(join(tmpdir(), 'lexigram-pushgateway-'));
  const port = await freePort();
  const child = spawn(binary, [`--web.listen-address=127.0.0.1:${port}`, '--log.level=warn'], {
    stdio: 'ignore',
  });
  return ready(child, dir, port);
}

/** One instant-vector sample from `/api/v1/query`. */
export interface QuerySample {
  readonly metric: Record<string, string>;
  readonly value: number;
}

/** Run an instant PromQL query. */
export async function queryPrometheus(url: string, promql: string): Promise<QuerySample[]> {
  const res = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(promql)}`);
  const body = (await res.json()) as {
    status: string;
    error?: string;
    data?: { result: { metric: Record<string, string>; value: [number, string] }[] };
  };
  if (body.status !== 'success') throw new Error(`query ${promql} failed: ${body.error}`);
  return body.data!.result.map((r) => ({ metric: r.metric, value: Number(r.value[1]) }));
}

/**
 * Poll `promql` until `accept` holds for its result; resolves with that result. Prometheus 2.42
 * applies scrape targets only ≈5 s after start, so the first poll rarely succeeds.
 */
export async function pollQuery(
  url: string,
  promql: string,
  accept: (samples: QuerySample[]) => boolean,
  timeoutMs = 30_000,
): Promise<QuerySample[]> {
  const until = Date.now() + timeoutMs;
  let last: QuerySample[] = [];
  while (Date.now() < until) {
    last = await queryPrometheus(url, promql);
    if (accept(last)) return last;
    await sleep(250);
  }
  throw new Error(
    `${promql} never matched within ${timeoutMs} ms; last result ${JSON.stringify(last)}`,
  );
}

/** Run `promtool check metrics` on `exposition`; its exit code and output. */
export function promtoolCheckMetrics(
  promtool: string,
  exposition: string,
): { status: number | null; output: string } {
  const result = spawnSync(promtool, ['check', 'metrics'], { input: exposition, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Wait `ms` (real time: we wait on an external process, not on our own code). */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

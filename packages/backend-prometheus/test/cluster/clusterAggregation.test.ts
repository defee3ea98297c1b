/**
 * A real node:cluster app with two answering workers and one silent one (run in a child process) serves one /metrics whose totals
 * are the sums of what each worker recorded.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const PACKAGE_DIR = join(__dirname, '..', '..');
const APP = join(__dirname, 'fixtures', 'clusterApp.ts');

async function startApp(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--conditions=@lexigram/source', '--import', 'tsx', APP], {
    cwd: PACKAGE_DIR,
    env: process.env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const [line] = (await Promise.race([
    once(lines, 'line'),
    once(child, 'exit').then(([code]) => {
      throw new Error(`cluster app exited with ${String(code)}`);
    }),
  ])) as [string];
  lines.close();
  return { url: (JSON.parse(line) as { url: string }).url, child };
}

async function stopApp(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

function value(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('node:cluster aggregation', () => {
  let app: { url: string; child: ChildProcess } | undefined;
  beforeAll(async () => {
    app = await startApp();
  }, 60_000);
  afterAll(async () => {
    await stopApp(app?.child);
  });

  it('serves the sum of what each answering worker recorded from the primary', async () => {
    const text = await (await fetch(app!.url)).text();
    // Workers 1 and 2 answer: counter 10 + 20, histogram 1 + 2 observations, gauges by policy.
    expect(value(text, 'jobs_total{kind="a"}')).toBe(30);
    expect(value(text, 'job_duration_seconds_count')).toBe(3);
    expect(value(text, 'job_duration_seconds_sum')).toBe(1.25);
    expect(value(text, 'job_duration_seconds_bucket{le="0.25"}')).toBe(1);
    expect(value(text, 'job_duration_seconds_bucket{le="0.5"}')).toBe(3);
    expect(value(text, 'job_duration_seconds_bucket{le="+Inf"}')).toBe(3);
    expect(value(text, 'queue_depth')).toBe(9);
    expect(value(text, 'pool_min')).toBe(5);
    expect(value(text, 'pool_max')).toBe(10);
    const heap = text.split('\n').filter((l) => l.startsWith('heap_used{'));
    expect(heap.map((l) => Number(l.split(' ')[1])).sort((a, b) => a - b)).toEqual([100, 200]);
  });

  it('leaves out the worker that does not answer and marks it down, without failing the scrape', async () => {
    const res = await fetch(app!.url);
    expect(res.status).toBe(200);
    const text = await res.text();
    const up = text.split('\n').filter((l) => l.startsWith('lexigram_cluster_worker_up{'));
    expect(up.map((l) => Number(l.split(' ')[1])).sort()).toEqual([0, 1, 1]);
    expect(value(text, 'jobs_total{kind="a"}')).toBe(30);
  });
});

/**
 * A process whose last act is `shutdown()`: nothing else keeps its event loop alive (every
 * pipeline timer is unref()ed), so the final flush must hold the process open until the
 * collector has everything, retries included. The child runs this package's build.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { OtlpReceiver } from '../support/otlpReceiver.js';

const packageDir = join(__dirname, '..', '..');
const script = join(__dirname, '..', 'fixtures', 'finalFlushSender.cjs');

interface ChildOutcome {
  code: number;
  faults: string[];
  flushed: boolean;
}

function runChild(endpoint: string, spans: number): Promise<ChildOutcome> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [script, endpoint, String(spans)],
      { cwd: packageDir, timeout: 30_000 },
      (error, stdout, stderr) => {
        const line = stdout.trim().split('\n').pop() ?? '';
        try {
          resolve(JSON.parse(line) as ChildOutcome);
        } catch {
          reject(new Error(`child failed: ${error?.message ?? 'no output'}\n${stdout}\n${stderr}`));
        }
      },
    );
  });
}

function spanCount(receiver: OtlpReceiver): number {
  let n = 0;
  for (const r of receiver.accepted('traces'))
    for (const rs of r.body.resourceSpans) for (const ss of rs.scopeSpans) n += ss.spans.length;
  return n;
}

describe('the final flush of a process that only calls shutdown()', () => {
  const receiver = new OtlpReceiver();
  beforeAll(async () => {
    if (!existsSync(join(packageDir, 'dist', 'index.cjs')))
      throw new Error('@lexigram/monitor-backend-otel is not built: run `pnpm build` first');
    await receiver.start();
  });
  afterAll(() => receiver.stop());
  beforeEach(() => {
    receiver.requests.length = 0;
    receiver.clearFaults();
  });

  it('delivers every span and the counter before the process exits', async () => {
    const outcome = await runChild(receiver.endpoint, 1500);
    expect(outcome).toEqual({ code: 0, faults: [], flushed: true });
    expect(spanCount(receiver)).toBe(1500);
    const metrics = receiver.accepted('metrics');
    expect(metrics).toHaveLength(1);
    const metric = metrics[0]!.body.resourceMetrics[0].scopeMetrics[0].metrics[0];
    expect(metric.name).toBe('jobs_total');
    expect(metric.sum.dataPoints[0].asDouble).toBe(1500);
  });

  it('stays alive through a retry the collector asks for during the final flush', async () => {
    receiver.failNext(
      { kind: 'status', status: 503, retryAfter: '1' },
      { kind: 'status', status: 503, retryAfter: '1' },
    );
    const outcome = await runChild(receiver.endpoint, 10);
    expect(outcome).toEqual({ code: 0, faults: [], flushed: true });
    expect(spanCount(receiver)).toBe(10);
    expect(receiver.accepted('metrics')).toHaveLength(1);
    expect(receiver.requests.filter((r) => r.status === 503)).toHaveLength(2);
  });
});

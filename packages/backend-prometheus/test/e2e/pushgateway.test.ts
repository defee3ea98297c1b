/**
 * Pushes to a real Pushgateway 1.5 (started once for this file) and reads the groups back.
 */
import type { MonitorFault } from '@lexigram/monitor-core';
import { PrometheusBackend } from '../../src/backend/prometheusBackend.js';
import { PushgatewayClient } from '../../src/push/pushgatewayClient.js';
import {
  describeWithPrometheus,
  startPushgateway,
  sleep,
  type RunningTool,
} from '../support/prometheusTools.js';

interface GroupMetric {
  labels: Record<string, string>;
  [name: string]: unknown;
}

/** The groups the Pushgateway holds, from its JSON API. */
async function groups(url: string): Promise<GroupMetric[]> {
  const res = await fetch(`${url}/api/v1/metrics`);
  const body = (await res.json()) as { data: GroupMetric[] };
  return body.data;
}

async function pushedText(url: string): Promise<string> {
  return (await fetch(`${url}/metrics`)).text();
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await sleep(50);
  }
}

describeWithPrometheus('pushing to a real Pushgateway', (tools) => {
  let gateway: RunningTool;
  beforeAll(async () => {
    gateway = await startPushgateway(tools.pushgateway);
  }, 30_000);
  afterAll(async () => {
    await gateway?.stop();
  });

  const backend = (
    job: string,
    extra: Partial<ConstructorParameters<typeof PrometheusBackend>[0] & object> = {},
  ) =>
    new PrometheusBackend({
      serve: false,
      enableDefaultMetrics: false,
      env: false,
      pushgatewayUrl: gateway.url,
      pushIntervalMs: 0,
      push: { job, ...extra.push },
      ...extra,
    });

  it('pushes once for a batch job, with grouping labels, and deletes the group', async () => {
    const b = backend('batch', { push: { job: 'batch', groupingLabels: { instance: 'host/7' } } });
    b.recordMetric('batch.rows', 42, 'counter', { table: 'orders' });
    b.recordMetric('batch.duration_seconds', 1.5, 'gauge');
    await expect(b.pushMetrics()).resolves.toBe(true);
    const text = await pushedText(gateway.url);
    expect(text).toMatch(/batch_rows_total\{instance="host\/7",job="batch",table="orders"\} 42\n/);
    expect(text).toMatch(/batch_duration_seconds\{instance="host\/7",job="batch"\} 1.5\n/);
    const client = new PushgatewayClient({
      url: gateway.url,
      job: 'batch',
      groupingLabels: { instance: 'host/7' },
    });
    await expect(client.delete()).resolves.toBe(true);
    expect(await pushedText(gateway.url)).not.toContain('batch_rows_total');
  });

  it('replaces the group with PUT and merges families with POST', async () => {
    const put = backend('methods');
    put.recordMetric('first', 1, 'gauge');
    await put.pushMetrics();
    const other = backend('methods', { push: { job: 'methods', method: 'POST' } });
    other.recordMetric('second', 2, 'gauge');
    await other.pushMetrics();
    let text = await pushedText(gateway.url);
    expect(text).toMatch(/first\{instance="",job="methods"\} 1/);
    expect(text).toMatch(/second\{instance="",job="methods"\} 2/);
    const replacing = backend('methods');
    replacing.recordMetric('third', 3, 'gauge');
    await replacing.pushMetrics();
    text = await pushedText(gateway.url);
    expect(text).not.toMatch(/first\{instance="",job="methods"\}/);
    expect(text).toMatch(/third\{instance="",job="methods"\} 3/);
    await new PushgatewayClient({ url: gateway.url, job: 'methods' }).delete();
  });

  it('pushes periodically, pushes the last values at shutdown and can delete the group then', async () => {
    const b = backend('periodic', { pushIntervalMs: 50 });
    b.recordMetric('ticks', 1, 'counter');
    await b.initialize();
    await waitFor(async () =>
      /ticks_total\{instance="",job="periodic"\} 1\n/.test(await pushedText(gateway.url)),
    );
    b.recordMetric('ticks', 1, 'counter');
    await waitFor(async () =>
      /ticks_total\{instance="",job="periodic"\} 2\n/.test(await pushedText(gateway.url)),
    );
    b.recordMetric('ticks', 5, 'counter');
    await b.shutdown();
    expect(await pushedText(gateway.url)).toMatch(/ticks_total\{instance="",job="periodic"\} 7\n/);

    const d = backend('deleted', { push: { job: 'deleted', deleteOnShutdown: true } });
    d.recordMetric('gone', 1, 'gauge');
    await d.initialize();
    await d.pushMetrics();
    expect((await groups(gateway.url)).some((g) => g.labels.job === 'deleted')).toBe(true);
    await d.shutdown();
    expect((await groups(gateway.url)).some((g) => g.labels.job === 'deleted')).toBe(false);
  });

  it('reports a rejected push through the fault channel without retrying a 4xx', async () => {
    const faults: MonitorFault[] = [];
    const client = new PushgatewayClient({
      url: gateway.url,
      job: 'rejected',
      backoffMs: 1,
      onError: (f) => faults.push(f),
    });
    await expect(client.push('not a metric {\n')).resolves.toBe(false);
    expect(faults).toHaveLength(1);
    expect(faults[0]!.code).toBe('PUSHGATEWAY_FAILED');
    expect(faults[0]!.message).toMatch(/HTTP 400/);
  });
});

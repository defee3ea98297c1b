import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BackendNotAvailableError,
  HealthStatus,
  InMemoryMetricsBackend,
  MonitorConfigError,
  NOOP_METRICS_COLLECTOR,
  NOOP_TRACER,
  NoOpMetricsCollector,
  createMonitor,
  getObservability,
  resetObservability,
  type MonitorContribution,
  type MonitorFault,
} from '../../src/index.js';

afterEach(() => resetObservability());

const noDiscovery = { env: false as const, discover: false };

describe('createMonitor', () => {
  // Jest's resolver also searches the NODE_PATH pnpm's shims set (the whole workspace), so a
  // temporary directory here cannot show "nothing installed": the example app's tarball test
  // does. Here "nothing" is an empty contribution list.
  it('with nothing installed, every part is a no-op', async () => {
    {
      const monitor = await createMonitor({}, noDiscovery);
      expect(monitor.installed).toEqual({});
      expect(monitor.meter).toBe(NOOP_METRICS_COLLECTOR);
      expect(monitor.tracer).toBe(NOOP_TRACER);
      expect(monitor.backend).toBeInstanceOf(InMemoryMetricsBackend);
      expect((await monitor.health.runReadiness()).status).toBe(HealthStatus.Healthy);
      await monitor.start();
      const report = await monitor.shutdown();
      expect(report.steps.map((s) => [s.phase, s.name, s.outcome])).toEqual([
        ['close', 'restore default observability', 'done'],
        ['close', 'backend (final push)', 'done'],
      ]);
    }
  });

  it("discovers an installed package by its monitorContribution export, the app's copy first", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lexi-app-'));
    try {
      const pkg = join(dir, 'node_modules', '@lexigram', 'monitor-metrics');
      mkdirSync(pkg, { recursive: true });
      writeFileSync(
        join(pkg, 'package.json'),
        JSON.stringify({ name: '@lexigram/monitor-metrics', main: 'index.cjs' }),
      );
      // A stand-in collector: the real one lives in monitor-metrics, which core must not import.
      writeFileSync(
        join(pkg, 'index.cjs'),
        `exports.monitorContribution = { part: 'metrics', setup(a) { a.meter = { fake: true, collect: async () => [] }; a.provide('seen', a.config.name); } };`,
      );
      const monitor = await createMonitor({ name: 'shop' }, { env: false, paths: [dir] });
      expect(monitor.installed.metrics).toBe(true);
      expect(monitor.discovery.find((d) => d.part === 'metrics')?.found).toBe(true);
      expect(monitor.meter).toEqual(expect.objectContaining({ fake: true }));
      expect(monitor.get('seen')).toBe('shop');
      expect(getObservability().meter).toBe(monitor.meter);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a broken installed package as a fault and leaves its part a no-op', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lexi-broken-'));
    const faults: MonitorFault[] = [];
    try {
      const pkg = join(dir, 'node_modules', '@lexigram', 'monitor-tracing');
      mkdirSync(pkg, { recursive: true });
      writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'x', main: 'index.cjs' }));
      writeFileSync(join(pkg, 'index.cjs'), `exports.somethingElse = 1;`);
      const monitor = await createMonitor(
        {},
        { env: false, paths: [dir], onError: (f) => faults.push(f) },
      );
      expect(monitor.installed.tracing).toBe(false);
      expect(monitor.tracer).toBe(NOOP_TRACER);
      expect(faults.map((f) => f.code)).toEqual(['MONITOR_PART_LOAD_FAILED']);
      expect(faults[0]!.message).toContain('@lexigram/monitor-tracing');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs contributions in part order, each seeing what earlier parts made', async () => {
    const seen: string[] = [];
    const meter = new NoOpMetricsCollector();
    const tracing: MonitorContribution = {
      part: 'tracing',
      setup: (a) => void seen.push(`tracing saw meter=${a.meter === meter}`),
    };
    const metrics: MonitorContribution = {
      part: 'metrics',
      setup: (a) => {
        seen.push('metrics');
        a.meter = meter;
      },
    };
    const monitor = await createMonitor({}, { ...noDiscovery, contributions: [metrics, tracing] });
    // discover: false keeps the given order; with discovery the part order applies:
    expect(seen).toEqual(['metrics', 'tracing saw meter=true']);
    expect(monitor.installed).toEqual({ metrics: true, tracing: true });
  });

  it('validates config from object and environment, naming the field', async () => {
    await expect(createMonitor({ tracing: { sampleRate: 2 } }, noDiscovery)).rejects.toBeInstanceOf(
      MonitorConfigError,
    );
    await expect(
      createMonitor({}, { env: { LEX_MONITOR_TRACING__SAMPLE_RATE: '7' }, discover: false }),
    ).rejects.toThrow(/tracing\.sampleRate/);
  });

  it('asks for monitor-backend-otel when the otlp exporter is configured without it', async () => {
    await expect(createMonitor({ tracing: { exporter: 'otlp' } }, noDiscovery)).rejects.toThrow(
      /tracing\.exporter.*@lexigram\/monitor-backend-otel/s,
    );
  });

  it('names the backend package to install when backendType is not available', async () => {
    await expect(createMonitor({ backendType: 'statsd' }, noDiscovery)).rejects.toBeInstanceOf(
      BackendNotAvailableError,
    );
  });

  it('a contribution that throws in setup is reported and the rest still wire', async () => {
    const faults: MonitorFault[] = [];
    const monitor = await createMonitor(
      {},
      {
        ...noDiscovery,
        onError: (f) => faults.push(f),
        contributions: [
          { part: 'metrics', setup: () => Promise.reject(new Error('boom')) },
          { part: 'health', setup: (a) => void a.provide('ok', true) },
        ],
      },
    );
    expect(faults.map((f) => f.code)).toEqual(['MONITOR_PART_SETUP_FAILED']);
    expect(monitor.meter).toBe(NOOP_METRICS_COLLECTOR);
    expect(monitor.get('ok')).toBe(true);
  });

  it('enabled: false wires nothing, even with contributions given', async () => {
    const monitor = await createMonitor(
      { enabled: false },
      { ...noDiscovery, contributions: [{ part: 'metrics', setup: () => {} }] },
    );
    expect(monitor.installed).toEqual({});
    expect(monitor.meter).toBe(NOOP_METRICS_COLLECTOR);
  });

  it('sets the process default facade and restores the previous one at shutdown', async () => {
    const before = getObservability();
    const monitor = await createMonitor({}, noDiscovery);
    expect(getObservability()).toBe(monitor.observability);
    await monitor.shutdown();
    expect(getObservability()).toBe(before);
  });
});

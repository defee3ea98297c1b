import {
  HealthStatus,
  InMemoryMetricsBackend,
  MONITOR_TOKENS,
  MonitorModule,
  MonitorProvider,
  NOOP_METRICS_COLLECTOR,
  NOOP_TRACER,
  NoOpMetricsBackend,
  ObservabilityProvider,
  mapContainer,
  resetObservability,
  type MetricsApp,
  type MetricsCollectorProtocol,
  type MonitorContribution,
} from '../../src/index.js';

afterEach(() => resetObservability());

/** A collector that records what it was asked (core cannot import monitor-metrics). */
function recordingMeter() {
  const calls: unknown[][] = [];
  const gauge = { inc: (v: number) => calls.push(['gauge.inc', v]) };
  const meter = {
    increment: (...a: unknown[]) => calls.push(['increment', ...a]),
    recordHistogram: (...a: unknown[]) => calls.push(['recordHistogram', ...a]),
    createGauge: (...a: unknown[]) => (calls.push(['createGauge', ...a]), gauge),
    createCounter: (...a: unknown[]) => (calls.push(['createCounter', ...a]), {}),
    createHistogram: (...a: unknown[]) => (calls.push(['createHistogram', ...a]), {}),
    collect: () => Promise.resolve([]),
  } as unknown as MetricsCollectorProtocol;
  return { meter, calls };
}

describe('ObservabilityProvider', () => {
  it('binds no-ops for every contract', async () => {
    const map = new Map<string, unknown>();
    const provider = new ObservabilityProvider();
    await provider.register(mapContainer(map));
    expect(map.get(MONITOR_TOKENS.tracer)).toBe(NOOP_TRACER);
    expect(map.get(MONITOR_TOKENS.metricsCollector)).toBe(NOOP_METRICS_COLLECTOR);
    expect(map.get(MONITOR_TOKENS.metricsBackend)).toBeInstanceOf(NoOpMetricsBackend);
    await expect(provider.boot()).resolves.toBeUndefined();
    await expect(provider.shutdown()).resolves.toBeUndefined();
  });
});

describe('MonitorModule', () => {
  it('stub() wires no-ops and the no-op backend, and shuts down cleanly', async () => {
    const container = mapContainer();
    const module = MonitorModule.stub();
    await module.register(container);
    await module.boot();
    expect(container.resolve(MONITOR_TOKENS.tracer)).toBe(NOOP_TRACER);
    expect(container.resolve(MONITOR_TOKENS.metricsBackend)).toBeInstanceOf(NoOpMetricsBackend);
    expect((await module.monitorProvider.health()).status).toBe(HealthStatus.Healthy);
    const report = await module.shutdown();
    expect(report.steps.every((s) => s.outcome === 'done')).toBe(true);
    expect((await module.monitorProvider.health()).status).toBe(HealthStatus.Unhealthy);
  });

  it('configure() defaults the backend to the no-op one and uses a given backend otherwise', async () => {
    const options = { env: false as const, discover: false };
    const plain = MonitorModule.configure({ options });
    const c1 = mapContainer();
    await plain.register(c1);
    expect(c1.resolve(MONITOR_TOKENS.metricsBackend)).toBeInstanceOf(NoOpMetricsBackend);
    const backend = new InMemoryMetricsBackend();
    const given = MonitorModule.configure({ backend, config: { name: 'x' }, options });
    const c2 = mapContainer();
    await given.register(c2);
    expect(c2.resolve(MONITOR_TOKENS.metricsBackend)).toBe(backend);
    expect(given.monitorProvider.monitor.config.name).toBe('x');
  });
});

describe('MonitorProvider', () => {
  it('refuses to be used before register()', () => {
    expect(() => MonitorProvider.fromConfig().recordConnection(1)).toThrow(/register\(container\)/);
  });

  it('records requests, connections and creates instruments on the monitor collector', async () => {
    const { meter, calls } = recordingMeter();
    const metrics: MonitorContribution = { part: 'metrics', setup: (a) => void (a.meter = meter) };
    const provider = MonitorProvider.fromConfig(
      {},
      { env: false, discover: false, contributions: [metrics] },
    );
    const container = mapContainer();
    await provider.register(container);
    expect(container.resolve(MONITOR_TOKENS.metricsCollector)).toBe(meter);
    provider.recordRequest('GET', '/orders', 200, 0.25);
    provider.recordConnection(2);
    provider.createHistogram('job_seconds', 'Job time', { team: 'a' }, [0.1, 1]);
    expect(calls).toEqual([
      ['increment', 'http_requests_total', 1, { method: 'GET', path: '/orders', status: '200' }],
      [
        'recordHistogram',
        'http_request_duration_seconds',
        0.25,
        { method: 'GET', path: '/orders', status: '200' },
      ],
      ['createGauge', 'active_connections', 'Open connections'],
      ['gauge.inc', 2],
      ['createHistogram', 'job_seconds', 'Job time', { labels: { team: 'a' }, buckets: [0.1, 1] }],
    ]);
  });

  it('binds the services parts provide and the Prometheus app for the prometheus backend', async () => {
    const cleanup = jest.fn();
    const dispatcher = { sendAlert: jest.fn(), sendMetricAlert: jest.fn() };
    const health: MonitorContribution = {
      part: 'health',
      setup: (a) => {
        a.provide('healthCheckerRegistry', { cleanup });
        a.onShutdown('cleanup', 'close', cleanup);
      },
    };
    const exposition = {
      initialize: () => Promise.resolve(),
      shutdown: () => Promise.resolve(),
      recordMetric: () => {},
      contentType: () => 'text/plain; version=0.0.4',
      render: () => 'up 1\n',
    };
    const provider = MonitorProvider.fromConfig(
      { backendType: 'prometheus' },
      {
        env: false,
        discover: false,
        contributions: [health],
        backend: exposition,
        alertDispatchers: [dispatcher],
      },
    );
    const container = mapContainer();
    await provider.register(container);
    expect(container.resolve(MONITOR_TOKENS.alertDispatcher)).toBe(dispatcher);
    expect(container.resolve(MONITOR_TOKENS.healthCheckerRegistry)).toEqual({ cleanup });
    const app = container.resolve<MetricsApp>('prometheus_metrics_app')!;
    const res = { statusCode: 0, headers: {} as Record<string, string>, body: '' };
    await app(
      { headers: {} },
      {
        set statusCode(v: number) {
          res.statusCode = v;
        },
        setHeader: (k: string, v: string) => (res.headers[k] = v),
        end: (b: string) => (res.body = b),
      },
    );
    expect(res).toEqual({
      statusCode: 200,
      headers: { 'content-type': 'text/plain; version=0.0.4' },
      body: 'up 1\n',
    });
    await provider.boot();
    await provider.shutdown();
    expect(cleanup).toHaveBeenCalledTimes(1);
  });
});

import {
  BackendNotAvailableError,
  type ObservabilityService,
  createLogger,
  createMetricsBackend,
  getObservability,
  loadConfig,
  monitorHooks,
  validateConfig,
} from '@lexigram/monitor-core';

/** What core gives with nothing else installed. */
export default {
  title: 'core: config, logging, no-op facade, backend discovery',
  async run(): Promise<void> {
    const config = loadConfig({ name: 'demo', tracing: { serviceName: 'demo-service' } });
    console.log(
      `config: backend=${config.backendType} service=${config.tracing.serviceName} sampler=${config.tracing.samplerType}`,
    );

    const issues = validateConfig(
      { ...config, debug: true, backendType: 'prometheus' },
      'production',
    );
    for (const issue of issues)
      console.log(`validate(production): ${issue.severity} ${issue.path}: ${issue.message}`);

    const log = createLogger({ config: { ...config.logging, format: 'text' } });
    log.info({ user: { name: 'ann', password: 'hunter2' } }, 'structured log with redaction');

    const obs: ObservabilityService = getObservability();
    const result = await obs.span('demo.work', { step: 1 }, async () => {
      obs.counter('demo_runs_total').increment();
      return obs.timer('demo_work_ms', () => 21 * 2);
    });
    console.log(
      `no-op facade: span and metrics run harmlessly, result=${result}, tracing=${obs.tracingEnabled}`,
    );

    const off = monitorHooks.alertFired.subscribe((a) =>
      console.log(`hook: alert ${a.alertName} (${a.severity})`),
    );
    monitorHooks.alertFired.emit({ alertName: 'demo-alert', severity: 'low' });
    off();

    const memory = await createMetricsBackend({ backendType: 'memory' });
    memory.recordMetric('demo_hits', 3, 'counter', { route: '/' });
    console.log(`memory backend: ${memory.constructor.name}`);
    // The demo installs @lexigram/monitor-backend-prometheus, so discovery finds it; a backend
    // type no installed package provides is a BackendNotAvailableError saying what to do.
    const prometheus = await createMetricsBackend({ backendType: 'prometheus' });
    console.log(`discovery: prometheus -> ${prometheus.constructor.name}`);
    try {
      await createMetricsBackend({ backendType: 'datadog' });
    } catch (error) {
      if (error instanceof BackendNotAvailableError) console.log(`discovery: ${error.message}`);
      else throw error;
    }
    // Give the logger's stream a turn to flush before the next section prints.
    await new Promise((resolve) => setImmediate(resolve));
  },
};

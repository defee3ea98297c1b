import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMetricsBackend } from '@lexigram/monitor-core';
import { PrometheusBackend } from '../../src/backend/prometheusBackend.js';
import {
  monitorBackends,
  prometheusBackendHandler,
} from '../../src/handler/prometheusBackendHandler.js';

const SRC_INDEX = join(__dirname, '..', '..', 'src', 'index.ts');

describe('the prometheus backend handler', () => {
  it('handles type prometheus and builds a backend from the prometheus config section', () => {
    expect(monitorBackends).toEqual([prometheusBackendHandler]);
    expect(prometheusBackendHandler.canHandle('prometheus')).toBe(true);
    expect(prometheusBackendHandler.canHandle('opentelemetry')).toBe(false);
    const backend = prometheusBackendHandler.create({
      type: 'prometheus',
      config: {
        backendType: 'prometheus',
        prometheus: { port: 9100, path: '/m' },
      } as never,
    });
    expect(backend).toBeInstanceOf(PrometheusBackend);
    expect((backend as PrometheusBackend).settings).toMatchObject({ port: 9100, path: '/m' });
  });

  it('is found by createMetricsBackend when the package is installed in the app', async () => {
    const app = mkdtempSync(join(tmpdir(), 'lexigram-prom-discover-'));
    try {
      const pkg = join(app, 'node_modules', '@lexigram', 'monitor-backend-prometheus');
      mkdirSync(pkg, { recursive: true });
      writeFileSync(
        join(pkg, 'package.json'),
        JSON.stringify({ name: '@lexigram/monitor-backend-prometheus', main: 'index.js' }),
      );
      // The installed entry points at this package's sources so jest transforms them.
      writeFileSync(
        join(pkg, 'index.js'),
        `module.exports = require(${JSON.stringify(SRC_INDEX)});`,
      );
      const backend = await createMetricsBackend(
        { backendType: 'prometheus', prometheus: { port: 0, enableDefaultMetrics: false } },
        { paths: [app] },
      );
      expect(backend.constructor.name).toBe('PrometheusBackend');
      await backend.initialize();
      backend.recordMetric('found', 1, 'gauge');
      const url = (backend as PrometheusBackend).url!;
      expect(await (await fetch(url)).text()).toContain('found 1\n');
      await backend.shutdown();
    } finally {
      rmSync(app, { recursive: true, force: true });
    }
  });
});

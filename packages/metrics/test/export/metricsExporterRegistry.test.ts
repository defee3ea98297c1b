import { MonitorConfigError } from '@lexigram/monitor-core';
import { ConsoleMetricsExporter } from '../../src/export/consoleMetricsExporter.js';
import { ConsoleMetricsExporterHandler } from '../../src/export/consoleMetricsExporterHandler.js';
import type { MetricsExporter } from '../../src/export/metricsExporter.js';
import { MetricsExporterRegistry } from '../../src/export/metricsExporterRegistry.js';
import { lookUpMissingExporter } from '@lexigram/test-support';

describe('MetricsExporterRegistry', () => {
  it('withDefaults knows "console" and, without discovery, nothing else', () => {
    const registry = MetricsExporterRegistry.withDefaults({ discover: false });
    expect(registry).toBeInstanceOf(MetricsExporterRegistry);
    expect(registry.canHandle('console')).toBe(true);
    expect(registry.createExporter({ type: 'console' })).toBeInstanceOf(ConsoleMetricsExporter);
    expect(registry.createExporter({ type: 'otlp' })).toBeNull();
  });

  it('looks a type it lacks up as a metrics exporter package of the application', () => {
    const { created, faults } = lookUpMissingExporter((options) =>
      MetricsExporterRegistry.withDefaults(options),
    );
    expect(created).toBeNull();
    expect(faults).toMatchObject([
      { code: 'EXPORTER_NOT_INSTALLED', component: 'core.metricsExporterRegistry' },
    ]);
  });

  it('a registered handler is asked first and can override console', () => {
    const custom: MetricsExporter = { export: () => undefined, shutdown: () => undefined };
    const registry = MetricsExporterRegistry.withDefaults().register({
      canHandle: (t) => t === 'console' || t === 'custom',
      create: () => custom,
    });
    expect(registry.createExporter({ type: 'console' })).toBe(custom);
    expect(registry.createExporter({ type: 'custom' })).toBe(custom);
    expect(registry.list()).toHaveLength(2);
  });
});

describe('ConsoleMetricsExporterHandler', () => {
  const handler = new ConsoleMetricsExporterHandler();

  it('handles exactly "console"', () => {
    expect(handler.canHandle('console')).toBe(true);
    expect(handler.canHandle('Console')).toBe(false);
    expect(handler.canHandle('otlp')).toBe(false);
  });

  it('passes format and stream through, validating them', () => {
    const chunks: string[] = [];
    const exporter = handler.create({
      type: 'console',
      format: 'json',
      stream: { write: (s: string) => chunks.push(s) },
    });
    void exporter.export([{ name: 'x', help: '', unit: '', type: 'gauge', series: [] }]);
    expect(chunks.join('')).toContain('"name":"x"');
    expect(() => handler.create({ type: 'console', format: 'xml' })).toThrow(MonitorConfigError);
    expect(() => handler.create({ type: 'console', stream: 5 })).toThrow(/write\(string\)/);
  });
});

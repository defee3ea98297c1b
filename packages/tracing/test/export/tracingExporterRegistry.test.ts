import { HandlerRegistry, type SpanExporter } from '@lexigram/monitor-core';
import { ConsoleSpanExporter } from '../../src/export/consoleSpanExporter.js';
import { InMemorySpanExporter } from '../../src/export/inMemorySpanExporter.js';
import {
  ConsoleTracingExporterHandler,
  TracingExporterRegistry,
  type TracingExporterHandler,
} from '../../src/export/tracingExporterRegistry.js';
import { lookUpMissingExporter } from '@lexigram/test-support';

describe('TracingExporterRegistry', () => {
  it('starts empty and, with defaults, creates console and memory exporters', () => {
    expect(new TracingExporterRegistry().list()).toEqual([]);
    const registry = TracingExporterRegistry.withDefaults();
    expect(registry).toBeInstanceOf(HandlerRegistry);
    expect(registry.createExporter({ type: 'console' })).toBeInstanceOf(ConsoleSpanExporter);
    expect(registry.createExporter({ type: 'memory', maxSpans: 5 })).toBeInstanceOf(
      InMemorySpanExporter,
    );
    expect(
      TracingExporterRegistry.withDefaults({ discover: false }).createExporter({ type: 'otlp' }),
    ).toBeNull();
  });

  it('looks a type it lacks up as a tracing exporter package of the application', () => {
    const { created, faults } = lookUpMissingExporter((options) =>
      TracingExporterRegistry.withDefaults(options),
    );
    expect(created).toBeNull();
    expect(faults).toMatchObject([
      { code: 'EXPORTER_NOT_INSTALLED', component: 'core.tracingExporterRegistry' },
    ]);
  });

  it('passes config options to the console exporter', () => {
    const lines: string[] = [];
    const exporter = TracingExporterRegistry.withDefaults().createExporter({
      type: 'console',
      format: 'text',
      write: (line: string) => lines.push(line),
    })!;
    expect(exporter).toBeInstanceOf(ConsoleSpanExporter);
    expect(new ConsoleTracingExporterHandler().canHandle('console')).toBe(true);
    expect(new ConsoleTracingExporterHandler().canHandle('otlp')).toBe(false);
  });

  it('asks a handler registered later first', () => {
    const custom: SpanExporter = { export() {} };
    const handler: TracingExporterHandler = {
      canHandle: (type) => type === 'console',
      create: () => custom,
    };
    const registry = TracingExporterRegistry.withDefaults().register(handler);
    expect(registry.createExporter({ type: 'console' })).toBe(custom);
  });
});

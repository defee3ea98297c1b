import type { MonitorContribution, SpanExporter } from '@lexigram/monitor-core';
import { ConsoleSpanExporter } from './export/consoleSpanExporter.js';
import { InMemorySpanExporter } from './export/inMemorySpanExporter.js';
import { Tracer } from './tracer/tracer.js';

/**
 * What this package adds to `createMonitor`: the tracer, sending spans to the exporter
 * `tracing.exporter` names (`memory` is readable back as the `spanExporter` service).
 */
export const monitorContribution: MonitorContribution = {
  part: 'tracing',
  setup(assembly) {
    const config = assembly.config.tracing;
    if (!config.enabled) return;
    let exporter: SpanExporter | undefined;
    if (config.exporter === 'console') exporter = new ConsoleSpanExporter();
    else if (config.exporter === 'memory') exporter = new InMemorySpanExporter();
    else if (config.exporter === 'otlp') exporter = assembly.spanExporter;
    const tracer = new Tracer({ config, ...(exporter ? { exporter } : {}) });
    assembly.tracer = tracer;
    assembly.provide('tracer', tracer);
    if (exporter) assembly.provide('spanExporter', exporter);
  },
};

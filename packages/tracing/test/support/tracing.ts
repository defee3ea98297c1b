import type { TracingConfig } from '@lexigram/monitor-core';
import { InMemorySpanExporter } from '../../src/export/inMemorySpanExporter.js';
import type { Span } from '../../src/span/span.js';
import { Tracer } from '../../src/tracer/tracer.js';
import type { TracerOptions } from '../../src/tracer/tracerOptions.js';

/** A tracer exporting each span on end into memory. */
export function memoryTracer(
  config: Partial<TracingConfig> = {},
  options: Omit<TracerOptions, 'config' | 'exporter' | 'processor'> = {},
): { tracer: Tracer; exporter: InMemorySpanExporter } {
  const exporter = new InMemorySpanExporter();
  const tracer = new Tracer({
    serviceName: 'test-service',
    trackLeaks: false,
    ...options,
    config,
    exporter,
    processor: 'simple',
  });
  return { tracer, exporter };
}

/** Start a recording span (the default sampler samples everything). */
export function recordingSpan(tracer: Tracer, name = 'op'): Span {
  return tracer.startSpan(name) as Span;
}

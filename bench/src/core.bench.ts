/**
 * Core's no-op facade against the OpenTelemetry API's no-op tracer: what instrumented code costs
 * when nothing is configured.
 */
import { trace } from '@opentelemetry/api';
import { NOOP_METRICS_COLLECTOR, NOOP_TRACER, ObservabilityService } from '@lexigram/monitor-core';
import { metrics } from '@opentelemetry/api';
import { compare } from './support/compare.js';

export default async function run(): Promise<void> {
  const otelTracer = trace.getTracer('bench');
  const otelCounter = metrics.getMeter('bench').createCounter('c');
  const obs = new ObservabilityService();
  const counter = NOOP_METRICS_COLLECTOR.createCounter('c');
  await compare('core: no-op paths (nothing configured)', [
    {
      name: 'no-op span start + attribute + end',
      ours: () => {
        const s = NOOP_TRACER.startSpan('x');
        s.setAttribute('a', 1);
        s.end();
      },
      peer: () => {
        const s = otelTracer.startSpan('x');
        s.setAttribute('a', 1);
        s.end();
      },
      peerName: '@opentelemetry/api no-op',
    },
    {
      name: 'no-op counter add',
      ours: () => counter.inc(1),
      peer: () => otelCounter.add(1),
      peerName: '@opentelemetry/api no-op',
    },
    {
      name: 'facade span(fn) on no-ops',
      ours: () => obs.span('x', () => 1),
      peer: () => otelTracer.startActiveSpan('x', (s) => (s.end(), 1)),
      peerName: '@opentelemetry/api no-op',
    },
  ]);
}

/**
 * Peer set-ups for the metrics benches: prom-client registries and an OpenTelemetry meter with a
 * pull reader (cardinality limit lifted so 10k series really exist).
 */
import { MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import client from 'prom-client';

/** A MetricReader that only collects on demand. */
class PullReader extends MetricReader {
  constructor() {
    super({ cardinalitySelector: () => 1_000_000 });
  }
  protected onShutdown(): Promise<void> {
    return Promise.resolve();
  }
  protected onForceFlush(): Promise<void> {
    return Promise.resolve();
  }
}

/** A fresh OpenTelemetry meter and the reader that collects it. */
export function otelMeter(): {
  meter: ReturnType<MeterProvider['getMeter']>;
  reader: MetricReader;
} {
  const reader = new PullReader();
  const provider = new MeterProvider({ readers: [reader] });
  return { meter: provider.getMeter('bench'), reader };
}

/** A fresh prom-client registry. */
export function promRegistry(): client.Registry {
  return new client.Registry();
}

export { client };

/**
 * Bytes retained per item after `build(n)` (heap and external, which includes array buffers;
 * needs --expose-gc):
 * the median of three runs, since a single GC-sensitive reading is noisy.
 */
export function retainedBytesPer(n: number, build: (n: number) => unknown): number {
  const runs = [once(n, build), once(n, build), once(n, build)].sort((a, b) => a - b);
  return runs[1]!;
}

function once(n: number, build: (n: number) => unknown): number {
  const g = (globalThis as { gc?: () => void }).gc;
  const used = (): number => {
    g?.();
    g?.();
    const m = process.memoryUsage();
    return m.heapUsed + m.external;
  };
  const before = used();
  const keep = build(n);
  const after = used();
  if (keep === Symbol.for('never')) console.log(keep);
  return (after - before) / n;
}

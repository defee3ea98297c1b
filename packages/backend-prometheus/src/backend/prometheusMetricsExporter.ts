import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Labels, MonitorFaultHandler } from '@lexigram/monitor-core';
import { Registry } from 'prom-client';
import { metricsRequestListener } from '../exposition/metricsRequestListener.js';
import { PrometheusExposition } from '../exposition/prometheusExposition.js';
import { PromClientRecorder } from './promClientRecorder.js';
import { PromClientSource } from './promClientSource.js';

/**
 * The reference's adapter over prom-client: `increment`, `setGauge` and `observe` by name with
 * `tags`, the label schema of each name locked on first use (an omitted key records `''`), and
 * `metricsApp`, a `node:http` listener serving the registry. Recording is synchronous and cheap
 * in Node, so nothing is offloaded.
 *
 * @example
 * ```ts
 * const exporter = new PrometheusMetricsExporter();
 * exporter.increment('orders.created', 1, { channel: 'web' });
 * http.createServer(exporter.metricsApp).listen(9464);
 * ```
 */
export class PrometheusMetricsExporter {
  /** The prom-client registry written to (a fresh, isolated one unless given). */
  readonly registry: Registry;
  private readonly recorder: PromClientRecorder;
  private readonly exposition: PrometheusExposition;
  private listener: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;

  constructor(registry?: Registry, options: { onError?: MonitorFaultHandler } = {}) {
    this.registry = registry ?? new Registry();
    this.recorder = new PromClientRecorder(this.registry, options);
    this.exposition = new PrometheusExposition({
      sources: [new PromClientSource(this.registry)],
      onError: options.onError,
    });
  }

  /** Increment the counter `name` by `value` (default 1). */
  increment(name: string, value = 1, tags?: Labels): void {
    this.recorder.record(name, value, 'counter', tags);
  }

  /** Set the gauge `name` to `value`. */
  setGauge(name: string, value: number, tags?: Labels): void {
    this.recorder.record(name, value, 'gauge', tags);
  }

  /** Observe `value` on the histogram `name`. */
  observe(name: string, value: number, tags?: Labels): void {
    this.recorder.record(name, value, 'histogram', tags);
  }

  /** No-op: Prometheus pulls. */
  async flush(): Promise<void> {}

  /**
   * A `node:http` request listener serving the registry at any path (mount it where you like),
   * in text 0.0.4 or OpenMetrics by `Accept`.
   */
  get metricsApp(): (req: IncomingMessage, res: ServerResponse) => void {
    this.listener ??= (req, res) => {
      const serve = metricsRequestListener(this.exposition, pathOf(req.url));
      serve(req, res);
    };
    return this.listener;
  }
}

function pathOf(url: string | undefined): string {
  const u = url ?? '/';
  const q = u.indexOf('?');
  return q < 0 ? u : u.slice(0, q);
}

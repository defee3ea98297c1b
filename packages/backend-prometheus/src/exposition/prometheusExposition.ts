import type {
  MetricFamily,
  MetricsExpositionProtocol,
  MonitorFaultHandler,
} from '@lexigram/monitor-core';
import { reportFault } from '@lexigram/monitor-core/internal';
import {
  OPENMETRICS_CONTENT_TYPE,
  PROMETHEUS_TEXT_CONTENT_TYPE,
  prefersOpenMetrics,
} from './contentNegotiation.js';
import { exposedFamilyName, renderFamily } from './renderFamily.js';

/** Anything that snapshots metrics: a metrics-package `MetricsCollector`, a registry adapter. */
export interface MetricFamilySource {
  /** Snapshot every metric. */
  collect(): Promise<readonly MetricFamily[]> | readonly MetricFamily[];
}

/** Options of {@link PrometheusExposition}. */
export interface PrometheusExpositionOptions {
  /** Sources served, in order. More can be added with `addSource`. */
  sources?: readonly MetricFamilySource[];
  /** Write histogram exemplars in OpenMetrics responses (default false). */
  exemplars?: boolean;
  /** Size of the chunks `stream()` yields, in characters (default 65536; a chunk stays under 1.25 × this plus one series). */
  chunkSize?: number;
  /** Receives faults: a source whose collect failed, two families exposed under one name. */
  onError?: MonitorFaultHandler;
}

const DEFAULT_CHUNK_SIZE = 65_536;

/**
 * Renders core `MetricFamily` snapshots from any number of sources as the Prometheus text format
 * 0.0.4 or OpenMetrics 1.0, chosen by the request's `Accept` header (core's
 * `MetricsExpositionProtocol`). Dotted names become Prometheus names, counters get `_total`,
 * units become suffixes. `stream()` yields bounded chunks so a scrape of many series never
 * builds one huge string.
 *
 * @example
 * ```ts
 * const exposition = new PrometheusExposition({ sources: [collector] });
 * res.setHeader('Content-Type', exposition.contentType(req.headers.accept));
 * res.end(await exposition.render(req.headers.accept));
 * ```
 */
export class PrometheusExposition implements MetricsExpositionProtocol {
  private readonly sources: MetricFamilySource[];
  private readonly exemplars: boolean;
  private readonly chunkSize: number;
  private readonly onError: MonitorFaultHandler | undefined;

  constructor(options: PrometheusExpositionOptions = {}) {
    this.sources = [...(options.sources ?? [])];
    this.exemplars = options.exemplars ?? false;
    this.chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
    this.onError = options.onError;
  }

  /** Serve `source`'s metrics too (after the ones added before). */
  addSource(source: MetricFamilySource): this {
    this.sources.push(source);
    return this;
  }

  /** Stop serving `source`; true when it was served. */
  removeSource(source: MetricFamilySource): boolean {
    const i = this.sources.indexOf(source);
    if (i < 0) return false;
    this.sources.splice(i, 1);
    return true;
  }

  /** OpenMetrics 1.0 when `accept` prefers it, else the Prometheus text format 0.0.4. */
  contentType(accept?: string): string {
    return prefersOpenMetrics(accept) ? OPENMETRICS_CONTENT_TYPE : PROMETHEUS_TEXT_CONTENT_TYPE;
  }

  /** The whole exposition as one string. */
  async render(accept?: string): Promise<string> {
    let out = '';
    for await (const chunk of this.stream(accept)) out += chunk;
    return out;
  }

  /** Every family of every source, snapshotted now. A failing source is reported and left out. */
  async collectAll(): Promise<MetricFamily[]> {
    const all: MetricFamily[] = [];
    for (const source of this.sources) {
      try {
        for (const family of await source.collect()) all.push(family);
      } catch (error) {
        reportFault(
          {
            code: 'EXPOSITION_SOURCE_FAILED',
            component: 'backend-prometheus.exposition',
            message: `A metrics source failed to collect and was left out of the scrape: ${String(error)}`,
            error,
          },
          this.onError,
        );
      }
    }
    return all;
  }

  /**
   * The exposition in chunks of about `chunkSize` characters. Sources are collected first (a
   * snapshot is consistent); rendering then proceeds chunk by chunk.
   */
  async *stream(accept?: string): AsyncGenerator<string, void, undefined> {
    const families = await this.collectAll();
    yield* this.renderFamilies(families, prefersOpenMetrics(accept));
  }

  /** Render already-collected `families` in chunks (OpenMetrics when `openMetrics`). */
  *renderFamilies(
    families: readonly MetricFamily[],
    openMetrics: boolean,
  ): Generator<string, void, undefined> {
    // Pieces of a quarter chunk keep every chunk under 1.25 × chunkSize (plus one series).
    const options = {
      openMetrics,
      exemplars: this.exemplars,
      batch: Math.max(1024, this.chunkSize >> 2),
    };
    const seen = new Set<string>();
    const limit = this.chunkSize;
    let buffer = '';
    for (const family of families) {
      const name = exposedFamilyName(family);
      if (seen.has(name)) {
        this.reportDuplicate(family.name, name);
        continue;
      }
      seen.add(name);
      for (const text of renderFamily(family, name, options)) {
        buffer += text;
        if (buffer.length >= limit) {
          yield buffer;
          buffer = '';
        }
      }
    }
    if (openMetrics) buffer += '# EOF\n';
    if (buffer !== '') yield buffer;
  }

  private reportDuplicate(original: string, exposed: string): void {
    reportFault(
      {
        code: 'EXPOSITION_DUPLICATE_FAMILY',
        component: 'backend-prometheus.exposition',
        message: `Metric "${original}" is exposed as "${exposed}", a name another metric already uses; it was left out. Rename one of them.`,
        details: { metric: original, exposedName: exposed },
      },
      this.onError,
    );
  }
}

import cluster, { type Worker } from 'node:cluster';
import type { MetricFamily, MonitorFaultHandler } from '@lexigram/monitor-core';
import { reportFault } from '@lexigram/monitor-core/internal';
import type { MetricFamilySource } from '../exposition/prometheusExposition.js';
import {
  aggregateFamilies,
  type GaugeAggregation,
  type WorkerSnapshot,
} from './aggregateFamilies.js';
import { COLLECT_REQUEST, decodeFamilies, isCollectReply } from './clusterMessages.js';

/** Options of {@link ClusterMetricsAggregator}. */
export interface ClusterMetricsAggregatorOptions {
  /** How long the primary waits for each worker's answer (default 1000). */
  timeoutMs?: number;
  /** Gauge policy per metric name (as the source names it). */
  gauges?: Readonly<Record<string, GaugeAggregation>>;
  /** Policy of gauges not listed in `gauges` (default `worker`: one series per worker). */
  defaultGaugeAggregation?: GaugeAggregation;
  /** Name of the label that tells workers apart (default `worker`). */
  workerLabel?: string;
  /** The workers asked (default every worker of `node:cluster`). */
  workers?: () => Iterable<Worker>;
  /** Receives faults: a worker that did not answer in time. */
  onError?: MonitorFaultHandler;
}

/** Name of the gauge that says which workers answered the last scrape. */
export const WORKER_UP_METRIC = 'lexigram_cluster_worker_up';

let nextId = 1;

/**
 * In the `node:cluster` primary: a metrics source that asks every worker for its snapshot over
 * IPC (workers call `serveMetricsToPrimary`) and merges them, so one `/metrics` shows the whole
 * process group. A worker that does not answer within `timeoutMs` is left out and shows as 0 in
 * the `lexigram_cluster_worker_up` gauge; the scrape itself never fails.
 *
 * @example
 * ```ts
 * const backend = new PrometheusBackend({ sources: [new ClusterMetricsAggregator()] });
 * ```
 */
export class ClusterMetricsAggregator implements MetricFamilySource {
  private readonly timeoutMs: number;
  private readonly options: ClusterMetricsAggregatorOptions;

  constructor(options: ClusterMetricsAggregatorOptions = {}) {
    this.options = options;
    this.timeoutMs = options.timeoutMs ?? 1000;
  }

  /** Ask every worker, wait at most `timeoutMs` for each, and merge what came back. */
  async collect(): Promise<MetricFamily[]> {
    const workers = [...(this.options.workers?.() ?? Object.values(cluster.workers ?? {}))].filter(
      (w): w is Worker => w !== undefined && w.isConnected(),
    );
    const answers = await Promise.all(workers.map((w) => this.ask(w)));
    const snapshots = answers.filter((a): a is WorkerSnapshot => a !== undefined);
    const policies = this.options.gauges ?? {};
    const fallback = this.options.defaultGaugeAggregation ?? 'worker';
    const label = this.options.workerLabel ?? 'worker';
    const merged = aggregateFamilies(snapshots, (name) => policies[name] ?? fallback, label);
    merged.push({
      name: WORKER_UP_METRIC,
      help: 'Whether the cluster worker answered the last scrape (1) or not (0).',
      unit: '',
      type: 'gauge',
      series: workers.map((w, i) => ({
        labels: { [label]: String(w.id) },
        value: answers[i] === undefined ? 0 : 1,
      })),
    });
    return merged;
  }

  private ask(worker: Worker): Promise<WorkerSnapshot | undefined> {
    const id = nextId++;
    return new Promise((resolve) => {
      const done = (result: WorkerSnapshot | undefined): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        resolve(result);
      };
      const onMessage = (message: unknown): void => {
        if (!isCollectReply(message) || message.id !== id) return;
        try {
          done({ workerId: String(worker.id), families: decodeFamilies(message.families) });
        } catch {
          done(undefined);
        }
      };
      const timer = setTimeout(() => {
        reportFault(
          {
            code: 'CLUSTER_WORKER_TIMEOUT',
            component: 'backend-prometheus.cluster',
            message: `Cluster worker ${worker.id} did not send its metrics within ${this.timeoutMs} ms; it is left out of this scrape.`,
            details: { worker: worker.id },
          },
          this.options.onError,
        );
        done(undefined);
      }, this.timeoutMs);
      worker.on('message', onMessage);
      try {
        worker.send({ type: COLLECT_REQUEST, id });
      } catch {
        done(undefined);
      }
    });
  }
}

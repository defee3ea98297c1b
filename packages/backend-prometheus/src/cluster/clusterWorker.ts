import type { MonitorFaultHandler } from '@lexigram/monitor-core';
import { reportFault } from '@lexigram/monitor-core/internal';
import type { MetricFamilySource } from '../exposition/prometheusExposition.js';
import { COLLECT_REPLY, encodeFamilies, isCollectRequest } from './clusterMessages.js';

/**
 * In a `node:cluster` worker: answer the primary's collect requests with `source`'s snapshot,
 * so the primary's `ClusterMetricsAggregator` serves one `/metrics` for every worker. Returns a
 * function that stops answering. Does nothing outside a worker (no IPC channel).
 *
 * @example
 * ```ts
 * if (cluster.isWorker) serveMetricsToPrimary(collector);
 * ```
 */
export function serveMetricsToPrimary(
  source: MetricFamilySource,
  options: { onError?: MonitorFaultHandler } = {},
): () => void {
  if (typeof process.send !== 'function') return () => undefined;
  const onMessage = (message: unknown): void => {
    if (!isCollectRequest(message)) return;
    void (async () => {
      try {
        const families = encodeFamilies(await source.collect());
        process.send?.({ type: COLLECT_REPLY, id: message.id, families });
      } catch (error) {
        reportFault(
          {
            code: 'CLUSTER_COLLECT_FAILED',
            component: 'backend-prometheus.clusterWorker',
            message: `This worker could not send its metrics to the primary: ${String(error)}`,
            error,
          },
          options.onError,
        );
      }
    })();
  };
  process.on('message', onMessage);
  return () => {
    process.off('message', onMessage);
  };
}

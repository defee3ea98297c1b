import type { MonitorContribution } from '@lexigram/monitor-core';
import { LoggingAlertDispatcher } from './alerting/loggingAlertDispatcher.js';
import { HistogramSloFeed } from './compose/histogramSloFeed.js';

/** How often `createMonitor`'s SLOs read their histograms. */
const FEED_INTERVAL_MS = 5_000;

/**
 * What this package adds to `createMonitor`: the config's `slos`, fed by the histograms they
 * name (service `slo`, a {@link HistogramSloFeed}); alerts go to the given dispatchers, or to a
 * `LoggingAlertDispatcher` when none is configured.
 */
export const monitorContribution: MonitorContribution = {
  part: 'slo',
  setup(assembly) {
    if (assembly.alertDispatchers.length === 0) {
      assembly.alertDispatchers.push(new LoggingAlertDispatcher());
    }
    const meter = assembly.meter;
    if (!meter) return;
    const feed = new HistogramSloFeed(meter, assembly.config.slos, {
      dispatchers: assembly.alertDispatchers,
      onError: assembly.onError,
    });
    assembly.provide('slo', feed);
    assembly.onStart('slo feed', () => feed.start(FEED_INTERVAL_MS));
    assembly.onShutdown('slo feed', 'flush', async () => {
      feed.stop();
      await feed.refresh();
    });
  },
};

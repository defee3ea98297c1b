import type { MonitorContribution } from '@lexigram/monitor-core';
import { CachedHealthCheckerRegistry } from './cache/cachedHealthCheckerRegistry.js';
import { HealthCheckRegistry } from './registry/healthCheckRegistry.js';
import { GracefulShutdown } from './shutdown/gracefulShutdown.js';

/**
 * What this package adds to `createMonitor`: a `HealthCheckRegistry` (service `healthRegistry`,
 * add checks to it) behind a `GracefulShutdown` whose readiness fails as soon as the monitor
 * starts draining, while liveness keeps reporting the real checks; and the
 * `healthCheckerRegistry` service, cleaned up at shutdown.
 */
export const monitorContribution: MonitorContribution = {
  part: 'health',
  setup(assembly) {
    if (!assembly.config.health.enabled) return;
    const registry = new HealthCheckRegistry();
    const drain = new GracefulShutdown(registry);
    assembly.probes = drain;
    assembly.provide('healthRegistry', registry);
    assembly.provide('gracefulShutdown', drain);
    assembly.onShutdown('readiness fails', 'drain', () => drain.startDraining());
    // The reference's per-application singleton of cached checkers, cleaned up at shutdown.
    const checkers = new CachedHealthCheckerRegistry();
    assembly.provide('healthCheckerRegistry', checkers);
    assembly.onShutdown('health checker registry cleanup', 'close', () => checkers.shutdown());
  },
};

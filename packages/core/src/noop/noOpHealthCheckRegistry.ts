import type {
  HealthCheckFunction,
  HealthCheckOptions,
  HealthCheckerProtocol,
} from '../contracts/healthChecker.js';
import type { HealthCheckRegistryProtocol } from '../contracts/healthCheckRegistry.js';
import type { HealthCheckResultData, HealthReport } from '../model/healthCheckResult.js';

const EMPTY_REPORT: HealthReport = Object.freeze({ status: 'healthy', checks: Object.freeze({}) });

/** A health-check registry that ignores registrations and reports healthy with no checks. */
export class NoOpHealthCheckRegistry implements HealthCheckRegistryProtocol {
  /** Ignores the registration. */
  add(
    _name: string,
    _check: HealthCheckFunction | HealthCheckerProtocol,
    _options?: HealthCheckOptions,
  ): void {}
  /** An empty, healthy aggregate. */
  runAll(): Promise<HealthReport> {
    return Promise.resolve(EMPTY_REPORT);
  }
  /** An empty, healthy liveness result. */
  runLiveness(): Promise<HealthReport> {
    return Promise.resolve(EMPTY_REPORT);
  }
  /** An empty, healthy readiness result. */
  runReadiness(): Promise<HealthReport> {
    return Promise.resolve(EMPTY_REPORT);
  }
  /** An empty, healthy startup result. */
  runStartup(): Promise<HealthReport> {
    return Promise.resolve(EMPTY_REPORT);
  }
  /** Reports the no-op registry as healthy. */
  check(): Promise<HealthCheckResultData> {
    return Promise.resolve({
      status: 'healthy',
      message: 'no-op health check registry',
      durationMs: 0,
      timestamp: Date.now(),
    });
  }
}

/** The shared no-op health-check registry. */
export const NOOP_HEALTH_CHECK_REGISTRY: NoOpHealthCheckRegistry = new NoOpHealthCheckRegistry();

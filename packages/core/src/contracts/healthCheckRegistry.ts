import type { HealthCheckResultData, HealthReport } from '../model/healthCheckResult.js';
import type {
  HealthCheckFunction,
  HealthCheckOptions,
  HealthCheckerProtocol,
} from './healthChecker.js';

/** Runs health probes: what an HTTP health endpoint needs. */
export interface HealthProbesProtocol {
  /** Every check, aggregated. */
  runAll(): Promise<HealthReport>;
  /** Only liveness checks. */
  runLiveness(): Promise<HealthReport>;
  /** Only readiness checks (and checks with no category). */
  runReadiness(): Promise<HealthReport>;
  /** Only startup checks. */
  runStartup(): Promise<HealthReport>;
}

/** A registry of categorised health checks. */
export interface HealthCheckRegistryProtocol extends HealthProbesProtocol {
  add(
    name: string,
    check: HealthCheckFunction | HealthCheckerProtocol,
    options?: HealthCheckOptions,
  ): void;
  /** The registry's own health, as one result. */
  check(): Promise<HealthCheckResultData>;
}

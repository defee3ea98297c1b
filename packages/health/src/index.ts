/**
 * @lexigram/monitor-health: health checks for Node services. Checks (classes, functions,
 * decorated methods) run concurrently under per-check timeouts, grouped into liveness /
 * readiness / startup probes and aggregated with critical flags; a cached checker with single
 * flight and background refresh for hard-polled endpoints; renderers for the reference JSON, the
 * IETF `application/health+json` format and Kubernetes-style text; and a drain for graceful
 * shutdown. Built on the contracts of `@lexigram/monitor-core`.
 *
 * @packageDocumentation
 */

// Errors
export { HealthCheckError } from './errors/healthCheckError.js';
export { DuplicateHealthCheckError } from './errors/duplicateHealthCheckError.js';
export { HealthCheckNotFoundError } from './errors/healthCheckNotFoundError.js';
export { InvalidHealthCheckError } from './errors/invalidHealthCheckError.js';

// Results
export { HealthCheckResult, type HealthCheckResultInit } from './result/healthCheckResult.js';

// Checks
export { HealthCheck } from './checks/healthCheck.js';
export { FunctionHealthCheck } from './checks/functionHealthCheck.js';
export {
  getHealthCheckMark,
  healthChecker,
  markHealthCheck,
  type HealthCheckMark,
  type HealthCheckMethod,
  type HealthCheckMarker,
} from './checks/markHealthCheck.js';
export { normalizeOutcome } from './checks/normalizeOutcome.js';
export { DEFAULT_CHECK_TIMEOUT_MS, type ResolvedCheckOptions } from './checks/checkOptions.js';

// Running
export {
  HealthChecker,
  type HealthCheckInput,
  type HealthCheckerOptions,
  type RegisteredHealthCheck,
} from './runner/healthChecker.js';
export type { HealthCheckReport } from './runner/healthCheckReport.js';
export { aggregateHealthStatus } from './runner/aggregateStatus.js';
export { runCheck } from './runner/runCheck.js';

// Registries
export { HealthCheckRegistry } from './registry/healthCheckRegistry.js';
export {
  CachedHealthChecker,
  type CachedHealthCheckerOptions,
} from './cache/cachedHealthChecker.js';
export {
  CachedHealthCheckerRegistry,
  HealthCheckerRegistry,
} from './cache/cachedHealthCheckerRegistry.js';
export {
  databasePingCheck,
  isDatabasePingProvider,
  type DatabasePingProvider,
} from './cache/databasePingCheck.js';

// Rendering: moved to core so the middleware can render health without depending on this
// package; re-exported here, where users of the health package look for them.
export {
  HEALTH_JSON_CONTENT_TYPE,
  healthFormatFromAccept,
  httpStatusFor,
  renderHealth,
  renderHealthJson,
  renderJson,
  renderText,
  toHealthJsonStatus,
  type AnyRenderOptions,
  type HealthFormat,
  type HealthJsonOptions,
  type HealthJsonStatus,
  type HealthRenderer,
  type HealthResponse,
  type RenderOptions,
  type TextRenderOptions,
} from '@lexigram/monitor-core';

// Shutdown
export {
  DRAINING_CHECK_NAME,
  GracefulShutdown,
  type BeforeShutdownHook,
  type GracefulShutdownOptions,
  type ShutdownReport,
} from './shutdown/gracefulShutdown.js';
export { PACKAGE_NAME, PACKAGE_VERSION } from './version.js';
export { monitorContribution } from './monitorContribution.js';

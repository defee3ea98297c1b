/**
 * @lexigram/monitor-dashboard: a live page of the service's health, latency, traces and SLOs,
 * served by the service itself. The server aggregates (per-route rates, error rates and
 * latency quantiles, a latency heatmap, the slowest and failed recent traces) and pushes a small
 * snapshot about once a second over server-sent events to a bundled page (no CDN, no network).
 * Read-only, off unless enabled, loopback-only unless a token or auth hook is given. Reads
 * everything through the contracts of `@lexigram/monitor-core`.
 *
 * @packageDocumentation
 */

export { createDashboard, type Dashboard } from './server/createDashboard.js';
export type { FeedUsage } from './feed/eventFeed.js';
export {
  serveDashboard,
  type ServeDashboardOptions,
  type ServedDashboard,
} from './server/serveDashboard.js';
export type { DashboardOptions } from './server/dashboardOptions.js';
export type { DashboardSnapshot, HealthCheckView } from './server/dashboardState.js';
export { DASHBOARD_METRIC_NAMES, REQUEST_DURATION_METRIC } from './aggregate/metricNames.js';
export {
  RouteAggregator,
  type RequestTick,
  type RouteAggregatorOptions,
  type RouteFigures,
} from './aggregate/routeAggregator.js';
export { bucketQuantile } from './aggregate/bucketQuantile.js';
export type { TraceSummary, TraceWaterfall, WaterfallSpan } from './aggregate/traceSummaries.js';
export {
  decideAccess,
  isLoopbackAddress,
  type AccessDecision,
  type AccessPolicy,
  type DashboardAuthorize,
} from './security/accessPolicy.js';
export { createRedactor, DEFAULT_REDACTED_FIELDS, type Redactor } from './security/redactor.js';
export { SECURITY_HEADERS } from './security/securityHeaders.js';
export { ProcessRuntimeStats } from './runtime/processRuntimeStats.js';
export { PACKAGE_NAME, PACKAGE_VERSION } from './version.js';

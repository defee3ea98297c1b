/**
 * The metric names the dashboard reads, kept in this one module: the feed asks the collector
 * for these families only, so a service with thousands of other series does not pay for them.
 */

/** The histogram the per-route figures come from (suffix match, so a collector prefix is fine). */
export const REQUEST_DURATION_METRIC = 'http.server.request.duration';

/** Every metric family one feed tick reads. */
export const DASHBOARD_METRIC_NAMES: readonly string[] = Object.freeze([REQUEST_DURATION_METRIC]);

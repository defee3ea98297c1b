import {
  MonitorConfigError,
  type MetricsCollectorProtocol,
  type MonitorFaultHandler,
  type TracerProtocol,
} from '@lexigram/monitor-core';

/** Paths never instrumented by default: the scrape and health endpoints. */
export const DEFAULT_EXCLUDED_PATHS: readonly string[] = Object.freeze([
  '/metrics',
  '/health',
  '/health/live',
  '/health/ready',
  '/health/startup',
]);

/** Headers recorded as span attributes (`http.request.header.<name>`), lower-case names. */
export interface HeaderAllowList {
  /** Request headers to record. */
  readonly request?: readonly string[];
  /** Response headers to record. */
  readonly response?: readonly string[];
}

/**
 * What to record for each request. Everything is optional: without a tracer no spans are made,
 * without a collector no metrics are recorded.
 *
 * @typeParam Req - the request type of the adapter (`IncomingMessage`, a fetch `Request`, ...).
 */
export interface HttpInstrumentationOptions<Req = unknown> {
  /** Makes the server spans (continuing the incoming W3C context). */
  readonly tracer?: TracerProtocol;
  /** Receives `http.server.request.duration` and `http.server.active_requests`. */
  readonly metricsCollector?: MetricsCollectorProtocol;
  /**
   * Paths (exact, query ignored) that are not instrumented. Default: `/metrics`, `/health`,
   * `/health/live`, `/health/ready`, `/health/startup`. Giving a list replaces the default.
   */
  readonly excludePaths?: readonly string[];
  /** Return true to leave a request out (no span, no metrics). Exceptions count as false. */
  readonly ignore?: (req: Req) => boolean;
  /** Record request and response body sizes (from `Content-Length`) as histograms. Default false. */
  readonly recordBodySizes?: boolean;
  /** Headers recorded as span attributes. Default none (headers may carry secrets). */
  readonly headers?: HeaderAllowList;
  /** Histogram buckets in seconds. Default: the semantic conventions' buckets. */
  readonly durationBuckets?: readonly number[];
  /** Most distinct routes kept as labels; later routes are counted as unmatched. Default 1000. */
  readonly maxRoutes?: number;
  /** Receives faults (a throwing `ignore` hook, a failing instrument). Default: core's channel. */
  readonly onError?: MonitorFaultHandler;
}

/** Check the options a user gave, naming the bad field. */
export function validateInstrumentationOptions(
  options: HttpInstrumentationOptions<never>,
  source: string,
): void {
  const problems: { path: string; message: string }[] = [];
  if (options === null || typeof options !== 'object') {
    throw new MonitorConfigError(
      [{ path: '(options)', message: 'must be an object, e.g. { tracer, metricsCollector }' }],
      { source },
    );
  }
  if (options.ignore !== undefined && typeof options.ignore !== 'function') {
    problems.push({ path: 'ignore', message: 'must be a function (req) => boolean' });
  }
  if (options.excludePaths !== undefined) {
    if (
      !Array.isArray(options.excludePaths) ||
      !options.excludePaths.every((p) => typeof p === 'string' && p.startsWith('/'))
    ) {
      problems.push({
        path: 'excludePaths',
        message: "must be an array of paths starting with '/', e.g. ['/metrics']",
      });
    }
  }
  if (options.maxRoutes !== undefined) {
    if (!Number.isInteger(options.maxRoutes) || options.maxRoutes < 1) {
      problems.push({ path: 'maxRoutes', message: 'must be an integer >= 1' });
    }
  }
  if (options.durationBuckets !== undefined) {
    const b = options.durationBuckets;
    const ok =
      Array.isArray(b) &&
      b.length > 0 &&
      b.every((v, i) => Number.isFinite(v) && v > 0 && (i === 0 || v > (b[i - 1] as number)));
    if (!ok) {
      problems.push({
        path: 'durationBuckets',
        message: 'must be ascending positive finite seconds, e.g. [0.01, 0.1, 1]',
      });
    }
  }
  for (const side of ['request', 'response'] as const) {
    const list = options.headers?.[side];
    if (list !== undefined && (!Array.isArray(list) || !list.every((h) => typeof h === 'string'))) {
      problems.push({ path: `headers.${side}`, message: 'must be an array of header names' });
    }
  }
  if (problems.length > 0) throw new MonitorConfigError(problems, { source });
}

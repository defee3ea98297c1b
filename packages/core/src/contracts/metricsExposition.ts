/**
 * Renders the process's metrics in a wire format chosen by an HTTP `Accept` header. The Prometheus
 * backend implements it (text 0.0.4 and OpenMetrics 1.0); the middleware serves `/metrics` through
 * it without depending on any backend package.
 */
export interface MetricsExpositionProtocol {
  /** The `Content-Type` the response will have for this `Accept` header (undefined: the default). */
  contentType(accept?: string): string;
  /** The exposition body for this `Accept` header. */
  render(accept?: string): string | Promise<string>;
}

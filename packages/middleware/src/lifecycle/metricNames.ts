/**
 * Default metric and label names: the OpenTelemetry HTTP semantic conventions' own names. A
 * Prometheus exporter maps the dots to `_` and adds the unit (`http_server_request_duration_seconds`
 * labelled `http_route`); an OTLP exporter sends them as they are.
 */
export const HTTP_METRIC_NAMES = Object.freeze({
  /** `http.server.request.duration`, seconds. */
  requestDuration: 'http.server.request.duration',
  /** `http.server.active_requests`. */
  activeRequests: 'http.server.active_requests',
  /** `http.server.request.body.size`, bytes. */
  requestBodySize: 'http.server.request.body.size',
  /** `http.server.response.body.size`, bytes. */
  responseBodySize: 'http.server.response.body.size',
});

/** Label names: `http.request.method`, `http.route`, `http.response.status_code`. */
export const HTTP_LABEL_NAMES = Object.freeze({
  method: 'http.request.method',
  route: 'http.route',
  status: 'http.response.status_code',
});

/** `http.route` label of every request no route matched (one bucket, never the raw path). */
export const UNMATCHED_ROUTE = '_UNMATCHED';

/** Status label of a request the client aborted before any response header was sent. */
export const ABORTED_STATUS = 499;

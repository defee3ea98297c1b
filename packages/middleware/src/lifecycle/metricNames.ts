/** Default metric and label names (Prometheus spelling of the OpenTelemetry conventions). */
export const HTTP_METRIC_NAMES = Object.freeze({
  /** `http.server.request.duration`, seconds. */
  requestDuration: 'http_server_request_duration_seconds',
  /** `http.server.active_requests`. */
  activeRequests: 'http_server_active_requests',
  /** `http.server.request.body.size`, bytes. */
  requestBodySize: 'http_server_request_body_size_bytes',
  /** `http.server.response.body.size`, bytes. */
  responseBodySize: 'http_server_response_body_size_bytes',
});

/** Label names: `http.request.method`, `http.route`, `http.response.status_code`. */
export const HTTP_LABEL_NAMES = Object.freeze({
  method: 'http_request_method',
  route: 'http_route',
  status: 'http_response_status_code',
});

/** `http.route` label of every request no route matched (one bucket, never the raw path). */
export const UNMATCHED_ROUTE = '_UNMATCHED';

/** Status label of a request the client aborted before any response header was sent. */
export const ABORTED_STATUS = 499;

import type { Labels } from '@lexigram/monitor-core';

/** Label names that may carry the route, method and status (Prometheus and OTel spellings). */
const ROUTE_KEYS = ['http_route', 'http.route', 'route'];
const METHOD_KEYS = ['http_request_method', 'http.request.method', 'method'];
const STATUS_KEYS = [
  'http_response_status_code',
  'http.response.status_code',
  'status_code',
  'status',
];

function first(labels: Labels, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = labels[key];
    if (value !== undefined && value !== '') return value;
  }
  return undefined;
}

/** The route of a series (`(unmatched)` when it carries none). */
export function routeOf(labels: Labels): string {
  return first(labels, ROUTE_KEYS) ?? '(unmatched)';
}

/** The HTTP method of a series, upper case (`*` when it carries none). */
export function methodOf(labels: Labels): string {
  return (first(labels, METHOD_KEYS) ?? '*').toUpperCase();
}

/** True when the series counts failed requests: status 5xx, or an `error` label set. */
export function isErrorSeries(labels: Labels): boolean {
  const status = Number(first(labels, STATUS_KEYS));
  if (Number.isFinite(status)) return status >= 500;
  const error = labels['error'] ?? labels['error.type'] ?? labels['error_type'];
  return error !== undefined && error !== '' && error !== 'false';
}

/** A stable key of a label set (sorted names), for matching a series across snapshots. */
export function seriesKey(labels: Labels): string {
  const names = Object.keys(labels).sort();
  let key = '';
  for (const name of names) key += `${name}\u0000${labels[name]}\u0001`;
  return key;
}

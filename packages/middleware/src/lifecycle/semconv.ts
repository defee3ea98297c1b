/** OpenTelemetry HTTP semantic conventions (stable, v1.26+) as this package records them. */
export const HTTP_ATTRIBUTES = Object.freeze({
  requestMethod: 'http.request.method',
  requestMethodOriginal: 'http.request.method_original',
  route: 'http.route',
  responseStatusCode: 'http.response.status_code',
  urlPath: 'url.path',
  urlScheme: 'url.scheme',
  urlFull: 'url.full',
  serverAddress: 'server.address',
  serverPort: 'server.port',
  userAgent: 'user_agent.original',
  errorType: 'error.type',
  requestBodySize: 'http.request.body.size',
  responseBodySize: 'http.response.body.size',
});

/** `http.server.request.duration` buckets from the semantic conventions, in seconds. */
export const HTTP_DURATION_BUCKETS: readonly number[] = Object.freeze([
  0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10,
]);

/** Methods the conventions know; anything else is recorded as `_OTHER`. */
export const KNOWN_METHODS: readonly string[] = Object.freeze([
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'DELETE',
  'CONNECT',
  'OPTIONS',
  'TRACE',
  'PATCH',
]);

/** The method value for methods outside {@link KNOWN_METHODS}. */
export const OTHER_METHOD = '_OTHER';

/** Index of `method` in {@link KNOWN_METHODS}, or `KNOWN_METHODS.length` for `_OTHER`. */
export function methodIndex(method: string | undefined): number {
  // Node upper-cases methods of the common verbs already; switch beats a Map lookup here.
  switch (method) {
    case 'GET':
      return 0;
    case 'HEAD':
      return 1;
    case 'POST':
      return 2;
    case 'PUT':
      return 3;
    case 'DELETE':
      return 4;
    case 'CONNECT':
      return 5;
    case 'OPTIONS':
      return 6;
    case 'TRACE':
      return 7;
    case 'PATCH':
      return 8;
    default:
      return KNOWN_METHODS.length;
  }
}

/** The recorded method for an index from {@link methodIndex}. */
export function methodName(index: number): string {
  return KNOWN_METHODS[index] ?? OTHER_METHOD;
}

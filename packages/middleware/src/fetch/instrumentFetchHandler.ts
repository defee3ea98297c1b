import { adapterParts } from '../adapterParts.js';
import type { MonitorEndpointOptions } from '../endpoints/endpointOptions.js';
import type { EndpointResponse } from '../endpoints/endpointOptions.js';
import type { HttpInstrumentationOptions } from '../lifecycle/instrumentationOptions.js';
import { FETCH_REQUEST_ACCESS, urlPath, urlQuery } from './fetchAccess.js';
import { finishResponse } from './finishResponse.js';

/** A fetch-style handler: `(request, ...rest) => Response | Promise<Response>`. */
export type FetchHandler<Rest extends unknown[] = unknown[]> = (
  request: Request,
  ...rest: Rest
) => Response | Promise<Response>;

/** Options of {@link instrumentFetchHandler}. */
export interface FetchHandlerOptions
  extends HttpInstrumentationOptions<Request>, MonitorEndpointOptions {
  /** The route template of a request, when the handler's router can tell it. */
  readonly route?: (request: Request, response: Response | undefined) => string | undefined;
}

/**
 * Wrap a fetch-style handler (any runtime: Node's `@hono/node-server`, Deno, Bun, workers): each
 * request gets a server span and metrics, and ends when the response body has been read to the
 * end (streamed bodies included) or cancelled. A throwing handler is recorded as a 500 and
 * rethrown. `/metrics` and `/health*` are served when their sources are given.
 *
 * @example
 * ```ts
 * const handler = instrumentFetchHandler(async (req) => new Response('hi'), { tracer });
 * ```
 */
export function instrumentFetchHandler<Rest extends unknown[]>(
  handler: FetchHandler<Rest>,
  options: FetchHandlerOptions = {},
): (request: Request, ...rest: Rest) => Promise<Response> {
  if (typeof handler !== 'function') {
    throw new TypeError(
      'instrumentFetchHandler(handler, options): handler must be a (request) => Response function',
    );
  }
  const { endpoints, instrumentation } = adapterParts(
    FETCH_REQUEST_ACCESS,
    options,
    'instrumentFetchHandler',
  );
  const route = options.route;
  return async function instrumented(request: Request, ...rest: Rest): Promise<Response> {
    const kind = endpoints.match(request.method, urlPath(request.url));
    if (kind !== undefined) {
      return toResponse(
        await endpoints.respond(
          kind,
          request.headers.get('accept') ?? undefined,
          urlQuery(request.url),
        ),
        request.method,
      );
    }
    const record = instrumentation.start(request);
    if (record === undefined) return handler(request, ...rest);
    let response: Response;
    try {
      response = await instrumentation.run(record, () => handler(request, ...rest));
    } catch (error) {
      instrumentation.setError(record, error);
      if (route !== undefined) instrumentation.setRoute(record, route(request, undefined));
      instrumentation.end(record, 500, false, true);
      throw error;
    }
    if (route !== undefined) instrumentation.setRoute(record, route(request, response));
    return finishResponse(instrumentation, record, response);
  };
}

/** An endpoint response as a fetch `Response`. */
export function toResponse(response: EndpointResponse, method: string): Response {
  return new Response(method === 'HEAD' ? null : response.body, {
    status: response.statusCode,
    headers: { 'content-type': response.contentType, 'cache-control': 'no-store' },
  });
}

import diagnosticsChannel from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';
import {
  SpanKind,
  SpanStatus,
  type MonitorFaultHandler,
  type SpanProtocol,
  type TracerProtocol,
} from '@lexigram/monitor-core';
import { reportFault } from '@lexigram/monitor-core/internal';
import { HTTP_ATTRIBUTES as A, methodIndex, methodName } from '../lifecycle/semconv.js';
import { onClientRequestCreated } from './clientRequestCreated.js';

/** Options of {@link instrumentOutgoingRequests}. */
export interface OutgoingRequestOptions {
  /** Makes the client spans and injects their context. */
  readonly tracer: TracerProtocol;
  /**
   * Only trace calls made while a span is active (inside an instrumented request, a job...).
   * Default true: background calls (an exporter sending spans) do not start traces of their own.
   */
  readonly requireParent?: boolean;
  /** Return true to leave a call out (no span, no header), e.g. `(url) => url.includes('/v1/traces')`. */
  readonly ignore?: (url: string) => boolean;
  /** Receives faults of the instrumentation itself. Default: core's fault channel. */
  readonly onError?: MonitorFaultHandler;
}

// undici's request object as its diagnostics channels publish it (Node's bundled undici 6+).
interface UndiciRequest {
  readonly origin: string | URL;
  readonly method: string;
  readonly path: string;
  addHeader(name: string, value: string): unknown;
}

/**
 * Trace outgoing HTTP calls of `node:http` / `node:https` and of the global `fetch` through
 * `diagnostics_channel` (nothing is patched): each call gets a client span, child of the active
 * span, and its W3C context is injected into the request headers, so a request crossing two
 * services is one trace. Returns a function that stops it.
 *
 * `node:http` requests are injected where Node publishes `http.client.request.created` (22.14+);
 * on older Node, which publishes its client channels only after the headers are sent, through a
 * wrapper of `http.Agent.prototype.addRequest` (which every agent-backed request passes through
 * before its headers are written), removed again when the last instrumentation stops. Headers
 * given as an array or with `Expect` are written at once: those calls get a span but no header.
 *
 * @example
 * ```ts
 * const stop = instrumentOutgoingRequests({ tracer });
 * ```
 */
export function instrumentOutgoingRequests(options: OutgoingRequestOptions): () => void {
  const tracer = options?.tracer;
  if (tracer === undefined || typeof tracer.startSpan !== 'function') {
    throw new TypeError('instrumentOutgoingRequests({ tracer }): tracer must be a TracerProtocol');
  }
  const requireParent = options.requireParent ?? true;
  const ignore = options.ignore;
  const spans = new WeakMap<object, SpanProtocol>();

  const fault = (error: unknown): void =>
    reportFault(
      {
        code: 'OUTGOING_TRACE_FAILED',
        component: 'middleware.outgoing',
        message: 'tracing an outgoing call failed',
        error,
      },
      options.onError,
    );

  const begin = (
    key: object,
    method: string,
    url: string,
    host: string,
  ): SpanProtocol | undefined => {
    if (requireParent && tracer.getCurrentSpan() === undefined) return undefined;
    if (ignore !== undefined && ignore(url)) return undefined;
    const index = methodIndex(method);
    const span = tracer.startSpan(methodName(index) === '_OTHER' ? 'HTTP' : methodName(index), {
      kind: SpanKind.Client,
      attributes: {
        [A.requestMethod]: methodName(index),
        [A.urlFull]: url,
        [A.serverAddress]: host,
      },
    });
    spans.set(key, span);
    return span;
  };
  const finish = (key: object, status: number): void => {
    const span = spans.get(key);
    if (span === undefined) return;
    spans.delete(key);
    span.setAttribute(A.responseStatusCode, status);
    if (status >= 400) {
      span.setAttribute(A.errorType, String(status));
      span.setStatus(SpanStatus.Error);
    }
    span.end();
  };
  const fail = (key: object, error: unknown): void => {
    const span = spans.get(key);
    if (span === undefined) return;
    spans.delete(key);
    span.recordException(error);
    span.setAttribute(A.errorType, error instanceof Error ? error.name : 'error');
    span.setStatus(SpanStatus.Error, error instanceof Error ? error.message : undefined);
    span.end();
  };
  const inject = (span: SpanProtocol, set: (name: string, value: string) => void): void => {
    const carrier: Record<string, string> = {};
    tracer.injectContext(carrier, span.spanContext());
    for (const name of Object.keys(carrier)) set(name, carrier[name]!);
  };

  const guard =
    <M>(fn: (message: M) => void) =>
    (message: unknown): void => {
      try {
        fn(message as M);
      } catch (error) {
        fault(error);
      }
    };

  const handlers: [string, (message: unknown) => void][] = [
    [
      'undici:request:create',
      guard<{ request: UndiciRequest }>(({ request }) => {
        const origin = String(request.origin).replace(/\/$/, '');
        const span = begin(request, request.method, origin + request.path, hostOf(origin));
        if (span !== undefined) inject(span, (name, value) => request.addHeader(name, value));
      }),
    ],
    [
      'undici:request:headers',
      guard<{ request: object; response: { statusCode: number } }>(({ request, response }) =>
        finish(request, response.statusCode),
      ),
    ],
    [
      'undici:request:error',
      guard<{ request: object; error: unknown }>(({ request, error }) => fail(request, error)),
    ],
    [
      'http.client.request.start',
      guard<{ request: ClientRequest }>(({ request }) => {
        if (!spans.has(request)) begin(request, request.method, clientUrl(request), request.host);
      }),
    ],
    [
      'http.client.response.finish',
      guard<{ request: ClientRequest; response: IncomingMessage }>(({ request, response }) =>
        finish(request, response.statusCode ?? 0),
      ),
    ],
    [
      'http.client.request.error',
      guard<{ request: object; error: unknown }>(({ request, error }) => fail(request, error)),
    ],
  ];
  for (const [name, handler] of handlers) diagnosticsChannel.subscribe(name, handler);
  // node:http requests while their headers can still be set (see onClientRequestCreated).
  const stopCreated = onClientRequestCreated(
    guard<ClientRequest>((request) => {
      if (spans.has(request)) return;
      const span = begin(request, request.method, clientUrl(request), request.host);
      // Headers given as an array, or an `Expect` header, are written in the constructor.
      if (span !== undefined && !request.headersSent)
        inject(span, (name, value) => request.setHeader(name, value));
    }),
  );
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    stopCreated();
    for (const [name, handler] of handlers) diagnosticsChannel.unsubscribe(name, handler);
  };
}

function clientUrl(request: ClientRequest): string {
  const host = request.getHeader('host');
  return `${request.protocol}//${typeof host === 'string' ? host : request.host}${request.path}`;
}

function hostOf(origin: string): string {
  const start = origin.indexOf('://');
  const rest = start === -1 ? origin : origin.slice(start + 3);
  const colon = rest.lastIndexOf(':');
  return colon === -1 || rest.endsWith(']') ? rest : rest.slice(0, colon);
}

/**
 * @lexigram/monitor-middleware: server spans and RED metrics for every HTTP request, `/metrics`
 * and `/health` endpoints, and outgoing-call spans, for node:http and fetch handlers (framework
 * adapters live on their own subpaths: `/express`, `/fastify`, `/koa`, `/hono`).
 *
 * @packageDocumentation
 */
export { HttpInstrumentation, type ResponseHeaderReader } from './lifecycle/httpInstrumentation.js';
export {
  DEFAULT_EXCLUDED_PATHS,
  type HeaderAllowList,
  type HttpInstrumentationOptions,
} from './lifecycle/instrumentationOptions.js';
export { RequestRecord } from './lifecycle/requestRecord.js';
export type { RequestAccess } from './lifecycle/requestAccess.js';
export {
  HTTP_ATTRIBUTES,
  HTTP_DURATION_BUCKETS,
  KNOWN_METHODS,
  OTHER_METHOD,
} from './lifecycle/semconv.js';
export {
  ABORTED_STATUS,
  HTTP_LABEL_NAMES,
  HTTP_METRIC_NAMES,
  UNMATCHED_ROUTE,
} from './lifecycle/metricNames.js';
export { NODE_REQUEST_ACCESS } from './node/nodeAccess.js';
export { beginNodeRequest, recordOf, setHttpRoute } from './node/nodeBinding.js';
export type { DashboardMountOptions, MountedRequestHandler } from './node/dashboardMount.js';
export {
  instrumentNodeHttp,
  type NodeHttpOptions,
  type NodeRequestListener,
} from './node/instrumentNodeHttp.js';
export type {
  EndpointResponse,
  HealthSource,
  MonitorEndpointOptions,
} from './endpoints/endpointOptions.js';
export { MonitorEndpoints, type EndpointKind } from './endpoints/monitorEndpoints.js';
export {
  instrumentFetchHandler,
  toResponse,
  type FetchHandler,
  type FetchHandlerOptions,
} from './fetch/instrumentFetchHandler.js';
export { FETCH_REQUEST_ACCESS } from './fetch/fetchAccess.js';
export { finishResponse } from './fetch/finishResponse.js';
export type { NodeAdapterOptions } from './adapterOptions.js';
export {
  PrometheusMiddleware,
  type PrometheusMiddlewareOptions,
} from './reference/prometheusMiddleware.js';
export { OTelMiddleware, type OTelMiddlewareOptions } from './reference/otelMiddleware.js';
export {
  HealthCheckProvider,
  type HealthCheckProviderOptions,
  type HealthMapping,
} from './reference/healthCheckProvider.js';
export type { AppFetch, AppHandler, HttpApp } from './reference/appHandler.js';
export {
  instrumentOutgoingRequests,
  type OutgoingRequestOptions,
} from './outgoing/instrumentOutgoing.js';
export { PACKAGE_NAME, PACKAGE_VERSION } from './version.js';
export {
  InFlightRequests,
  monitorContribution,
  type MonitorHttpWrap,
} from './monitorContribution.js';

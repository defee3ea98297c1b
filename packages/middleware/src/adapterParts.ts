import type { MonitorEndpointOptions } from './endpoints/endpointOptions.js';
import { MonitorEndpoints } from './endpoints/monitorEndpoints.js';
import { HttpInstrumentation } from './lifecycle/httpInstrumentation.js';
import type { HttpInstrumentationOptions } from './lifecycle/instrumentationOptions.js';
import type { RequestAccess } from './lifecycle/requestAccess.js';

/** What every adapter builds from its options. */
export interface AdapterParts<Req> {
  /** `/metrics` and `/health*`. */
  readonly endpoints: MonitorEndpoints;
  /** Spans and metrics of the requests. */
  readonly instrumentation: HttpInstrumentation<Req>;
}

/**
 * The endpoints and the request instrumentation of an adapter, each validating its options;
 * `adapter` (e.g. `instrumentHono`) names the options in their errors.
 */
export function adapterParts<Req>(
  access: RequestAccess<Req>,
  options: HttpInstrumentationOptions<Req> & MonitorEndpointOptions,
  adapter: string,
): AdapterParts<Req> {
  const endpoints = new MonitorEndpoints(options);
  const instrumentation = new HttpInstrumentation(access, options, `${adapter} options`);
  return { endpoints, instrumentation };
}

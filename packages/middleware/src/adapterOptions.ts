import type { IncomingMessage } from 'node:http';
import type { MonitorEndpointOptions } from './endpoints/endpointOptions.js';
import type { HttpInstrumentationOptions } from './lifecycle/instrumentationOptions.js';
import type { DashboardMountOptions } from './node/dashboardMount.js';

/** Options every `node:http`-based framework adapter takes. */
export interface NodeAdapterOptions
  extends
    HttpInstrumentationOptions<IncomingMessage>,
    MonitorEndpointOptions,
    DashboardMountOptions {}

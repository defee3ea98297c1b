import type { IncomingMessage } from 'node:http';
import type { NodeAdapterOptions } from '../adapterOptions.js';
import { adapterParts, type AdapterParts } from '../adapterParts.js';
import { DashboardMount } from './dashboardMount.js';
import { NODE_REQUEST_ACCESS } from './nodeAccess.js';

/** {@link adapterParts} of a `node:http`-based adapter, plus its dashboard mount (if enabled). */
export function nodeAdapterParts(
  options: NodeAdapterOptions,
  adapter: string,
): AdapterParts<IncomingMessage> & { readonly dashboard: DashboardMount | undefined } {
  const parts = adapterParts(NODE_REQUEST_ACCESS, options, adapter);
  return { ...parts, dashboard: DashboardMount.from(options, `${adapter} options`) };
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MonitorAssembly, MonitorContribution } from '@lexigram/monitor-core';
import {
  instrumentNodeHttp,
  type NodeHttpOptions,
  type NodeRequestListener,
} from './node/instrumentNodeHttp.js';
import { setHttpRoute } from './node/nodeBinding.js';
import { instrumentOutgoingRequests } from './outgoing/instrumentOutgoing.js';

/** The `http` service of a monitor: wraps a `node:http` listener with everything wired. */
export type MonitorHttpWrap = <L extends NodeRequestListener>(
  listener: L,
  options?: Partial<NodeHttpOptions>,
) => L;

/** Counts requests in flight so a drain can wait for them. */
export class InFlightRequests {
  private active = 0;
  private waiters: (() => void)[] = [];

  /** Requests started and not yet finished. */
  get count(): number {
    return this.active;
  }

  /** Count `res` until it finishes or its connection closes. */
  track(res: ServerResponse): void {
    this.active++;
    let done = false;
    res.once('close', () => {
      if (done) return;
      done = true;
      this.active--;
      if (this.active === 0) for (const wake of this.waiters.splice(0)) wake();
    });
  }

  /** Resolves when no request is in flight (the caller bounds the wait). */
  idle(): Promise<void> {
    if (this.active === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}

/** The options `createMonitor` hands the middleware. */
function wiredOptions(assembly: MonitorAssembly): NodeHttpOptions {
  const { config } = assembly;
  return {
    ...(assembly.tracer ? { tracer: assembly.tracer } : {}),
    ...(assembly.meter ? { metricsCollector: assembly.meter } : {}),
    ...(assembly.exposition ? { exposition: assembly.exposition } : {}),
    ...(assembly.probes ? { health: assembly.probes } : {}),
    healthPath: config.health.path,
    includeDetails: config.health.includeDetails,
    ...(assembly.onError ? { onError: assembly.onError } : {}),
  };
}

/**
 * What this package adds to `createMonitor`: the `http` service (wrap a `node:http` listener:
 * server spans, RED metrics, `/metrics` and `/health`), a drain step that waits for requests in
 * flight, and client spans with context propagation on outgoing calls from `start()`.
 */
export const monitorContribution: MonitorContribution = {
  part: 'middleware',
  setup(assembly) {
    const inFlight = new InFlightRequests();
    const wrap: MonitorHttpWrap = (listener, options = {}) => {
      const instrumented = instrumentNodeHttp(listener, { ...wiredOptions(assembly), ...options });
      return function (this: unknown, req: IncomingMessage, res: ServerResponse): unknown {
        inFlight.track(res);
        return instrumented.call(this, req, res);
      } as typeof listener;
    };
    assembly.provide('http', wrap);
    assembly.provide('inFlightRequests', inFlight);
    // Framework integrations that know the route template (a Nest controller) set it with this.
    assembly.provide('setHttpRoute', setHttpRoute);
    assembly.onShutdown('in-flight requests finish', 'drain', () => inFlight.idle());
    const tracer = assembly.tracer;
    if (tracer) {
      let stopOutgoing: (() => void) | undefined;
      assembly.onStart('outgoing call spans', () => {
        stopOutgoing ??= instrumentOutgoingRequests({ tracer });
      });
      assembly.onShutdown('outgoing call spans', 'close', () => stopOutgoing?.());
    }
  },
};

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpInstrumentation } from '../lifecycle/httpInstrumentation.js';
import type { RequestRecord } from '../lifecycle/requestRecord.js';

const RECORD = Symbol.for('lexigram.monitor.middleware.record');
const OWNER = Symbol.for('lexigram.monitor.middleware.owner');

interface Tagged {
  [RECORD]?: RequestRecord;
  [OWNER]?: HttpInstrumentation<IncomingMessage>;
}

/**
 * Start instrumenting a `node:http` exchange: the request ends on the response's `close` event
 * (finished, or aborted when the response never finished). One shared listener, no closure.
 * Returns undefined when the request is skipped or already instrumented (an adapter on top of
 * `instrumentNodeHttp` then only adds the route).
 */
export function beginNodeRequest(
  instrumentation: HttpInstrumentation<IncomingMessage>,
  req: IncomingMessage,
  res: ServerResponse,
): RequestRecord | undefined {
  if ((req as Tagged)[RECORD] !== undefined) return undefined;
  const record = instrumentation.start(req);
  if (record === undefined) return undefined;
  (req as Tagged)[RECORD] = record;
  (res as Tagged)[RECORD] = record;
  (res as Tagged)[OWNER] = instrumentation;
  res.on('close', onResponseClose);
  return record;
}

/** The record of a request being instrumented, if any. */
export function recordOf(req: IncomingMessage): RequestRecord | undefined {
  return (req as Tagged)[RECORD];
}

function onResponseClose(this: ServerResponse): void {
  const record = (this as Tagged)[RECORD];
  const owner = (this as Tagged)[OWNER];
  if (record === undefined || owner === undefined) return;
  const length = this.getHeader('content-length');
  const size = length === undefined ? undefined : Number(length);
  owner.end(
    record,
    this.statusCode,
    !this.writableFinished,
    this.headersSent,
    size,
    this,
    readHeader,
  );
}

function readHeader(res: ServerResponse, name: string): string | undefined {
  const value = res.getHeader(name);
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/**
 * Set the route template of a request instrumented by `instrumentNodeHttp` (or any adapter), for
 * routers the package has no adapter for: `setHttpRoute(req, '/users/:id')`.
 */
export function setHttpRoute(req: IncomingMessage, route: string): void {
  const record = (req as Tagged)[RECORD];
  if (record !== undefined && typeof route === 'string' && route !== '') record.route = route;
}

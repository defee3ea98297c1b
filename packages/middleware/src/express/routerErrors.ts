import diagnosticsChannel from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import { recordOf } from '../node/nodeBinding.js';

// Express 5's `router` (2.3+) publishes each middleware and handler invocation on the tracing
// channel `express.router.request`; its `error` event fires once per error, where it originates:
// a throw, a rejected promise or `next(err)`, whether or not an error handler deals with it.
const ERROR_CHANNEL = 'tracing:express.router.request:error';

let subscribed = false;

function onRouterError(message: unknown): void {
  const { req, error } = message as { req?: IncomingMessage; error?: unknown };
  if (req === undefined || error === undefined) return;
  const record = recordOf(req);
  // The first error of a request is its cause; an error handler's own failure comes after it.
  if (record !== undefined && record.error === undefined) record.error = error;
}

/**
 * Record errors raised by Express handlers on the request's record (an `exception` event and
 * status `error` on its span when it ends). One subscriber for the process, added with the first
 * instrumented app: it only reads `req` and the error, so apps that are not instrumented pay a
 * lookup per error.
 */
export function recordExpressRouterErrors(): void {
  if (subscribed) return;
  subscribed = true;
  diagnosticsChannel.subscribe(ERROR_CHANNEL, onRouterError);
}

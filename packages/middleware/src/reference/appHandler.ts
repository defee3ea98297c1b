import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FetchHandler } from '../fetch/instrumentFetchHandler.js';
import type { NodeRequestListener } from '../node/instrumentNodeHttp.js';

/** What the reference's middleware classes wrap: a `node:http` listener or a fetch handler. */
export type HttpApp = NodeRequestListener | FetchHandler;

/** The two faces of a wrapped app: a `node:http` listener and a fetch handler. */
export interface AppHandler {
  /** For `http.createServer(handler)`. */
  (req: IncomingMessage, res: ServerResponse): void;
}

/** The fetch face of a wrapped app, for `serve({ fetch })`, workers, Deno, Bun. */
export type AppFetch = (request: Request, ...rest: unknown[]) => Promise<Response>;

/**
 * One handler calling the node or the fetch variant by the arguments it gets (a `Request` means
 * fetch), so the same middleware instance fits `http.createServer` and `serve({ fetch })`.
 */
export function dualHandler(
  node: () => NodeRequestListener,
  fetch: () => (request: Request, ...rest: unknown[]) => Promise<Response>,
): { readonly handler: AppHandler; readonly fetch: AppFetch } {
  let nodeHandler: NodeRequestListener | undefined;
  let fetchHandler: ((request: Request, ...rest: unknown[]) => Promise<Response>) | undefined;
  const handle = function handle(first: unknown, ...rest: unknown[]): unknown {
    if (first instanceof Request) {
      fetchHandler ??= fetch();
      return fetchHandler(first, ...rest);
    }
    nodeHandler ??= node();
    return nodeHandler(first as IncomingMessage, rest[0] as ServerResponse);
  };
  return { handler: handle, fetch: handle as AppFetch };
}

/** A node listener answering 404 (the reference's behaviour when nothing is wrapped). */
export const notFoundListener: NodeRequestListener = (_req, res) => {
  res.statusCode = 404;
  res.end();
};

/** A fetch handler answering 404. */
export const notFoundFetch: FetchHandler = () => new Response(null, { status: 404 });

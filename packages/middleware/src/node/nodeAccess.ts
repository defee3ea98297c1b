import type { IncomingMessage } from 'node:http';
import { pathOf, type RequestAccess } from '../lifecycle/requestAccess.js';

/** Reads a `node:http` request (Express, Fastify and Koa expose the same object). */
export const NODE_REQUEST_ACCESS: RequestAccess<IncomingMessage> = {
  method: (req) => req.method,
  path: (req) => pathOf(req.url),
  scheme: (req) => ((req.socket as { encrypted?: boolean } | null)?.encrypted ? 'https' : 'http'),
  header: (req, name) => {
    const value = req.headers[name];
    return Array.isArray(value) ? value.join(', ') : value;
  },
  carrier: (req) => req.headers,
};

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EndpointKind, MonitorEndpoints } from '../endpoints/monitorEndpoints.js';

/** Serve endpoint `kind` on a `node:http` response (never rejects). */
export async function writeEndpoint(
  endpoints: MonitorEndpoints,
  kind: EndpointKind,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = req.url ?? '';
  const q = url.indexOf('?');
  const response = await endpoints.respond(
    kind,
    req.headers.accept,
    q === -1 ? '' : url.slice(q + 1),
  );
  if (res.writableEnded || res.destroyed) return;
  res.statusCode = response.statusCode;
  res.setHeader('content-type', response.contentType);
  res.setHeader('cache-control', 'no-store');
  res.end(req.method === 'HEAD' ? undefined : response.body);
}

import { once } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PrometheusExposition } from './prometheusExposition.js';

/**
 * Write `exposition` to `res` chunk by chunk, waiting for `drain` when the socket is full, so
 * memory per scrape stays bounded by the chunk size. The content type follows `accept`.
 */
export async function writeExposition(
  exposition: PrometheusExposition,
  accept: string | undefined,
  res: ServerResponse,
  head = false,
): Promise<void> {
  let started = false;
  try {
    for await (const chunk of exposition.stream(accept)) {
      if (!started) {
        started = true;
        res.writeHead(200, { 'Content-Type': exposition.contentType(accept) });
        if (head) break;
      }
      if (!res.write(chunk)) await once(res, 'drain');
    }
    if (!started) res.writeHead(200, { 'Content-Type': exposition.contentType(accept) });
    res.end();
  } catch (error) {
    if (!started) {
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`metrics exposition failed: ${String(error)}\n`);
    } else {
      res.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  }
}

/**
 * A `node:http` request listener serving `exposition` at `path` (GET and HEAD), 404 elsewhere,
 * 405 for other methods. Mount it on your own server or pass it to `http.createServer`.
 */
export function metricsRequestListener(
  exposition: PrometheusExposition,
  path = '/metrics',
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const pathname = q < 0 ? url : url.slice(0, q);
    if (pathname !== path) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`Not found: metrics are served at ${path}\n`);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' });
      res.end();
      return;
    }
    void writeExposition(exposition, req.headers.accept, res, req.method === 'HEAD');
  };
}

import type { RequestAccess } from '../lifecycle/requestAccess.js';

// Headers the propagators read (W3C, baggage, B3): copied into a small carrier object.
const CONTEXT_HEADERS = [
  'traceparent',
  'tracestate',
  'baggage',
  'b3',
  'x-b3-traceid',
  'x-b3-spanid',
  'x-b3-sampled',
];

/** Reads a fetch `Request` (`request.url` is absolute). */
export const FETCH_REQUEST_ACCESS: RequestAccess<Request> = {
  method: (req) => req.method,
  path: (req) => urlPath(req.url),
  scheme: (req) => (req.url.startsWith('https:') ? 'https' : 'http'),
  header: (req, name) => req.headers.get(name) ?? (name === 'host' ? urlHost(req.url) : undefined),
  carrier: (req) => {
    const carrier: Record<string, string> = {};
    for (const name of CONTEXT_HEADERS) {
      const value = req.headers.get(name);
      if (value !== null) carrier[name] = value;
    }
    return carrier;
  },
};

/** The path of an absolute URL without parsing it fully. */
export function urlPath(url: string): string {
  const scheme = url.indexOf('://');
  const start = scheme === -1 ? 0 : url.indexOf('/', scheme + 3);
  if (start === -1) return '/';
  let end = url.length;
  const q = url.indexOf('?', start);
  if (q !== -1) end = q;
  const h = url.indexOf('#', start);
  if (h !== -1 && h < end) end = h;
  return url.slice(start, end) || '/';
}

/** The query string of an absolute URL (without `?`). */
export function urlQuery(url: string): string {
  const q = url.indexOf('?');
  if (q === -1) return '';
  const h = url.indexOf('#', q);
  return url.slice(q + 1, h === -1 ? undefined : h);
}

/** The `host[:port]` of an absolute URL (a fetch `Request` built in code has no `Host` header). */
export function urlHost(url: string): string | undefined {
  const scheme = url.indexOf('://');
  if (scheme === -1) return undefined;
  const end = url.indexOf('/', scheme + 3);
  return url.slice(scheme + 3, end === -1 ? undefined : end) || undefined;
}

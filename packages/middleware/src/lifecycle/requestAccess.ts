import type { TextMapGetterCarrier } from '@lexigram/monitor-core';

/**
 * How the lifecycle reads a request of one adapter's kind. One shared object per adapter (not per
 * request), so reading costs no allocation.
 */
export interface RequestAccess<Req> {
  /** The HTTP method as sent. */
  method(req: Req): string | undefined;
  /** The path without the query string. */
  path(req: Req): string;
  /** `http` or `https`. */
  scheme(req: Req): string;
  /** One request header (lower-case name), or undefined. */
  header(req: Req, name: string): string | undefined;
  /** The headers as a carrier the tracer extracts W3C context from. */
  carrier(req: Req): TextMapGetterCarrier;
}

/** Path of a request target: everything before `?` (and the target itself when it has none). */
export function pathOf(target: string | undefined): string {
  if (target === undefined) return '/';
  const q = target.indexOf('?');
  return q === -1 ? target : target.slice(0, q);
}

/** The host name of a `Host` header (port removed, IPv6 brackets kept). */
export function hostName(host: string | undefined): string | undefined {
  if (host === undefined || host === '') return undefined;
  if (host.charCodeAt(0) === 91 /* [ */) {
    const end = host.indexOf(']');
    return end === -1 ? host : host.slice(0, end + 1);
  }
  const colon = host.indexOf(':');
  return colon === -1 ? host : host.slice(0, colon);
}

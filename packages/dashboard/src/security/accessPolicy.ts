import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The user's own access decision: true (or a promise of true) lets the request in. Called for
 * every request, the page and the feed alike.
 */
export type DashboardAuthorize = (request: IncomingMessage) => boolean | Promise<boolean>;

/** Who may read the dashboard. */
export interface AccessPolicy {
  /** Token accepted from any address (`Authorization: Bearer`, or `?token=` for the page). */
  readonly token?: string | undefined;
  /** Custom decision; when given it replaces the loopback and token rules. */
  readonly authorize?: DashboardAuthorize | undefined;
  /** Let loopback clients in without the token. Default true. */
  readonly allowLoopback?: boolean | undefined;
}

/** Outcome of {@link decideAccess}: allowed, or the HTTP status to refuse with. */
export type AccessDecision =
  { readonly allowed: true } | { readonly allowed: false; readonly status: 401 | 403 };

/** True for 127.0.0.0/8, ::1 and IPv4-mapped loopback (`::ffff:127.x.x.x`). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  return plain === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(plain);
}

function tokenOf(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization;
  if (typeof header === 'string' && header.startsWith('Bearer ')) return header.slice(7).trim();
  const query = request.url?.indexOf('?') ?? -1;
  if (query < 0) return undefined;
  return new URLSearchParams(request.url!.slice(query + 1)).get('token') ?? undefined;
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  // Compare in constant time so the token cannot be guessed byte by byte from response times.
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Decide whether `request` may read the dashboard: the `authorize` hook when given; otherwise a
 * loopback client is let in, and any other client needs the token (401 without one, 403 with a
 * wrong one; 403 when no token is configured, since the dashboard is then loopback-only).
 * `remoteAddress` defaults to the request's socket address (tests pass another).
 */
export async function decideAccess(
  request: IncomingMessage,
  policy: AccessPolicy,
  remoteAddress: string | undefined = request.socket.remoteAddress,
): Promise<AccessDecision> {
  if (policy.authorize) {
    return (await policy.authorize(request)) === true
      ? { allowed: true }
      : { allowed: false, status: 403 };
  }
  if (policy.allowLoopback !== false && isLoopbackAddress(remoteAddress)) return { allowed: true };
  if (policy.token === undefined) return { allowed: false, status: 403 };
  const given = tokenOf(request);
  if (given === undefined) return { allowed: false, status: 401 };
  return sameToken(given, policy.token) ? { allowed: true } : { allowed: false, status: 403 };
}

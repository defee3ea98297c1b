import type { IncomingMessage } from 'node:http';
import { decideAccess, isLoopbackAddress } from '../../src/security/accessPolicy.js';

function request(url = '/', headers: Record<string, string> = {}, remote = '127.0.0.1') {
  return { url, headers, socket: { remoteAddress: remote } } as unknown as IncomingMessage;
}

const TOKEN = 'abcdefghijklmnopqrstuvwxyz';

describe('isLoopbackAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.3.2.1', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.0.0.1', false],
    ['::ffff:192.168.1.2', false],
    ['2001:db8::1', false],
    ['127.0.0.1.evil', false],
    [undefined, false],
  ])('%s -> %s', (address, expected) => {
    expect(isLoopbackAddress(address)).toBe(expected);
  });
});

describe('decideAccess', () => {
  it('lets loopback in and refuses everyone else when no token is set', async () => {
    await expect(decideAccess(request(), {})).resolves.toEqual({ allowed: true });
    await expect(decideAccess(request('/', {}, '203.0.113.5'), {})).resolves.toEqual({
      allowed: false,
      status: 403,
    });
  });

  it('asks a remote client for the token: 401 without, 403 wrong, allowed right', async () => {
    const remote = '203.0.113.5';
    const policy = { token: TOKEN };
    await expect(decideAccess(request('/', {}, remote), policy)).resolves.toEqual({
      allowed: false,
      status: 401,
    });
    await expect(
      decideAccess(request('/', { authorization: 'Bearer nope' }, remote), policy),
    ).resolves.toEqual({ allowed: false, status: 403 });
    await expect(
      decideAccess(request('/', { authorization: `Bearer ${TOKEN}` }, remote), policy),
    ).resolves.toEqual({ allowed: true });
    await expect(
      decideAccess(request(`/events?token=${TOKEN}`, {}, remote), policy),
    ).resolves.toEqual({
      allowed: true,
    });
  });

  it('needs the token on loopback too with allowLoopback false', async () => {
    await expect(decideAccess(request(), { token: TOKEN, allowLoopback: false })).resolves.toEqual({
      allowed: false,
      status: 401,
    });
  });

  it('defers entirely to the authorize hook when given', async () => {
    const seen: string[] = [];
    const authorize = async (req: IncomingMessage) => {
      seen.push(req.url ?? '');
      return req.headers['x-user'] === 'admin';
    };
    await expect(decideAccess(request('/a'), { authorize })).resolves.toEqual({
      allowed: false,
      status: 403,
    });
    await expect(
      decideAccess(request('/b', { 'x-user': 'admin' }, '203.0.113.5'), { authorize }),
    ).resolves.toEqual({ allowed: true });
    expect(seen).toEqual(['/a', '/b']);
  });

  it('takes the remote address from the caller when given (a proxy decision)', async () => {
    await expect(decideAccess(request(), {}, '198.51.100.7')).resolves.toEqual({
      allowed: false,
      status: 403,
    });
  });
});

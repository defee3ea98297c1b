import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { MonitorFault } from '@lexigram/monitor-core';
import {
  MAX_ERROR_BODY_BYTES,
  PushgatewayClient,
  type PushgatewayClientOptions,
} from '../../src/push/pushgatewayClient.js';

/** A client of `url` retrying after 1 ms, whose faults go to `faults`. */
function faultingClient(
  url: string,
  faults: MonitorFault[],
  options: Omit<PushgatewayClientOptions, 'url' | 'onError'> = {},
): PushgatewayClient {
  return new PushgatewayClient({ url, backoffMs: 1, onError: (f) => faults.push(f), ...options });
}

/** A loopback server answering with `reply(n)` for the n-th request; records each request. */
async function fakeGateway(
  reply: (n: number, req: IncomingMessage, res: ServerResponse) => void,
): Promise<{
  url: string;
  seen: { method: string; url: string; body: string }[];
  close(): Promise<void>;
}> {
  const seen: { method: string; url: string; body: string }[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, body });
      reply(seen.length, req, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => {
      server.closeAllConnections();
      return new Promise((r) => server.close(() => r()));
    },
  };
}

describe('PushgatewayClient', () => {
  it('builds the group URL, base64-encoding values with a slash or empty', () => {
    const c = new PushgatewayClient({
      url: 'http://gw:9091/',
      job: 'nightly job',
      groupingLabels: { instance: 'a/b', zone: '', env: 'prod' },
    });
    expect(c.groupUrl).toBe(
      'http://gw:9091/metrics/job/nightly%20job/instance@base64/YS9i/zone@base64/=/env/prod',
    );
  });

  it('retries a 5xx with backoff and succeeds', async () => {
    const gw = await fakeGateway((n, _req, res) => {
      res.writeHead(n < 3 ? 503 : 200);
      res.end();
    });
    try {
      const c = new PushgatewayClient({ url: gw.url, job: 'j', retries: 2, backoffMs: 1 });
      await expect(c.push('x 1\n', 'POST')).resolves.toBe(true);
      expect(gw.seen.map((s) => s.method)).toEqual(['POST', 'POST', 'POST']);
      expect(gw.seen[0]).toMatchObject({ url: '/metrics/job/j', body: 'x 1\n' });
    } finally {
      await gw.close();
    }
  });

  it('does not retry a 4xx and reports it once', async () => {
    const faults: MonitorFault[] = [];
    const gw = await fakeGateway((_n, _req, res) => {
      res.writeHead(400);
      res.end('bad body');
    });
    try {
      const c = faultingClient(gw.url, faults);
      await expect(c.push('x 1\n')).resolves.toBe(false);
      expect(gw.seen).toHaveLength(1);
      expect(faults.map((f) => [f.code, f.message])).toEqual([
        [
          'PUSHGATEWAY_FAILED',
          expect.stringMatching(/PUT .*\/metrics\/job\/lexigram failed: HTTP 400 bad body/),
        ],
      ]);
    } finally {
      await gw.close();
    }
  });

  it('reads at most a few KB of an endless error body, on every attempt, and drops the rest', async () => {
    const faults: MonitorFault[] = [];
    let written = 0;
    let closedResponses = 0;
    const gw = await fakeGateway((_n, _req, res) => {
      res.writeHead(502);
      const chunk = Buffer.alloc(64 * 1024, 120);
      const pump = (): void => {
        while (!res.destroyed && res.write(chunk)) written += chunk.length;
      };
      res.on('drain', pump);
      res.on('close', () => closedResponses++);
      pump();
    });
    try {
      const c = faultingClient(gw.url, faults, { retries: 1, timeoutMs: 10_000 });
      await expect(c.push('x 1\n')).resolves.toBe(false);
      expect(gw.seen).toHaveLength(2);
      expect(faults).toHaveLength(1);
      expect(faults[0]!.message).toMatch(/failed: HTTP 502 x+$/);
      const body = /HTTP 502 (x+)$/.exec(faults[0]!.message)![1]!;
      expect(body.length).toBe(MAX_ERROR_BODY_BYTES);
      expect(MAX_ERROR_BODY_BYTES).toBeLessThanOrEqual(8192);
      // Each attempt's connection was dropped after the cap: the server's back-pressure stopped
      // it long before anything like the endless body was sent.
      while (closedResponses < 2) await new Promise((r) => setTimeout(r, 5));
      expect(written).toBeLessThan(64 * 1024 * 1024);
    } finally {
      await gw.close();
    }
  });

  it('gives up after the retries when the gateway hangs past the timeout', async () => {
    const faults: MonitorFault[] = [];
    const gw = await fakeGateway(() => undefined);
    try {
      const c = faultingClient(gw.url, faults, { timeoutMs: 50, retries: 1 });
      await expect(c.delete()).resolves.toBe(false);
      // Counted by the client: on a loaded machine an attempt can time out before the gateway
      // has even seen its headers, so the gateway's own count is not a reliable witness.
      expect(faults).toHaveLength(1);
      expect(faults[0]!.details).toMatchObject({ method: 'DELETE', attempts: 2 });
      expect(faults[0]!.message).toMatch(/DELETE .* failed: .*(timeout|abort)/i);
      expect(gw.seen.every((s) => s.method === 'DELETE')).toBe(true);
    } finally {
      await gw.close();
    }
  });

  it('reports an unreachable gateway instead of throwing', async () => {
    const gw = await fakeGateway(() => undefined);
    const url = gw.url;
    await gw.close();
    const faults: MonitorFault[] = [];
    const c = new PushgatewayClient({ url, retries: 0, onError: (f) => faults.push(f) });
    await expect(c.push('x 1\n')).resolves.toBe(false);
    expect(faults[0]!.code).toBe('PUSHGATEWAY_FAILED');
  });
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PagerDutyAlertDispatcher, SlackAlertDispatcher } from '../../src/index.js';
import { MAX_ERROR_BODY_BYTES } from '../../src/webhook/postJson.js';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function shut(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

describe('response bodies are read capped (F5)', () => {
  it('an endless error body: the attempt fails after reading a few KB', async () => {
    let written = 0;
    const server = createServer((_req, res) => {
      res.writeHead(500);
      const chunk = Buffer.alloc(64 * 1024, 97);
      const pump = (): void => {
        while (written < 512 * 1024 * 1024 && res.write(chunk)) written += chunk.length;
      };
      res.on('drain', pump);
      pump();
    });
    const url = await listen(server);
    try {
      const reasons: string[] = [];
      const logger = {
        level: 'info',
        child: () => logger,
        trace() {},
        debug() {},
        info() {},
        warn() {},
        fatal() {},
        error: (fields: { reason?: string }) => void (fields.reason && reasons.push(fields.reason)),
      };
      const d = new SlackAlertDispatcher({
        webhookUrl: `${url}/x`,
        maxRetries: 0,
        timeoutMs: 5000,
        logger: logger as never,
      });
      await d.sendAlert('t', 'm', 'high');
      await d.close();
      expect(d.stats.failed).toBe(1);
      expect(reasons[0]).toMatch(/^HTTP 500: a{200}$/);
      // The server was stopped by back-pressure long before the 512 MB it would send.
      expect(written).toBeLessThan(64 * 1024 * 1024);
    } finally {
      await shut(server);
    }
  });

  it('reads at most a few KB of an error body (the cap is core readCapped, tested there)', () => {
    expect(MAX_ERROR_BODY_BYTES).toBeLessThanOrEqual(8192);
  });
});

describe('close() has a deadline (F9)', () => {
  it('a destination that never answers: close() returns by its deadline and counts the rest', async () => {
    const server = createServer(() => {}); // accepts, never answers
    const url = await listen(server);
    try {
      const d = new SlackAlertDispatcher({
        webhookUrl: `${url}/x`,
        timeoutMs: 2000,
        maxRetries: 3,
        initialBackoffMs: 10,
        rateLimit: false,
        shutdownTimeoutMs: 300,
        onError: () => {},
      });
      for (let i = 0; i < 10; i++) await d.sendAlert(`alert ${i}`, 'm', 'high');
      jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
      let closed = false;
      const closing = d.close().then(() => (closed = true));
      await jest.advanceTimersByTimeAsync(299);
      expect(closed).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      await closing;
      jest.useRealTimers();
      expect(d.stats.dropped).toBeGreaterThanOrEqual(9); // queued ones; the one in flight may still end
      expect(d.stats.queued).toBe(0);
    } finally {
      jest.useRealTimers();
      await shut(server);
    }
  });

  it('rejects a deadline a timer cannot honour (F4)', () => {
    for (const field of [
      'timeoutMs',
      'shutdownTimeoutMs',
      'initialBackoffMs',
      'maxBackoffMs',
      'maxRetryAfterMs',
    ]) {
      expect(
        () => new SlackAlertDispatcher({ webhookUrl: 'http://127.0.0.1:9/x', [field]: 2 ** 31 }),
      ).toThrow(new RegExp(`${field}: must be at most`));
    }
  });
});

describe('alert payloads with BigInt, and failed sends are not duplicates (F18)', () => {
  it('the PagerDuty case of the findings note', async () => {
    const bodies: string[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        bodies.push(body);
        res.end('{}');
      });
    });
    const url = await listen(server);
    try {
      const pd = new PagerDutyAlertDispatcher({
        routingKey: 'k',
        url: `${url}/`,
        logging: { enabled: false },
      });
      await pd.sendAlert('disk full', 'm', 'critical', { bytes: 10n });
      await pd.flush();
      const cyclic: Record<string, unknown> = {};
      cyclic.self = cyclic;
      await pd.sendAlert('cpu', 'm', 'critical', { cyclic });
      await pd.flush();
      await pd.sendAlert('cpu', 'm', 'critical', { ok: 1 });
      await pd.close();
      expect(bodies).toHaveLength(2);
      expect(JSON.parse(bodies[0]!).payload.custom_details.bytes).toBe('10');
      expect(pd.stats).toMatchObject({ delivered: 2, failed: 1, deduplicated: 0 });
    } finally {
      await shut(server);
    }
  });
});

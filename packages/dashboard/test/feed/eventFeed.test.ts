import {
  createServer,
  request,
  type ClientRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { EventFeed } from '../../src/feed/eventFeed.js';

describe('EventFeed', () => {
  let server: Server;
  let port: number;
  let feed: EventFeed;
  let produced = 0;
  let extra: Record<string, unknown> = {};
  const active: boolean[] = [];
  const open: ClientRequest[] = [];

  beforeEach(async () => {
    produced = 0;
    extra = {};
    active.length = 0;
    feed = new EventFeed({
      produce: async () => ({ n: ++produced, ...extra }),
      // Long interval: ticks in this test come from runNow(), not the clock.
      intervalMs: 3_600_000,
      maxClients: 2,
      onActive: (on) => active.push(on),
    });
    server = createServer((_req, res) => {
      if (!feed.attach(res)) res.writeHead(503).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterEach(async () => {
    for (const req of open) req.destroy();
    open.length = 0;
    await feed.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  /** Connect and collect `data:` payloads and the `event:` names. */
  function connect(): Promise<{
    response: IncomingMessage;
    messages: unknown[];
    events: string[];
  }> {
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/' }, (response) => {
        const messages: unknown[] = [];
        const events: string[] = [];
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          for (const line of chunk.split('\n')) {
            if (line.startsWith('data: ')) messages.push(JSON.parse(line.slice(6)));
            if (line.startsWith('event: ')) events.push(line.slice(7));
          }
        });
        resolve({ response, messages, events });
      });
      req.on('error', reject);
      req.end();
      open.push(req);
    });
  }

  const until = async (condition: () => boolean) => {
    while (!condition()) await new Promise((resolve) => setImmediate(resolve));
  };

  it('does no work while nobody is connected', async () => {
    await feed.runNow();
    expect(produced).toBe(0);
    expect(feed.running).toBe(false);
  });

  it('starts on the first client, sends each tick to every client, stops after the last', async () => {
    const first = await connect();
    expect(first.response.headers['content-type']).toContain('text/event-stream');
    await until(() => first.messages.length === 1);
    expect(feed.running).toBe(true);
    expect(active).toEqual([true]);
    const second = await connect();
    // A late joiner gets the latest tick at once.
    await until(() => second.messages.length === 1);
    expect(second.messages).toEqual([{ n: 1 }]);
    await feed.runNow();
    await until(() => first.messages.length === 2 && second.messages.length === 2);
    expect(first.messages).toEqual([{ n: 1 }, { n: 2 }]);
    expect(produced).toBe(2); // one payload per tick, however many clients
    for (const req of open) req.destroy();
    await until(() => feed.clientCount === 0 && !feed.running);
    expect(active).toEqual([true, false]);
  });

  it('sends a field only when it changed; a page joining later gets every field', async () => {
    extra = { title: 'shop', health: { status: 'healthy' } };
    const first = await connect();
    await until(() => first.messages.length === 1);
    expect(first.messages[0]).toEqual({ n: 1, title: 'shop', health: { status: 'healthy' } });
    await feed.runNow();
    await until(() => first.messages.length === 2);
    expect(first.messages[1]).toEqual({ n: 2 });
    extra = { title: 'shop', health: { status: 'unhealthy' } };
    await feed.runNow();
    await until(() => first.messages.length === 3);
    expect(first.messages[2]).toEqual({ n: 3, health: { status: 'unhealthy' } });
    expect(first.events).toEqual(['update', 'update', 'update']);

    const late = await connect();
    await until(() => late.messages.length === 1);
    expect(late.events).toEqual(['snapshot']);
    expect(late.messages[0]).toEqual({ n: 3, title: 'shop', health: { status: 'unhealthy' } });
  });

  it('refuses clients beyond maxClients', async () => {
    await connect();
    await connect();
    await until(() => feed.clientCount === 2);
    const third = await connect();
    expect(third.response.statusCode).toBe(503);
    expect(feed.clientCount).toBe(2);
  });

  it('counts its ticks and the CPU time spent in them', async () => {
    let cpu = 0;
    const measured = new EventFeed({
      produce: async () => {
        cpu += 3;
        return { n: 1 };
      },
      intervalMs: 3_600_000,
      maxClients: 1,
      cpuMs: () => cpu,
    });
    await measured.runNow(); // nobody connected: no tick
    expect(measured.usage).toEqual({ ticks: 0, cpuMs: 0 });
    const sink = new PassThrough();
    const response = Object.assign(sink, {
      writeHead: () => response,
    }) as unknown as ServerResponse;
    measured.attach(response);
    await until(() => measured.usage.ticks === 1);
    await measured.runNow();
    expect(measured.usage).toEqual({ ticks: 2, cpuMs: 6 });
    await measured.close();
  });
});

import {
  createServer,
  request,
  type ClientRequest,
  type IncomingMessage,
  type Server,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventFeed } from '../../src/feed/eventFeed.js';

describe('EventFeed', () => {
  let server: Server;
  let port: number;
  let feed: EventFeed;
  let produced = 0;
  const active: boolean[] = [];
  const open: ClientRequest[] = [];

  beforeEach(async () => {
    produced = 0;
    active.length = 0;
    feed = new EventFeed({
      produce: async () => ({ n: ++produced }),
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

  /** Connect and collect `data:` payloads. */
  function connect(): Promise<{ response: IncomingMessage; messages: unknown[] }> {
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/' }, (response) => {
        const messages: unknown[] = [];
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          for (const line of chunk.split('\n')) {
            if (line.startsWith('data: ')) messages.push(JSON.parse(line.slice(6)));
          }
        });
        resolve({ response, messages });
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

  it('refuses clients beyond maxClients', async () => {
    await connect();
    await connect();
    await until(() => feed.clientCount === 2);
    const third = await connect();
    expect(third.response.statusCode).toBe(503);
    expect(feed.clientCount).toBe(2);
  });
});

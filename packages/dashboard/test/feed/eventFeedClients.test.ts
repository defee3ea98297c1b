import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import type { MonitorFault } from '@lexigram/monitor-core';
import type { Scheduler } from '@lexigram/monitor-core/internal';
import { EventFeed } from '../../src/feed/eventFeed.js';

/** A response that records what is written to it and whose socket drains on demand. */
class FakeResponse extends EventEmitter {
  status: number | undefined;
  headers: Record<string, string> | undefined;
  readonly chunks: string[] = [];
  writableNeedDrain = false;
  ended = false;

  writeHead(status: number, headers: Record<string, string>): this {
    this.status = status;
    this.headers = headers;
    return this;
  }

  write(chunk: string): boolean {
    this.chunks.push(chunk);
    return true;
  }

  end(): this {
    this.ended = true;
    return this;
  }

  /** The `event:` names written after the preamble. */
  get events(): string[] {
    return this.chunks.slice(1).map((chunk) => chunk.split('\n')[0]!);
  }

  get last(): unknown {
    const chunk = this.chunks[this.chunks.length - 1]!;
    return JSON.parse(chunk.split('\n')[1]!.slice('data: '.length));
  }
}

const asResponse = (fake: FakeResponse): ServerResponse => fake as unknown as ServerResponse;

/** A scheduler whose timers never fire on their own. */
function idleScheduler(): Scheduler & { intervals: number[] } {
  const intervals: number[] = [];
  return {
    intervals,
    now: () => 0,
    setTimeout: () => 0,
    clearTimeout: () => {},
    setInterval: (_fn: () => void, ms: number) => {
      intervals.push(ms);
      return 0;
    },
    clearInterval: () => {},
  };
}

const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('EventFeed clients', () => {
  let n = 0;
  let extra: Record<string, unknown> = {};
  const feeds: EventFeed[] = [];

  function makeFeed(options: Partial<ConstructorParameters<typeof EventFeed>[0]> = {}): EventFeed {
    n = 0;
    extra = {};
    const feed = new EventFeed({
      produce: async () => ({ n: ++n, ...extra }),
      intervalMs: 3_600_000,
      maxClients: 3,
      scheduler: idleScheduler(),
      ...options,
    });
    feeds.push(feed);
    return feed;
  }

  afterEach(async () => {
    for (const feed of feeds.splice(0)) await feed.close();
  });

  it('opens an event stream that is never cached or buffered, with a 2 s reconnect delay', () => {
    const res = new FakeResponse();
    expect(makeFeed().attach(asResponse(res))).toBe(true);
    expect(res.status).toBe(200);
    expect(res.headers).toEqual({
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    expect(res.chunks[0]).toBe('retry: 2000\n\n');
  });

  it('runs its loop on the given scheduler at intervalMs', () => {
    const scheduler = idleScheduler();
    makeFeed({ scheduler, intervalMs: 1234 }).attach(asResponse(new FakeResponse()));
    expect(scheduler.intervals).toEqual([1234]);
  });

  it('skips a client whose socket is not draining, then sends it a full snapshot', async () => {
    const feed = makeFeed();
    const fast = new FakeResponse();
    const slow = new FakeResponse();
    feed.attach(asResponse(fast));
    await flush();
    extra = { title: 'shop' };
    feed.attach(asResponse(slow));
    expect(slow.events).toEqual(['event: snapshot']);
    slow.writableNeedDrain = true;
    await feed.runNow(); // n: 2, title
    expect(slow.chunks).toHaveLength(2);
    await feed.runNow(); // n: 3
    expect(slow.chunks).toHaveLength(2);
    slow.writableNeedDrain = false;
    await feed.runNow(); // n: 4: the slow one missed updates, so it gets every field
    expect(slow.events).toEqual(['event: snapshot', 'event: snapshot']);
    expect(slow.last).toEqual({ n: 4, title: 'shop' });
    await feed.runNow();
    expect(slow.events).toEqual(['event: snapshot', 'event: snapshot', 'event: update']);
    expect(slow.last).toEqual({ n: 5 });
    expect(fast.events).toEqual([
      'event: update',
      'event: update',
      'event: update',
      'event: update',
      'event: update',
    ]);
  });

  it('sends a field that became undefined as null, and an empty update when nothing changed', async () => {
    const feed = makeFeed({ produce: async () => ({ a: undefined, b: 1 }) });
    const res = new FakeResponse();
    feed.attach(asResponse(res));
    await flush();
    expect(res.last).toEqual({ a: null, b: 1 });
    await feed.runNow();
    expect(res.last).toEqual({});
  });

  it('reports a failing tick as a fault and still counts it', async () => {
    const faults: MonitorFault[] = [];
    const feed = makeFeed({
      produce: async () => {
        throw new Error('no data');
      },
      onError: (fault) => faults.push(fault),
    });
    feed.attach(asResponse(new FakeResponse()));
    await flush();
    await flush();
    expect(faults).toMatchObject([
      {
        code: 'DASHBOARD_FEED_FAILED',
        component: 'monitor-dashboard',
        message: 'dashboard feed tick failed',
      },
    ]);
    expect((faults[0]!.error as Error).message).toBe('no data');
    expect(feed.usage.ticks).toBe(1);
  });

  it('stops only after the last client leaves, once, and ends clients on close', async () => {
    const active: boolean[] = [];
    const feed = makeFeed({ onActive: (on) => active.push(on) });
    const a = new FakeResponse();
    const b = new FakeResponse();
    feed.attach(asResponse(a));
    feed.attach(asResponse(b));
    expect(active).toEqual([true]);
    a.emit('close');
    a.emit('close');
    await flush();
    expect(feed.clientCount).toBe(1);
    expect(feed.running).toBe(true);
    expect(active).toEqual([true]);
    await feed.close();
    expect(b.ended).toBe(true);
    expect(a.ended).toBe(false);
    expect(feed.clientCount).toBe(0);
    expect(feed.running).toBe(false);
    expect(active).toEqual([true, false]);
    // A close after close changes nothing.
    await feed.close();
    b.emit('close');
    expect(active).toEqual([true, false]);
  });
});

import type { ServerResponse } from 'node:http';
import { BackgroundLoop, reportFault, type Scheduler } from '@lexigram/monitor-core/internal';
import type { MonitorFaultHandler } from '@lexigram/monitor-core';

/** Options of {@link EventFeed}. */
export interface EventFeedOptions {
  /**
   * Builds the payload of one tick: an object whose top-level fields are serialized once each;
   * only the fields that changed since the previous tick are sent.
   */
  readonly produce: () => Promise<Readonly<Record<string, unknown>>>;
  readonly intervalMs: number;
  readonly maxClients: number;
  /** Called when the first client joins and after the last one leaves. */
  readonly onActive?: (active: boolean) => void;
  readonly onError?: MonitorFaultHandler | undefined;
  readonly scheduler?: Scheduler;
  /** CPU time of the process in ms; default `process.cpuUsage()` (user + system). */
  readonly cpuMs?: () => number;
}

/** What the feed has cost so far. */
export interface FeedUsage {
  /** Ticks run. */
  readonly ticks: number;
  /** CPU time spent inside them, in ms (the process' CPU time measured around each tick). */
  readonly cpuMs: number;
}

function processCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * Server-sent events to the open pages. The loop runs only while at least one page is
 * connected, so an unwatched dashboard costs nothing. A page gets one `snapshot` event with
 * every field when it connects, then one `update` event per tick with only the fields whose
 * JSON changed (serialized once for every client). A client whose socket is not draining skips
 * ticks instead of queueing them, so a slow page cannot grow the server's memory; it is sent a
 * full snapshot once it drains, since it missed updates.
 */
export class EventFeed {
  private readonly clients = new Set<ServerResponse>();
  // Clients that missed an update: they get the full snapshot next.
  private readonly behind = new WeakSet<ServerResponse>();
  private readonly loop: BackgroundLoop;
  /** Each field's JSON as last sent. */
  private readonly fields = new Map<string, string>();
  private readonly cpuMs: () => number;
  private ticks = 0;
  private tickCpuMs = 0;

  constructor(private readonly options: EventFeedOptions) {
    this.cpuMs = options.cpuMs ?? processCpuMs;
    this.loop = new BackgroundLoop({
      run: () => this.tick(),
      onError: (error) =>
        reportFault(
          {
            code: 'DASHBOARD_FEED_FAILED',
            component: 'monitor-dashboard',
            message: 'dashboard feed tick failed',
            error,
          },
          options.onError,
        ),
      component: 'monitor-dashboard',
      ...(options.scheduler ? { scheduler: options.scheduler } : {}),
    });
  }

  /** Pages connected now. */
  get clientCount(): number {
    return this.clients.size;
  }

  /** Ticks run and the CPU time spent in them. */
  get usage(): FeedUsage {
    return { ticks: this.ticks, cpuMs: this.tickCpuMs };
  }

  /** True while the loop is scheduled. */
  get running(): boolean {
    return this.loop.started;
  }

  /**
   * Attach `response` as a client. False (and nothing written) when `maxClients` are connected.
   */
  attach(response: ServerResponse): boolean {
    if (this.clients.size >= this.options.maxClients) return false;
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    response.write('retry: 2000\n\n');
    this.clients.add(response);
    response.on('close', () => this.detach(response));
    if (this.fields.size > 0) response.write(this.fullMessage());
    if (this.clients.size === 1) {
      this.options.onActive?.(true);
      this.loop.start(this.options.intervalMs);
      void this.loop.runNow();
    }
    return true;
  }

  /** Run one tick now (tests, benches). */
  runNow(): Promise<void> {
    return this.loop.runNow();
  }

  /** End every client and stop the loop. */
  async close(): Promise<void> {
    for (const client of this.clients) client.end();
    this.clients.clear();
    await this.stopLoop();
  }

  private detach(response: ServerResponse): void {
    if (!this.clients.delete(response)) return;
    if (this.clients.size === 0) void this.stopLoop();
  }

  private async stopLoop(): Promise<void> {
    if (!this.loop.started) return;
    await this.loop.stop();
    this.fields.clear();
    this.options.onActive?.(false);
  }

  private async tick(): Promise<void> {
    if (this.clients.size === 0) return;
    const cpuBefore = this.cpuMs();
    try {
      await this.send();
    } finally {
      this.ticks++;
      this.tickCpuMs += this.cpuMs() - cpuBefore;
    }
  }

  private async send(): Promise<void> {
    const payload = await this.options.produce();
    let changed = '';
    for (const name of Object.keys(payload)) {
      const json = JSON.stringify(payload[name]) ?? 'null';
      if (this.fields.get(name) === json) continue;
      this.fields.set(name, json);
      changed += `${changed === '' ? '' : ','}${JSON.stringify(name)}:${json}`;
    }
    const update = `event: update\ndata: {${changed}}\n\n`;
    let full: string | undefined;
    for (const client of this.clients) {
      // writableNeedDrain: the previous message is still buffered; skip rather than pile up.
      if (client.writableNeedDrain) this.behind.add(client);
      else if (this.behind.delete(client)) client.write((full ??= this.fullMessage()));
      else client.write(update);
    }
  }

  private fullMessage(): string {
    let data = '';
    for (const [name, json] of this.fields) {
      data += `${data === '' ? '' : ','}${JSON.stringify(name)}:${json}`;
    }
    return `event: snapshot\ndata: {${data}}\n\n`;
  }
}

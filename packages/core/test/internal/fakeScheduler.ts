import type { Scheduler } from '../../src/internal/index.js';

/** A scheduler on virtual time: `advance(ms)` fires what is due, in order. */
export class FakeScheduler implements Scheduler {
  private time = 0;
  private nextId = 1;
  private readonly timers = new Map<
    number,
    { at: number; fn: () => void; everyMs: number | undefined }
  >();

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, delayMs: number): number {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + delayMs, fn, everyMs: undefined });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  setInterval(fn: () => void, intervalMs: number): number {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + intervalMs, fn, everyMs: intervalMs });
    return id;
  }

  clearInterval(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  /** Timers scheduled and not yet fired or cleared. */
  get pending(): number {
    return this.timers.size;
  }

  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      let dueId: number | undefined;
      let dueAt = Infinity;
      for (const [id, timer] of this.timers) {
        if (timer.at <= end && timer.at < dueAt) {
          dueAt = timer.at;
          dueId = id;
        }
      }
      if (dueId === undefined) break;
      const timer = this.timers.get(dueId)!;
      this.time = timer.at;
      if (timer.everyMs === undefined) this.timers.delete(dueId);
      else timer.at += timer.everyMs;
      timer.fn();
    }
    this.time = end;
  }
}

/** Let every queued promise callback run. */
export async function flushPromises(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

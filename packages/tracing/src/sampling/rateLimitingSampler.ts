import {
  MonitorConfigError,
  TRACE_FLAG_SAMPLED,
  type SpanContextData,
} from '@lexigram/monitor-core';
import type { Sampler } from './sampler.js';

/**
 * Keeps at most `maxTracesPerSecond` traces per second with a token bucket (burst up to one
 * second's worth). Only the first span of a trace in this process draws a token: a root span
 * or one continuing a remote parent. Spans under a local parent follow the parent, so kept
 * traces stay whole.
 */
export class RateLimitingSampler implements Sampler {
  /** Traces per second kept. */
  readonly maxTracesPerSecond: number;
  private readonly capacity: number;
  private readonly perMs: number;
  private tokens: number;
  private last: number;

  /** @throws MonitorConfigError when `maxTracesPerSecond` is not a positive number. */
  constructor(
    maxTracesPerSecond: number,
    private readonly clock: () => number = () => performance.now(),
  ) {
    if (
      typeof maxTracesPerSecond !== 'number' ||
      !(maxTracesPerSecond > 0) ||
      !Number.isFinite(maxTracesPerSecond)
    ) {
      throw new MonitorConfigError([
        {
          path: 'tracing.maxTracesPerSecond',
          message: `must be a positive number, got ${String(maxTracesPerSecond)}`,
        },
      ]);
    }
    this.maxTracesPerSecond = maxTracesPerSecond;
    this.capacity = Math.max(1, maxTracesPerSecond);
    this.perMs = maxTracesPerSecond / 1000;
    this.tokens = this.capacity;
    this.last = clock();
  }

  shouldSample(_traceId: string, parent: SpanContextData | undefined): boolean {
    if (parent !== undefined && !parent.isRemote) {
      return (parent.traceFlags & TRACE_FLAG_SAMPLED) !== 0;
    }
    const now = this.clock();
    const refill = (now - this.last) * this.perMs;
    this.last = now;
    this.tokens = Math.min(this.capacity, this.tokens + (refill > 0 ? refill : 0));
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  toString(): string {
    return `RateLimitingSampler{${this.maxTracesPerSecond}/s}`;
  }
}

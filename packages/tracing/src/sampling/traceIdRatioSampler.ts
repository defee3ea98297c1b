import { MonitorConfigError } from '@lexigram/monitor-core';
import type { Sampler } from './sampler.js';

/** 2^52: the last 13 hex digits of a trace id read as an integer stay below it, exactly. */
const RANGE = 2 ** 52;

/**
 * Samples a fixed ratio of traces, deciding from the trace id alone: the last 13 hex digits
 * (52 bits, inside the 7 bytes W3C Trace Context Level 2 requires to be random) read as a number
 * below `ratio * 2^52`. Every process with the same ratio makes the same decision for the same
 * trace, so a trace is kept or dropped as a whole, with no coordination.
 */
export class TraceIdRatioSampler implements Sampler {
  /** The ratio of traces kept, 0..1. */
  readonly ratio: number;
  private readonly threshold: number;

  /** @throws MonitorConfigError when `ratio` is not a number from 0 to 1. */
  constructor(ratio: number) {
    if (typeof ratio !== 'number' || !(ratio >= 0 && ratio <= 1)) {
      throw new MonitorConfigError([
        {
          path: 'tracing.sampleRate',
          message: `must be a number from 0 to 1, got ${String(ratio)}`,
        },
      ]);
    }
    this.ratio = ratio;
    this.threshold = Math.floor(ratio * RANGE);
  }

  shouldSample(traceId: string): boolean {
    if (this.threshold === 0) return false;
    if (this.threshold >= RANGE) return true;
    const value = Number.parseInt(traceId.slice(19, 32), 16);
    return value < this.threshold;
  }

  toString(): string {
    return `TraceIdRatioSampler{${this.ratio}}`;
  }
}

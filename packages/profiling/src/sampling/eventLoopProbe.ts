import {
  monitorEventLoopDelay,
  performance,
  type EventLoopUtilization,
  type IntervalHistogram,
} from 'node:perf_hooks';

/** Event-loop delay percentiles, in ms beyond the probe's resolution. */
export interface EventLoopDelay {
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

/** Event-loop figures of one window. */
export interface EventLoopWindow extends EventLoopDelay {
  /** Share of the window the loop was busy, 0..1. */
  readonly utilization: number;
}

const NO_DELAY: EventLoopDelay = Object.freeze({ p50Ms: 0, p99Ms: 0, maxMs: 0 });

/**
 * Event-loop delay and utilization per window, and delay percentiles over the whole run.
 *
 * Node's delay histogram records the full time between two probes, which is the resolution
 * itself on an idle loop; the figures here subtract the resolution so that an idle loop reads
 * about 0 and a 100 ms block reads about 100 ms. The window histogram is reset once per window
 * (by `takeWindow`), never by reading the run figures, and Node cannot merge its delay
 * histograms, so a second one that is never reset holds the run-wide percentiles.
 */
export class EventLoopProbe {
  private window: IntervalHistogram | undefined;
  private run: IntervalHistogram | undefined;
  private windowStartElu: EventLoopUtilization | undefined;

  /**
   * @param resolutionMs How often the loop is probed.
   * @param keepRunFigures Also keep the run-wide delay histogram (a second probe).
   */
  constructor(
    private readonly resolutionMs: number,
    private readonly keepRunFigures: boolean,
  ) {}

  /** Start probing; the run and the first window start now. */
  start(): void {
    this.stop();
    this.window = monitorEventLoopDelay({ resolution: this.resolutionMs });
    this.window.enable();
    if (this.keepRunFigures) {
      this.run = monitorEventLoopDelay({ resolution: this.resolutionMs });
      this.run.enable();
    }
    this.windowStartElu = performance.eventLoopUtilization();
  }

  /** Stop probing. Run figures read after this are those of the run up to the stop. */
  stop(): void {
    this.window?.disable();
    this.run?.disable();
  }

  /** Figures since the previous window, and start a new window. */
  takeWindow(): EventLoopWindow {
    const now = performance.eventLoopUtilization();
    const utilization = this.windowStartElu
      ? performance.eventLoopUtilization(now, this.windowStartElu).utilization
      : 0;
    this.windowStartElu = now;
    const delay = this.window ? this.read(this.window) : NO_DELAY;
    this.window?.reset();
    return { ...delay, utilization: finite(utilization) };
  }

  /** Delay percentiles over the run (zeros when run figures are not kept). */
  runDelay(): EventLoopDelay {
    return this.run ? this.read(this.run) : NO_DELAY;
  }

  private read(histogram: IntervalHistogram): EventLoopDelay {
    // An empty histogram answers nonsense (min is 2^63, percentiles are not 0).
    if (histogram.count === 0) return NO_DELAY;
    return {
      p50Ms: this.beyondResolution(histogram.percentile(50)),
      p99Ms: this.beyondResolution(histogram.percentile(99)),
      maxMs: this.beyondResolution(histogram.max),
    };
  }

  private beyondResolution(nanos: number): number {
    return Math.max(0, nanos / 1e6 - this.resolutionMs);
  }
}

function finite(value: number): number {
  return Number.isFinite(value) ? value : 0;
}

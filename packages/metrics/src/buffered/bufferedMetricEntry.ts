import type { Labels, MetricType } from '@lexigram/monitor-core';

/** One buffered recording, as handed to the backend on flush. */
export interface BufferedMetricEntry {
  /** Metric name (the backend resolves it). */
  readonly name: string;
  /** Value to record. */
  readonly value: number;
  /** Labels of the observation. */
  readonly labels: Labels | undefined;
  /** Instrument kind, when the caller said; untyped entries go to the named metric's `record()`. */
  readonly type: MetricType | undefined;
  /** Monotonic time the entry was created (`performance.now()`, ms). */
  readonly monotonicMs: number;
  /** Failed delivery attempts so far. */
  readonly attempts: number;
}

/** @internal The mutable entry the recorder keeps. */
export interface MutableEntry extends BufferedMetricEntry {
  attempts: number;
}

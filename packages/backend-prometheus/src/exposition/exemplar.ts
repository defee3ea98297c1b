import type { HistogramBucket, Labels } from '@lexigram/monitor-core';

/**
 * An OpenMetrics exemplar: one observation (usually made inside a sampled span) that stands for
 * a histogram bucket, with the trace id in its labels.
 */
export interface Exemplar {
  /** Exemplar labels, e.g. `{ trace_id: '4bf9…' }`. At most 128 characters in all (OpenMetrics). */
  readonly labels: Labels;
  /** The observed value. */
  readonly value: number;
  /** When it was observed, in milliseconds since the epoch. */
  readonly timestampMs?: number;
}

/** A histogram bucket that may carry an exemplar (written only in OpenMetrics). */
export interface ExemplarBucket extends HistogramBucket {
  /** The latest exemplar observed into this bucket, if any. */
  readonly exemplar?: Exemplar;
}

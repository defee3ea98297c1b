import { z } from 'zod';
import { count, millis } from './durations.js';
import { parseOptions } from '@lexigram/monitor-core/internal';

const PREFIX = /^([a-zA-Z_:][a-zA-Z0-9_:]*)?$/;

/** Settings of a {@link RuntimeMetricsPublisher}. Unknown fields are rejected. */
export const RuntimeMetricsConfigSchema = z.strictObject({
  /** Prepended to every metric name; empty for none. */
  prefix: z
    .string({ error: 'prefix must be a string' })
    .regex(PREFIX, { error: 'prefix must be empty or match [a-zA-Z_:][a-zA-Z0-9_:]*' })
    .default('runtime_'),
  /**
   * Length of the window that CPU %, event-loop delay and utilization gauges describe: they
   * hold the figures of the last completed window, whatever the read rate.
   */
  windowMs: millis('windowMs', 10).default(10_000),
  /** Publish event-loop delay and utilization. */
  trackEventLoop: z.boolean({ error: 'trackEventLoop must be true or false' }).default(true),
  /** Resolution of the event-loop delay histogram. */
  eventLoopResolutionMs: millis('eventLoopResolutionMs').default(10),
  /** Publish GC pauses as a histogram. */
  trackGc: z.boolean({ error: 'trackGc must be true or false' }).default(true),
  /** Bucket bounds of the GC pause histogram, in seconds, strictly ascending. */
  gcDurationBuckets: z
    .array(z.number({ error: 'gcDurationBuckets must hold numbers of seconds' }).positive())
    .min(1, { error: 'gcDurationBuckets needs at least one bound' })
    .refine((b) => b.every((v, i) => i === 0 || v > b[i - 1]!), {
      error: 'gcDurationBuckets must be strictly ascending',
    })
    .default([0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1]),
  /** Publish active handles and requests per type. */
  trackActiveHandles: z
    .boolean({ error: 'trackActiveHandles must be true or false' })
    .default(true),
  /** Most distinct handle types published (the rest are summed as `other`). */
  maxHandleTypes: count('maxHandleTypes').default(32),
});

/** Runtime metrics publisher settings, defaults applied. */
export type RuntimeMetricsConfig = z.output<typeof RuntimeMetricsConfigSchema>;

/** Runtime metrics publisher settings as a user writes them: every field optional. */
export type RuntimeMetricsConfigInput = z.input<typeof RuntimeMetricsConfigSchema>;

/**
 * Validate `input` and apply the defaults.
 *
 * @throws MonitorConfigError naming every invalid field.
 */
export function parseRuntimeMetricsConfig(
  input: RuntimeMetricsConfigInput = {},
): RuntimeMetricsConfig {
  return parseOptions(RuntimeMetricsConfigSchema, input, { source: 'RuntimeMetricsConfig' });
}

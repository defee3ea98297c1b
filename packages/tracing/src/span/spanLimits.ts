import type { TracingConfig } from '@lexigram/monitor-core';

/** Per-span limits; past them data is dropped and counted, never thrown. */
export interface SpanLimits {
  /** Most attributes per span (and per event or link). */
  readonly maxAttributes: number;
  /** Most events per span. */
  readonly maxEvents: number;
  /** Most links per span. */
  readonly maxLinks: number;
}

/** The limits of a tracing config (128 each by default). */
export function spanLimitsFrom(
  config: Pick<TracingConfig, 'maxAttributes' | 'maxEvents' | 'maxLinks'>,
): SpanLimits {
  return Object.freeze({
    maxAttributes: config.maxAttributes,
    maxEvents: config.maxEvents,
    maxLinks: config.maxLinks,
  });
}

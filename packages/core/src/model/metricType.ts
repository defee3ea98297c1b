/** The kinds of metric instrument. */
export const MetricType = {
  Counter: 'counter',
  Gauge: 'gauge',
  Histogram: 'histogram',
  Summary: 'summary',
} as const;

/** One of `'counter' | 'gauge' | 'histogram' | 'summary'`. */
export type MetricType = (typeof MetricType)[keyof typeof MetricType];

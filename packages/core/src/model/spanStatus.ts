/** Span status code, as in the OpenTelemetry specification. */
export const SpanStatus = {
  Unset: 'unset',
  Ok: 'ok',
  Error: 'error',
} as const;

/** One of `'unset' | 'ok' | 'error'`. */
export type SpanStatus = (typeof SpanStatus)[keyof typeof SpanStatus];

/** Span kind, as in the OpenTelemetry specification. */
export const SpanKind = {
  Internal: 'internal',
  Server: 'server',
  Client: 'client',
  Producer: 'producer',
  Consumer: 'consumer',
} as const;

/** One of `'internal' | 'server' | 'client' | 'producer' | 'consumer'`. */
export type SpanKind = (typeof SpanKind)[keyof typeof SpanKind];

import { createRequire } from 'node:module';
import { Writable } from 'node:stream';
import { NOOP_SPAN, createLogger } from '@lexigram/monitor-core';
import { activeTraceIds, traceLogMixin } from '../../src/logging/logCorrelation.js';
import { memoryTracer } from '../support/tracing.js';

/** The part of pino's API these tests use. */
type Pino = (
  options: { mixin: () => object },
  stream: NodeJS.WritableStream,
) => { info(message: string): void };

// pino is core's dependency, not ours: load the copy core uses.
const requireFromCore = createRequire(require.resolve('@lexigram/monitor-core'));
const { pino } = requireFromCore('pino') as { pino: Pino };

function sink() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { stream, lines };
}

describe('log correlation', () => {
  it('adds trace_id, span_id and trace_flags of the active span through a pino mixin', () => {
    const { tracer } = memoryTracer();
    const { stream, lines } = sink();
    const log = pino({ mixin: traceLogMixin() }, stream);
    log.info('outside');
    const ids = tracer.startActiveSpan('work', (span) => {
      log.info('inside');
      return span.spanContext();
    });
    expect(lines[0]).not.toHaveProperty('trace_id');
    expect(lines[1]).toMatchObject({
      msg: 'inside',
      trace_id: ids.traceId,
      span_id: ids.spanId,
      trace_flags: '03',
    });
  });

  it("feeds core's createLogger traceContext option", () => {
    const { tracer } = memoryTracer();
    const { stream, lines } = sink();
    const log = createLogger({ destination: stream, traceContext: activeTraceIds });
    const ids = tracer.startActiveSpan('work', (span) => {
      log.info('inside');
      return span.spanContext();
    });
    log.info('outside');
    expect(lines[0]).toMatchObject({ trace_id: ids.traceId, span_id: ids.spanId });
    expect(lines[1]).not.toHaveProperty('trace_id');
  });

  it('adds nothing for a no-op span', () => {
    const { tracer } = memoryTracer();
    tracer.withSpan(NOOP_SPAN, () => {
      expect(activeTraceIds()).toBeUndefined();
      expect(traceLogMixin()()).toEqual({});
    });
  });
});

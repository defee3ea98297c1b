import { hrTimeToMillis, type ReadableSpanData, type SpanExporter } from '@lexigram/monitor-core';

/** Options of {@link ConsoleSpanExporter}. */
export interface ConsoleSpanExporterOptions {
  /** `json`: one JSON object per line (default). `text`: one readable line per span. */
  format?: 'json' | 'text';
  /** Where lines go. Default: `process.stdout`. */
  write?: (line: string) => void;
}

/**
 * Writes finished spans to the console (stdout), one line each: JSON lines for tools, or a
 * readable text line for people. For development; use an OTLP exporter in production.
 *
 * @example
 * ```ts
 * const tracer = new Tracer({ serviceName: 'api', exporter: new ConsoleSpanExporter({ format: 'text' }) });
 * ```
 */
export class ConsoleSpanExporter implements SpanExporter {
  private readonly format: 'json' | 'text';
  private readonly write: (line: string) => void;
  private stopped = false;

  constructor(options: ConsoleSpanExporterOptions = {}) {
    this.format = options.format ?? 'json';
    this.write = options.write ?? ((line) => void process.stdout.write(`${line}\n`));
  }

  export(spans: readonly ReadableSpanData[]): void {
    if (this.stopped) return;
    for (const span of spans) {
      this.write(this.format === 'text' ? formatText(span) : JSON.stringify(toJson(span)));
    }
  }

  async shutdown(): Promise<void> {
    this.stopped = true;
  }
}

/** The fields of a span as one JSON object (times in epoch ms, ids as hex). */
function toJson(span: ReadableSpanData): Record<string, unknown> {
  return {
    traceId: span.spanContext.traceId,
    spanId: span.spanContext.spanId,
    parentSpanId: span.parentSpanId,
    traceFlags: span.spanContext.traceFlags,
    traceState: span.spanContext.traceState,
    name: span.name,
    kind: span.kind,
    service: span.resource.serviceName,
    startTimeMs: hrTimeToMillis(span.startTime),
    durationMs: hrTimeToMillis(span.duration),
    status: span.status,
    attributes: span.attributes,
    events: span.events.map((e) => ({
      name: e.name,
      timeMs: hrTimeToMillis(e.time),
      attributes: e.attributes,
    })),
    links: span.links,
    dropped: {
      attributes: span.droppedAttributesCount,
      events: span.droppedEventsCount,
      links: span.droppedLinksCount,
    },
  };
}

function formatText(span: ReadableSpanData): string {
  const ctx = span.spanContext;
  const parent = span.parentSpanId ? ` parent=${span.parentSpanId}` : '';
  const status =
    span.status.code === 'error'
      ? ` status=error${span.status.message ? `(${span.status.message})` : ''}`
      : span.status.code === 'ok'
        ? ' status=ok'
        : '';
  const attributes = Object.keys(span.attributes).length
    ? ` ${JSON.stringify(span.attributes)}`
    : '';
  const events = span.events.length ? ` events=[${span.events.map((e) => e.name).join(',')}]` : '';
  return `[span] ${span.name} (${span.kind}) ${hrTimeToMillis(span.duration).toFixed(3)}ms trace=${ctx.traceId} span=${ctx.spanId}${parent}${status}${attributes}${events}`;
}

import {
  ObservabilityService,
  SpanKind,
  createLogger,
  setObservability,
} from '@lexigram/monitor-core';
import {
  Baggage,
  ConsoleSpanExporter,
  SpanContext,
  Tracer,
  activeTraceIds,
  instrumentDatabase,
  traceConsume,
  tracePublish,
  traced,
} from '@lexigram/monitor-tracing';

/** A stand-in database client: instrumentDatabase wraps its execute() in CLIENT spans. */
class DemoDatabase {
  async execute(sql: string): Promise<number> {
    await new Promise((resolve) => setTimeout(resolve, 2));
    if (sql.startsWith('INSERT INTO audit')) throw new Error('audit table is read-only');
    return 1;
  }
}

/** Traced work printed on the console: nesting, propagation, messaging, database, logs. */
export default {
  title: 'tracing: spans, W3C propagation, traced, messaging and database spans',
  async run(): Promise<void> {
    const tracer = new Tracer({
      serviceName: 'demo-shop',
      exporter: new ConsoleSpanExporter({ format: 'text' }),
      processor: 'simple', // print each span as it ends (production uses the batch default)
      config: { propagationFormats: ['tracecontext', 'baggage'] },
    });
    const previous = setObservability(new ObservabilityService({ tracer }));
    try {
      // An incoming request carrying W3C headers: the work below continues that trace.
      const incoming = {
        traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
        tracestate: 'congo=t61rcWkgMzE',
        baggage: 'tenant=acme',
      };
      const parent = tracer.extractContext(incoming);
      console.log(
        `extracted: trace=${parent?.traceId} parent=${parent?.spanId} remote=${parent?.isRemote}`,
      );

      const db = instrumentDatabase(new DemoDatabase(), { system: 'sqlite', namespace: 'shop' });
      const log = createLogger({
        config: { format: 'json' },
        traceContext: activeTraceIds,
        destination: { write: (line: string) => void console.log(`log: ${line.trim()}`) },
      });

      const reserveStock = traced(async function reserveStock(sku: string) {
        await db.execute(`UPDATE stock SET reserved = reserved + 1 WHERE sku = '${sku}'`);
        return true;
      });

      const outgoing: Record<string, string> = {};
      await tracer.withBaggage(tracer.extractBaggage(incoming), () =>
        tracer.startActiveSpan(
          'POST /checkout',
          {
            parent: parent ?? null,
            kind: SpanKind.Server,
            attributes: { 'http.route': '/checkout' },
          },
          async (span) => {
            log.info({ cart: 'c-42' }, 'checkout started');
            await reserveStock('sku-1');
            try {
              await db.execute("INSERT INTO audit VALUES ('checkout')");
            } catch (error) {
              console.log(`caught: ${(error as Error).message} (recorded on its span)`);
            }
            await tracePublish(
              'order-events',
              'order.placed',
              undefined,
              {},
              async (_s, headers) => {
                Object.assign(outgoing, headers);
              },
            );
            span.setAttribute('http.status_code', 201);
          },
        ),
      );
      console.log(`injected into the message: traceparent=${outgoing.traceparent}`);
      console.log(
        `injected into the message: tracestate=${outgoing.tracestate} baggage=${outgoing.baggage}`,
      );

      // The consumer (another service, in real life) continues the trace from the headers.
      await traceConsume('order-events', 'order.placed', outgoing, {}, async () => {
        console.log(`consumer sees tenant=${tracer.getBaggage()?.get('tenant')}`);
      });

      // Headers that break W3C Trace Context are ignored: a new trace starts, nothing throws.
      for (const bad of [
        'ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
        '00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01',
        'garbage',
      ]) {
        console.log(
          `invalid traceparent ${JSON.stringify(bad)} -> ${SpanContext.fromTraceparent(bad) === undefined ? 'ignored, new trace' : 'accepted'}`,
        );
      }
      console.log(`baggage header: ${new Baggage().set('user', 'Ann Lee').serialize()}`);
      console.log(
        `spans recorded: ${tracer.getAllSpans().length}, all ended: ${tracer.getAllSpans().every((s) => s.ended)}`,
      );
    } finally {
      setObservability(previous);
      await tracer.shutdown();
    }
  },
};

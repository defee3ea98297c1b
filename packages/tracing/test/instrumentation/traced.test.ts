import { setImmediate as immediate } from 'node:timers/promises';
import {
  ObservabilityService,
  SpanKind,
  resetObservability,
  setObservability,
} from '@lexigram/monitor-core';
import { traced } from '../../src/instrumentation/traced.js';
import { memoryTracer } from '../support/tracing.js';

afterEach(() => resetObservability());

describe('traced (higher-order function)', () => {
  it('wraps a sync function in a span named after it, keeping its result and shape', () => {
    const { tracer, exporter } = memoryTracer();
    setObservability(new ObservabilityService({ tracer }));
    const add = traced(function add(a: number, b: number) {
      return a + b;
    });
    expect(add.name).toBe('add');
    expect(add(2, 3)).toBe(5);
    expect(exporter.getFinishedSpans()[0]).toMatchObject({
      name: 'add',
      attributes: { 'code.function.name': 'add' },
    });
  });

  it('uses the default service at call time, so setObservability later works', async () => {
    const fn = traced(async () => 'ok', 'late-bound');
    await expect(fn()).resolves.toBe('ok'); // no tracer yet: no-op
    const { tracer, exporter } = memoryTracer();
    setObservability(new ObservabilityService({ tracer }));
    await fn();
    expect(exporter.getFinishedSpans().map((s) => s.name)).toEqual(['late-bound']);
  });

  it('records exceptions as events and sets error status, rethrowing', async () => {
    const { tracer, exporter } = memoryTracer();
    const service = new ObservabilityService({ tracer });
    const fail = traced(
      async () => {
        await immediate();
        throw new Error('nope');
      },
      { name: 'fails', service },
    );
    await expect(fail()).rejects.toThrow('nope');
    const [span] = exporter.getFinishedSpans();
    expect(span!.status).toEqual({ code: 'error', message: 'nope' });
    expect(span!.events.map((e) => e.name)).toEqual(['exception']);
  });

  it('adds attributes, kind and (when asked) the arguments', () => {
    const { tracer, exporter } = memoryTracer();
    const service = new ObservabilityService({ tracer });
    const lookup = traced((id: string, _opts: object, n: number) => `${id}${n}`, {
      name: 'lookup',
      service,
      attributes: { component: 'users' },
      kind: SpanKind.Client,
      captureArgs: true,
    });
    lookup('u1', { secret: true }, 2);
    expect(exporter.getFinishedSpans()[0]).toMatchObject({
      kind: 'client',
      attributes: {
        component: 'users',
        'code.function.name': 'lookup',
        'code.function.args.0': 'u1',
        'code.function.args.2': 2,
      },
    });
    expect(exporter.getFinishedSpans()[0]!.attributes).not.toHaveProperty('code.function.args.1');
  });

  it('names anonymous functions "anonymous"', () => {
    const { tracer, exporter } = memoryTracer();
    const service = new ObservabilityService({ tracer });
    traced(
      (
        () => () =>
          1
      )(),
      { service },
    )();
    expect(exporter.getFinishedSpans()[0]!.name).toBe('anonymous');
  });
});

describe('traced (TC39 method decorator)', () => {
  it('names spans Class.method, keeps `this`, and nests spans', async () => {
    const { tracer, exporter } = memoryTracer();
    setObservability(new ObservabilityService({ tracer }));

    class Orders {
      constructor(private readonly prefix: string) {}

      @traced()
      async place(id: string): Promise<string> {
        await immediate();
        return this.format(id);
      }

      @traced('orders.format')
      format(id: string): string {
        return `${this.prefix}-${id}`;
      }

      @traced
      static create(): Orders {
        return new Orders('ORD');
      }
    }

    const orders = Orders.create();
    await expect(orders.place('7')).resolves.toBe('ORD-7');
    const spans = exporter.getFinishedSpans();
    expect(spans.map((s) => s.name)).toEqual(['Orders.create', 'orders.format', 'Orders.place']);
    const [, format, place] = spans;
    expect(format!.parentSpanId).toBe(place!.spanContext.spanId);
  });

  it('gives subclasses their own qualified name', () => {
    const { tracer, exporter } = memoryTracer();
    const service = new ObservabilityService({ tracer });
    class Base {
      @traced({ service })
      run(): number {
        return 1;
      }
    }
    class Child extends Base {}
    new Base().run();
    new Child().run();
    expect(exporter.getFinishedSpans().map((s) => s.name)).toEqual(['Base.run', 'Child.run']);
  });
});

import { setTimeout as sleep } from 'node:timers/promises';
import {
  ObservabilityService,
  SpanError,
  resetObservability,
  setObservability,
} from '@lexigram/monitor-core';
import {
  DB_QUERIES_METRIC,
  DB_QUERY_DURATION_METRIC,
  instrumentDatabase,
} from '../../src/instrumentation/instrumentDatabase.js';
import { FakeCollector as RecordingMetricsCollector } from '@lexigram/test-support';
import { memoryTracer } from '../support/tracing.js';

class FakeDatabase {
  calls: unknown[][] = [];
  async execute(sql: string, params: unknown[] = []): Promise<number> {
    this.calls.push([sql, params]);
    await sleep(5);
    if (sql.includes('fail')) throw new Error('syntax error at "fail"');
    return 1;
  }
  async executeQuery(query: { text: string }): Promise<string[]> {
    await sleep(1);
    return [query.text];
  }
}

afterEach(() => resetObservability());

describe('instrumentDatabase', () => {
  it('wraps execute and executeQuery in CLIENT spans and records count and duration', async () => {
    const { tracer, exporter } = memoryTracer();
    const meter = new RecordingMetricsCollector();
    const db = instrumentDatabase(new FakeDatabase(), {
      tracer,
      meter,
      system: 'postgresql',
      namespace: 'shop',
    });
    await expect(db.execute('  select * from orders where id = $1', [7])).resolves.toBe(1);
    await expect(db.executeQuery({ text: 'UPDATE orders SET paid = true' })).resolves.toEqual([
      'UPDATE orders SET paid = true',
    ]);
    expect(db.calls).toEqual([['  select * from orders where id = $1', [7]]]);

    const [select, update] = exporter.getFinishedSpans();
    expect(select).toMatchObject({
      name: 'SELECT shop',
      kind: 'client',
      attributes: {
        'db.operation.name': 'SELECT',
        'db.query.text': '  select * from orders where id = $1',
        'db.system.name': 'postgresql',
        'db.namespace': 'shop',
        'code.function.name': 'execute',
      },
      status: { code: 'unset' },
    });
    expect(update!.attributes['code.function.name']).toBe('executeQuery');

    expect(meter.created.map((c) => c.name)).toEqual([DB_QUERIES_METRIC, DB_QUERY_DURATION_METRIC]);
    expect(meter.created[1]!.options).toMatchObject({ unit: 's' });
    const counts = meter.records.filter((r) => r.metric === DB_QUERIES_METRIC);
    expect(counts).toEqual([
      {
        metric: DB_QUERIES_METRIC,
        kind: 'counter',
        value: 1,
        labels: { operation: 'SELECT', status: 'ok' },
      },
      {
        metric: DB_QUERIES_METRIC,
        kind: 'counter',
        value: 1,
        labels: { operation: 'UPDATE', status: 'ok' },
      },
    ]);
    const durations = meter.records.filter((r) => r.metric === DB_QUERY_DURATION_METRIC);
    expect(durations[0]!.value).toBeGreaterThanOrEqual(0.004);
    expect(durations[0]!.value).toBeLessThan(5);
  });

  it('marks a failed query as error on the span and in the metrics, and rethrows', async () => {
    const { tracer, exporter } = memoryTracer();
    const meter = new RecordingMetricsCollector();
    const db = instrumentDatabase(new FakeDatabase(), { tracer, meter });
    await expect(db.execute('select fail')).rejects.toThrow('syntax error');
    const [span] = exporter.getFinishedSpans();
    expect(span!.status).toEqual({ code: 'error', message: 'syntax error at "fail"' });
    expect(span!.events[0]!.name).toBe('exception');
    expect(meter.records.find((r) => r.metric === DB_QUERIES_METRIC)!.labels).toEqual({
      operation: 'SELECT',
      status: 'error',
    });
  });

  it('handles sync providers, a missing executeQuery, and non-string statements', () => {
    const { tracer, exporter } = memoryTracer();
    const meter = new RecordingMetricsCollector();
    const db = {
      execute(statement: unknown) {
        if (statement === 'boom') throw new Error('sync failure');
        return 'done';
      },
    };
    instrumentDatabase(db, { tracer, meter, maxStatementLength: 5 });
    expect(db.execute({ unknown: true })).toBe('done');
    expect(db.execute('DELETE FROM t')).toBe('done');
    expect(() => db.execute('boom')).toThrow('sync failure');
    const spans = exporter.getFinishedSpans();
    expect(spans.map((s) => s.name)).toEqual(['execute', 'DELETE', 'BOOM']);
    expect(spans[1]!.attributes['db.query.text']).toBe('DELET');
    expect(spans[2]!.status.code).toBe('error');
    expect('executeQuery' in db).toBe(false);
  });

  it('instruments once, uses the default service, and survives a broken meter', async () => {
    const { tracer, exporter } = memoryTracer();
    const meter = new RecordingMetricsCollector();
    meter.createCounter = () => {
      throw new Error('collector rejects the metric');
    };
    setObservability(new ObservabilityService({ tracer, meter }));
    const db = new FakeDatabase();
    instrumentDatabase(instrumentDatabase(db));
    await expect(db.execute('SELECT 1')).resolves.toBe(1);
    expect(exporter.getFinishedSpans()).toHaveLength(1);
  });

  it('rejects something that is not a database provider', () => {
    expect(() => instrumentDatabase({} as never)).toThrow(SpanError);
    expect(() => instrumentDatabase(null as never)).toThrow(/execute\(\) method/);
  });
});

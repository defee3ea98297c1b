import { MonitorConfigError, NOOP_METRICS_COLLECTOR, NOOP_TRACER } from '@lexigram/monitor-core';
import { FETCH_REQUEST_ACCESS, HttpInstrumentation, KNOWN_METHODS } from '../../src/index.js';
import { hostName, pathOf } from '../../src/lifecycle/requestAccess.js';
import { methodIndex, methodName } from '../../src/lifecycle/semconv.js';
import { createTelemetry } from '../support/telemetry.js';

const req = (path: string, method = 'GET') => new Request(`http://h${path}`, { method });

describe('HttpInstrumentation', () => {
  it('rejects bad options naming each field', () => {
    const make = (options: object) => () =>
      new HttpInstrumentation(FETCH_REQUEST_ACCESS, options);
    expect(make({ ignore: 'yes' })).toThrow(MonitorConfigError);
    expect(make({ ignore: 'yes', maxRoutes: 0, excludePaths: ['metrics'] })).toThrow(
      /ignore: must be a function[\s\S]*excludePaths[\s\S]*maxRoutes/,
    );
    expect(make({ durationBuckets: [1, 0.5] })).toThrow(/durationBuckets: must be ascending/);
    expect(make({ headers: { request: 'x-id' } })).toThrow(/headers\.request/);
  });

  it('caps distinct routes: routes past maxRoutes share the unmatched series', async () => {
    const t = createTelemetry();
    const inst = new HttpInstrumentation(FETCH_REQUEST_ACCESS, {
      metricsCollector: t.metricsCollector,
      maxRoutes: 2,
    });
    for (const route of ['/a', '/b', '/c', '/d']) {
      const record = inst.start(req(route))!;
      inst.setRoute(record, route);
      inst.end(record, 200, false, true);
    }
    expect(await t.recordedSeries()).toEqual(['GET /a 200', 'GET /b 200', 'GET _UNMATCHED 200']);
    expect(await t.requestCount('GET', '_UNMATCHED', 200)).toBe(2);
  });

  it('labels aborted requests that sent no header 499, and ends only once', async () => {
    const t = createTelemetry();
    const inst = new HttpInstrumentation(FETCH_REQUEST_ACCESS, {
      metricsCollector: t.metricsCollector,
      tracer: t.tracer,
    });
    const record = inst.start(req('/x', 'POST'))!;
    inst.end(record, 200, true, false);
    inst.end(record, 200, false, true);
    expect(await t.requestCount('POST', '_UNMATCHED', 499)).toBe(1);
    expect(t.serverSpans()).toHaveLength(1);
    expect(t.serverSpans()[0]!.attributes['http.response.status_code']).toBeUndefined();
  });

  it('reports a throwing ignore hook and instruments the request anyway', () => {
    const faults: string[] = [];
    const inst = new HttpInstrumentation(FETCH_REQUEST_ACCESS, {
      ignore: () => {
        throw new Error('bug');
      },
      onError: (f) => faults.push(f.code),
    });
    expect(inst.start(req('/x'))).toBeDefined();
    expect(faults).toEqual(['IGNORE_HOOK_FAILED']);
  });

  it('skips the shared no-ops entirely', () => {
    const inst = new HttpInstrumentation(FETCH_REQUEST_ACCESS, {
      tracer: NOOP_TRACER,
      metricsCollector: NOOP_METRICS_COLLECTOR,
    });
    const record = inst.start(req('/x'))!;
    expect(record.span).toBeUndefined();
    expect(record.active).toBeUndefined();
  });

  it('excludes the default scrape and health paths unless the list is replaced', () => {
    expect(
      new HttpInstrumentation(FETCH_REQUEST_ACCESS).start(req('/health/ready')),
    ).toBeUndefined();
    expect(
      new HttpInstrumentation(FETCH_REQUEST_ACCESS, { excludePaths: ['/ping'] }).start(
        req('/metrics'),
      ),
    ).toBeDefined();
  });
});

describe('request helpers', () => {
  it('normalises methods to the known set or _OTHER', () => {
    expect(KNOWN_METHODS.map((m) => methodName(methodIndex(m)))).toEqual(KNOWN_METHODS);
    expect(methodName(methodIndex('get'))).toBe('_OTHER');
    expect(methodName(methodIndex('PROPFIND'))).toBe('_OTHER');
    expect(methodName(methodIndex(undefined))).toBe('_OTHER');
  });

  it('reads paths and host names', () => {
    expect(pathOf('/a/b?c=1')).toBe('/a/b');
    expect(pathOf(undefined)).toBe('/');
    expect(hostName('example.com:8080')).toBe('example.com');
    expect(hostName('[::1]:3000')).toBe('[::1]');
    expect(hostName('')).toBeUndefined();
  });
});

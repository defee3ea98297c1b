import type { HistogramFamily, MetricFamily } from '@lexigram/monitor-core';
import { Tracer } from '@lexigram/monitor-tracing';
import { REQUEST_DURATION_METRIC } from '../../src/aggregate/metricNames.js';
import { createRedactor } from '../../src/security/redactor.js';
import {
  resolveDashboardOptions,
  type DashboardOptions,
} from '../../src/server/dashboardOptions.js';
import { DashboardState } from '../../src/server/dashboardState.js';

/** A request histogram with one series holding `count` fast requests. */
function requests(count: number): HistogramFamily {
  return {
    name: REQUEST_DURATION_METRIC,
    help: '',
    unit: 's',
    type: 'histogram',
    series: [
      {
        labels: { http_request_method: 'GET', http_route: '/a', http_response_status_code: '200' },
        buckets: [
          { upperBound: 0.1, cumulativeCount: count },
          { upperBound: Number.POSITIVE_INFINITY, cumulativeCount: count },
        ],
        count,
        sum: count * 0.01,
      },
    ],
  };
}

describe('DashboardState', () => {
  let time: number;
  let cpu: number;
  let served: number;
  let readCostMs: number;
  const asked: (readonly string[])[] = [];

  beforeEach(() => {
    time = 1_000_000;
    cpu = 0;
    served = 0;
    readCostMs = 0;
    asked.length = 0;
  });

  function state(options: DashboardOptions = {}): DashboardState {
    const collector = {
      collect: (): Promise<MetricFamily[]> => Promise.reject(new Error('reads everything')),
      collectFamilies: async (names: readonly string[]): Promise<MetricFamily[]> => {
        asked.push(names);
        cpu += readCostMs;
        return [requests(served)];
      },
    };
    return new DashboardState(
      resolveDashboardOptions({ enabled: true, collector, ...options }),
      createRedactor([]),
      () => time,
      () => cpu,
    );
  }

  it('asks the collector for the dashboard metric families only', async () => {
    const s = state();
    served = 10;
    await s.build();
    time += 1000;
    served = 30;
    const snapshot = await s.build();
    expect(asked).toEqual([[REQUEST_DURATION_METRIC], [REQUEST_DURATION_METRIC]]);
    expect(snapshot.requests?.overall.rate).toBeCloseTo(20, 10);
  });

  it('reads a collector with readHistogram in place, asking it by the dashboard metric name', async () => {
    const readNames: string[] = [];
    const s = new DashboardState(
      resolveDashboardOptions({
        enabled: true,
        collector: {
          collect: () => Promise.reject(new Error('reads everything')),
          collectFamilies: () => Promise.reject(new Error('makes snapshot objects')),
          readHistogram: (name: string) => {
            readNames.push(name);
            return {
              upperBounds: [0.1, Number.POSITIVE_INFINITY],
              forEachSeries: (visit) => {
                // Per-bucket counts inside a larger store, at an offset.
                visit(
                  {
                    http_request_method: 'GET',
                    http_route: '/a',
                    http_response_status_code: '200',
                  },
                  [9, 9, served - 2, 2],
                  2,
                  served,
                  0,
                );
              },
            };
          },
        },
      }),
      createRedactor([]),
      () => time,
    );
    served = 10;
    await s.build();
    time += 2000;
    served = 30;
    const snapshot = await s.build();
    expect(readNames).toEqual([REQUEST_DURATION_METRIC, REQUEST_DURATION_METRIC]);
    expect(snapshot.requests?.overall).toMatchObject({ rate: 10, total: 30 });
    expect(snapshot.requests?.routes.map((r) => r.route)).toEqual(['/a']);
  });

  it('falls back to collect() for a producer without collectFamilies', async () => {
    const s = new DashboardState(
      resolveDashboardOptions({
        enabled: true,
        collector: { collect: async () => [requests(5)] },
      }),
      createRedactor([]),
      () => time,
    );
    expect((await s.build()).requests?.overall.total).toBe(5);
  });

  it('reads less often when a read costs more than the CPU budget, with exact rates', async () => {
    // 0.5 % of a core at one tick per second is 5 ms per second: a 20 ms read may run every 4 s.
    const s = state({ metricsCpuBudgetPercent: 0.5, intervalMs: 1000 });
    readCostMs = 20;
    await s.build({ withinBudget: true });
    const reads: number[] = [];
    for (let tick = 1; tick <= 8; tick++) {
      time += 1000;
      served += 100; // 100 requests per second
      const before = asked.length;
      const snapshot = await s.build({ withinBudget: true });
      if (asked.length > before) {
        reads.push(tick);
        expect(snapshot.requests?.overall.rate).toBeCloseTo(100, 10);
      }
    }
    expect(reads).toEqual([4, 8]);
    // A direct snapshot always reads.
    time += 500;
    served += 50;
    const direct = await s.build();
    expect(asked).toHaveLength(4);
    expect(direct.requests?.overall.rate).toBeCloseTo(100, 10);
  });

  it('reads on every tick while a read stays within budget', async () => {
    const s = state({ metricsCpuBudgetPercent: 0.5 });
    readCostMs = 4;
    for (let tick = 0; tick < 5; tick++) {
      await s.build({ withinBudget: true });
      time += 1000;
    }
    expect(asked).toHaveLength(5);
  });

  it('refuses a budget outside (0, 100] naming the field', () => {
    expect(() => resolveDashboardOptions({ metricsCpuBudgetPercent: 0 })).toThrow(
      /metricsCpuBudgetPercent/,
    );
    expect(() => resolveDashboardOptions({ metricsCpuBudgetPercent: 150 })).toThrow(
      /metricsCpuBudgetPercent.*at most 100/,
    );
  });

  it('summarizes the traces again only when the kept spans changed', async () => {
    const tracer = new Tracer({ serviceName: 'shop', processor: 'simple', maxSpans: 3 });
    const s = new DashboardState(
      resolveDashboardOptions({ enabled: true, recentSpans: tracer }),
      createRedactor([]),
    );
    for (const name of ['a', 'b', 'c']) tracer.startSpan(name).end();
    const first = (await s.build()).traces;
    expect(first?.slowest).toHaveLength(3);
    expect((await s.build()).traces).toBe(first);
    // The store is full: a new span drops the oldest, same length, new ends.
    tracer.startSpan('d').end();
    const next = (await s.build()).traces;
    expect(next).not.toBe(first);
    expect(next?.slowest.map((t) => t.name).sort()).toEqual(['b', 'c', 'd']);
    await tracer.shutdown();
  });
});
